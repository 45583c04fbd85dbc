"""What every command shares: who is working, reading secrets, opening the vault (command line).

Each command module (`vault_commands`, `export_command`, ...) takes the parsed arguments and
returns an exit code (see `fftimeline.cli.main`). Secrets are read through `cli.secrets` and
zeroed as soon as the vault has them.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fftimeline.cli.errors import warn
from fftimeline.cli.secrets import SecretError, SecretSource, wipe, wiped
from fftimeline.domain.errors import DomainError, VaultExists, WeakPassphrase
from fftimeline.services.vault import OpenVault, open_vault, passphrase_problems

Command = Callable[[argparse.Namespace], int]
"""A command: parsed arguments in, exit code out."""
if TYPE_CHECKING:
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]
    """What ``add_subparsers`` returns; each command module adds its parsers to it."""

FILE_HELP = "read the passphrase from FILE ('-' for standard input) instead of asking"
ENV_NOTE = "The passphrase can also come from the FFTIMELINE_PASSPHRASE environment variable."

PASSPHRASE_ENV = "FFTIMELINE_PASSPHRASE"
NEW_PASSPHRASE_ENV = "FFTIMELINE_NEW_PASSPHRASE"
PASSWORD_ENV = "FFTIMELINE_EXPORT_PASSWORD"
ACTOR_ENV = "FFTIMELINE_ACTOR"
NEW_TRIES = 3


class UsageError(DomainError):
    """Something the command needs was not given (exit code 2)."""

    def __init__(self, message: str) -> None:
        super().__init__("usage", message)


def actor(args: argparse.Namespace) -> str:
    """Who is working: --actor, then FFTIMELINE_ACTOR, then the computer's user name."""
    if args.actor:
        return str(args.actor)
    if os.environ.get(ACTOR_ENV):
        return os.environ[ACTOR_ENV]
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "command line"


def current_secret(args: argparse.Namespace, label: str = "Passphrase") -> SecretSource:
    """Where the vault's passphrase comes from: --passphrase-file, the environment, a prompt."""
    return SecretSource(args.passphrase_file, PASSPHRASE_ENV, label)


def _problems(secret: bytearray, rules: Callable[[str], list[str]]) -> list[str]:
    """Plain reasons a new passphrase is too weak ([] when it will do)."""
    try:
        text = bytes(secret).decode("utf-8")
    except UnicodeDecodeError:
        return ["The passphrase is not valid text. Type it again."]
    return rules(text)


def ask_new(
    source: SecretSource, rules: Callable[[str], list[str]] = passphrase_problems
) -> bytearray:
    """A new passphrase that passes the strength check; a person gets three tries.

    ``rules`` gives the reasons a passphrase is too weak: for an existing vault, its
    `OpenVault.new_passphrase_problems`, which counts the names in its cases.
    """
    tries = NEW_TRIES if source.interactive else 1
    problems: list[str] = []
    for attempt in range(1, tries + 1):
        try:
            secret = source.read_confirmed()
        except SecretError as exc:
            if exc.code != "secrets_differ" or attempt == tries:
                raise
            warn(exc.message)
            continue
        problems = _problems(secret, rules)
        if not problems:
            return secret
        wipe(secret)
        if attempt < tries:
            warn("That passphrase is too weak. " + " ".join(problems))
    raise WeakPassphrase("weak_passphrase", "That passphrase is too weak. " + " ".join(problems))


def refuse_existing(path: Path) -> None:
    """Stop before asking anything if a new file could not go at `path`."""
    if path.exists() or path.is_symlink():
        raise VaultExists()
    if not path.parent.is_dir():
        raise DomainError(
            "folder_missing",
            f"There is no folder at {path.parent}. Create it first or choose another place.",
        )


@contextmanager
def opened(args: argparse.Namespace, label: str = "Passphrase") -> Iterator[OpenVault]:
    """The vault named on the command line, unlocked, and closed again afterwards."""
    path = Path(args.vault)
    with wiped(current_secret(args, label).read()) as secret:
        vault = open_vault(path, secret, actor=actor(args))
    for note in vault.notices:
        warn(note)
    try:
        yield vault
    finally:
        vault.close()


def text_option(value: str | None, question: str, missing: str) -> str:
    """A required piece of text: from its option, else asked for at a terminal."""
    if value and value.strip():
        return value.strip()
    if sys.stdin.isatty():
        typed = input(question).strip()
        if typed:
            return typed
    raise UsageError(missing)


def vault_command(sub: SubParsers, name: str, help_text: str) -> argparse.ArgumentParser:
    """A subcommand taking VAULT, --passphrase-file and --actor."""
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=help_text, description=help_text, epilog=ENV_NOTE
    )
    parser.add_argument("vault", metavar="VAULT", help="the vault file")
    parser.add_argument("--passphrase-file", metavar="FILE", help=FILE_HELP)
    parser.add_argument("--actor", help="who is working, as recorded in the audit log")
    return parser
