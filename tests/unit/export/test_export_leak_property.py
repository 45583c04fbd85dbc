"""Property: for random cases and every audience, nothing withheld reaches any byte of the file.

Names, nicknames, withheld sources and the child's name are distinctive canaries of one
length (so none is inside another); each entry carries a unique marker. For every built-in
audience the workbook is built and every zip part is decompressed, XML-unescaped and
casefolded; no protected canary may appear in it, the markers of entries left out may not
appear, and every entry that goes must appear.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fftimeline.domain.cases import CaseDraft, FamilyMember
from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import Entry, EntryDraft, Kind, Nature
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.export.leak_records import EntryScope
from fftimeline.export.xlsx import build_xlsx
from fftimeline.redaction.audiences import BUILT_IN_PROFILES, AudienceField
from fftimeline.redaction.redact import redact_chronology
from fftimeline.services.export import ExportRequest, make_cover, render_checked, rows_for
from fftimeline.services.leak_check import LeakCheck, entitlements, records_from
from tests.factories import family_view

LETTERS = "bcdfghjkmnpqrstvwxz"
ROLES = ("an adult male", "a friend of the child", "an older young person")
FILLER = ("was seen", "near the park", "said that", "with", "met", "and", "late at night")
RECORDED = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)


def canaries(n: int):
    token = st.text(LETTERS, min_size=6, max_size=6).map(lambda s: "Zq" + s)
    return st.lists(token, min_size=n, max_size=n, unique_by=str.casefold)


def spell(draw, name: str) -> str:
    """A name as free text might write it: any case, maybe possessive."""
    form = draw(st.sampled_from([name, name.upper(), name.lower(), f"{name}'s", f"{name}’s"]))
    return f"{draw(st.sampled_from(FILLER))} {form}"


@st.composite
def random_case(draw):
    tokens = iter(draw(canaries(40)))
    case = CaseDraft(
        child_name=f"{next(tokens)} {next(tokens)}",
        known_as=next(tokens),
        family=(FamilyMember(name=f"{next(tokens)} {next(tokens)}", relationship="Mother"),),
    )
    people = []
    for i in range(draw(st.integers(0, 4))):
        nicks = tuple(next(tokens) for _ in range(draw(st.integers(0, 2))))
        people.append(
            Linked(
                id=100 + i,
                kind=LinkKind.PERSON,
                name=f"{next(tokens)} {next(tokens)}",
                role=draw(st.sampled_from(ROLES)),
                nicknames=nicks,
                third_party=draw(st.booleans()),
            )
        )
    entries = []
    for i in range(draw(st.integers(1, 6))):
        entries.append(draw(random_entry(i + 1, case, people, next(tokens))))
    return case, people, entries


@st.composite
def random_entry(draw, entry_id, case, people, withheld_name):
    names = [case.child_name, case.known_as, case.family[0].name, withheld_name]
    for p in people:
        names += [p.name, *p.nicknames, *p.name.split()]
    words = [spell(draw, draw(st.sampled_from(names))) for _ in range(draw(st.integers(1, 5)))]
    links = frozenset(p.id for p in people if p.id is not None and draw(st.booleans()))
    source = None
    if draw(st.booleans()):
        source = Source(
            name=withheld_name, withheld=True, withheld_reason=WithheldReason.THIRD_PARTY
        )
    audiences = draw(st.frozensets(st.sampled_from(list(Audience))))
    draft = EntryDraft(
        kind=draw(st.sampled_from([Kind.CONCERN, Kind.MISSING, Kind.INCIDENT])),
        event_date=EventDate.exact(dt.date(2025, draw(st.integers(1, 5)), 10)),
        summary=f"Mark{entry_id}x {' '.join(words[:2])}",
        account=" ".join(words),
        nature=Nature.REPORTED,
        source=source,
        views=family_view(" ".join(words[-1:])),
        sharing=Sharing(audiences=audiences),
        link_ids=links,
    )
    return Entry(**dict(draft), id=entry_id, case_id=1, recorded_at=RECORDED)


def forbidden(case, people, entries, profile, included_ids):
    """What this audience must never see, worked out from the raw case (not the redactor)."""
    linked = {i for e in entries for i in e.link_ids}
    values = set()
    for p in people:
        if p.third_party or p.id in linked:
            values |= {p.name, *p.nicknames, *p.name.split()}
    values |= {e.source.name for e in entries if e.source is not None and e.source.withheld}
    if not profile.sees(AudienceField.CHILD_NAME):
        values |= {*case.child_name.split(), case.known_as, *case.family[0].name.split()}
    values |= {f"Mark{e.id}x" for e in entries if e.id not in included_ids}
    return {v.casefold() for v in values}


def all_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(
            html.unescape(z.read(n).decode("utf-8", "replace")).casefold() for n in z.namelist()
        )


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    database=None,  # examples would hold case-like data on disk
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example],
)
@given(random_case())
def test_no_withheld_value_in_any_part_for_any_audience(generated):
    case, people, entries = generated
    request = ExportRequest("x", "Meeting members", "Strategy meeting")
    for profile in BUILT_IN_PROFILES.values():
        chron = redact_chronology(case, entries, people, profile)
        cover = make_cover(chron, request, "Key worker", dt.datetime(2025, 6, 1, 9, 0))
        data = build_xlsx(cover, rows_for(chron.entries))
        text = all_text(data)
        included = {e.entry_id for e in chron.entries}
        leaked = {v for v in forbidden(case, people, entries, profile, included) if v in text}
        assert leaked == set(), profile.slug
        for e in chron.entries:
            assert f"mark{e.entry_id}x" in text
            assert e.what_happened.casefold() in text
        # The independent leak scan, from the raw values, lets the redacted file through.
        check = LeakCheck(records_from(case, entries, people), entitlements(profile), EntryScope())
        assert render_checked(cover, chron, "chronology.xlsx", check)
