"""The safety plan redacted for the audience of an output (services, real vault)."""

from __future__ import annotations

import pytest

from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.redaction.audiences import AudienceField
from fftimeline.redaction.redact import RedactedChronology
from fftimeline.services.export import redact_for
from fftimeline.services.plan_sharing import PlanNotIncluded, shared_plan
from fftimeline.services.printing import PrintRequest
from fftimeline.services.vault import OpenVault
from tests.factories import make_case, make_entry, make_plan, make_review

EVERYONE = Sharing(audiences=frozenset(Audience))


@pytest.fixture
def case_id(vault: OpenVault) -> int:
    case_id = vault.cases.add(make_case()).id
    vault.entries.add(case_id, make_entry(sharing=EVERYONE))
    return case_id


def _chron(vault: OpenVault, case_id: int, audience: str) -> RedactedChronology:
    return redact_for(vault, case_id, PrintRequest(audience, "Members", "A review"))


def test_the_reviewed_plan_is_redacted_for_the_strategy_meeting(
    vault: OpenVault, case_id: int
) -> None:
    first = vault.safety_plans.save(case_id, make_plan(sharing=EVERYONE))
    plan = shared_plan(
        vault.safety_plans.save(case_id, make_review(first)),
        _chron(vault, case_id, "strategy-meeting"),
    )
    assert plan.version == 2
    assert [(m.what, m.who) for m in plan.measures] == [
        ("J. O. home by 8pm", "The child's mother"),
        ("School checks in each morning", "Rita Hughes"),
    ]
    assert [(r.measure, r.working, r.note) for r in plan.reviewed] == [
        ("J. O. home by 9pm", "Not working", "Late twice"),
        ("School checks in each morning", "Working", "Late twice"),
    ]
    assert plan.family_view == "The child's mother thinks 8pm is fair."
    assert plan.child_view == "J. O. says 8pm is too early."


def test_an_audience_that_does_not_see_the_familys_view_gets_neither_view(
    vault: OpenVault, case_id: int
) -> None:
    first = vault.safety_plans.save(case_id, make_plan(sharing=EVERYONE))
    current = vault.safety_plans.save(case_id, make_review(first))
    chron = _chron(vault, case_id, "police")
    fields = chron.profile.fields - {AudienceField.FAMILY_VIEW}
    chron.profile = chron.profile.model_copy(update={"fields": fields})
    plan = shared_plan(current, chron)
    assert (plan.family_view, plan.child_view) == ("", "")
    assert plan.changes == "Home by 8pm on school nights"


def test_no_plan_or_a_plan_not_shared_is_refused_in_plain_words(
    vault: OpenVault, case_id: int
) -> None:
    chron = _chron(vault, case_id, "police")
    with pytest.raises(PlanNotIncluded) as none:
        shared_plan(vault.safety_plans.current(case_id), chron)
    assert none.value.code == "no_safety_plan"
    team_only = Sharing(audiences=frozenset({Audience.SAFEGUARDING_TEAM}))
    plan = vault.safety_plans.save(case_id, make_plan(sharing=team_only))
    with pytest.raises(PlanNotIncluded) as refused:
        shared_plan(plan, chron)
    assert refused.value.code == "plan_not_shared"
    assert str(refused.value).endswith("Nothing was written or recorded.")
