"""Long work off the interface thread (ui layer).

`BackgroundWork` runs one call that must not be interrupted half-way (re-encrypting the vault
under a new passphrase) with a progress window that has no Cancel button and says why.

`BackgroundJob` runs one service call that can stop cleanly (a hand-over, importing one, a
purge) on a worker thread, handing it a `services.progress.Progress` whose reports move the bar
and whose ``cancelled`` reads the Cancel button; `ProgressPanel` is the bar, the words and the
Cancel button a dialog shows. Locking the app calls `BackgroundJob.stop_all` first: every job
is asked to stop and waited for, so no work is still using the vault when it closes.

Either way the window stays responsive, and the result or the error comes back on the
interface thread through a queued Qt signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from typing_extensions import override

from fftimeline.services.progress import Progress

Work = Callable[[Progress], object]


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


class BackgroundJob(QThread):
    """One piece of long work on its own thread.

    Signals:
        progressed: (done, total, stage words) as the work goes on.
        succeeded: the work's result.
        failed: the exception it raised (a DomainError has plain words for the user).
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    _running: ClassVar[list[BackgroundJob]] = []

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = threading.Event()
        self.finished.connect(self._forget)

    @override
    def run(self) -> None:
        progress = Progress(report=self.progressed.emit, cancelled=self._stop.is_set)
        try:
            result = self._work(progress)
        except Exception as error:  # noqa: BLE001 - handed to the interface thread to word it
            self.failed.emit(error)
            return
        self.succeeded.emit(result)

    def begin(self) -> None:
        """Start the work (and remember it, so a lock can stop it)."""
        BackgroundJob._running.append(self)
        self.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next step; what it did so far is undone."""
        self._stop.set()

    def _forget(self) -> None:
        if self in BackgroundJob._running:
            BackgroundJob._running.remove(self)

    @classmethod
    def stop_all(cls) -> None:
        """Ask every running job to stop and wait for it (before the vault closes)."""
        for job in list(cls._running):
            job.cancel()
            job.wait()
            job._forget()


class ProgressPanel(QWidget):
    """A progress bar, what is happening in words, and a Cancel button for one job."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Progress"))
        self.stage = QLabel()
        self.stage.setAccessibleName(self.tr("What is happening"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Stop this work"))
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.stage, 1)
        box.addWidget(self.bar, 2)
        box.addWidget(self.cancel_button)
        self.job: BackgroundJob | None = None
        self.cancel_button.clicked.connect(self.cancel)
        self.hide()

    def run(
        self, work: Work, on_done: Callable[[object], None], on_error: Callable[[object], None]
    ) -> None:
        """Start ``work`` on its own thread and show its progress until it ends."""
        job = BackgroundJob(work, self)
        job.progressed.connect(self._show)
        job.succeeded.connect(on_done)
        job.failed.connect(on_error)
        job.finished.connect(self._ended)
        self.job = job
        self.bar.setRange(0, 0)  # busy until the first report
        self.stage.setText(self.tr("Starting…"))
        self.cancel_button.setEnabled(True)
        self.show()
        job.begin()

    @property
    def running(self) -> bool:
        """Whether a job is under way."""
        return self.job is not None and self.job.isRunning()

    def cancel(self) -> None:
        """Cancel pressed: ask the job to stop; it undoes what it did."""
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.stage.setText(self.tr("Stopping…"))

    def stop_and_wait(self) -> None:
        """Stop the job and wait for it (the dialog is closing, or the app locking)."""
        if self.job is not None:
            self.job.cancel()
            self.job.wait()

    def _show(self, done: int, total: int, stage: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))
        self.stage.setText(self.tr(stage))

    def _ended(self) -> None:
        self.hide()
        self.job = None
