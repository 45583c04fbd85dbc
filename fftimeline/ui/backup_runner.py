"""Backups, restores and unlocking backups off the interface thread, with progress (UI layer).

A closing backup of a large vault takes seconds; run on the interface thread it would
freeze the window. `run_in_background` runs a service call in a worker thread behind a
progress dialog while the interface thread keeps handling events (the window paints and
stays responsive); Stop asks the call to end at its next progress report (the service
removes an unfinished backup).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from fftimeline.domain.errors import DomainError

Job = Callable[[Callable[[float], bool]], object]
"""A backup call: takes a progress callback (share done; returns False to stop)."""


class _Worker(QThread):
    """Runs one backup call; reports progress and the outcome back to the interface thread."""

    moved = Signal(int)

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._stop = threading.Event()
        self.result: object = None

    def stop(self) -> None:
        """Ask the copy to end at its next progress report."""
        self._stop.set()

    def _progress(self, share: float) -> bool:
        self.moved.emit(int(share * 100))
        return not self._stop.is_set()

    def run(self) -> None:
        """Run the job; its result, or its plain-words error, is kept for the caller."""
        try:
            self.result = self._job(self._progress)
        except DomainError as exc:
            self.result = exc


def run_backup(parent: QWidget | None, job: Job, title: str = "") -> DomainError | None:
    """Run a backup off the interface thread behind a progress dialog; its error, or None."""
    done = run_in_background(parent, job, title)
    return done if isinstance(done, DomainError) else None


def run_in_background(parent: QWidget | None, job: Job, title: str = "") -> object:
    """Run ``job`` off the interface thread behind a progress dialog.

    Returns:
        What the job returned, or the `DomainError` it raised (to show in plain words).
    """
    text = title or QCoreApplication.translate("backup", "Making a backup of the vault…")
    dialog = QProgressDialog(text, QCoreApplication.translate("backup", "Stop"), 0, 100, parent)
    dialog.setWindowTitle(QCoreApplication.translate("backup", "Backup"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(300)
    worker = _Worker(job)
    worker.moved.connect(dialog.setValue)
    worker.finished.connect(dialog.reset)
    dialog.canceled.connect(worker.stop)
    worker.start()
    while not worker.wait(20):
        QCoreApplication.processEvents()
    dialog.reset()
    dialog.deleteLater()
    return worker.result
