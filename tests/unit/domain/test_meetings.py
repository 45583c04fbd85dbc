"""Meetings: who came, the parents' invitation, decisions and challenges (domain rules)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import Kind
from fftimeline.domain.meetings import (
    Attendee,
    AttendeeKind,
    Challenge,
    Decision,
    attendance_words,
    challenges_words,
    decision_words,
)
from fftimeline.domain.support import SupportOffer, support_words
from fftimeline.domain.wording import structured_words
from tests.factories import make_entry, make_meeting, make_meeting_entry, make_support_entry


def _code(error: pytest.ExceptionInfo[ValidationError]) -> str:
    return str(error.value.errors()[0]["type"])


def test_a_meeting_says_who_attended() -> None:
    nobody = (Attendee(name="Rita Hughes", kind=AttendeeKind.TEAM, attended=False),)
    with pytest.raises(ValidationError) as caught:
        make_meeting(attendees=nobody)
    assert _code(caught) == "meeting_needs_attendees"
    with pytest.raises(ValidationError) as caught:
        Attendee(name="Rita Hughes", kind=AttendeeKind.TEAM, invited=False, attended=False)
    assert _code(caught) == "attendee_neither"


def test_parents_not_invited_need_a_reason_and_invited_parents_none() -> None:
    with pytest.raises(ValidationError) as caught:
        make_meeting(parents_invited=False)
    assert _code(caught) == "parents_not_invited_needs_reason"
    assert "say why" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        make_meeting(parents_invited=True, parents_not_invited_because="Police information")
    assert _code(caught) == "reason_for_invited_parents"
    meeting = make_meeting(parents_invited=False, parents_not_invited_because="Police asked")
    assert "The parents were not invited, because: Police asked" in attendance_words(meeting)


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"response": "We will look again"}, "response_needs_date"),
        ({"response_on": dt.date(2024, 5, 6)}, "response_date_without_response"),
        (
            {"response": "Looked again", "response_on": dt.date(2024, 5, 1)},
            "response_before_challenge",
        ),
        ({"on": dt.date.today() + dt.timedelta(days=1)}, "date_in_future"),
    ],
)
def test_a_challenge_and_the_teams_response_are_dated_in_order(
    fields: dict[str, object], code: str
) -> None:
    values: dict[str, object] = {"by": "Grace Okafor", "on": dt.date(2024, 5, 4), "words": "No."}
    with pytest.raises(ValidationError) as caught:
        Challenge.model_validate(values | fields)
    assert _code(caught) == code


def test_a_challenge_cannot_come_before_its_meeting() -> None:
    early = Challenge(by="Grace Okafor", on=dt.date(2024, 5, 1), words="She disagrees.")
    meeting = make_meeting(decisions=(Decision(text="Weekends with the aunt", challenge=early),))
    with pytest.raises(ValidationError) as caught:
        make_meeting_entry(meeting=meeting)
    assert _code(caught) == "challenge_before_meeting"


def test_the_structured_parts_belong_to_their_kinds() -> None:
    with pytest.raises(ValidationError) as caught:
        make_meeting_entry(kind=Kind.INCIDENT)
    assert _code(caught) == "meeting_only_for_meetings"
    with pytest.raises(ValidationError) as caught:
        make_support_entry(kind=Kind.ACTION)
    assert _code(caught) == "support_only_for_support"
    with pytest.raises(ValidationError) as caught:
        make_entry(parents_told=True)
    assert _code(caught) == "parents_told_only_contact_or_meeting"
    assert make_entry(kind=Kind.FAMILY_CONTACT, parents_told=True).parents_told


def test_a_meeting_in_words_names_who_came_what_was_decided_and_the_challenge() -> None:
    meeting = make_meeting()
    came = attendance_words(meeting)
    assert "Strategy meeting." in came
    assert "Attended: Rita Hughes (Head of Year), Grace Okafor (Mother)\n" in came
    assert "Invited but not there: DS Price (Police)\n" in came
    assert "The parents were invited." in came
    assert decision_words(meeting).splitlines() == [
        "Decided: Jayden stays with his aunt at weekends",
        "Decided: A safety plan is agreed with the family",
    ]
    challenged = challenges_words(meeting)
    assert challenged.startswith(
        "On “Jayden stays with his aunt at weekends”: Challenged by Grace Okafor on 4 May 2024"
    )
    assert "The team's response on 6 May 2024: The team will look again" in challenged
    unanswered = make_meeting(
        decisions=(
            Decision(text="X", challenge=Challenge(by="G", on=dt.date(2024, 5, 4), words="No")),
        )
    )
    assert "The team has not responded yet." in challenges_words(unanswered)
    assert unanswered.unanswered == 1 and meeting.unanswered == 0


def test_support_offered_in_words_and_in_search_words() -> None:
    offer = SupportOffer(organisation="PACE", offered_to="Grace Okafor", note="Called twice")
    assert support_words(offer) == (
        "Support offered: PACE, to Grace Okafor. Not known yet.\nCalled twice"
    )
    words = structured_words(make_support_entry())
    assert "Support offered: Pace (Parents Against Child Exploitation)" in words
    told = structured_words(make_meeting_entry(event_date=EventDate.exact(dt.date(2024, 5, 3))))
    assert "The parents were told." in told and "Decided:" in told and "Challenged by" in told
