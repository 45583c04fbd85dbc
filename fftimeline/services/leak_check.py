"""The independent leak check of an export, from the vault's raw values (services, Qt-free).

Gathers what the leak scan needs straight from the vault, never from the redaction: every
case with its earlier details, every register with its items' earlier details, every
version of every entry, and the spans hidden by hand for this audience. Maps the audience
profile onto the scan's own `Entitlements`, runs the scan on the bytes about to be written,
and reports `Finding`s the key worker can act on ("a person the parents must not see, in
the entry of 3 March 2025, what happened").

Public entry points: `prepare` (gather once per export), `records_from` (the same from
values in hand, for tests and tools), `check_xlsx` (scan one workbook) and `check_pdf`
(scan one PDF, told by its document whose words each text is).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from fftimeline.domain.cases import Case, CaseDraft
from fftimeline.domain.entries import Entry
from fftimeline.domain.leaks import Finding
from fftimeline.domain.people import Linked
from fftimeline.domain.sharing import Audience
from fftimeline.domain.sources import Source
from fftimeline.export.document import Document
from fftimeline.export.layout import Layout
from fftimeline.export.leak_pdf import read_pdf, without_echoes
from fftimeline.export.leak_policy import protection
from fftimeline.export.leak_records import (
    CaseRecord,
    Entitlements,
    EntryScope,
    HiddenSpan,
    RegisterRecord,
    VaultRecords,
)
from fftimeline.export.leak_scan import Hit, LeakScanner, TextUnit, file_name_unit
from fftimeline.export.leak_xlsx import read_xlsx
from fftimeline.redaction.audiences import AudienceField, AudienceProfile
from fftimeline.redaction.manual import MANUAL_REDACTIONS_KEY, ManualRedactions

if TYPE_CHECKING:
    import datetime as dt

    from fftimeline.domain.entries import Kind
    from fftimeline.services.vault import OpenVault as Vault


class Filters(Protocol):
    """The key worker's filters as the export passes them (read by their fields only)."""

    @property
    def start(self) -> dt.date | None: ...  # noqa: D102
    @property
    def end(self) -> dt.date | None: ...  # noqa: D102
    @property
    def kinds(self) -> frozenset[Kind] | None: ...  # noqa: D102


_WHO = {
    Audience.SAFEGUARDING_TEAM: "the safeguarding team",
    Audience.STRATEGY_MEETING: "the strategy meeting",
    Audience.PARENTS: "the parents",
    Audience.CHILD: "the child",
    Audience.POLICE: "the police",
}


@dataclass(frozen=True)
class LeakCheck:
    """What one export's leak scan checks against: raw records, entitlements and scope."""

    records: VaultRecords
    rights: Entitlements
    scope: EntryScope


def entitlements(profile: AudienceProfile) -> Entitlements:
    """The scan's own terms for what ``profile`` sees (a custom label is never used)."""
    f = AudienceField
    return Entitlements(
        audience=profile.base,
        who="this audience" if profile.custom else _WHO[profile.base],
        child_name=profile.sees(f.CHILD_NAME),
        identifiers=profile.sees(f.IDENTIFIERS),
        sources=profile.sees(f.SOURCES),
        account=profile.sees(f.ACCOUNT),
        family_view=profile.sees(f.FAMILY_VIEW),
        child_view=profile.sees(f.CHILD_VIEW),
        actions=profile.sees(f.ACTIONS),
        handling=profile.sees(f.HANDLING),
    )


def scope_of(filters: Filters | None) -> EntryScope:
    """The key worker's dates and kinds, in the scan's own terms."""
    if filters is None:
        return EntryScope()
    return EntryScope(start=filters.start, end=filters.end, kinds=filters.kinds)


