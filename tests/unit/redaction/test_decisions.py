"""A meeting's decisions and challenges as pieces each audience may see (redaction.decisions)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fftimeline.domain.entries import Entry
from fftimeline.domain.meetings import Challenge, Decision, ShownChallenge, ShownDecision
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.redaction.audiences import AudienceField, AudienceProfile, find_profile, make_custom
from fftimeline.redaction.redact import redact_chronology
from fftimeline.redaction.values import RedactedEntry
from tests.factories import make_case, make_meeting, make_meeting_entry
from tests.unit.redaction.case_builder import RECORDED

EVERYONE = Sharing(audiences=frozenset(Audience))
F = AudienceField


def _meeting(**overrides: Any) -> Entry:
    draft = make_meeting_entry(sharing=EVERYONE, **overrides)
    return Entry(**dict(draft), id=1, case_id=1, recorded_at=RECORDED)


def _row(profile: AudienceProfile, entry: Entry | None = None) -> RedactedEntry:
    [row] = redact_chronology(make_case(), [entry or _meeting()], [], profile).entries
    return row


def _custom(*fields: AudienceField) -> AudienceProfile:
    return make_custom("Grandparents", Audience.PARENTS, frozenset(fields))


def test_the_parents_get_each_decision_and_the_challenge_with_the_teams_answer() -> None:
    row = _row(find_profile("parents-carers"))
    answered = ShownChallenge(
        by="Grace Okafor",
        on=dt.date(2024, 5, 4),
        words="She wants Jayden home at weekends.",
        response="The team will look again at the next review.",
        response_on=dt.date(2024, 5, 6),
    )
    assert row.decisions == (
        ShownDecision("Jayden stays with his aunt at weekends", answered),
        ShownDecision("A safety plan is agreed with the family"),
    )
    assert "Decided" not in row.next_steps  # the decisions are not repeated as next steps


def test_an_audience_of_initials_reads_the_challenger_by_relationship() -> None:
    row = _row(find_profile("strategy-meeting"))
    first = row.decisions[0]
    assert first.text == "J. O. stays with his aunt at weekends"
    assert first.challenge is not None and first.challenge.by == "The child's mother"
    assert first.challenge.words == "She wants J. O. home at weekends."


def test_challenges_go_only_where_the_familys_view_goes_and_decisions_with_actions() -> None:
    no_views = _row(_custom(F.CHILD_NAME, F.ACTIONS))
    assert [d.text for d in no_views.decisions] == [
        "Jayden stays with his aunt at weekends",
        "A safety plan is agreed with the family",
    ]
    assert all(d.challenge is None for d in no_views.decisions)
    views_only = _row(_custom(F.CHILD_NAME, F.FAMILY_VIEW))
    [challenged] = views_only.decisions
    assert challenged.text == "" and challenged.challenge is not None
    assert challenged.challenge.words == "She wants Jayden home at weekends."
    assert _row(_custom(F.CHILD_NAME, F.ACCOUNT)).decisions == ()
    assert _row(_custom(F.CHILD_NAME, F.ACCOUNT)).next_steps == ""


def test_a_challenge_not_answered_yet_has_no_answer_date() -> None:
    waiting = Decision(
        text="Weekly visits", challenge=Challenge(by="Grace", on=dt.date(2024, 5, 4), words="No.")
    )
    entry = _meeting(meeting=make_meeting(decisions=(waiting,)))
    [shown] = _row(find_profile("parents-carers"), entry).decisions
    assert shown.challenge is not None
    assert shown.challenge.response == "" and shown.challenge.response_on is None


def test_next_steps_keep_the_action_and_outcome_without_the_decisions() -> None:
    entry = _meeting(next_action="Visit on Friday", next_action_owner="Sam Key", outcome="Done")
    row = _row(find_profile("parents-carers"), entry)
    assert row.next_steps == "Next: Visit on Friday (Sam Key)\nOutcome: Done"


def test_the_pieces_do_not_count_a_replacement_twice() -> None:
    """The decisions repeat text the action column already cleaned: counted once."""
    row = _row(find_profile("strategy-meeting"))
    assert row.replacements == sum(len(marks) for _, marks in row.marks) > 0
