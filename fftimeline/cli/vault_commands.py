"""Setting up and looking after a vault: init, demo, check, passwd, cases (command line)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from fftimeline.cli.common import (
    NEW_PASSPHRASE_ENV,
    Command,
    actor,
    ask_new,
    current_secret,
    opened,
    refuse_existing,
    vault_command,
)
from fftimeline.cli.errors import AUDIT_BROKEN, CIPHER_FAILED, INTEGRITY_FAILED, OK, say, warn
from fftimeline.cli.secrets import SecretSource, wiped
from fftimeline.services.demo import demo_passphrase, write_demo
from fftimeline.services.vault import VaultCheck, create_vault, open_vault

if TYPE_CHECKING:
    from fftimeline.cli.common import SubParsers


def add_parsers(sub: SubParsers) -> dict[str, Command]:
    """Add this module's commands to the parser; return them by name."""
    vault_command(sub, "init", "create a new, empty vault")
    vault_command(sub, "demo", "create the fictional demo vault and print its passphrase")
    vault_command(sub, "check", "check the database, encryption and audit chain of a vault")
    passwd_parser = vault_command(sub, "passwd", "change the passphrase of a vault")
    passwd_parser.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="read the new passphrase from FILE (or set FFTIMELINE_NEW_PASSPHRASE)",
    )
    vault_command(sub, "cases", "list the cases in a vault (ids and initials only)")
    return {"init": init, "demo": demo, "check": check, "passwd": passwd, "cases": cases}


def init(args: argparse.Namespace) -> int:
    """Create a new, empty vault."""
    path = Path(args.vault)
    refuse_existing(path)
    with wiped(ask_new(current_secret(args, "New passphrase"))) as secret:
        create_vault(path, secret, actor=actor(args)).close()
    say(f"Created the vault {path}. Keep the passphrase safe: nobody can recover it.")
    return OK


def demo(args: argparse.Namespace) -> int:
    """Write the fictional demo vault; print its passphrase unless one was supplied."""
    path = Path(args.vault)
    refuse_existing(path)
    source = current_secret(args)
    made_here = source.interactive
    secret = demo_passphrase() if made_here else source.read()
    with wiped(secret):
        write_demo(path, secret, actor=actor(args))
        say(f"Wrote the demo vault {path}: two fictional cases, about 150 entries.")
        if made_here:
            sys.stdout.write("Passphrase: ")
            sys.stdout.flush()
            sys.stdout.buffer.write(secret)
            sys.stdout.buffer.write(b"\n")
            sys.stdout.flush()
    return OK


def _report(result: VaultCheck) -> None:
    """Print the three checks in plain words."""
    words = {True: "OK", False: "FAILED"}
    say(f"Database structure:       {words[result.integrity_ok]}")
    say(f"Encryption of every page: {words[result.cipher_ok]}")
    say(f"History (audit chain):    {'OK' if result.audit_ok else 'BROKEN'}")
    for problem in result.problems:
        say(f"  - {problem}")


def check(args: argparse.Namespace) -> int:
    """Check integrity, cipher integrity and the audit chain; the exit code says which failed."""
    with opened(args) as vault:
        result = vault.check()
    _report(result)
    if result.ok:
        say("The vault passed every check.")
        say(result.backups)
        return OK
    warn("The vault failed a check. Keep a copy of the file and ask for help.")
    warn(result.backups)
    if not result.integrity_ok:
        return INTEGRITY_FAILED
    return CIPHER_FAILED if not result.cipher_ok else AUDIT_BROKEN


def passwd(args: argparse.Namespace) -> int:
    """Change the passphrase: the old one, then the new one twice; proved by reopening."""
    with wiped(current_secret(args, "Current passphrase").read()) as old:
        vault = open_vault(Path(args.vault), old, actor=actor(args))
        try:
            new_source = SecretSource(
                args.new_passphrase_file, NEW_PASSPHRASE_ENV, "New passphrase"
            )
            with wiped(ask_new(new_source, vault.new_passphrase_problems)) as new:
                vault.change_passphrase(new, current=old)
        finally:
            vault.close()
    say("Passphrase changed. The old passphrase no longer opens the vault.")
    say(
        "Backups made before today still open with the old passphrase only; the newest "
        "backup opens with the new one."
    )
    return OK


def cases(args: argparse.Namespace) -> int:
    """List case ids with initials and counts (never full names)."""
    with opened(args) as vault:
        summaries = vault.cases.summaries()
    say(f"{'ID':>4}  {'CHILD':<10} {'ENTRIES':>7} {'OPEN TASKS':>10} {'OVERDUE':>7}")
    for s in summaries:
        say(
            f"{s.case.id:>4}  {s.case.initials:<10} {s.entry_count:>7} "
            f"{s.open_tasks:>10} {s.overdue_tasks:>7}"
        )
    return OK
