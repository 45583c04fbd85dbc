"""Slow work off the interface thread, with a progress window (ui layer).

Building a preview, an export or a PDF of a large case, or re-encrypting the vault, takes
seconds; done on the interface thread it freezes the window. Two ways to hand it off, both
keeping the window drawn and answering while a Python thread does the work:

* `run_in_background(parent, label, work)` for a slot that needs the result to go on
  (print, preview, PDF, export): it returns once the work has finished, as if the
  function had been called there. ``work`` is handed a ``progress(done, total)`` callback;
  after Cancel, that callback raises `Cancelled`, so the work stops at its next step and
  nothing half-done is written. Work that cannot stop half way gets no Cancel.
* `BackgroundWork` for work that must not be interrupted and whose outcome arrives later
  through ``on_done`` or ``on_error`` (re-encrypting the vault under a new passphrase).

* `BackgroundJob` and `ProgressPanel` for work shown inside its own dialog (a hand-over,
  importing one, a purge): the job hands the service a `services.progress.Progress` whose
  reports move the panel's bar and whose ``cancelled`` reads its Cancel button. Locking the
  app calls `BackgroundJob.stop_all` first, so no such work still uses the vault when it closes.

("Tasks" means agreed actions in this app, hence "background".)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from typing_extensions import override

from fftimeline.printing import Cancelled
from fftimeline.services.progress import Progress as WorkProgress

T = TypeVar("T")
Progress = Callable[[int, int], None]
Work = Callable[[WorkProgress], object]
"""Work for a `BackgroundJob`: it is handed a `services.progress.Progress`."""

SHOW_AFTER_MS = 300
"""Quick work finishes without a window flashing up."""


class _Relay(QObject):
    """Carries the worker's news to the interface thread (signals queue across threads)."""

    finished = Signal(object)
    failed = Signal(object)
    stepped = Signal(int, int)
    done = Signal()


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


class _Job(Generic[T]):
    """One run of the work on a Python thread; its result or error, and the Cancel flag."""

    def __init__(self, work: Callable[[Progress], T]) -> None:
        self.work = work
        self.cancel = threading.Event()
        self.relay = _Relay()
        self.result: T | None = None
        self.error: BaseException | None = None
        self.finished = False
        self.thread = threading.Thread(target=self._run, name="fftimeline-work", daemon=True)

    def progress(self, done: int, total: int) -> None:
        if self.cancel.is_set():
            raise Cancelled()
        self.relay.stepped.emit(done, total)

    def _run(self) -> None:
        try:
            self.result = self.work(self.progress)
        except BaseException as exc:  # noqa: BLE001 - handed back to the interface thread
            self.error = exc
        finally:
            self.finished = True
            self.relay.done.emit()


def run_in_background(
    parent: QWidget | None,
    label: str,
    work: Callable[[Progress], T],
    *,
    cancellable: bool = True,
) -> T:
    """Run ``work(progress)`` on a worker thread; its result, once it has finished.

    The interface keeps drawing and answering while it runs; a modal window with a
    progress bar (and Cancel, when ``cancellable``: work that never calls ``progress``
    cannot stop half way, so it gets no Cancel) appears if it takes longer than a moment.

    Raises:
        Cancelled: the key worker pressed Cancel (the work stopped at its next step).
        Exception: whatever ``work`` raised, unchanged.
    """
    job: _Job[T] = _Job(work)
    dialog = QProgressDialog(label, parent.tr("Cancel") if parent else "Cancel", 0, 0, parent)
    dialog.setWindowTitle(dialog.tr("Working…"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(24 * 3600 * 1000)  # shown by the timer below, not by Qt
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAccessibleName(label)
    if not cancellable:
        dialog.setCancelButton(None)

    def stepped(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))

    def cancel() -> None:
        job.cancel.set()
        dialog.setLabelText(dialog.tr("Stopping…"))

    loop = QEventLoop()
    job.relay.stepped.connect(stepped)
    job.relay.done.connect(loop.quit)
    dialog.canceled.connect(cancel)
    QTimer.singleShot(SHOW_AFTER_MS, lambda: None if job.finished else dialog.show())
    job.thread.start()
    loop.exec()  # the interface keeps running; the window answers while the work goes on
    job.thread.join()
    dialog.hide()
    dialog.deleteLater()
    if job.error is not None:
        raise job.error  # Cancelled too, when the work stopped at Cancel
    return job.result  # type: ignore[return-value]


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
        progress = WorkProgress(report=self.progressed.emit, cancelled=self._stop.is_set)
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
        """Ask every running job to stop and wait for it (before the vault closes).

        A job deleted with its window before its end was noticed is only forgotten: its
        thread has finished (Qt waits for it), and touching it would raise, stopping the
        lock before the vault is closed.
        """
        for job in list(cls._running):
            if not shiboken6.isValid(job):
                cls._running.remove(job)
                continue
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
