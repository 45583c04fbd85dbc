"""Safety plans: measures, review dates, and reviews that say what is working (domain rules)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from fftimeline.domain.safety_plans import (
    MeasureReview,
    PlanReview,
    SafetyPlan,
    Working,
    review_matches,
)
from tests.factories import make_plan, make_review


def _saved(**overrides: object) -> SafetyPlan:
    fields = dict(make_plan(**overrides))
    return SafetyPlan(**fields, case_id=1, version=1, recorded_at=dt.datetime.now(dt.UTC))


def _code(error: pytest.ExceptionInfo[ValidationError]) -> str:
    return str(error.value.errors()[0]["type"])


def test_a_plan_has_a_measure_someone_agreed_and_a_review_date_after_it() -> None:
    with pytest.raises(ValidationError):
        make_plan(measures=())
    with pytest.raises(ValidationError) as caught:
        make_plan(review_on=dt.date(2024, 5, 4))
    assert _code(caught) == "review_before_agreed"
    with pytest.raises(ValidationError) as caught:
        make_plan(agreed_on=dt.date.today() + dt.timedelta(days=1), review_on=dt.date(2099, 1, 1))
    assert _code(caught) == "agreed_in_future"


def test_a_measure_not_working_needs_what_changes() -> None:
    with pytest.raises(ValidationError) as caught:
        PlanReview(
            reviewed_on=dt.date(2024, 6, 1),
            measures=(MeasureReview(measure="Home by 9pm", working=Working.PARTLY),),
        )
    assert _code(caught) == "review_needs_changes"
    fine = PlanReview(
        reviewed_on=dt.date(2024, 6, 1),
        measures=(MeasureReview(measure="Home by 9pm", working=Working.YES),),
    )
    assert fine.changes == ""


def test_a_review_covers_every_measure_of_the_version_it_reviews() -> None:
    plan = _saved()
    review = make_review(plan).review
    assert review is not None and review_matches(plan, review)
    shorter = review.model_copy(update={"measures": review.measures[:1]})
    assert not review_matches(plan, shorter)
    with pytest.raises(ValidationError) as caught:
        make_review(plan, agreed_on=dt.date(2024, 5, 20))
    assert _code(caught) == "agreed_before_review"


def test_a_plan_is_overdue_once_its_review_date_has_passed() -> None:
    plan = _saved()
    assert plan.overdue(dt.date(2024, 6, 2)) and not plan.overdue(dt.date(2024, 6, 1))
    assert plan.draft() == make_plan()
