"""The fftimeline command line: ``fftimeline [COMMAND] VAULT [options]``.

With no arguments it starts the desktop app. The commands are for setting up, checking and
scripting vaults; every one that needs a passphrase asks for it without echoing, or reads
it from ``--passphrase-file FILE`` (``-`` for standard input) or the environment variable
``FFTIMELINE_PASSPHRASE``. Passphrases are never printed (except the demo vault's freshly
made one) and are zeroed after use. Errors are one plain line on standard error, never a
traceback.

Commands:
    init VAULT        create a new, empty vault
    demo VAULT        create the fictional demo vault and print its passphrase
    check VAULT       check the database, every encrypted page and the audit chain
    passwd VAULT      change the passphrase (old, then the new one twice)
    cases VAULT       list case ids with initials, entry and task counts
    export VAULT      write a redacted spreadsheet of one case for one audience

Exit codes:
    0   done; for ``check``, every check passed
    1   something else went wrong (e.g. the folder for a new file does not exist)
    2   the command line was not understood
    3   check: the database failed its integrity check
    4   check: an encrypted page failed its cipher integrity check
    5   check: the audit chain is broken
    10  wrong passphrase, or the file is damaged
    11  the file is not an fftimeline vault
    12  there is no vault at that place
    13  the vault is open somewhere else
    14  the vault was made by a newer fftimeline
    15  the new passphrase is too weak
    16  a file already exists where the new vault or export would go
    17  the two passphrases typed were different
    18  no passphrase could be read (no terminal, missing or unreadable file)
    19  there is no case with that id
    20  the export was stopped or could not be written (nothing was written)
    130 stopped with Ctrl+C
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from fftimeline import __version__
from fftimeline.cli_commands import COMMANDS
from fftimeline.cli_errors import STOPPED, exit_code_for, one_line
from fftimeline.hardening import disable_core_dumps

FILE_HELP = "read the passphrase from FILE ('-' for standard input) instead of asking"
ENV_NOTE = "The passphrase can also come from the FFTIMELINE_PASSPHRASE environment variable."


def _vault_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str
) -> argparse.ArgumentParser:
    """A subcommand taking VAULT and --passphrase-file."""
    parser = sub.add_parser(name, help=help_text, description=help_text, epilog=ENV_NOTE)
    parser.add_argument("vault", metavar="VAULT", help="the vault file")
    parser.add_argument("--passphrase-file", metavar="FILE", help=FILE_HELP)
    parser.add_argument("--actor", help="who is working, as recorded in the audit log")
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog="fftimeline",
        description="Offline, encrypted chronology keeper. With no command, starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"fftimeline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _vault_command(sub, "init", "create a new, empty vault")
    _vault_command(sub, "demo", "create the fictional demo vault and print its passphrase")
    _vault_command(sub, "check", "check the database, encryption and audit chain of a vault")
    passwd = _vault_command(sub, "passwd", "change the passphrase of a vault")
    passwd.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="read the new passphrase from FILE (or set FFTIMELINE_NEW_PASSPHRASE)",
    )
    _vault_command(sub, "cases", "list the cases in a vault (ids and initials only)")
    _export_options(_vault_command(sub, "export", "export a redacted spreadsheet of one case"))
    return parser


def _export_options(export: argparse.ArgumentParser) -> None:
    """Options of the export command."""
    export.add_argument("--case", type=int, required=True, metavar="ID", help="case id")
    export.add_argument(
        "--audience",
        required=True,
        help="who it is for: safeguarding-team, strategy-meeting, parents-carers, child, "
        "police, or a custom audience",
    )
    export.add_argument("--format", choices=["xlsx"], default="xlsx", help="file format")
    export.add_argument("--out", required=True, metavar="FILE", help="where to write the file")
    export.add_argument("--recipients", help="who the file goes to (recorded)")
    export.add_argument("--purpose", help="why it is shared (recorded)")
    export.add_argument("--protect", action="store_true", help="protect the file with a password")
    export.add_argument(
        "--password-file",
        metavar="FILE",
        help="read the file password from FILE (or set FFTIMELINE_EXPORT_PASSWORD)",
    )


def start_app() -> int:
    """Start the desktop app; loaded lazily so the command line never imports Qt."""
    try:
        app = importlib.import_module("fftimeline.app")
    except ImportError:
        build_parser().print_help()
        return 0
    app_main: Callable[[list[str]], int | None] = app.main
    return int(app_main([]) or 0)


def _run(argv: Sequence[str]) -> int:
    if not argv:
        return start_app()
    args = build_parser().parse_args(list(argv))
    if args.command is None:
        return start_app()
    command: Callable[[argparse.Namespace], int] = COMMANDS[args.command]
    return command(args)


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code; never shows a traceback."""
    disable_core_dumps()
    try:
        return _run(sys.argv[1:] if argv is None else argv)
    except SystemExit as stop:  # argparse: --help, --version, usage errors
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return STOPPED
    except Exception as exc:  # noqa: BLE001 - the top of the program: plain words, no traceback
        code = exit_code_for(exc)
        print(one_line(exc), file=sys.stderr)
        return code
