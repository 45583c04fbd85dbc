"""Safety plan use cases: agree a plan, review it, change it, read every version.

Each save adds the next version in one audited transaction (schema version 4 refuses any
other change). The first version is the plan as agreed. A later version comes from a review,
which must say of every measure of the version it reviews whether it is working, or from a
change with a reason. The case list shows a plan whose review date has passed as overdue.
"""

from __future__ import annotations

import datetime as dt

from fftimeline.domain.errors import DomainError, NotFound
from fftimeline.domain.records import AuditAction
from fftimeline.domain.safety_plans import SafetyPlan, SafetyPlanDraft, review_matches
from fftimeline.store import audit, cases, closures, safety_plans
from fftimeline.store.vault import VaultStore


class SafetyPlanService:
    """The safety plan of each case, every version kept."""

    def __init__(self, store: VaultStore, actor: str) -> None:
        self._store = store
        self._actor = actor

    def current(self, case_id: int) -> SafetyPlan | None:
        """The plan in force (its latest version), or None when the case has none."""
        with self._store.read() as conn:
            return safety_plans.current(conn, case_id)

    def versions(self, case_id: int) -> list[SafetyPlan]:
        """Every version of the case's plan, oldest first."""
        with self._store.read() as conn:
            return safety_plans.versions(conn, case_id)

    def save(self, case_id: int, draft: SafetyPlanDraft) -> SafetyPlan:
        """Add the next version of the case's plan (the first when it has none).

        Raises:
            NotFound: no such case.
            CaseClosed: the case is closed.
            DomainError: a review of a plan that does not exist, a review that leaves out a
                measure, a change without a review or a reason, or a version dated before
                the one it replaces.
        """
        with self._store.write() as conn:
            if not cases.exists(conn, case_id):
                raise NotFound("case")
            closures.refuse_if_closed(conn, case_id)
            previous = safety_plans.current(conn, case_id)
            _check_next(previous, draft)
            fields = dict(draft.__dict__)
            fields.update(
                case_id=case_id,
                version=previous.version + 1 if previous is not None else 1,
                recorded_at=dt.datetime.now(dt.UTC),
                recorded_by=self._actor,
            )
            plan = SafetyPlan.model_validate(fields)
            safety_plans.insert(conn, [plan])
            event = audit.AuditEvent(
                AuditAction.SAFETY_PLAN_SAVED, case_id, detail=f"version={plan.version}"
            )
            audit.append(conn, self._actor, [event])
        return plan


def _check_next(previous: SafetyPlan | None, draft: SafetyPlanDraft) -> None:
    """The rules between one version and the next."""
    if previous is None:
        if draft.review is not None:
            raise DomainError(
                "no_plan_to_review", "There is no safety plan to review yet: agree one first."
            )
        return
    if draft.review is None and not draft.reason:
        raise DomainError(
            "plan_change_needs_reason",
            "Say why the plan changes without a review, or record a review.",
        )
    if draft.review is not None and not review_matches(previous, draft.review):
        raise DomainError(
            "review_leaves_out_measures",
            "A review says of every measure of the plan whether it is working.",
        )
    if draft.agreed_on < previous.agreed_on:
        raise DomainError(
            "plan_before_previous",
            "This version is dated before the plan it replaces: check the date it was agreed.",
        )
