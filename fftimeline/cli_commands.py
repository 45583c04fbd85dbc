"""What each fftimeline command does, on top of the services (command line).

Each command takes the parsed arguments and returns an exit code (see `fftimeline.cli`).
Secrets are read through `cli_secrets` and zeroed as soon as the vault has them.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from fftimeline.cli_errors import AUDIT_BROKEN, CIPHER_FAILED, INTEGRITY_FAILED, OK, say, warn
from fftimeline.cli_secrets import SecretError, SecretSource, wipe, wiped
from fftimeline.domain.errors import DomainError, VaultExists, WeakPassphrase
from fftimeline.export.protect import PASSWORD_REMINDER, password_problems
from fftimeline.services.demo import demo_passphrase, write_demo
from fftimeline.services.export import ExportRequest, export_xlsx
from fftimeline.services.vault import (
    OpenVault,
    VaultCheck,
    create_vault,
    open_vault,
    passphrase_problems,
)

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


def _current(args: argparse.Namespace, label: str = "Passphrase") -> SecretSource:
    return SecretSource(args.passphrase_file, PASSPHRASE_ENV, label)


def _problems(secret: bytearray) -> list[str]:
    """Plain reasons a new passphrase is too weak ([] when it will do)."""
    try:
        text = bytes(secret).decode("utf-8")
    except UnicodeDecodeError:
        return ["The passphrase is not valid text. Type it again."]
    return passphrase_problems(text)


def ask_new(source: SecretSource) -> bytearray:
    """A new passphrase that passes the strength check; a person gets three tries."""
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
        problems = _problems(secret)
        if not problems:
            return secret
        wipe(secret)
        if attempt < tries:
            warn("That passphrase is too weak. " + " ".join(problems))
    raise WeakPassphrase("weak_passphrase", "That passphrase is too weak. " + " ".join(problems))


def _refuse_existing(path: Path) -> None:
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
    with wiped(_current(args, label).read()) as secret:
        vault = open_vault(path, secret, actor=actor(args))
    try:
        yield vault
    finally:
        vault.close()


def init(args: argparse.Namespace) -> int:
    """Create a new, empty vault."""
    path = Path(args.vault)
    _refuse_existing(path)
    with wiped(ask_new(_current(args, "New passphrase"))) as secret:
        create_vault(path, secret, actor=actor(args)).close()
    say(f"Created the vault {path}. Keep the passphrase safe: nobody can recover it.")
    return OK


def demo(args: argparse.Namespace) -> int:
    """Write the fictional demo vault; print its passphrase unless one was supplied."""
    path = Path(args.vault)
    _refuse_existing(path)
    source = _current(args)
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
        return OK
    warn("The vault failed a check. Keep a copy of the file and ask for help.")
    if not result.integrity_ok:
        return INTEGRITY_FAILED
    return CIPHER_FAILED if not result.cipher_ok else AUDIT_BROKEN


def passwd(args: argparse.Namespace) -> int:
    """Change the passphrase: the old one, then the new one twice; proved by reopening."""
    with wiped(_current(args, "Current passphrase").read()) as old:
        vault = open_vault(Path(args.vault), old, actor=actor(args))
        try:
            new_source = SecretSource(
                args.new_passphrase_file, NEW_PASSPHRASE_ENV, "New passphrase"
            )
            with wiped(ask_new(new_source)) as new:
                vault.change_passphrase(new, current=old)
        finally:
            vault.close()
    say("Passphrase changed. The old passphrase no longer opens the vault.")
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


def _text(value: str | None, question: str, missing: str) -> str:
    """A required piece of text: from its option, else asked for at a terminal."""
    if value and value.strip():
        return value.strip()
    if sys.stdin.isatty():
        typed = input(question).strip()
        if typed:
            return typed
    raise UsageError(missing)


def _password(args: argparse.Namespace) -> bytearray:
    """The file password for --protect, checked for length."""
    password = SecretSource(args.password_file, PASSWORD_ENV, "File password").read_confirmed()
    try:
        text = bytes(password).decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    problems = password_problems(text, text)
    del text
    if problems:
        wipe(password)
        raise DomainError("weak_password", " ".join(problems))
    return password


def export(args: argparse.Namespace) -> int:
    """Write a redacted spreadsheet of one case for one audience, and record the disclosure."""
    out = Path(args.out)
    _refuse_existing(out)
    with opened(args) as vault:
        vault.cases.get(args.case)
        recipients = _text(
            args.recipients,
            "Who is it going to? ",
            "Say who the file is going to, with --recipients.",
        )
        purpose = _text(
            args.purpose, "What is it for? ", "Say what the file is for, with --purpose."
        )
        password = _password(args) if args.protect else None
        request = ExportRequest(args.audience, recipients, purpose, password=password)
        try:
            result = export_xlsx(vault, args.case, request, out)
        finally:
            if password is not None:
                wipe(password)
    say(f"Wrote {result.path}: {result.included} entries, {result.left_out} left out.")
    say(f"SHA-256: {result.sha256} (recorded in the disclosure register)")
    if result.protected:
        say(PASSWORD_REMINDER)
    return OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": init,
    "demo": demo,
    "check": check,
    "passwd": passwd,
    "cases": cases,
    "export": export,
}
