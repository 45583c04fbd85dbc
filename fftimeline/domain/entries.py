"""Chronology entries and the rules each must satisfy (domain layer).

An `EntryDraft` is what the key person writes; an `Entry` is a saved version of it with
its id, version number and history fields. Amending an entry creates a new version;
retracting withdraws it with a reason. Nothing is overwritten.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fftimeline.catalogue import Labels
from fftimeline.domain.dates import EventDate, today
from fftimeline.domain.errors import DomainError, rule_error
from fftimeline.domain.sharing import Sharing
from fftimeline.domain.sources import Source
from fftimeline.domain.views import ChildWish, PersonView, check_unique, legacy_views
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
    CHILD_ACCOUNT = "child-account"
    """What the child told us themselves: a disclosure, never filed as an "allegation"."""


NATURE_LABELS: Labels[Nature] = Labels(
    {
        Nature.FACT: "Fact",
        Nature.REPORTED: "Reported",
        Nature.ALLEGATION: "Allegation",
        Nature.OPINION: "Opinion",
        Nature.INTELLIGENCE: "Intelligence",
        Nature.FAMILY_ACCOUNT: "Family's account",
        Nature.CHILD_ACCOUNT: "Child's account",
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
    recorded reason why none; each person has one view. Rules that apply only to what is
    written from now on (a source or why there is none) are in `check_before_saving`, so
    versions saved before them still read back.
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
    no_source_reason: str = Field(default="", max_length=1000)
    """Why no source is recorded ("not recorded" is a choice with a reason)."""
    views: tuple[PersonView, ...] = ()
    """The child's view, each family member's, or the family's as a whole; each at most once."""
    child_wish: ChildWish | None = None
    """What the child asked about sharing this entry, honoured at every export and print."""
    significance: Significance = Significance.ROUTINE
    impact: Impact = Impact.NEUTRAL
    next_action: str = Field(default="", max_length=2000)
    next_action_owner: str = Field(default="", max_length=200)
    next_action_due: dt.date | None = None
    """When a serious risk's next action is due; it becomes a task with this due date."""
    no_action_reason: str = Field(default="", max_length=2000)
    outcome: str = Field(default="", max_length=5000)
    sharing: Sharing = Field(default_factory=Sharing)
    grading: Grading | None = None
    link_ids: frozenset[int] = frozenset()
    wording_marks: tuple[WordingMark, ...] = ()
    """Wording findings kept on purpose (their own words, accurate here), with reasons.

    Kept beside the text, never in it; entries saved before marks existed read as ().
    """

    @model_validator(mode="before")
    @classmethod
    def _one_family_view(cls, data: Any) -> Any:
        """Versions saved with one "family's view" read back as the family's view."""
        if isinstance(data, dict) and "family_view" in data:
            data = dict(data)
            old = data.pop("family_view")
            data.setdefault("views", legacy_views(old))
        return data

    @model_validator(mode="after")
    def _check(self) -> Self:
        _check_opinion(self)
        _check_grading(self)
        _check_serious(self)
        _check_learned(self)
        _check_source_reason(self)
        check_unique(self.views)
        return self


def check_before_saving(draft: EntryDraft) -> None:
    """The rules for a version written from now on (older versions need not meet them).

    An entry with no source says why ("not recorded" is a choice with a reason).

    Raises:
        DomainError: a rule is broken; its message says what to do.
    """
    if draft.source is None and not draft.no_source_reason:
        raise DomainError(
            "no_source_needs_reason",
            "Say who told us, or why that is not recorded (for example: seen by the key "
            "worker, or unknown to us).",
        )


def with_default_due(draft: EntryDraft, on: dt.date) -> EntryDraft:
    """A serious risk's next action with no due date is due within 24 hours (``on`` + 1)."""
    if (
        draft.significance is Significance.SERIOUS
        and draft.next_action
        and draft.next_action_due is None
    ):
        return draft.model_copy(update={"next_action_due": on + dt.timedelta(days=1)})
    return draft


def _check_source_reason(d: EntryDraft) -> None:
    if d.source is not None and d.no_source_reason:
        raise rule_error(
            "source_and_no_source_reason",
            "A source is given, so it needs no reason for being missing. Clear the reason.",
        )


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
    if d.next_action_due is not None and not d.next_action:
        raise rule_error("due_without_action", "A due date needs a next action. Say what it is.")
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
