"""A backup runs off the interface thread: the window keeps working while it is made."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer

from fftimeline.services.backups import Reason
from fftimeline.services.vault import create_vault
from fftimeline.ui.backup_runner import run_backup
from tests.factories import make_case, make_entry, passphrase


def test_the_interface_keeps_running_while_a_backup_is_made(qtbot) -> None:
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)

    def slow_job(progress: Callable[[float], bool]) -> None:
        for step in range(10):
            time.sleep(0.05)
            progress(step / 10)

    assert run_backup(None, slow_job) is None
    timer.stop()
    assert len(ticks) >= 10  # events ran on the interface thread throughout


def test_stop_ends_a_real_backup_and_leaves_no_file(qtbot, tmp_path: Path) -> None:
    vault = create_vault(tmp_path / "work.fft", passphrase(), actor="Sam Key")
    case = vault.cases.add(make_case())
    vault.entries.add_many(case.id, [make_entry(account="z" * 2000) for _ in range(400)])

    def job(progress: Callable[[float], bool]) -> object:
        return vault.backups.make(Reason.MANUAL, lambda share: progress(share) and False)

    error = run_backup(None, job)
    assert error is not None and error.code == "backup_stopped"
    assert vault.backups.backups() == []
    assert run_backup(None, lambda progress: vault.backups.make(Reason.MANUAL, progress)) is None
    assert len(vault.backups.backups()) == 1
    vault.close(backup=False)
