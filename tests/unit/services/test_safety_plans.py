"""A case's safety plan: every version kept, reviews that cover every measure (services)."""

from __future__ import annotations

import datetime as dt

import pytest

from fftimeline.domain.closing import CaseClosed, ClosureDraft
from fftimeline.domain.dates import today
from fftimeline.domain.errors import DomainError
from fftimeline.domain.records import AuditAction
from fftimeline.services.vault import OpenVault
from tests.factories import make_case, make_plan, make_review


@pytest.fixture
def case_id(vault: OpenVault) -> int:
    return vault.cases.add(make_case()).id


def test_every_version_is_kept_and_the_latest_is_in_force(vault: OpenVault, case_id: int) -> None:
    assert vault.safety_plans.current(case_id) is None
    first = vault.safety_plans.save(case_id, make_plan())
    second = vault.safety_plans.save(case_id, make_review(first))
    third = vault.safety_plans.save(
        case_id, make_plan(agreed_on=dt.date(2024, 7, 1), review_on=dt.date(2024, 8, 1),
                           reason="Jayden moved to his aunt's")
    )  # fmt: skip
    assert [p.version for p in vault.safety_plans.versions(case_id)] == [1, 2, 3]
    assert vault.safety_plans.current(case_id) == third
    assert second.review is not None and second.review.child_view.startswith("Jayden says")
    assert vault.safety_plans.versions(case_id)[0] == first
    assert first.recorded_by == "Sam Key"
    saved = [r for r in vault.audit.records(case_id) if r.action is AuditAction.SAFETY_PLAN_SAVED]
    assert [r.detail for r in saved] == ["version=1", "version=2", "version=3"]


@pytest.mark.parametrize(
    "code", ["no_plan_to_review", "plan_change_needs_reason", "review_leaves_out_measures"]
)
def test_versions_follow_the_rules_between_them(vault: OpenVault, case_id: int, code: str) -> None:
    if code == "no_plan_to_review":
        other = vault.cases.add(make_case(child_name="Ada Lane")).id
        first = vault.safety_plans.save(other, make_plan())
        draft = make_review(first)
    else:
        first = vault.safety_plans.save(case_id, make_plan())
        draft = make_plan() if code == "plan_change_needs_reason" else make_review(first)
        if code == "review_leaves_out_measures":
            assert draft.review is not None
            short = draft.review.model_copy(update={"measures": draft.review.measures[:1]})
            draft = draft.model_copy(update={"review": short})
    with pytest.raises(DomainError) as caught:
        vault.safety_plans.save(case_id, draft)
    assert caught.value.code == code
    assert len(vault.safety_plans.versions(case_id)) == (0 if code == "no_plan_to_review" else 1)


def test_a_version_is_not_dated_before_the_one_it_replaces(vault: OpenVault, case_id: int) -> None:
    vault.safety_plans.save(case_id, make_plan())
    older = make_plan(agreed_on=dt.date(2024, 4, 1), reason="Typo")
    with pytest.raises(DomainError) as caught:
        vault.safety_plans.save(case_id, older)
    assert caught.value.code == "plan_before_previous"


def test_an_overdue_review_shows_in_the_case_list(vault: OpenVault, case_id: int) -> None:
    summary = vault.cases.summaries()[0]
    assert summary.safety_review_on is None and not summary.safety_review_overdue()
    plan = vault.safety_plans.save(case_id, make_plan())  # review on 1 June 2024: passed
    summary = vault.cases.summaries()[0]
    assert summary.safety_review_on == plan.review_on and summary.safety_review_overdue()
    soon = today() + dt.timedelta(days=7)
    vault.safety_plans.save(case_id, make_review(plan, reviewed_on=today(), review_on=soon))
    summary = vault.cases.summaries()[0]
    assert summary.safety_review_on == soon and not summary.safety_review_overdue()


def test_a_closed_cases_plan_is_read_only_and_never_overdue(vault: OpenVault, case_id: int) -> None:
    plan = vault.safety_plans.save(case_id, make_plan())
    vault.closing.close(case_id, ClosureDraft(reason="Moved away", retain_until=today()))
    with pytest.raises(CaseClosed):
        vault.safety_plans.save(case_id, make_review(plan))
    assert not vault.cases.summaries()[0].safety_review_overdue()
    with vault._store.write() as conn, pytest.raises(Exception, match="closed"):
        conn.execute(
            "INSERT INTO safety_plans VALUES (?, 2, '2030-01-01', 'now', '{}')", (case_id,)
        )
