"""Core dumps are off, so a crash cannot leave decrypted pages or the key on disk."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
def test_core_dumps_are_switched_off_for_the_process() -> None:
    code = (
        "import resource; from fftimeline.hardening import disable_core_dumps;"
        "assert disable_core_dumps(); print(resource.getrlimit(resource.RLIMIT_CORE))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "(0, 0)"
