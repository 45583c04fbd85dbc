"""The current safety plan, redacted for the audience of an output (services layer).

A printed document (the family's timeline or a professional chronology) or a spreadsheet
can end with the case's current safety plan, when the key worker asks and the plan is
marked as safe to share with that audience. Its texts are redacted by the same redactor as
the entries, and the independent leak scan knows the plan's sharing itself.
"""

from __future__ import annotations

from fftimeline.domain.errors import DomainError
from fftimeline.domain.safety_plans import WORKING_LABELS, SafetyPlan
from fftimeline.export.plan_document import PlanMeasure, ReviewedMeasure, SharedPlan
from fftimeline.redaction.audiences import AudienceField
from fftimeline.redaction.redact import RedactedChronology


class PlanNotIncluded(DomainError):
    """The safety plan was asked for, but cannot go in this output."""


def _plan_problem(code: str) -> PlanNotIncluded:
    words = {
        "no_safety_plan": "This case has no safety plan yet, so none can be included.",
        "plan_not_shared": "The safety plan is not marked as safe to share with this audience, "
        "so it cannot be included. Change who it may be shared with in the safety plan first.",
    }
    return PlanNotIncluded(code, words[code] + " Nothing was written or recorded.")


def shared_plan(current: SafetyPlan | None, chron: RedactedChronology) -> SharedPlan:
    """The current safety plan, redacted for an audience that may see it.

    The family's and the child's views at the last review go only to an audience that sees
    the family's view (the family's own document does not print them).

    Raises:
        PlanNotIncluded: no plan, or the plan is not shared with this audience.
    """
    if current is None:
        raise _plan_problem("no_safety_plan")
    if not current.sharing.allows(chron.profile.base):
        raise _plan_problem("plan_not_shared")
    red = chron.redact_text
    review = current.review
    views = chron.profile.sees(AudienceField.FAMILY_VIEW) and review is not None
    return SharedPlan(
        measures=tuple(PlanMeasure(red(m.what), red(m.who), m.by_when) for m in current.measures),
        agreed_with=red(current.agreed_with),
        agreed_on=current.agreed_on,
        review_on=current.review_on,
        reviewed_on=review.reviewed_on if review is not None else None,
        changes=red(review.changes) if review is not None else "",
        version=current.version,
        reviewed=tuple(
            ReviewedMeasure(red(m.measure), WORKING_LABELS[m.working], red(m.note))
            for m in (review.measures if review is not None else ())
        ),
        family_view=red(review.family_view) if views and review is not None else "",
        child_view=red(review.child_view) if views and review is not None else "",
    )
