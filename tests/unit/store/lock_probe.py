"""A second process that tries to open a vault, for the single-writer tests.

Usage: ``python -m tests.unit.store.lock_probe VAULT`` with the passphrase on stdin. Prints
``in use`` when the vault is refused because another process holds it, ``opened`` when it
could open (and so write) it, or the error's code otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fftimeline.domain.errors import VaultError, VaultInUse
from fftimeline.services.vault import open_vault


def main() -> None:
    """Try once to open the vault and say what happened."""
    secret = bytearray(sys.stdin.buffer.readline().rstrip(b"\n"))
    try:
        vault = open_vault(Path(sys.argv[1]), secret, actor="Probe")
    except VaultInUse:
        print("in use", flush=True)  # noqa: T201 - the parent reads stdout
        return
    except VaultError as exc:
        print(exc.code, flush=True)  # noqa: T201
        return
    print("opened", flush=True)  # noqa: T201
    vault.close(backup=False)


if __name__ == "__main__":
    main()
