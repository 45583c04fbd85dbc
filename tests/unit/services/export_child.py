"""Child process for the export kill test: export again and again, pausing at a chosen step.

Usage: ``python -m tests.unit.services.export_child VAULT CASE_ID FOLDER STEP`` with the
passphrase on stdin. Prints ``ready`` once the vault is open (and ``notice: ...`` for what the
open put right), then, for every export, the name of each step as it is reached:
``before-fsync``, ``after-fsync``, ``after-rename``, ``after-record``. At STEP it stops there
(sleeps) so the parent can kill it with SIGKILL at exactly that point; STEP ``none`` never
stops, for kills at random moments.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fftimeline.services.export import ExportRequest, audiences, default_file_name, export_xlsx
from fftimeline.services.vault import open_vault

PART = re.compile(r"/\.fft-[0-9a-f]{16}\.part$")


def _say(step: str, stop_at: str) -> None:
    print(step, flush=True)  # noqa: T201 - the parent reads stdout
    if step == stop_at:
        time.sleep(600)


def _is_part(fd: int) -> bool:
    try:
        return bool(PART.search(os.readlink(f"/proc/self/fd/{fd}")))
    except OSError:
        return False


def _watch(stop_at: str) -> None:
    real_fsync: Callable[[int], None] = os.fsync
    real_replace: Callable[..., None] = os.replace

    def fsync(fd: int) -> None:
        part = _is_part(fd)
        if part:
            _say("before-fsync", stop_at)
        real_fsync(fd)
        if part:
            _say("after-fsync", stop_at)

    def replace(src: Any, dst: Any, **kw: Any) -> None:
        real_replace(src, dst, **kw)
        if PART.search(str(src)):
            _say("after-rename", stop_at)

    os.fsync = fsync  # type: ignore[assignment]
    os.replace = replace


def main() -> None:
    """Open the vault and export until killed."""
    path, case_id, folder, stop_at = (
        Path(sys.argv[1]),
        int(sys.argv[2]),
        Path(sys.argv[3]),
        sys.argv[4],
    )
    secret = bytearray(sys.stdin.buffer.readline().rstrip(b"\n"))
    vault = open_vault(path, secret, actor="Export Child")
    secret[:] = bytes(len(secret))
    for note in vault.notices:
        print(f"notice: {note}", flush=True)  # noqa: T201
    print("ready", flush=True)  # noqa: T201
    _watch(stop_at)
    request = ExportRequest("safeguarding-team", "Safeguarding team", "Case review")
    profile = next(p for p in audiences(vault) if p.slug == "safeguarding-team")
    while True:
        export_xlsx(vault, case_id, request, folder / default_file_name(profile))
        _say("after-record", stop_at)


if __name__ == "__main__":
    main()
