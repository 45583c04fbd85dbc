"""Meetings and the decisions taken at them (domain layer).

A meeting is an entry of kind "meeting or decision" with a structured part, `Meeting`: what
sort of meeting it was, who was invited and who attended (the team and the family), whether
the parents were invited and why not, what was decided, and any challenge to a decision with
the team's response. The family's view of the meeting is the entry's own family view, and
the tasks that follow are real tasks linked to the entry.

Why an entry and not a record of its own: it then has everything an entry has, at once and
in one place: its date in the chronology, versions with reasons (the team's response to a
challenge, written weeks later, is an amendment; the first words stay in the history), who it
is safe to share with, the wording check, search, hand-over and purge, and every output words
it through the same redaction and the same independent leak scan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fftimeline.catalogue import Labels
from fftimeline.domain.dates import day_words, today
from fftimeline.domain.errors import rule_error


class MeetingKind(StrEnum):
    """What sort of meeting it was."""

    STRATEGY = "strategy-meeting"
    CORE_GROUP = "core-group"
    CONFERENCE = "child-protection-conference"
    REVIEW = "review"
    FAMILY = "family-meeting"
    PROFESSIONALS = "professionals-meeting"
    OTHER = "other"


MEETING_KIND_LABELS: Labels[MeetingKind] = Labels(
    {
        MeetingKind.STRATEGY: "Strategy meeting",
        MeetingKind.CORE_GROUP: "Core group",
        MeetingKind.CONFERENCE: "Child protection conference",
        MeetingKind.REVIEW: "Review meeting",
        MeetingKind.FAMILY: "Family meeting",
        MeetingKind.PROFESSIONALS: "Professionals' meeting",
        MeetingKind.OTHER: "Other meeting",
    }
)


class AttendeeKind(StrEnum):
    """Who someone at a meeting is: it decides how each audience sees their name."""

    TEAM = "team"
    """In the team around the child: named to every audience."""
    PROFESSIONAL = "professional"
    """Another professional: named to every audience."""
    FAMILY = "family"
    """A family member: named only where the family is named (else "the child's mother")."""
    CHILD = "child"
    """The child: named only where the child is named (else their initials)."""


ATTENDEE_KIND_LABELS: Labels[AttendeeKind] = Labels(
    {
        AttendeeKind.TEAM: "Team around the child",
        AttendeeKind.PROFESSIONAL: "Another professional",
        AttendeeKind.FAMILY: "Family",
        AttendeeKind.CHILD: "The child",
    }
)


class Attendee(BaseModel):
    """Someone invited to a meeting, and whether they came.

    Attributes:
        name: their name.
        kind: team, another professional, family or the child.
        role: their role and agency, or their relationship to the child.
        invited: whether they were invited.
        attended: whether they were there.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    kind: AttendeeKind
    role: str = Field(default="", max_length=200)
    invited: bool = True
    attended: bool = True

    @model_validator(mode="after")
    def _check(self) -> Self:
        if not self.invited and not self.attended:
            raise rule_error(
                "attendee_neither",
                f"{self.name} was neither invited nor there: tick one, or take them off the list.",
            )
        return self

    def words(self) -> str:
        """'Rita Hughes (Head of Year, Park School)'."""
        return f"{self.name} ({self.role})" if self.role else self.name


def _not_future(day: dt.date | None, what: str) -> None:
    if day is not None and day > today():
        raise rule_error("date_in_future", f"The date {what} is in the future.")


class Challenge(BaseModel):
    """A challenge to a decision (by the family, the child or anyone), and the team's response.

    Attributes:
        by: who challenged it.
        on: when.
        words: what they said, in their words where possible.
        response: the team's response ('' while there is none yet).
        response_on: when the team responded (required with a response).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    by: str = Field(min_length=1, max_length=200)
    on: dt.date
    words: str = Field(min_length=1, max_length=5000)
    response: str = Field(default="", max_length=5000)
    response_on: dt.date | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        _not_future(self.on, "of the challenge")
        _not_future(self.response_on, "of the team's response")
        if self.response and self.response_on is None:
            raise rule_error("response_needs_date", "Say when the team responded to the challenge.")
        if self.response_on is not None and not self.response:
            raise rule_error("response_date_without_response", "Write the team's response too.")
        if self.response_on is not None and self.response_on < self.on:
            raise rule_error(
                "response_before_challenge", "The team's response is dated before the challenge."
            )
        return self


class Decision(BaseModel):
    """One thing the meeting decided, and any challenge to it."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    text: str = Field(min_length=1, max_length=2000)
    challenge: Challenge | None = None


