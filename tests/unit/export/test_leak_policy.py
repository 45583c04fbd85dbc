"""The leak scan's own reading of the protection policy, from raw values (no redaction)."""

from __future__ import annotations

import datetime as dt

import pytest

from fftimeline.domain.cases import CaseDraft, FamilyMember
from fftimeline.domain.dates import Certainty, EventDate, Precision
from fftimeline.domain.entries import Kind
from fftimeline.domain.people import LinkKind
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.export.leak_needles import compile_needles
from fftimeline.export.leak_policy import Protection, left_out_because, possible_days, protection
from fftimeline.export.leak_records import (
    CaseRecord,
    EntryScope,
    HiddenSpan,
    RegisterRecord,
    VaultRecords,
)
from fftimeline.redaction.audiences import find_profile
from fftimeline.services.leak_check import entitlements
from tests.factories import family_view
from tests.unit.export.leak_builders import CASE, EVERYONE, person, thing
from tests.unit.redaction.case_builder import saved

PARENTS = entitlements(find_profile("parents-carers"))
STRATEGY = entitlements(find_profile("strategy-meeting"))
POLICE = entitlements(find_profile("police"))


def _withheld(name: str) -> Source:
    return Source(name=name, withheld=True, withheld_reason=WithheldReason.RISK_TO_SOURCE)


def _guard(record: CaseRecord, rights=PARENTS, others=(), hidden=(), scope=None) -> Protection:
    return protection(
        VaultRecords(record, tuple(others), tuple(hidden)), rights, scope or EntryScope()
    )


def _values(guard: Protection) -> dict[str, str]:
    return {v.value: v.description for v in guard.values}


def test_third_parties_and_linked_people_with_every_earlier_name():
    renamed = person(10, "Zoe Hart", "Bugs")
    before = person(10, "Zoë Hart-Smith", "Bugsy")
    bystander = person(11, "Pat Lee", third_party=False)
    linked = person(12, "Sam Doe", third_party=False)
    record = CaseRecord(
        CASE,
        register=(
            RegisterRecord(renamed, (before,)),
            RegisterRecord(bystander),
            RegisterRecord(linked),
        ),
        entries=(saved(1, link_ids=frozenset({12}), sharing=EVERYONE),),
    )
    values = _values(_guard(record))
    person_words = "a person the parents must not see"
    for name in ("Zoe Hart", "Bugs", "Zoë Hart-Smith", "Bugsy", "Sam Doe"):
        assert values[name] == person_words
    assert "Pat Lee" not in values
    assert "Pat Lee" in _guard(record).allowed


def test_withheld_sources_in_every_version_and_no_title_alone():
    first = saved(1, source=_withheld("Mrs Linda Hale"), sharing=EVERYONE)
    amended = first.model_copy(update={"version": 2, "source": _withheld("Mrs Lynda Hale")})
    record = CaseRecord(CASE, entries=(amended,), earlier_entries=(first,))
    guard = _guard(record, POLICE)
    assert _values(guard) == {
        "Mrs Linda Hale": "a withheld source",
        "Mrs Lynda Hale": "a withheld source",
    }
    table = compile_needles(guard.values, guard.family)
    assert {"linda", "lynda", "hale", "mrslindahale"} <= table.needles.keys()
    assert "mrs" not in table.needles


def test_the_child_and_family_only_for_audiences_that_see_initials():
    earlier = CASE.model_copy(update={"child_name": "Jayden Mensah"})
    record = CaseRecord(CASE, earlier=(earlier,))
    strategy = _values(_guard(record, STRATEGY))
    assert strategy["Jayden Mensah-Boateng"] == "the child's name"
    assert strategy["Jayden Mensah"] == "the child's name"
    assert strategy["JJ"] == "the child's name"
    assert strategy["Grace Mensah-Boateng"] == "a family member's name"
    assert not {"Jayden Mensah-Boateng", "JJ"} & _values(_guard(record, PARENTS)).keys()


