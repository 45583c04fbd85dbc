"""Child process for the kill-during-passphrase-change test.

Usage: ``python -m tests.unit.store.rekey_child VAULT`` with the old and the new passphrase
on two lines of stdin. Prints ``ready`` once the vault is open, then changes the
passphrase and prints ``changed`` when the change has been proved.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fftimeline.services.vault import open_vault


def main() -> None:
    """Open with the old passphrase and change it to the new one."""
    old = bytearray(sys.stdin.buffer.readline().rstrip(b"\n"))
    new = bytearray(sys.stdin.buffer.readline().rstrip(b"\n"))
    vault = open_vault(Path(sys.argv[1]), old, actor="Rekey Child")
    print("ready", flush=True)  # noqa: T201 - the parent reads stdout
    vault.change_passphrase(new, current=old)
    print("changed", flush=True)  # noqa: T201
    vault.close(backup=False)


if __name__ == "__main__":
    main()
