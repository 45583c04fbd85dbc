# mypy: disable-error-code="no-untyped-call"
"""The safety plan form checks the plan's own words as they are typed (wording check)."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from fftimeline.domain.cases import Case
from fftimeline.domain.wording_check import MarkKind, WordingMark
from fftimeline.services.vault import OpenVault
from fftimeline.ui.safety_plans.plan_dialog import PlanMode, SafetyPlanDialog
from fftimeline.ui.widgets import form_dialog, form_helpers
from tests.factories import make_plan


@pytest.fixture(autouse=True)
def _discard(monkeypatch: pytest.MonkeyPatch) -> None:
    """A form left with typing in it closes without asking (the test is over)."""
    for module in (form_dialog, form_helpers):
        monkeypatch.setattr(module, "ask_discard_changes", lambda _parent: True)


def test_the_reviews_words_are_underlined_as_typed_and_marks_are_saved_with_the_version(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    vault.safety_plans.save(case.id, make_plan(agreed_on=dt.date(2024, 5, 4)))
    form = SafetyPlanDialog(vault, case.id, PlanMode.REVIEW)
    qtbot.addWidget(form)
    form.show()
    assert set(form.wording.underliners) == {
        "plan-agreed-with",
        "review-changes",
        "review-family-view",
        "review-child-view",
    }
    qtbot.keyClicks(form.family_view, "Grace says Jayden is streetwise now.")
    qtbot.keyClicks(form.changes, "No change: it is working")
    qtbot.keyClicks(form.review_on.line, "1/3/30")
    family = form.wording.underliners["review-family-view"]
    family.recheck_now()
    assert [f.rule_id for f in family.findings] == ["streetwise"]
    assert form.wording.summary.text().startswith("Wording: 1 wording finding.")
    [finding] = family.findings
    form.marks.add(
        WordingMark(
            field="review-family-view",
            rule_id=finding.rule_id,
            words=finding.words,
            kind=MarkKind.OWN_WORDS,
            reason="Grace's own word at the review",
        )
    )
    assert form.save_button.isEnabled(), form.problem.text()
    form.save_button.click()
    saved = vault.safety_plans.current(case.id)
    assert saved is not None and saved.version == 2
    assert [m.reason for m in saved.wording_marks] == ["Grace's own word at the review"]
    assert vault.wording.case_findings(case.id) == []  # kept on purpose: closed
    [kept] = vault.wording.case_findings(case.id, include_closed=True)
    assert kept.field_label == "the family's view at the review" and kept.in_plan


def test_a_change_without_review_checks_why_it_changed(
    qtbot: QtBot, vault: OpenVault, case: Case
) -> None:
    vault.safety_plans.save(case.id, make_plan())
    form = SafetyPlanDialog(vault, case.id, PlanMode.CHANGE)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.reason, "Mum is hostile to the school")
    reason = form.wording.underliners["plan-reason"]
    reason.recheck_now()
    assert [f.rule_id for f in reason.findings] == ["hostile-parent"]
