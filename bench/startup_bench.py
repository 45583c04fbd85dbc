"""Start-up time to the welcome screen, as a ratio to a bare PySide6 window.

Each run starts a fresh process and times it from launch until it prints that its first
window has been drawn (the app's ``--smoke-test`` line; the bare window prints the same
after its own first paint). Measured, median of `RUNS` runs each, in this order so the disk
cache treats them alike:

* a bare window: ``python -c`` with PySide6 only (QApplication, one QWidget, paint, quit);
* the app from source: ``python -m fftimeline --smoke-test``;
* the frozen app, when one is built (``make package``; or set ``FFTIMELINE_FROZEN`` to its
  executable): ``build/dist/fftimeline/fftimeline --smoke-test``.

Target: the app within 2x the bare window. Every process runs offscreen with its own empty
home and settings folders. Run: ``.venv/bin/python -m bench.startup_bench``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

RUNS = int(os.environ.get("FFTIMELINE_BENCH_RUNS", "7"))
TARGET = 2.0
DRAWN = "welcome screen drawn"
ROOT = Path(__file__).resolve().parents[1]

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, done)
        return False

def done():
    print("fftimeline: welcome screen drawn", flush=True)
    app.exit(0)

app = QApplication(sys.argv[:1])
window = QLabel("Welcome")
window.resize(600, 360)
painted = Painted()
window.installEventFilter(painted)
window.show()
sys.exit(app.exec())
"""


def _env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def time_to_drawn(command: list[str], home: Path) -> float:
    """Seconds from starting `command` until it prints that its window was drawn.

    The program quits by itself right after; one that never draws is stopped after 60 s.
    """
    started = time.perf_counter()
    with subprocess.Popen(
        command, env=_env(home), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        assert process.stdout is not None
        timer = threading.Timer(60, process.kill)
        timer.start()
        try:
            for line in process.stdout:
                if DRAWN in line:
                    took = time.perf_counter() - started
                    break
            else:
                raise RuntimeError(f"{command[0]} never drew its window")
            process.wait(timeout=60)
        finally:
            timer.cancel()
    return took


def median_time(command: list[str]) -> float:
    """Median of `RUNS` start-ups, each in a fresh empty home folder."""
    times = []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory(prefix="fftimeline-bench-") as home:
            times.append(time_to_drawn(command, Path(home)))
    return statistics.median(times)


def frozen_executable() -> Path | None:
    """The frozen app, if one has been built."""
    named = os.environ.get("FFTIMELINE_FROZEN")
    path = Path(named) if named else ROOT / "build" / "dist" / "fftimeline" / "fftimeline"
    return path if path.is_file() else None


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="fftimeline-bench-") as scratch:
        picture = str(Path(scratch) / "welcome.png")
        python = sys.executable
        median_time([python, "-c", BARE])  # warm the disk cache for all of them
        bare = median_time([python, "-c", BARE])
        rows = [
            ("app from source", median_time([python, "-m", "fftimeline", "--smoke-test", picture]))
        ]
        frozen = frozen_executable()
        if frozen is not None:
            rows.append(("frozen app", median_time([str(frozen), "--smoke-test", picture])))
    print(f"start-up to the first drawn window, median of {RUNS} runs")
    print("| what | time | bare PySide6 window | ratio | target |")
    print("|---|---|---|---|---|")
    for name, took in rows:
        ratio = took / bare
        figures = f"{took * 1000:.0f} ms | {bare * 1000:.0f} ms | {ratio:.2f}x"
        print(f"| {name} | {figures} | < {TARGET:.0f}x |")
    if frozen is None:
        print("(no frozen app built: `make package` first to measure it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
