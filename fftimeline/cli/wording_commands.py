"""The wording check on the command line: ``check-wording``, and the count ``export`` prints.

``fftimeline check-wording VAULT --case ID`` prints one line per open finding, tab-separated:
entry id, the entry's date, the field, the rule id, the flagged words and the first
suggestion. The exit code is 0 when there are none and `FINDINGS` (6) when there are some,
so a script can stop an export that still has findings. An organisation's own rules file
is used with ``--rules FILE`` or the ``FFTIMELINE_WORDING_RULES`` environment variable.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from fftimeline.cli.common import Command, opened, vault_command
from fftimeline.cli.errors import OK, say, warn
from fftimeline.domain.sharing import Audience
from fftimeline.language import load_rules
from fftimeline.services.export import audiences
from fftimeline.services.printing import FAMILY_AUDIENCES
from fftimeline.services.vault import OpenVault
from fftimeline.services.wording import EntryFinding

if TYPE_CHECKING:
    from fftimeline.cli.common import SubParsers

FINDINGS = 6
"""Exit code of ``check-wording`` when it listed findings."""
RULES_ENV = "FFTIMELINE_WORDING_RULES"
"""Environment variable naming an organisation's wording rules file."""


def add_parsers(sub: SubParsers) -> dict[str, Command]:
    """Add the check-wording command to the parser."""
    parser = vault_command(
        sub, "check-wording", "list wording findings in a case (exit code 6 when there are some)"
    )
    parser.add_argument("--case", type=int, required=True, metavar="ID", help="case id")
    parser.add_argument(
        "--rules",
        metavar="FILE",
        help=f"the organisation's wording rules file (or set {RULES_ENV})",
    )
    return {"check-wording": check_wording}


def use_organisation_rules(vault: OpenVault, path: str | None) -> None:
    """Check with the organisation's rules file, if one is named; say plainly what is wrong."""
    named = path or os.environ.get(RULES_ENV)
    if not named:
        return
    if not Path(named).is_file():
        warn(f"There is no wording rules file at {named}; the built-in rules are used.")
        return
    loaded = load_rules(Path(named))
    for problem in loaded.problems:
        warn(problem)
    vault.wording.use_rules(loaded.book)


def _cell(text: str) -> str:
    return " ".join(text.split())


def check_wording(args: argparse.Namespace) -> int:
    """List the open wording findings of one case, one tab-separated line each."""
    with opened(args) as vault:
        use_organisation_rules(vault, args.rules)
        found = vault.wording.case_findings(args.case)
    for f in found:
        suggestion = f.finding.alternatives[0] if f.finding.alternatives else ""
        where = "plan" if f.in_plan else str(f.entry_id)
        cells = [where, f.entry_date, f.field, f.finding.rule_id, f.finding.words]
        say("\t".join(_cell(c) for c in [*cells, suggestion]))
    if not found:
        warn("No wording findings.")
        return OK
    noun = "finding" if len(found) == 1 else "findings"
    warn(f"{len(found)} wording {noun} in {_where(found)}.")
    return FINDINGS


def _where(found: list[EntryFinding]) -> str:
    """'3 entries', '1 entry and the safety plan' or 'the safety plan'."""
    entries = len({f.entry_id for f in found if not f.in_plan})
    places = [f"{entries} {'entry' if entries == 1 else 'entries'}"] if entries else []
    places += ["the safety plan"] if any(f.in_plan for f in found) else []
    return " and ".join(places)


def export_notice(vault: OpenVault, case_id: int, audience: str) -> str:
    """The line ``export`` prints on standard error: open findings in the entries that went out.

    The entries are those of the disclosure the export has just recorded (the newest).
    """
    use_organisation_rules(vault, None)
    recorded = vault.disclosures.disclosures(case_id)
    entry_ids = recorded[-1].entry_ids if recorded else ()
    profile = next((p for p in audiences(vault) if p.slug == audience), None)
    base = profile.base if profile is not None else Audience.SAFEGUARDING_TEAM
    count = vault.wording.count_findings(entry_ids, for_family=base in FAMILY_AUDIENCES)
    if not count.findings:
        return count.sentence()
    line = count.sentence().removesuffix(".")
    review = f"review them with: fftimeline check-wording {vault.path.name} --case {case_id}"
    if count.for_family:
        return f"{line}: this document is for the family to read, so {review}."
    return f"{line}; {review}."
