"""Chronology entries and the rules each must satisfy (domain layer).

An `EntryDraft` is what the key person writes; an `Entry` is a saved version of it with
its id, version number and history fields. Amending an entry creates a new version;
retracting withdraws it with a reason. Nothing is overwritten.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fftimeline.catalogue import Labels
from fftimeline.domain.dates import EventDate, today
from fftimeline.domain.errors import rule_error
from fftimeline.domain.sharing import Sharing
from fftimeline.domain.sources import Source
from fftimeline.domain.wording_check import WordingMark


class Kind(StrEnum):
    """What sort of entry this is."""

    INCIDENT = "incident"
    CONCERN = "concern"
    MISSING = "missing-episode"
    INFORMATION = "information"
    INTELLIGENCE = "intelligence"
    FAMILY_CONTACT = "contact-with-family"
    MEETING = "meeting-decision"
    ACTION = "action-taken"
    NOT_SHARED = "decision-not-to-share"
    POSITIVE = "positive-event"


KIND_LABELS: Labels[Kind] = Labels(
    {
        Kind.INCIDENT: "Incident",
        Kind.CONCERN: "Concern",
        Kind.MISSING: "Missing episode",
        Kind.INFORMATION: "Information",
        Kind.INTELLIGENCE: "Intelligence",
        Kind.FAMILY_CONTACT: "Contact with family",
        Kind.MEETING: "Meeting or decision",
        Kind.ACTION: "Action taken",
        Kind.NOT_SHARED: "Decision not to share or refer",
        Kind.POSITIVE: "Positive or protective event",
    }
)


class Nature(StrEnum):
    """How we know what the entry says."""

    FACT = "observed-fact"
    REPORTED = "reported"
    ALLEGATION = "allegation"
    OPINION = "professional-opinion"
    INTELLIGENCE = "intelligence"
    FAMILY_ACCOUNT = "family-account"


NATURE_LABELS: Labels[Nature] = Labels(
    {
        Nature.FACT: "Fact",
        Nature.REPORTED: "Reported",
        Nature.ALLEGATION: "Allegation",
        Nature.OPINION: "Opinion",
        Nature.INTELLIGENCE: "Intelligence",
        Nature.FAMILY_ACCOUNT: "Family's account",
    }
)


class FamilyPosition(StrEnum):
    """The family's position on an entry."""

    AGREE = "agree"
    DISPUTE = "dispute"
    PARTLY = "partly-agree"
    NOT_ASKED = "not-yet-asked"
    NOT_SAFE = "not-safe-to-ask"


FAMILY_POSITION_LABELS: Labels[FamilyPosition] = Labels(
    {
        FamilyPosition.AGREE: "Agrees",
        FamilyPosition.DISPUTE: "Disputes",
        FamilyPosition.PARTLY: "Partly agrees",
        FamilyPosition.NOT_ASKED: "Not yet asked",
        FamilyPosition.NOT_SAFE: "Not safe to ask",
    }
)


class Significance(StrEnum):
    """How serious the entry is."""

    ROUTINE = "routine"
    SIGNIFICANT = "significant"
    SERIOUS = "serious-risk"


SIGNIFICANCE_LABELS: Labels[Significance] = Labels(
    {
        Significance.ROUTINE: "Routine",
        Significance.SIGNIFICANT: "Significant",
        Significance.SERIOUS: "Serious risk",
    }
)


class Impact(StrEnum):
    """The effect on the child."""

    POSITIVE = "positive"
    NEGATIVE = "negative"
    NEUTRAL = "neutral"


class FamilyView(BaseModel):
    """What the family says about an entry, and their position."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    position: FamilyPosition = FamilyPosition.NOT_ASKED
    text: str = Field(default="", max_length=10_000)


class Handling(StrEnum):
    """The 3x5x2 handling code."""

    P = "P"
    C = "C"


class Grading(BaseModel):
    """Intelligence grading under the UK 3x5x2 scheme.

    Attributes:
        source: 1 reliable, 2 untested, 3 not reliable.
        information: A known directly … E suspected to be false.
        handling: P (sharing permitted) or C (with conditions).
        conditions: the handling conditions; required for C.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    source: int = Field(ge=1, le=3)
    information: str = Field(pattern="^[A-E]$")
    handling: Handling
    conditions: str = Field(default="", max_length=2000)

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.handling is Handling.C and not self.conditions:
            raise rule_error(
                "handling_c_needs_conditions", "Handling code C needs its conditions written."
            )
        return self

    @property
    def code(self) -> str:
        """Compact form such as '2B P'."""
        return f"{self.source}{self.information} {self.handling.value}"