def prepare(
    vault: Vault,
    case_id: int,
    profile: AudienceProfile,
    filters: Filters | None = None,
    entries: Sequence[Entry] | None = None,
) -> LeakCheck:
    """Gather from the vault everything the scan of one export of ``case_id`` needs.

    ``entries`` may pass the case's current entries when the caller has them already.
    """
    withheld = vault.entries.withheld_sources()
    others = tuple(
        _other_case(vault, case, withheld.get(case.id, []))
        for case in vault.cases.every_case()
        if case.id != case_id
    )
    manual = ManualRedactions.from_json(vault.preferences.get(f"{MANUAL_REDACTIONS_KEY}:{case_id}"))
    hidden = tuple(
        HiddenSpan(s.entry_id, s.text) for s in manual.spans if s.audience == profile.slug
    )
    records = VaultRecords(_case_record(vault, case_id, entries), others, hidden)
    return LeakCheck(records, entitlements(profile), scope_of(filters))


def records_from(
    case: CaseDraft,
    entries: Sequence[Entry],
    register: Sequence[Linked],
    hidden: Sequence[HiddenSpan] = (),
    others: Sequence[CaseRecord] = (),
) -> VaultRecords:
    """Records from values in hand (no history): for tests, tools and benchmarks."""
    items = tuple(RegisterRecord(i) for i in register)
    return VaultRecords(CaseRecord(case, (), items, tuple(entries)), tuple(others), tuple(hidden))


def check_xlsx(
    check: LeakCheck, data: bytes, layout: Layout, file_name: str
) -> tuple[list[Finding], list[str]]:
    """What the leak scan finds in a workbook: findings, and places of structural problems."""
    reading = read_xlsx(data, layout)
    return findings(check, reading.units, file_name), sorted(set(reading.problems))


def check_pdf(
    check: LeakCheck, data: bytes, document: Document, file_name: str
) -> tuple[list[Finding], list[str], int]:
    """What the leak scan finds in a PDF made from ``document``: findings, problems, pages.

    A value found in an entry's text and again on the page it is printed on is reported
    once, in the entry (`leak_pdf.without_echoes`).
    """
    reading = read_pdf(data, document)
    found = findings(check, reading.units, file_name, echoes=without_echoes)
    return found, sorted(set(reading.problems)), reading.pages


def findings(
    check: LeakCheck,
    units: Sequence[TextUnit],
    file_name: str,
    echoes: Callable[[list[Hit]], list[Hit]] = list,
) -> list[Finding]:
    """The scan of an output's text units and its file name, as findings."""
    guarded = protection(check.records, check.rights, check.scope)
    hits = echoes(LeakScanner(guarded).scan([*units, file_name_unit(file_name)]))
    by_id = {e.id: e for e in check.records.case.entries}
    dates = {i: by_id[i].event_date.wording() for i in {h.entry_id for h in hits} if i in by_id}
    return [_finding(h, dates) for h in hits]


def _finding(hit: Hit, dates: dict[int, str]) -> Finding:
    date = dates.get(hit.entry_id, "") if hit.entry_id is not None else ""
    return Finding(hit.value, hit.description, hit.place, hit.entry_id, date)


def _other_case(vault: Vault, case: Case, withheld: Sequence[Source]) -> CaseRecord:
    """Another case: its details, register and withheld sources (its entries are not needed)."""
    return CaseRecord(
        case=case,
        earlier=tuple(vault.cases.earlier_details(case.id)),
        register=_register(vault, case.id),
        sources=tuple(withheld),
    )


def _register(vault: Vault, case_id: int) -> tuple[RegisterRecord, ...]:
    return tuple(
        RegisterRecord(item, tuple(vault.links.earlier_details(item.id)) if item.id else ())
        for item in vault.links.items(case_id)
    )


def _case_record(vault: Vault, case_id: int, entries: Sequence[Entry] | None = None) -> CaseRecord:
    current = tuple(entries) if entries is not None else tuple(vault.entries.entries(case_id))
    earlier = tuple(v for e in current if e.version > 1 for v in vault.entries.history(e.id)[:-1])
    return CaseRecord(
        case=vault.cases.get(case_id),
        earlier=tuple(vault.cases.earlier_details(case_id)),
        register=_register(vault, case_id),
        entries=current,
        earlier_entries=earlier,
        safety_plans=tuple(vault.safety_plans.versions(case_id)),
    )
