"""The desktop app starts and quits cleanly in a real subprocess (offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def _isolated(home: Path) -> dict[str, str]:
    """Offscreen, with settings and data under `home` (never the developer's own)."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "HOME": str(home),
    }


def test_app_starts_and_quits_offscreen(tmp_path: Path) -> None:
    env = _isolated(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "fftimeline.app", "--quit-after-ms", "500"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert not list(tmp_path.rglob("*.fft")), "no vault is made just by starting"


def test_smoke_test_option_saves_the_drawn_welcome_screen_and_quits(tmp_path: Path) -> None:
    env = _isolated(tmp_path)
    picture = tmp_path / "welcome.png"
    done = subprocess.run(
        [sys.executable, "-m", "fftimeline", "--smoke-test", str(picture)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "fftimeline: welcome screen drawn" in done.stdout
    data = picture.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 2_000, "the picture is blank"
