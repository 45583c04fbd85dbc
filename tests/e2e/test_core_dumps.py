"""The real command line and app processes run with core dumps off (RLIMIT_CORE 0).

Each is started with core dumps allowed, so the test fails if the program does not switch
them off itself; the limit is read from /proc/PID/limits while the process runs.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not Path("/proc/self/limits").exists(), reason="needs Linux /proc"),
]


def _allow_core_dumps() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (1 << 20, resource.getrlimit(resource.RLIMIT_CORE)[1]))


@pytest.fixture(autouse=True)
def _core_dumps_can_be_allowed() -> None:
    hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
    if hard != resource.RLIM_INFINITY and hard < 1 << 20:
        pytest.fail("this test process cannot start children with core dumps on (hard limit)")


def _core_limit(pid: int) -> str:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max core file size"):
            return " ".join(line.split()[4:6])
    return ""


def _limit_once_started(child: subprocess.Popen[bytes], ready: float = 30.0) -> str:
    deadline = time.monotonic() + ready
    seen = ""
    while time.monotonic() < deadline and child.poll() is None:
        seen = _core_limit(child.pid)
        if seen == "0 0":
            break
        time.sleep(0.05)
    return seen


def _run(args: list[str], tmp_path: Path) -> str:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
    }
    child = subprocess.Popen(
        [sys.executable, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        preexec_fn=_allow_core_dumps,
    )
    try:
        return _limit_once_started(child)
    finally:
        child.kill()
        child.wait(timeout=30)


def test_the_command_line_switches_core_dumps_off(tmp_path: Path) -> None:
    # It waits for the passphrase on standard input, so it is alive while we look.
    args = ["-m", "fftimeline", "check", str(tmp_path / "v.fft"), "--passphrase-file", "-"]
    assert _run(args, tmp_path) == "0 0"


def test_the_app_switches_core_dumps_off(tmp_path: Path) -> None:
    assert _run(["-m", "fftimeline.app", "--quit-after-ms", "20000"], tmp_path) == "0 0"
