"""A case's safety plan, its reviews, and every version of it (domain layer).

A safety plan is a short list of measures (what, who, by when), agreed with the family and
the team, with a date to review it. A review asks of each measure whether it is working,
says what changes, and records the family's and the child's views; the plan as changed
then becomes the next version. Nothing is overwritten: every version is kept, and a plan
whose review date has passed shows as overdue in the case list, like an overdue task.

Like an entry, the plan says who it is safe to share with (`Sharing`): the printed parents'
document can carry the current plan, in plain words, only when the plan may go to them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fftimeline.catalogue import Labels
from fftimeline.domain.dates import today
from fftimeline.domain.errors import rule_error
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.wording_check import WordingMark


class Measure(BaseModel):
    """One measure of the plan: what is done, by whom, by when."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    what: str = Field(min_length=1, max_length=1000)
    who: str = Field(min_length=1, max_length=200)
    by_when: dt.date | None = None


class Working(StrEnum):
    """Whether a measure is working, as the review found."""

    YES = "working"
    PARTLY = "partly-working"
    NO = "not-working"
    NOT_KNOWN = "not-known-yet"


WORKING_LABELS: Labels[Working] = Labels(
    {
        Working.YES: "Working",
        Working.PARTLY: "Partly working",
        Working.NO: "Not working",
        Working.NOT_KNOWN: "Not known yet",
    }
)


class MeasureReview(BaseModel):
    """What a review found about one measure of the version it reviewed."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    measure: str = Field(min_length=1, max_length=1000)
    working: Working
    note: str = Field(default="", max_length=2000)


class PlanReview(BaseModel):
    """A review of the plan: each measure, what changes, and the family's and child's views.

    Attributes:
        reviewed_on: the day of the review.
        measures: each measure of the version reviewed, working or not.
        changes: what changes now (the next version holds the changed measures).
        family_view: what the family said.
        child_view: what the child said (never merged into the family's).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    reviewed_on: dt.date
    measures: tuple[MeasureReview, ...] = Field(min_length=1)
    changes: str = Field(default="", max_length=5000)
    family_view: str = Field(default="", max_length=5000)
    child_view: str = Field(default="", max_length=5000)

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.reviewed_on > today():
            raise rule_error("review_in_future", "The review date is in the future.")
        not_working = any(m.working in (Working.NO, Working.PARTLY) for m in self.measures)
        if not_working and not self.changes:
            raise rule_error(
                "review_needs_changes",
                "A measure is not working: say what changes (or why nothing changes).",
            )
        return self


class SafetyPlanDraft(BaseModel):
    """One version of the plan as the key worker writes it.

    Attributes:
        measures: what, who and by when.
        agreed_with: who agreed it (the family, the child, the team).
        agreed_on: when this version was agreed.
        review_on: when it is to be reviewed next.
        sharing: who the plan may be shared with.
        review: the review this version came from (None for the first version, or for a
            version changed without a review, which then gives ``reason``).
        reason: why the plan changed without a review.
        wording_marks: wording findings the key worker kept on purpose in this version's
            text (their own words, accurate here), as an entry keeps them.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    measures: tuple[Measure, ...] = Field(min_length=1)
    agreed_with: str = Field(min_length=1, max_length=1000)
    agreed_on: dt.date
    review_on: dt.date
    sharing: Sharing = Field(
        default_factory=lambda: Sharing(
            audiences=frozenset({Audience.SAFEGUARDING_TEAM, Audience.PARENTS})
        )
    )
    review: PlanReview | None = None
    reason: str = Field(default="", max_length=2000)
    wording_marks: tuple[WordingMark, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.agreed_on > today():
            raise rule_error("agreed_in_future", "The day the plan was agreed is in the future.")
        if self.review_on <= self.agreed_on:
            raise rule_error(
                "review_before_agreed", "Set the review date after the day the plan was agreed."
            )
        if self.review is not None and self.review.reviewed_on > self.agreed_on:
            raise rule_error(
                "agreed_before_review",
                "The changed plan is dated before its review: check the two dates.",
            )
        return self


class SafetyPlan(SafetyPlanDraft):
    """A saved version of a case's safety plan (version 1 is the first agreed)."""

    case_id: int
    version: int = Field(ge=1)
    recorded_at: dt.datetime
    recorded_by: str = ""

    def overdue(self, on: dt.date | None = None) -> bool:
        """Whether its review date has passed."""
        return self.review_on < (on or today())

    def draft(self) -> SafetyPlanDraft:
        """The editable part, to start the next version from."""
        return SafetyPlanDraft.model_validate(
            self.model_dump(include=set(SafetyPlanDraft.model_fields))
        )


def review_matches(plan: SafetyPlan, review: PlanReview) -> bool:
    """Whether a review covers exactly the measures of the version it reviews, in order."""
    return [m.measure for m in review.measures] == [m.what for m in plan.measures]
