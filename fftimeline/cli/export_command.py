"""Exporting a redacted chronology of one case for one audience (command line).

``--format xlsx`` writes the spreadsheet; ``--format pdf`` writes the printed document (the
family's or the child's timeline, or the professional chronology) and is the only command
that loads Qt: a `QGuiApplication` on the offscreen platform, so no screen is needed.
"""

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
from fftimeline.cli.errors import OK, exit_code_for, say, warn
from fftimeline.cli.secrets import SecretSource, wipe
from fftimeline.cli.wording_commands import export_notice
from fftimeline.domain.errors import DomainError
from fftimeline.domain.leaks import LeakFound
from fftimeline.export.protect import PASSWORD_REMINDER, password_problems
from fftimeline.services.export import ChildWishNotConfirmed, ExportRequest, export_xlsx
from fftimeline.services.printing import PrintRequest, export_pdf, prepare
from fftimeline.settings import example_support, read_support_file

if TYPE_CHECKING:
    from fftimeline.cli.common import SubParsers
    from fftimeline.services.vault import OpenVault


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
    parser.add_argument(
        "--format",
        choices=["xlsx", "pdf"],
        default="xlsx",
        help="xlsx: the spreadsheet; pdf: the printed document for that audience",
    )
    parser.add_argument(
        "--large-print", action="store_true", help="pdf: body text of at least 16 pt"
    )
    parser.add_argument(
        "--support-file",
        metavar="FILE",
        help="pdf: the support organisations for the family's timeline (TOML, like the "
        "shipped example); default: the shipped example",
    )
    parser.add_argument("--out", required=True, metavar="FILE", help="where to write the file")
    parser.add_argument("--recipients", help="who the file goes to (recorded)")
    parser.add_argument("--purpose", help="why it is shared (recorded)")
    parser.add_argument("--protect", action="store_true", help="protect the file with a password")
    parser.add_argument(
        "--password-file",
        metavar="FILE",
        help="read the file password from FILE (or set FFTIMELINE_EXPORT_PASSWORD)",
    )
    parser.add_argument(
        "--show-grading",
        action="store_true",
        help="show intelligence grading to a strategy meeting (it sees none otherwise)",
    )
    parser.add_argument(
        "--confirm-child-wish",
        metavar="REASON",
        default="",
        help="share entries the child asked this audience not to be told about, for this "
        "reason (recorded with the export); without it such an export stops",
    )
    parser.add_argument(
        "--show-words",
        action="store_true",
        help="if the export is stopped, print the protected words found (not just where)",
    )
    return {"export": export}


def explain_stop(stop: LeakFound, *, show_words: bool) -> None:
    """Print each finding of a stopped export on standard error, one sentence a line.

    Each names the entry by its date and id; the protected words themselves only with
    ``--show-words`` (a terminal may be seen by others).
    """
    for finding in stop.findings:
        warn(finding.sentence(show_value=show_words))


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
        try:
            if args.format == "pdf":
                request = PrintRequest(
                    args.audience, recipients, purpose, large_print=args.large_print,
                    password=password, show_grading=args.show_grading,
                    child_wish_reason=args.confirm_child_wish,
                )  # fmt: skip
                written = _pdf(vault, args, request, out)
            else:
                xlsx = ExportRequest(
                    args.audience, recipients, purpose, password=password,
                    show_grading=args.show_grading, child_wish_reason=args.confirm_child_wish,
                )  # fmt: skip
                result = export_xlsx(vault, args.case, xlsx, out)
                written = (result.path, result.sha256, result.protected)
                say(f"Wrote {result.path}: {result.included} entries, {result.left_out} left out.")
        except LeakFound as stop:
            explain_stop(stop, show_words=args.show_words)
            raise
        except ChildWishNotConfirmed as stop:
            warn(" ".join(stop.message.split()))
            warn('To share it anyway, give the reason with --confirm-child-wish "REASON".')
            return exit_code_for(stop)
        finally:
            if password is not None:
                wipe(password)
        notice = export_notice(vault, args.case, args.audience)
    say(f"SHA-256: {written[1]} (recorded in the disclosure register)")
    if written[2]:
        say(PASSWORD_REMINDER)
    warn(notice)
    return OK


def _pdf(
    vault: OpenVault, args: argparse.Namespace, request: PrintRequest, out: Path
) -> tuple[Path, str, bool]:
    """Write the printed document as a PDF; Qt is loaded here and only here."""
    support = read_support_file(Path(args.support_file)) if args.support_file else None
    from fftimeline.printing import render_pdf
    from fftimeline.printing.offscreen import gui_application

    gui_application()
    prepared = prepare(vault, args.case, request, support or example_support())
    result = export_pdf(vault, args.case, prepared, out, render_pdf)
    say(f"Wrote {result.path}: {result.included} entries on {result.pages} pages.")
    return result.path, result.sha256, result.protected