class Meeting(BaseModel):
    """The structured part of a meeting entry.

    Attributes:
        kind: what sort of meeting.
        attendees: who was invited and who attended, team and family.
        parents_invited: whether the parents (or carers) were invited.
        parents_not_invited_because: why not (required when they were not).
        decisions: what was decided, each with any challenge and the team's response.
        discussed: the entries of the case that the meeting discussed.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    kind: MeetingKind
    attendees: tuple[Attendee, ...] = ()
    parents_invited: bool
    parents_not_invited_because: str = Field(default="", max_length=2000)
    decisions: tuple[Decision, ...] = ()
    discussed: frozenset[int] = frozenset()

    @model_validator(mode="after")
    def _check(self) -> Self:
        if not any(a.attended for a in self.attendees):
            raise rule_error("meeting_needs_attendees", "Say who attended the meeting.")
        if not self.parents_invited and not self.parents_not_invited_because:
            raise rule_error(
                "parents_not_invited_needs_reason",
                "The parents were not invited: say why. Parents asked to be part of decisions.",
            )
        if self.parents_invited and self.parents_not_invited_because:
            raise rule_error(
                "reason_for_invited_parents",
                "The parents were invited, so no reason for not inviting them is needed. Clear it.",
            )
        return self

    @property
    def challenges(self) -> tuple[Challenge, ...]:
        """Every challenge to a decision of this meeting."""
        return tuple(d.challenge for d in self.decisions if d.challenge is not None)

    @property
    def unanswered(self) -> int:
        """How many challenges have no response from the team yet."""
        return sum(1 for c in self.challenges if not c.response)


@dataclass(frozen=True)
class ShownChallenge:
    """A challenge to a decision as an output shows it: every text already fit for its audience.

    Attributes:
        by: who challenged it, as the audience may see the name.
        on: when.
        words: what they said.
        response: the team's response ('' while there is none).
        response_on: when the team responded (None while there is no response).
    """

    by: str
    on: dt.date
    words: str
    response: str
    response_on: dt.date | None


@dataclass(frozen=True)
class ShownDecision:
    """One decision of a meeting as an output shows it.

    Attributes:
        text: what was decided ('' when the audience does not see the decisions).
        challenge: the challenge and the team's response (None when there is none, or the
            audience does not see the family's view, where challenges go).
    """

    text: str
    challenge: ShownChallenge | None = None


# Wording (the professional voice: the detail pane and the professional outputs) ------------


def attendance_words(meeting: Meeting) -> str:
    """Who was there and whether the parents were invited, one fact a line."""
    came = [a.words() for a in meeting.attendees if a.attended]
    missed = [a.words() for a in meeting.attendees if a.invited and not a.attended]
    lines = [f"{MEETING_KIND_LABELS[meeting.kind]}.", f"Attended: {', '.join(came)}"]
    if missed:
        lines.append(f"Invited but not there: {', '.join(missed)}")
    if meeting.parents_invited:
        lines.append("The parents were invited.")
    else:
        lines.append(
            f"The parents were not invited, because: {meeting.parents_not_invited_because}"
        )
    return "\n".join(lines)


def decision_words(meeting: Meeting) -> str:
    """What was decided, a decision a line ('' when nothing was)."""
    return "\n".join(f"Decided: {d.text}" for d in meeting.decisions)


def challenge_words(challenge: Challenge) -> str:
    """'Challenged by Donna on 3 May 2025: … The team's response on 10 May 2025: …'."""
    said = f"Challenged by {challenge.by} on {day_words(challenge.on)}: {challenge.words}"
    if challenge.response and challenge.response_on is not None:
        return f"{said}\nThe team's response on {day_words(challenge.response_on)}: " + (
            challenge.response
        )
    return f"{said}\nThe team has not responded yet."


def challenges_words(meeting: Meeting) -> str:
    """Every challenge with the decision it challenges and the team's response."""
    return "\n".join(
        f"On “{d.text}”: {challenge_words(d.challenge)}"
        for d in meeting.decisions
        if d.challenge is not None
    )
