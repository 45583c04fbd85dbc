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
    backup VAULT      make a verified, encrypted backup now
    backups VAULT     list a vault's backups with their cases and entries
    restore BACKUP --to VAULT   restore a backup into a new vault file
    handover VAULT    hand one case over to another key worker as an encrypted file
    import-handover FILE --to VAULT   add a handed-over case to a vault
    check-wording VAULT  list wording findings in a case, one tab-separated line each

Exit codes:
    0   done; for ``check``, every check passed
    1   something else went wrong (e.g. the folder for a new file does not exist)
    2   the command line was not understood
    3   check: the database failed its integrity check
    4   check: an encrypted page failed its cipher integrity check
    5   check: the audit chain is broken
    6   check-wording: there are wording findings (listed on standard output)
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
    21  the hand-over file could not be read: wrong passphrase, damaged, changed or not one
    22  that hand-over is already in the vault
    23  the case is closed, so it cannot be changed or handed over
    24  the disk is full (nothing was changed)
    25  a backup could not be made, or failed its checks
    26  export: the child asked that this audience is not told about an entry that would go
    130 stopped with Ctrl+C
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from fftimeline import __version__
from fftimeline.hardening import disable_core_dumps

if TYPE_CHECKING:
    from fftimeline.cli.common import Command

COMMAND_MODULES = (
    "fftimeline.cli.vault_commands",
    "fftimeline.cli.export_command",
    "fftimeline.cli.backup_commands",
    "fftimeline.cli.handover_commands",
    "fftimeline.cli.wording_commands",
)
"""Each module adds its commands with ``add_parsers``; their order is the order in --help.

Imported only when a command is given, so starting the window (no arguments) does not wait
for the services, the store and openpyxl to load."""


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    """The argument parser for every command, and the commands by name."""
    parser = argparse.ArgumentParser(
        prog="fftimeline",
        description="Offline, encrypted chronology keeper. With no command, starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"fftimeline {__version__}")
    # Start the window, save the drawn welcome screen to PNG and quit (packaging smoke test).
    parser.add_argument("--smoke-test", metavar="PNG", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands: dict[str, Command] = {}
    for name in COMMAND_MODULES:
        commands.update(importlib.import_module(name).add_parsers(sub))
    return parser, commands


def start_app(app_args: list[str] | None = None) -> int:
    """Start the desktop app; loaded lazily so the command line never imports Qt.

    A build without the desktop part (no PySide6) says so and fails, rather than printing
    the command-line help as if that were the app.
    """
    try:
        app = importlib.import_module("fftimeline.app")
    except ImportError as exc:
        print(
            f"The desktop app cannot start: part of it is missing ({exc.name or exc}). "
            "Reinstall fftimeline.",
            file=sys.stderr,
        )
        return 1
    app_main: Callable[[list[str]], int | None] = app.main
    return int(app_main(app_args or []) or 0)


def _run(argv: Sequence[str]) -> int:
    if not argv:
        return start_app()
    if len(argv) == 2 and argv[0] == "--smoke-test":  # the window only: skip the commands
        return start_app(list(argv))
    parser, commands = build_parser()
    args = parser.parse_args(list(argv))
    if args.command is None:
        return start_app(["--smoke-test", args.smoke_test] if args.smoke_test else [])
    return commands[args.command](args)


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code; never shows a traceback."""
    disable_core_dumps()
    try:
        return _run(sys.argv[1:] if argv is None else argv)
    except SystemExit as stop:  # argparse: --help, --version, usage errors
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    except KeyboardInterrupt:
        from fftimeline.cli.errors import STOPPED

        print("\nStopped.", file=sys.stderr)
        return STOPPED
    except Exception as exc:  # noqa: BLE001 - the top of the program: plain words, no traceback
        from fftimeline.cli.errors import exit_code_for, one_line

        code = exit_code_for(exc)
        print(one_line(exc), file=sys.stderr)
        return code
