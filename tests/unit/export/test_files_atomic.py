"""An export appears whole or not at all, even when the disk refuses part-way through.

The writing runs in a child process whose file size limit (RLIMIT_FSIZE) is smaller than
the export, so the disk refuses the write half-way, as a full disk or a pulled memory
stick would. A non-atomic write would leave half a file at the target.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")

ROOT = Path(__file__).resolve().parents[3]
_CHILD = """
import resource, signal, sys
from pathlib import Path
from fftimeline.export.files import ExportNotWritten, write_atomically
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384))
try:
    write_atomically(Path(sys.argv[1]), bytes(range(256)) * 256)
except ExportNotWritten as exc:
    print("refused:", exc.message)
else:
    print("written")
"""


def _write_limited(target: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.strip()


def test_a_write_refused_half_way_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "strategy.xlsx"
    out = _write_limited(target)
    assert out.startswith("refused:") and "Nothing was written" in out
    assert list(tmp_path.iterdir()) == []


def test_a_write_refused_half_way_keeps_the_earlier_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "strategy.xlsx"
    target.write_bytes(b"the earlier export")
    assert _write_limited(target).startswith("refused:")
    assert target.read_bytes() == b"the earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["strategy.xlsx"]


def test_a_whole_write_replaces_the_file(tmp_path: Path) -> None:
    from fftimeline.export.files import write_atomically

    target = tmp_path / "strategy.xlsx"
    target.write_bytes(b"old")
    write_atomically(target, b"new\r\n\n bytes")
    assert target.read_bytes() == b"new\r\n\n bytes"
    assert [p.name for p in tmp_path.iterdir()] == ["strategy.xlsx"]
