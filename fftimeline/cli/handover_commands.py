"""Handing a case over to another key worker, and importing a hand-over (command line).

``fftimeline handover VAULT --case ID --out FILE`` writes the whole case into a new hand-over
file encrypted under its own passphrase: one given with ``--handover-passphrase-file`` or
``FFTIMELINE_HANDOVER_PASSPHRASE`` (checked for strength), or else one made of ten random words
and printed once. ``fftimeline import-handover FILE --to VAULT`` checks the file and adds the
case to the vault. Both print the file's check code (SHA-256) so the two key workers can
compare it, by phone, before the case is used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from fftimeline.cli.common import (
    ENV_NOTE,
    FILE_HELP,
    Command,
    ask_new,
    opened,
    refuse_existing,
    text_option,
    vault_command,
)
from fftimeline.cli.errors import OK, say
from fftimeline.cli.secrets import SecretSource, wiped
from fftimeline.services.handover import (
    HandoverSummary,
    handover_passphrase,
    import_handover,
    write_handover,
)

if TYPE_CHECKING:
    from fftimeline.cli.common import SubParsers

HANDOVER_ENV = "FFTIMELINE_HANDOVER_PASSPHRASE"
HANDOVER_FILE_HELP = (
    "read the hand-over file's passphrase from FILE ('-' for standard input), or set "
    f"{HANDOVER_ENV}"
)
ROUTE = (
    "Send the passphrase by a different route from the file (for example read it out by "
    "phone), and compare the check code when you speak."
)


def add_parsers(sub: SubParsers) -> dict[str, Command]:
    """Add the hand-over commands to the parser."""
    give = vault_command(sub, "handover", "hand one case over to another key worker")
    give.add_argument("--case", type=int, required=True, metavar="ID", help="case id")
    give.add_argument("--out", required=True, metavar="FILE", help="the hand-over file to write")
    give.add_argument("--to-worker", metavar="NAME", help="who is taking over the case")
    give.add_argument(
        "--handover-passphrase-file",
        metavar="FILE",
        help=HANDOVER_FILE_HELP + "; without either, a passphrase is made and printed once",
    )
    take = sub.add_parser(
        "import-handover",
        help="add a case handed over by another key worker to a vault",
        description="add a case handed over by another key worker to a vault",
        epilog=ENV_NOTE,
    )
    take.add_argument("file", metavar="FILE", help="the hand-over file")
    take.add_argument("--to", dest="vault", required=True, metavar="VAULT", help="your vault")
    take.add_argument("--passphrase-file", metavar="FILE", help=FILE_HELP)
    take.add_argument("--handover-passphrase-file", metavar="FILE", help=HANDOVER_FILE_HELP)
    take.add_argument("--actor", help="who is working, as recorded in the audit log")
    return {"handover": handover, "import-handover": import_command}


def _print_made(secret: bytearray) -> None:
    sys.stdout.write("Hand-over passphrase (shown only now): ")
    sys.stdout.flush()
    sys.stdout.buffer.write(secret)
    sys.stdout.buffer.write(b"\n")
    sys.stdout.flush()


def _report(summary: HandoverSummary) -> None:
    counts = summary.counts
    say(
        f"{counts.get('entries', 0)} entries ({counts.get('versions', 0)} versions), "
        f"{counts.get('register', 0)} people, places and vehicles, {counts.get('tasks', 0)} "
        f"tasks, {counts.get('disclosures', 0)} disclosures, {counts.get('history', 0)} "
        "history records."
    )
    say(f"Check code (SHA-256): {summary.file_sha256}")


def handover(args: argparse.Namespace) -> int:
    """Write one case into a new, encrypted hand-over file, and record it."""
    out = Path(args.out)
    refuse_existing(out)
    source = SecretSource(args.handover_passphrase_file, HANDOVER_ENV, "Hand-over passphrase")
    made_here = source.interactive
    with opened(args) as vault:
        vault.cases.get(args.case)
        worker = text_option(
            args.to_worker,
            "Who is taking over the case? ",
            "Say who is taking over the case, with --to-worker.",
        )
        secret = handover_passphrase() if made_here else ask_new(source)
        with wiped(secret):
            result = write_handover(vault, args.case, out, secret, to_worker=worker)
            say(f"Wrote the hand-over file {result.path} for {worker}.")
            _report(result.summary)
            if made_here:
                _print_made(secret)
    say(ROUTE)
    return OK


def import_command(args: argparse.Namespace) -> int:
    """Check a hand-over file and add its case to the vault."""
    path = Path(args.file)
    source = SecretSource(args.handover_passphrase_file, HANDOVER_ENV, "Hand-over passphrase")
    with opened(args, "Vault passphrase") as vault, wiped(source.read()) as secret:
        result = import_handover(vault, path, secret)
        initials = vault.cases.get(result.case_id).initials
    summary = result.summary
    say(
        f"Imported the case of {initials} from {summary.made_by} as case {result.case_id}. "
        "You are now its key worker."
    )
    _report(summary)
    say("Compare the check code with the one the sender read out to you.")
    return OK
