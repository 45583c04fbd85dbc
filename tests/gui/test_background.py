"""Background jobs never stand in the way of locking (ui/background.py)."""

from __future__ import annotations

from pathlib import Path

from fftimeline.services.vault import create_vault
from tests.factories import passphrase


def test_a_job_deleted_with_its_window_does_not_stop_the_lock(qtbot, tmp_path: Path) -> None:
    """A hand-over job whose window was closed before its end was noticed stays listed as
    running; locking must still close the vault (it used to raise and leave it open)."""
    import shiboken6
    from PySide6.QtWidgets import QWidget

    from fftimeline.app import AppController
    from fftimeline.ui.background import BackgroundJob

    window = QWidget()
    job = BackgroundJob(lambda _progress: None, window)
    job.begin()
    job.wait()  # finished, but its end was not yet handled on the interface thread
    shiboken6.delete(window)
    assert not shiboken6.isValid(job) and BackgroundJob._running
    controller = AppController(tmp_path / "settings.json", tmp_path / "data", actor="Sam Key")
    qtbot.addWidget(controller.start_window)
    vault = create_vault(tmp_path / "work.fft", passphrase(), actor="Sam Key")
    controller.on_unlocked(vault)
    controller.lock()
    assert vault.closed and BackgroundJob._running == []
