"""Exporting a redacted chronology of one case for one audience (command line)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from fftimeline.cli.common import (
    PASSWORD_ENV,
    Command,
    opened,
    refuse_existing,
    text_option,
    vault_command,
)
from fftimeline.cli.errors import OK, say, warn
from fftimeline.cli.secrets import SecretSource, wipe
from fftimeline.cli.wording_commands import export_notice
from fftimeline.domain.errors import DomainError
from fftimeline.export.protect import PASSWORD_REMINDER, password_problems
from fftimeline.services.export import ExportRequest, export_xlsx

if TYPE_CHECKING:
    from fftimeline.cli.common import SubParsers


def add_parsers(sub: SubParsers) -> dict[str, Command]:
    """Add the export command to the parser."""
    parser = vault_command(sub, "export", "export a redacted spreadsheet of one case")
    parser.add_argument("--case", type=int, required=True, metavar="ID", help="case id")
    parser.add_argument(
        "--audience",
        required=True,
        help="who it is for: safeguarding-team, strategy-meeting, parents-carers, child, "
        "police, or a custom audience",
    )
    parser.add_argument("--format", choices=["xlsx"], default="xlsx", help="file format")
    parser.add_argument("--out", required=True, metavar="FILE", help="where to write the file")
    parser.add_argument("--recipients", help="who the file goes to (recorded)")
    parser.add_argument("--purpose", help="why it is shared (recorded)")
    parser.add_argument("--protect", action="store_true", help="protect the file with a password")
    parser.add_argument(
        "--password-file",
        metavar="FILE",
        help="read the file password from FILE (or set FFTIMELINE_EXPORT_PASSWORD)",
    )
    return {"export": export}


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
    refuse_existing(out)
    with opened(args) as vault:
        vault.cases.get(args.case)
        recipients = text_option(
            args.recipients,
            "Who is it going to? ",
            "Say who the file is going to, with --recipients.",
        )
        purpose = text_option(
            args.purpose, "What is it for? ", "Say what the file is for, with --purpose."
        )
        password = _password(args) if args.protect else None
        request = ExportRequest(args.audience, recipients, purpose, password=password)
        try:
            result = export_xlsx(vault, args.case, request, out)
        finally:
            if password is not None:
                wipe(password)
        notice = export_notice(vault, args.case, args.audience, result.disclosure.entry_ids)
    say(f"Wrote {result.path}: {result.included} entries, {result.left_out} left out.")
    say(f"SHA-256: {result.sha256} (recorded in the disclosure register)")
    if result.protected:
        say(PASSWORD_REMINDER)
    warn(notice)
    return OK
