"""Run one piece of slow work off the interface thread, with a progress window (ui layer).

The window stays responsive (it repaints, the progress window shows) while the work runs in a
Python thread; the result or the error comes back on the interface thread through a queued
Qt signal. Used for work that must not be interrupted half-way, such as re-encrypting the
vault under a new passphrase: the progress window then has no Cancel button and says why.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Relay(QObject):
    """Carries the outcome from the worker thread to the interface thread."""

    finished = Signal(object)
    failed = Signal(object)


class BackgroundWork(QObject):
    """One call in a worker thread; `on_done(result)` or `on_error(exc)` run on the GUI thread."""

    def __init__(
        self,
        parent: QWidget,
        work: Callable[[], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        message: str,
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._relay = _Relay(self)
        self._relay.finished.connect(lambda result: self._end(on_done, result))
        self._relay.failed.connect(lambda error: self._end(on_error, error))
        self.progress = QProgressDialog(message, "", 0, 0, parent)
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.worker = threading.Thread(target=self._run, name="fftimeline-work", daemon=True)

    def start(self) -> None:
        """Show the progress window and start the work."""
        self.progress.show()
        self.worker.start()

    def _run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # noqa: BLE001 - handed to the interface thread as is
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)

    def _end(self, handler: Callable[[Any], None], value: object) -> None:
        self.progress.close()
        self.progress.deleteLater()
        handler(value)
        self.deleteLater()
