"""The app's error hook: a calm message box, even with no console (a windowed Windows build)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

# Runs the real app in a subprocess with no standard error stream, as a windowed Windows build
# does, raises an unexpected error in a Qt slot, and reports the message box the user sees.
CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from fftimeline import app

qapp = QApplication(sys.argv[:1])
out = sys.stdout
sys.stderr = None  # a windowed build has no console


def boom():
    raise RuntimeError("an unexpected fault with CASE-CONTENT-CANARY in it")


def report_box():
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    for box in boxes:
        out.write("BOX: " + box.text() + "\n")
        out.flush()
        box.close()
    if not boxes:
        QTimer.singleShot(50, report_box)


QTimer.singleShot(200, boom)
QTimer.singleShot(300, report_box)
code = app.main(["--quit-after-ms", "2500"])
out.write(f"EXIT {code}\n")
"""


def test_error_box_shows_when_there_is_no_console(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert "BOX: Something went wrong. Nothing was changed." in done.stdout, done.stdout
    assert "EXIT 0" in done.stdout
    assert "CASE-CONTENT-CANARY" not in done.stdout + done.stderr
