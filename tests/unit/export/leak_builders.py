"""A case full of hard-to-spell people and identifiers, and workbooks with text planted in them.

Text is planted through the real writer (so the workbook has its real layout: cover,
headers, footers, summary), into one cell of one entry that goes to the audience, and the
bytes are scanned by the leak check exactly as an export is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from fftimeline.domain.cases import CaseDraft, FamilyMember, TeamMember
from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import Entry
from fftimeline.domain.leaks import Finding
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.export.layout import Layout
from fftimeline.export.leak_records import CaseRecord, EntryScope, HiddenSpan
from fftimeline.export.xlsx import ChronologyRow, Cover, build_xlsx_with_layout
from fftimeline.redaction.audiences import AudienceProfile, find_profile
from fftimeline.services.leak_check import LeakCheck, check_xlsx, entitlements, records_from
from tests.unit.redaction.case_builder import saved

WHEN = dt.datetime(2025, 6, 3, 10, 30)
EVERYONE = Sharing(audiences=frozenset(Audience))
WORKER = "Dex Marlow"
"""The key worker: the same name as a protected person, on purpose."""

CASE = CaseDraft(
    child_name="Jayden Mensah-Boateng",
    known_as="JJ",
    key_worker=WORKER,
    family=(FamilyMember(name="Grace Mensah-Boateng", relationship="Mother"),),
    team=(TeamMember(name="Rita Price", agency="Park School", role="Head of Year"),),
)


def person(item_id: int, name: str, *nicknames: str, third_party: bool = True) -> Linked:
    """A register person."""
    role = "an adult" if third_party else ""
    return Linked(
        id=item_id,
        kind=LinkKind.PERSON,
        name=name,
        role=role,
        nicknames=nicknames,
        third_party=third_party,
    )


def thing(item_id: int, kind: LinkKind, name: str) -> Linked:
    """A register place, vehicle, phone number or handle."""
    return Linked(id=item_id, kind=kind, name=name)


REGISTER = (
    person(10, "Zoë Hart", "Bugsy"),
    person(11, "Mary-Jane O'Neil", "T-Bone"),
    person(12, "Dex Marlow"),
    person(13, "José Nguyễn"),
    person(14, "Łukasz Ødegaard"),
    person(15, "Renée Will"),
    person(16, "Jo Al-Amin"),
    person(17, "Ann Rose"),
    person(18, "June Page"),
    thing(20, LinkKind.PHONE, "07700 900123"),
    thing(21, LinkKind.VEHICLE, "AB12 CDE"),
    thing(22, LinkKind.HANDLE, "@kdog_99"),
    thing(23, LinkKind.PLACE, "14 Larch Close"),
    thing(24, LinkKind.PLACE, "Flat 3, 41 Harbour Road, Saltmouth"),
    thing(25, LinkKind.PLACE, "The Anchor Hotel, Saltmouth"),
)

WITHHELD = Source(name="Miss Linda Hale", withheld=True, withheld_reason=WithheldReason.THIRD_PARTY)
SHOWN_ID = 1
LEFT_OUT_ID = 2
LEFT_OUT_TEXT = "Police intelligence about the stash flat on the estate"


def entries() -> list[Entry]:
    """One entry that goes everywhere (the cell text is planted in it) and one that goes nowhere."""
    shown = saved(
        SHOWN_ID,
        summary="Seen outside school",
        account="Seen with friends near the gates.",
        source=WITHHELD,
        sharing=EVERYONE,
        event_date=EventDate.exact(dt.date(2025, 3, 3)),
    )
    left_out = saved(LEFT_OUT_ID, summary=LEFT_OUT_TEXT, sharing=Sharing(audiences=frozenset()))
    return [shown, left_out]


def leak_check(
    audience: str | AudienceProfile = "parents-carers",
    *,
    others: Sequence[CaseRecord] = (),
    hidden: Sequence[HiddenSpan] = (),
    register: Sequence[Linked] = REGISTER,
    all_entries: Sequence[Entry] | None = None,
    scope: EntryScope | None = None,
    case: CaseDraft = CASE,
) -> LeakCheck:
    """The leak check of the builder case for ``audience``."""
    records = records_from(case, all_entries or entries(), register, hidden, others)
    profile = audience if isinstance(audience, AudienceProfile) else find_profile(audience)
    return LeakCheck(records, entitlements(profile), scope or EntryScope())


def row(text: str = "Seen outside school", **fields: object) -> ChronologyRow:
    """The chronology row of the entry that goes, with ``text`` as what happened."""
    base = ChronologyRow(
        date_words="3 March 2025",
        sort_date=dt.date(2025, 3, 3),
        kind="Concern",
        what_happened=text,
        nature="Reported",
        source="Source withheld (third-party information)",
        impact="Neutral",
        action_or_outcome="",
        family_view="Agrees: Mum says he told her it was a friend.",
        significance="Routine",
        entry_id=SHOWN_ID,
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def cover(slug: str = "parents-carers", **fields: object) -> Cover:
    """A cover for the builder case, for the audience ``slug``."""
    base = Cover(
        case_label="J. M.-B.",
        audience=find_profile(slug).label,
        purpose="Review with the family",
        recipients="The family",
        produced_by=WORKER,
        produced_at=WHEN,
        included=1,
        left_out=(("not shared with this audience", 1),),
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def workbook(
    text: str = "Seen outside school", slug: str = "parents-carers", **kw: object
) -> tuple[bytes, Layout]:
    """A real workbook with ``text`` in what happened of the entry that goes."""
    return build_xlsx_with_layout(cover(slug, **kw), [row(text)])


def findings(
    text: str,
    slug: str = "parents-carers",
    *,
    file_name: str = "chronology.xlsx",
    check: LeakCheck | None = None,
) -> list[Finding]:
    """What the leak check finds in a workbook with ``text`` planted as what happened."""
    data, layout = workbook(text, slug)
    found, problems = check_xlsx(check or leak_check(slug), data, layout, file_name)
    assert problems == []
    return found


def found_values(text: str, slug: str = "parents-carers", **kw: object) -> set[str]:
    """The protected values found, as written in the output."""
    return {f.value for f in findings(text, slug, **kw)}  # type: ignore[arg-type]
