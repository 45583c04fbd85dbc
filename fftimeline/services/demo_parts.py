"""The demo story's meetings and safety plans, as written in its files (services layer).

A storyline entry may hold a ``[entries.meeting]`` table (who came, whether the parents were
invited, what was decided and any challenge with the team's response), a ``[entries.support]``
table (support offered) and ``parents_told``; a case file may hold ``[[safety_plan]]``
versions, oldest first, each after the first with a ``[safety_plan.review]`` of the one
before. Dates are "days ago" like everywhere in the demo (`demo_files.Dater`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from fftimeline.domain.meetings import Attendee, Challenge, Decision, Meeting, MeetingKind
from fftimeline.domain.safety_plans import (
    Measure,
    MeasureReview,
    PlanReview,
    SafetyPlanDraft,
    Working,
)
from fftimeline.domain.sharing import Sharing

if TYPE_CHECKING:  # demo_files imports this module; its Dater is only an annotation here
    from fftimeline.services.demo_files import Dater


class _Table(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ChallengeSpec(_Table):
    """A challenge to a decision and the team's response."""

    by: str
    days_ago: int = Field(ge=0)
    words: str
    response: str = ""
    response_days_ago: int | None = Field(default=None, ge=0)

    def value(self, d: Dater) -> Challenge:
        """The challenge, dated."""
        answered = None if self.response_days_ago is None else d.day(self.response_days_ago)
        return Challenge(
            by=self.by,
            on=d.day(self.days_ago),
            words=self.words,
            response=self.response,
            response_on=answered,
        )


class DecisionSpec(_Table):
    """One decision, perhaps challenged."""

    text: str
    challenge: ChallengeSpec | None = None


class MeetingSpec(_Table):
    """The ``[entries.meeting]`` table of a meeting entry."""

    kind: MeetingKind
    attendees: tuple[Attendee, ...]
    parents_invited: bool
    parents_not_invited_because: str = ""
    decisions: tuple[DecisionSpec, ...] = ()
    discusses: tuple[str, ...] = ()
    """Storyline entries the meeting discussed, by summary (linked once they are saved)."""

    def value(self, d: Dater) -> Meeting:
        """The meeting's structured part, dated."""
        return Meeting(
            kind=self.kind,
            attendees=self.attendees,
            parents_invited=self.parents_invited,
            parents_not_invited_because=self.parents_not_invited_because,
            decisions=tuple(
                Decision(text=s.text, challenge=s.challenge.value(d) if s.challenge else None)
                for s in self.decisions
            ),
        )


class MeasureSpec(_Table):
    """One measure of a safety plan."""

    what: str
    who: str
    by_days_ago: int | None = None


class ReviewSpec(_Table):
    """The review a version came from: for each measure of the version before, in order."""

    reviewed_days_ago: int = Field(ge=0)
    working: tuple[Working, ...] = Field(min_length=1)
    notes: tuple[str, ...] = ()
    changes: str = ""
    family_view: str = ""
    child_view: str = ""


class PlanSpec(_Table):
    """One ``[[safety_plan]]`` version; ``review_days_ago`` below zero is still to come."""

    agreed_days_ago: int = Field(ge=0)
    review_days_ago: int
    agreed_with: str
    sharing: str = "family"
    measures: tuple[MeasureSpec, ...] = Field(min_length=1)
    review: ReviewSpec | None = None
    reason: str = ""

    def draft(
        self, d: Dater, sharing: dict[str, Sharing], before: SafetyPlanDraft | None
    ) -> SafetyPlanDraft:
        """This version as the safety plan dialog would make it."""
        review = None
        if self.review is not None and before is not None:
            r, notes = self.review, self.review.notes
            review = PlanReview(
                reviewed_on=d.day(r.reviewed_days_ago),
                measures=tuple(
                    MeasureReview(
                        measure=m.what, working=w, note=notes[i] if i < len(notes) else ""
                    )
                    for i, (m, w) in enumerate(zip(before.measures, r.working, strict=True))
                ),
                changes=r.changes,
                family_view=r.family_view,
                child_view=r.child_view,
            )
        return SafetyPlanDraft(
            measures=tuple(
                Measure(
                    what=m.what,
                    who=m.who,
                    by_when=None if m.by_days_ago is None else d.day(m.by_days_ago),
                )
                for m in self.measures
            ),
            agreed_with=self.agreed_with,
            agreed_on=d.day(self.agreed_days_ago),
            review_on=d.day(self.review_days_ago),
            sharing=sharing[self.sharing],
            review=review,
            reason=self.reason,
        )


def plan_versions(
    specs: tuple[PlanSpec, ...], d: Dater, sharing: dict[str, Sharing]
) -> tuple[SafetyPlanDraft, ...]:
    """Every version of a case's plan, oldest first, each reviewing the one before."""
    versions: list[SafetyPlanDraft] = []
    for spec in specs:
        versions.append(spec.draft(d, sharing, versions[-1] if versions else None))
    return tuple(versions)