def test_other_cases_are_protected_unless_the_same_person_is_seen_here():
    sister = CaseDraft(
        child_name="Amara Mensah-Boateng",
        family=(
            FamilyMember(name="Grace Mensah-Boateng", relationship="Mother"),
            FamilyMember(name="Kwame Osei", relationship="Stepfather"),
        ),
    )
    other = CaseRecord(
        sister,
        register=(RegisterRecord(person(30, "Kai Brown", third_party=False)),),
        entries=(saved(5, source=_withheld("Tina Wexford")),),
    )
    parents = _values(_guard(CaseRecord(CASE), PARENTS, others=[other]))
    for name in ("Amara Mensah-Boateng", "Kwame Osei", "Kai Brown", "Tina Wexford"):
        assert parents[name] == "a person from another case"
    assert "Grace Mensah-Boateng" not in parents  # the mother of both: the parents see her
    strategy = _guard(CaseRecord(CASE), STRATEGY, others=[other]).values
    assert ("Grace Mensah-Boateng", "a family member's name") in {
        (v.value, v.description) for v in strategy
    }
    guard = _guard(CaseRecord(CASE), PARENTS, others=[other])
    table = compile_needles(guard.values, guard.family)
    assert "amara" in table.needles and "amaramensahboateng" in table.needles
    assert "mensahboateng" not in table.needles  # the child's own surname, seen by the parents


def test_identifiers_of_every_case_only_for_audiences_without_identifiers():
    mine = CaseRecord(CASE, register=(RegisterRecord(thing(20, LinkKind.PHONE, "07700 900123")),))
    other = CaseRecord(
        CaseDraft(child_name="Amara Osei"),
        register=(RegisterRecord(thing(40, LinkKind.PLACE, "14 Larch Close")),),
    )
    parents = _values(_guard(mine, PARENTS, others=[other]))
    assert parents["07700 900123"] == "a phone number" and parents["14 Larch Close"] == "a place"
    police = _values(_guard(mine, POLICE, others=[other]))
    assert "07700 900123" not in police and "14 Larch Close" not in police


def test_content_of_entries_left_out_fields_not_seen_and_spans_hidden_by_hand():
    shown = saved(
        1,
        account="Seen at the flat.",
        views=family_view("Mum disagrees."),
        sharing=EVERYONE,
    )
    withdrawn = saved(2, summary="Withdrawn words", sharing=EVERYONE).model_copy(
        update={"retracted_at": dt.datetime(2025, 6, 2, tzinfo=dt.UTC)}
    )
    not_shared = saved(
        3, summary="Police only words", sharing=Sharing(audiences=frozenset({Audience.POLICE}))
    )
    record = CaseRecord(CASE, entries=(shown, withdrawn, not_shared))
    guard = _guard(record, PARENTS, hidden=[HiddenSpan(1, "the flat")])
    assert guard.not_going == {2: "withdrawn", 3: "not shared with this audience"}
    texts = {c.text for c in guard.content}
    assert {"Withdrawn words", "Police only words", "the flat"} <= texts
    assert "Seen at the flat." in guard.shown[1] and "Mum disagrees." in guard.shown[1]
    assert guard.hidden == {1: ("the flat",)}
    assert all(c.by_hand == (c.text == "the flat") for c in guard.content)


def test_descriptions_never_hold_the_value():
    others = [CaseRecord(CaseDraft(child_name="Amara Osei", known_as="Mo"))]
    record = CaseRecord(
        CASE, register=tuple(RegisterRecord(i) for i in (person(10, "Zoe Hart", "Zo"),))
    )
    for rights in (PARENTS, STRATEGY, POLICE):
        for value in _guard(record, rights, others=others).values:
            assert value.value.casefold() not in value.description.casefold()


def _date(certainty, start, precision=Precision.DAY, end=None):
    return EventDate(certainty=certainty, start=start, precision=precision, end=end)


