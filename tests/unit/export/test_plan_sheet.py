"""The safety plan's sheet in the spreadsheet: redacted, only where shared, scanned."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from fftimeline.domain.leaks import LeakFound
from fftimeline.domain.safety_plans import Measure
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.services.export import (
    ExportRequest,
    export_xlsx,
    make_cover,
    redact_for,
    render_checked,
)
from fftimeline.services.leak_check import prepare as prepare_leak_check
from fftimeline.services.plan_sharing import PlanNotIncluded, shared_plan
from fftimeline.services.vault import OpenVault
from tests.factories import make_case, make_entry, make_plan, make_review

EVERYONE = Sharing(audiences=frozenset(Audience))
TEAM_ONLY = Sharing(audiences=frozenset({Audience.SAFEGUARDING_TEAM}))


@pytest.fixture
def case_id(vault: OpenVault) -> int:
    case_id = vault.cases.add(make_case()).id
    vault.entries.add(case_id, make_entry(sharing=EVERYONE))
    return case_id


def _request(**kw: Any) -> ExportRequest:
    fields: dict[str, Any] = {
        "audience": "strategy-meeting",
        "recipients": "Strategy meeting members",
        "purpose": "Review of the safety plan",
    }
    fields.update(kw)
    return ExportRequest(**fields)


def _rows(path: Path) -> list[list[str]]:
    ws = load_workbook(path)["Safety plan"]
    return [[str(c) for c in row if c is not None] for row in ws.iter_rows(values_only=True)]


def test_the_strategy_meeting_gets_the_reviewed_plan_on_its_own_sheet(
    vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    first = vault.safety_plans.save(case_id, make_plan(sharing=EVERYONE))
    vault.safety_plans.save(case_id, make_review(first))
    out = tmp_path / "chronology.xlsx"
    export_xlsx(vault, case_id, _request(safety_plan=True), out)
    rows = _rows(out)
    assert rows[:4] == [
        ["Safety plan", "Version 2"],
        ["Agreed on", "1 June 2024"],
        ["Agreed with", "The child's mother and J. O."],
        ["Next review", "29 June 2024 (overdue)"],
    ]
    assert ["J. O. home by 8pm", "The child's mother"] in rows
    assert ["J. O. home by 9pm", "Not working", "Late twice"] in rows
    assert ["The child's view", "J. O. says 8pm is too early."] in rows
    assert "Grace" not in str(rows) and "Okafor" not in str(rows)
    plain = load_workbook(tmp_path / "chronology.xlsx")
    assert plain.sheetnames == ["Cover", "Chronology", "Summary", "Safety plan"]
    without = tmp_path / "without.xlsx"
    export_xlsx(vault, case_id, _request(), without)
    assert "Safety plan" not in load_workbook(without).sheetnames


def test_a_plan_not_shared_with_the_audience_is_refused_and_nothing_written(
    vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    vault.safety_plans.save(case_id, make_plan(sharing=TEAM_ONLY))
    out = tmp_path / "chronology.xlsx"
    with pytest.raises(PlanNotIncluded) as refused:
        export_xlsx(vault, case_id, _request(safety_plan=True), out)
    assert refused.value.code == "plan_not_shared"
    assert not out.exists() and vault.disclosures.disclosures(case_id) == []
    export_xlsx(vault, case_id, _request(audience="safeguarding-team", safety_plan=True), out)
    assert ["Agreed with", "Grace Okafor and Jayden"] in _rows(out)


def test_the_scan_stops_a_plan_sheet_the_audience_may_not_see(
    vault: OpenVault, case_id: int
) -> None:
    """The independent scan knows the plan's sharing itself, whatever the service did."""
    secret = (Measure(what="Police watch the house at night", who="DS Price"),)
    plan = vault.safety_plans.save(case_id, make_plan(sharing=TEAM_ONLY, measures=secret))
    request = _request()
    chron = redact_for(vault, case_id, request)
    entries = vault.entries.entries(case_id, include_retracted=True)
    check = prepare_leak_check(vault, case_id, chron.profile, request.filters, entries)
    slipped = shared_plan(plan.model_copy(update={"sharing": EVERYONE}), chron)
    cover = make_cover(chron, request, "Sam Key", dt.datetime(2026, 1, 5, 9, 0))
    with pytest.raises(LeakFound) as stopped:
        render_checked(cover, chron, "chronology.xlsx", check, slipped)
    found = stopped.value.findings
    assert {f.place for f in found} == {"the safety plan sheet"}
    assert "Police watch the house at night" in {f.value for f in found}
