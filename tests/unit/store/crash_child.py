"""Child process for the crash-loop test: add entries one per transaction until killed.

Usage: ``python -m tests.unit.store.crash_child VAULT CASE_ID`` with the passphrase on
stdin. Prints ``ready`` once the vault is open, then each entry id after ``add`` returned
(that is, after COMMIT).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fftimeline.services.vault import open_vault
from tests.factories import make_entry


def main() -> None:
    """Open the vault and write entries forever."""
    path, case_id = Path(sys.argv[1]), int(sys.argv[2])
    secret = bytearray(sys.stdin.buffer.readline().rstrip(b"\n"))
    vault = open_vault(path, secret, actor="Crash Child")
    secret[:] = bytes(len(secret))
    print("ready", flush=True)  # noqa: T201 - the parent reads stdout
    n = 0
    while True:
        entry = vault.entries.add(case_id, make_entry(summary=f"Crash entry {n}"))
        print(entry.id, flush=True)  # noqa: T201
        n += 1


if __name__ == "__main__":
    main()
