"""Typing passphrases at a real terminal (a pseudo-terminal): no echo, retries, confirmation."""

from __future__ import annotations

import os
import select
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import NEW_PASSPHRASE, PASSPHRASE, run, secret_file

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]


class Terminal:
    """``fftimeline ARGS`` running on a pseudo-terminal, driven like a person would."""

    def __init__(self, *args: str) -> None:
        import pty

        env = {k: v for k, v in os.environ.items() if not k.startswith("FFTIMELINE_")}
        pid, fd = pty.fork()
        if pid == 0:  # the child: becomes fftimeline
            os.execve(sys.executable, [sys.executable, "-m", "fftimeline", *args], env)
        self.pid, self.fd, self.seen, self.screen = pid, fd, "", ""

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 4096)
        except OSError:
            return False
        text = chunk.decode("utf-8", "replace")
        self.seen += text
        self.screen += text
        return bool(chunk)

    def expect(self, text: str, timeout: float = 60) -> None:
        """Wait until `text` appears after what was already expected, and move past it."""
        deadline = time.monotonic() + timeout
        while text not in self.seen:
            assert time.monotonic() < deadline, f"never saw {text!r} in {self.screen!r}"
            assert self._read(0.2), f"ended before {text!r}: {self.screen!r}"
        self.seen = self.seen.split(text, 1)[1]

    def type(self, line: str) -> None:
        """Type a line and press Enter (only ever after its prompt has appeared)."""
        os.write(self.fd, line.encode() + b"\n")

    def finish(self, timeout: float = 60) -> int:
        """Read to the end and return the exit code."""
        deadline = time.monotonic() + timeout
        while self._read(0.2) and time.monotonic() < deadline:
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        assert "Traceback" not in self.screen, self.screen
        return os.waitstatus_to_exitcode(status)


def test_init_at_a_terminal_explains_weak_and_mismatched_passphrases(tmp_path: Path) -> None:
    vault = tmp_path / "typed.fft"
    term = Terminal("init", str(vault))
    term.expect("New passphrase:")
    term.type("abc")
    term.expect("New passphrase again:")
    term.type("abc")
    term.expect("too weak")
    term.expect("New passphrase:")
    term.type(PASSPHRASE)
    term.expect("New passphrase again:")
    term.type(PASSPHRASE + "x")
    term.expect("different")
    term.expect("New passphrase:")
    term.type(PASSPHRASE)
    term.expect("New passphrase again:")
    term.type(PASSPHRASE)
    assert term.finish() == 0
    assert PASSPHRASE not in term.screen  # never echoed
    check = run("check", str(vault), "--passphrase-file", str(secret_file(tmp_path, PASSPHRASE)))
    assert check.code == 0, check.err


def test_passwd_at_a_terminal(tmp_path: Path) -> None:
    vault = tmp_path / "work.fft"
    assert run("init", str(vault), env={"FFTIMELINE_PASSPHRASE": PASSPHRASE}).code == 0
    term = Terminal("passwd", str(vault))
    term.expect("Current passphrase:")
    term.type(PASSPHRASE)
    term.expect("New passphrase:")
    term.type(NEW_PASSPHRASE)
    term.expect("New passphrase again:")
    term.type(NEW_PASSPHRASE)
    assert term.finish() == 0
    assert "Passphrase changed." in term.screen
    assert NEW_PASSPHRASE not in term.screen
    assert run("check", str(vault), env={"FFTIMELINE_PASSPHRASE": NEW_PASSPHRASE}).code == 0
    assert run("check", str(vault), env={"FFTIMELINE_PASSPHRASE": PASSPHRASE}).code == 10
