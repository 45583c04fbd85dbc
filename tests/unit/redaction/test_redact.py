"""How each audience reads a meeting, support offered and "the parents were told" (redaction)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fftimeline.domain.cases import FamilyMember
from fftimeline.domain.entries import Entry
from fftimeline.domain.meetings import Attendee, AttendeeKind
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.redaction.audiences import AudienceField, find_profile, make_custom
from fftimeline.redaction.redact import redact_chronology
from fftimeline.redaction.values import Redacted, as_text
from tests.factories import make_case, make_meeting, make_meeting_entry, make_support_entry
from tests.unit.redaction.case_builder import RECORDED

EVERYONE = Sharing(audiences=frozenset(Audience))


def _saved(draft: object, entry_id: int = 1) -> Entry:
    return Entry(**dict(draft), id=entry_id, case_id=1, recorded_at=RECORDED)  # type: ignore[call-overload]


def _meeting(**overrides: Any) -> Entry:
    return _saved(make_meeting_entry(sharing=EVERYONE, **overrides))


def test_a_strategy_meeting_reads_who_came_with_the_family_by_relationship() -> None:
    chron = redact_chronology(make_case(), [_meeting()], [], find_profile("strategy-meeting"))
    [row] = chron.entries
    what = row.what_happened
    assert "Attended: Rita Hughes (Head of Year), the child's mother\n" in what
    assert "Invited but not there: DS Price (Police)\n" in what
    assert "The parents were invited." in what and "The parents were told." in what
    assert "Grace" not in what and "Okafor" not in as_text(row.family_view)
    actions = as_text(row.action_or_outcome)
    assert actions.startswith("Decided: J. O. stays with his aunt at weekends\n")
    view = as_text(row.family_view)
    assert view.startswith("Partly agrees: The child's mother agrees with the plan")
    assert "Challenged by the child's mother on 4 May 2024: She wants J. O. home" in view
    assert "The team's response on 6 May 2024: The team will look again" in view


def test_the_parents_read_names_and_every_part_of_the_meeting() -> None:
    chron = redact_chronology(make_case(), [_meeting()], [], find_profile("parents-carers"))
    [row] = chron.entries
    assert "Grace Okafor (Mother)" in row.what_happened
    assert "Challenged by Grace Okafor" in as_text(row.family_view)
    assert "Decided: A safety plan is agreed with the family" in as_text(row.action_or_outcome)


def test_a_family_member_named_only_at_a_meeting_follows_the_family_rules() -> None:
    aunt = Attendee(name="Abena Mensah", kind=AttendeeKind.FAMILY, role="Aunt")
    child = Attendee(name="Jayden Okafor", kind=AttendeeKind.CHILD)
    meeting = make_meeting(attendees=(*make_meeting().attendees, aunt, child))
    entry = _meeting(meeting=meeting, summary="Abena Mensah offered weekends")
    case = make_case(family=(FamilyMember(name="Grace Okafor", relationship="Mother"),))
    strategy = redact_chronology(case, [entry], [], find_profile("strategy-meeting")).entries[0]
    assert "Abena" not in strategy.what_happened and "Mensah" not in strategy.what_happened
    assert "the child's mother, the child's aunt, J. O.\n" in strategy.what_happened
    assert strategy.what_happened.startswith("The child's aunt offered weekends")
    police = redact_chronology(case, [entry], [], find_profile("police")).entries[0]
    assert "Abena Mensah (Aunt)" in police.what_happened


def test_decisions_and_challenges_follow_the_fields_a_custom_audience_sees() -> None:
    no_views = make_custom(
        "Youth offending team",
        Audience.STRATEGY_MEETING,
        frozenset({AudienceField.ACCOUNT}),
    )
    [row] = redact_chronology(make_case(), [_meeting()], [], no_views).entries
    assert isinstance(row.family_view, Redacted) and isinstance(row.action_or_outcome, Redacted)
    assert "Attended:" in row.what_happened
    assert "Challenged" not in row.what_happened and "Decided" not in row.what_happened


def test_support_offered_reads_with_what_happened() -> None:
    entry = _saved(make_support_entry(sharing=EVERYONE))
    [row] = redact_chronology(make_case(), [entry], [], find_profile("strategy-meeting")).entries
    assert row.kind_label == "Support offered"
    assert row.what_happened.endswith(
        "Support offered: Pace (Parents Against Child Exploitation), to the child's mother."
        " Not known yet."
    )
    assert dt.date(2024, 5, 2) == row.sort_date