@pytest.mark.parametrize(
    ("date", "first", "last"),
    [
        (
            _date(Certainty.BEFORE, dt.date(2025, 1, 1), Precision.YEAR),
            dt.date.min,
            dt.date(2024, 12, 31),
        ),
        (
            _date(Certainty.BEFORE, dt.date(2025, 3, 1), Precision.MONTH),
            dt.date.min,
            dt.date(2025, 2, 28),
        ),
        (_date(Certainty.BEFORE, dt.date(2025, 3, 3)), dt.date.min, dt.date(2025, 3, 2)),
        (
            _date(Certainty.AFTER, dt.date(2024, 1, 1), Precision.YEAR),
            dt.date(2025, 1, 1),
            dt.date.max,
        ),
        (_date(Certainty.AFTER, dt.date(2025, 3, 3)), dt.date(2025, 3, 4), dt.date.max),
        (_date(Certainty.MONTH, dt.date(2025, 2, 1)), dt.date(2025, 2, 1), dt.date(2025, 2, 28)),
        (_date(Certainty.YEAR, dt.date(2024, 1, 1)), dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        (
            _date(Certainty.BETWEEN, dt.date(2025, 1, 3), end=dt.date(2025, 1, 9)),
            dt.date(2025, 1, 3),
            dt.date(2025, 1, 9),
        ),
        (_date(Certainty.AROUND, dt.date(2025, 3, 3)), dt.date(2025, 1, 31), dt.date(2025, 4, 3)),
    ],
)
def test_possible_days_of_every_certainty(date, first, last):
    assert possible_days(date) == (first, last)


@pytest.mark.parametrize(
    ("date", "scope", "out"),
    [
        (
            _date(Certainty.BEFORE, dt.date(2026, 1, 1), Precision.YEAR),
            EntryScope(start=dt.date(2026, 1, 1)),
            True,
        ),
        (
            _date(Certainty.BEFORE, dt.date(2026, 1, 1), Precision.YEAR),
            EntryScope(start=dt.date(2025, 12, 31)),
            False,
        ),
        (
            _date(Certainty.AFTER, dt.date(2024, 1, 1), Precision.YEAR),
            EntryScope(end=dt.date(2024, 12, 31)),
            True,
        ),
        (
            _date(Certainty.AFTER, dt.date(2024, 1, 1), Precision.YEAR),
            EntryScope(end=dt.date(2025, 1, 1)),
            False,
        ),
        (
            _date(Certainty.EXACT, dt.date(2025, 3, 3)),
            EntryScope(start=dt.date(2025, 3, 3), end=dt.date(2025, 3, 3)),
            False,
        ),
        (_date(Certainty.EXACT, dt.date(2025, 3, 3)), EntryScope(start=dt.date(2025, 3, 4)), True),
        (_date(Certainty.MONTH, dt.date(2025, 3, 1)), EntryScope(end=dt.date(2025, 3, 1)), False),
        (
            _date(Certainty.EXACT, dt.date(2025, 3, 3)),
            EntryScope(kinds=frozenset({Kind.MISSING})),
            True,
        ),
    ],
)
def test_an_entry_counts_as_left_out_by_the_filters_only_when_certainly_outside(date, scope, out):
    entry = saved(1, event_date=date, sharing=EVERYONE)
    assert bool(left_out_because(entry, PARENTS, scope)) is out


def test_the_childs_own_view_and_wish_are_protected_from_the_parents():
    from fftimeline.domain.views import ChildWish, PersonView, ViewHolder, ViewPosition

    child = PersonView(holder=ViewHolder.CHILD, position=ViewPosition.DISPUTE, text="I never did.")
    wish = ChildWish(text="I want to tell Mum myself", not_told=frozenset({Audience.PARENTS}))
    entry = saved(
        1,
        views=(*family_view("Mum disagrees."), child),
        child_wish=wish,
        no_source_reason="",
        sharing=EVERYONE,
    )
    record = CaseRecord(CASE, entries=(entry,))
    parents = _guard(record, PARENTS)
    texts = {c.text for c in parents.content}
    assert {"I never did.", "I want to tell Mum myself"} <= texts
    assert "Mum disagrees." in parents.shown[1]
    assert "I never did." not in parents.shown[1]
    child_rights = entitlements(find_profile(Audience.CHILD.value))
    mine = _guard(record, child_rights)
    assert "I never did." in mine.shown[1] and "I want to tell Mum myself" in mine.shown[1]


def test_a_family_member_named_in_a_view_is_protected_where_names_are_not_seen():
    from fftimeline.domain.views import PersonView, ViewHolder, ViewPosition

    aunt = PersonView(holder=ViewHolder.MEMBER, name="Bernice Adeyemi", position=ViewPosition.AGREE)
    record = CaseRecord(CASE, entries=(saved(1, views=(aunt,), sharing=EVERYONE),))
    assert _values(_guard(record, STRATEGY))["Bernice Adeyemi"] == "a family member's name"
    assert "Bernice Adeyemi" not in _values(_guard(record, PARENTS))
