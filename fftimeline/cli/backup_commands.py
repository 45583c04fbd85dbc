"""Backups on the command line: backup, backups, restore.

``backup VAULT`` makes a verified, encrypted backup now. ``backups VAULT`` lists a vault's
backups with when they were made and, after unlocking each with the passphrase, how many
cases and entries they hold. ``restore BACKUP --to VAULT`` copies a backup into a new
vault file; over an existing one only with ``--replace`` (asked again at a terminal), and
the file replaced is kept beside it, never deleted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from fftimeline.cli.common import (
    FILE_HELP,
    Command,
    UsageError,
    actor,
    current_secret,
    opened,
    vault_command,
)
from fftimeline.cli.errors import OK, say
from fftimeline.cli.secrets import wiped
from fftimeline.domain.errors import VaultExists
from fftimeline.services.backups import BackupFile, Reason, default_folder, find_backups, when
from fftimeline.services.restore import describe, restore

if TYPE_CHECKING:
    from fftimeline.cli.common import SubParsers

FOLDER_HELP = "the backup folder (default: NAME-backups beside the vault)"


def add_parsers(sub: SubParsers) -> dict[str, Command]:
    """Add this module's commands to the parser; return them by name."""
    backup_parser = vault_command(sub, "backup", "make a verified, encrypted backup of a vault now")
    backup_parser.add_argument("--folder", metavar="DIR", help="where to put it (remembered)")
    list_parser = vault_command(sub, "backups", "list a vault's backups (unlocking each to count)")
    list_parser.add_argument("--folder", metavar="DIR", help=FOLDER_HELP)
    restore_parser: argparse.ArgumentParser = sub.add_parser(
        "restore",
        help="restore a backup into a vault file",
        description="Restore a backup into a new vault file (or replace one, keeping it).",
    )
    restore_parser.add_argument("vault", metavar="BACKUP", help="the backup file")
    restore_parser.add_argument("--to", metavar="VAULT", required=True, help="the vault to write")
    restore_parser.add_argument(
        "--replace",
        action="store_true",
        help="replace VAULT if it exists (it is kept beside it as NAME-replaced-WHEN.fft)",
    )
    restore_parser.add_argument("--yes", action="store_true", help="do not ask before replacing")
    restore_parser.add_argument("--passphrase-file", metavar="FILE", help=FILE_HELP)
    restore_parser.add_argument("--actor", help="who is working, as recorded in the audit log")
    return {"backup": backup, "backups": backups, "restore": restore_command}


def backup(args: argparse.Namespace) -> int:
    """Make a backup now, into --folder (remembered) or the vault's backup folder."""
    with opened(args) as vault:
        if args.folder:
            vault.backups.set_folder(Path(args.folder))
        made = vault.backups.make(Reason.MANUAL)
        moved = vault.backups.fell_back
    if moved:
        say("The chosen backup folder could not be reached, so the backup went beside the vault.")
    say(f"Made and checked the backup {made.path}.")
    return OK


def _folder(args: argparse.Namespace, vault: Path) -> Path:
    return Path(args.folder) if args.folder else default_folder(vault)


def backups(args: argparse.Namespace) -> int:
    """List backups newest first: when, why, cases and entries (after unlocking each)."""
    vault = Path(args.vault)
    folder = _folder(args, vault)
    found = find_backups(folder, vault.stem)
    if not found:
        say(f"No backups of {vault.name} in {folder}.")
        return OK
    with wiped(current_secret(args, "Passphrase for the backups").read()) as secret:
        summaries = describe(found, secret)
    say(f"Backups of {vault.name} in {folder}, newest first:")
    for s in summaries:
        what = f"{s.facts.cases} cases, {s.facts.entries} entries" if s.facts else s.problem
        say(f"  {when(s.file.made_at)} ({s.file.reason}): {what}")
        say(f"      {s.file.path}")
    return OK


def restore_command(args: argparse.Namespace) -> int:
    """Restore BACKUP into --to VAULT (a new file, or --replace with the old one kept)."""
    source, target = Path(args.vault), Path(args.to)
    if BackupFile.from_path(source) is None and not source.is_file():
        raise UsageError(f"There is no backup at {source}.")
    if (target.exists() or target.is_symlink()) and not args.replace:
        raise VaultExists()
    if target.exists() and not args.yes:
        _confirm_replace(target)
    with wiped(current_secret(args, "Passphrase of the backup").read()) as secret:
        done = restore(source, secret, target, actor=actor(args), replace=args.replace)
    say(
        f"Restored {done.facts.cases} cases and {done.facts.entries} entries into {done.vault}. "
        "It opens with the passphrase the backup was made with."
    )
    if done.kept_as is not None:
        say(f"The vault that was there is kept, unchanged, as {done.kept_as}.")
    return OK


def _confirm_replace(target: Path) -> None:
    if not sys.stdin.isatty():
        raise UsageError("To replace an existing vault without a terminal, add --yes.")
    answer = input(f"Replace {target}? It will be kept beside it, renamed. Type yes: ")
    if answer.strip().lower() != "yes":
        raise UsageError("Nothing was changed.")
