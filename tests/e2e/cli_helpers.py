"""Run the real ``python -m fftimeline`` in a subprocess, as a script or a person would."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PASSPHRASE = "correct horse battery staple 42"
NEW_PASSPHRASE = "a brand new passphrase for 2026"
_SECRET_ENVS = (
    "FFTIMELINE_PASSPHRASE",
    "FFTIMELINE_NEW_PASSPHRASE",
    "FFTIMELINE_EXPORT_PASSWORD",
    "FFTIMELINE_ACTOR",
)


@dataclass(frozen=True)
class Run:
    """What one command printed and returned."""

    code: int
    out: str
    err: str


def run(*args: str, env: dict[str, str] | None = None, stdin: str = "") -> Run:
    """Run ``fftimeline ARGS``; fails the test if anything shows a traceback."""
    clean = {k: v for k, v in os.environ.items() if k not in _SECRET_ENVS}
    clean["QT_QPA_PLATFORM"] = "offscreen"
    clean.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "fftimeline", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=clean,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert "Traceback" not in done.stdout, done.stdout
    return Run(done.returncode, done.stdout, done.stderr)


def secret_file(folder: Path, text: str, name: str = "passphrase.txt") -> Path:
    """A file holding a secret followed by a newline, as `echo` would write it."""
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def digest(path: Path) -> tuple[str, int]:
    """(sha256, mtime_ns) of a file, to prove a command left it untouched."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def make_vault(folder: Path, text: str = PASSPHRASE) -> Path:
    """A new, empty vault made with ``fftimeline init``."""
    path = folder / "work.fft"
    result = run("init", str(path), "--passphrase-file", str(secret_file(folder, text)))
    assert result.code == 0, result.err
    return path