class EntryDraft(BaseModel):
    """One item of the chronology as the key person writes it.

    The validators hold the recording rules: an opinion says whose; a withheld source has
    a reason; grading is only for intelligence; a serious-risk entry has a next action or a
    recorded reason why none.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    kind: Kind
    event_date: EventDate
    learned_on: dt.date | None = None
    summary: str = Field(min_length=1, max_length=500)
    account: str = Field(default="", max_length=50_000)
    nature: Nature
    opinion_of: str = Field(default="", max_length=300)
    source: Source | None = None
    family_view: FamilyView = Field(default_factory=FamilyView)
    significance: Significance = Significance.ROUTINE
    impact: Impact = Impact.NEUTRAL
    next_action: str = Field(default="", max_length=2000)
    next_action_owner: str = Field(default="", max_length=200)
    no_action_reason: str = Field(default="", max_length=2000)
    outcome: str = Field(default="", max_length=5000)
    sharing: Sharing = Field(default_factory=Sharing)
    grading: Grading | None = None
    link_ids: frozenset[int] = frozenset()
    wording_marks: tuple[WordingMark, ...] = ()
    """Wording findings kept on purpose (their own words, accurate here), with reasons.

    Kept beside the text, never in it; entries saved before marks existed read as ().
    """

    @model_validator(mode="after")
    def _check(self) -> Self:
        _check_opinion(self)
        _check_grading(self)
        _check_serious(self)
        _check_learned(self)
        return self


def _check_opinion(d: EntryDraft) -> None:
    if d.nature is Nature.OPINION and not d.opinion_of:
        raise rule_error("opinion_needs_whose", "Say whose opinion this is.")
    if d.nature is not Nature.OPINION and d.opinion_of:
        raise rule_error(
            "whose_without_opinion", "Only an opinion has a 'whose opinion'. Clear it."
        )


def _check_grading(d: EntryDraft) -> None:
    if d.grading is not None and d.kind is not Kind.INTELLIGENCE:
        raise rule_error(
            "grading_only_intelligence", "Only intelligence entries carry a 3x5x2 grading."
        )


def _check_serious(d: EntryDraft) -> None:
    if d.significance is not Significance.SERIOUS:
        return
    if d.next_action and not d.next_action_owner:
        raise rule_error("action_needs_owner", "Say who owns the next action.")
    if not d.next_action and not d.no_action_reason:
        raise rule_error(
            "serious_needs_action",
            "Serious risk needs urgent action: give the next action and who owns it, "
            "or record why no action is being taken.",
        )


def _check_learned(d: EntryDraft) -> None:
    if d.learned_on is None:
        return
    if d.learned_on > today():
        raise rule_error("learned_in_future", "The date you learned of it is in the future.")
    if d.learned_on < d.event_date.earliest:
        raise rule_error(
            "learned_before_event",
            "You cannot have learned of it before it happened. Check both dates.",
        )


class Entry(EntryDraft):
    """A saved version of an entry.

    Attributes:
        id: stable id of the entry across all its versions.
        case_id: the case it belongs to.
        version: 1 for the first version, +1 for each amendment.
        recorded_at: when this version was saved (UTC).
        recorded_by: who saved this version.
        amendment_reason: why this version replaced the previous one ('' for version 1).
        retracted_at: when the entry was withdrawn, if it was.
        retraction_reason: why it was withdrawn.
    """

    id: int
    case_id: int
    version: int = Field(default=1, ge=1)
    recorded_at: dt.datetime
    recorded_by: str = ""
    amendment_reason: str = ""
    retracted_at: dt.datetime | None = None
    retraction_reason: str = ""

    @property
    def retracted(self) -> bool:
        """Whether the entry has been withdrawn."""
        return self.retracted_at is not None

    def draft(self) -> EntryDraft:
        """The user-editable part of this entry, to start an amendment from."""
        return EntryDraft.model_validate(self.model_dump(include=set(EntryDraft.model_fields)))
