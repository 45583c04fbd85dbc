"""The safety plan as a sheet of the spreadsheet, after the chronology (export layer).

When the key worker asks, and the plan may go to the audience, the workbook gets a "Safety
plan" sheet: the version, when it was agreed and with whom, the next review (and whether it
is overdue), each measure (what, who, by when), and what the last review found of each
measure, what changed and the family's and the child's views. Its texts come already
redacted (`SharedPlan`); the labels, dates and "working" answers are the sheet's own words,
told to the leak scan by position, and every other cell is scanned as the plan's text.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from fftimeline.domain.dates import today
from fftimeline.export.plan_document import SharedPlan

PLAN_SHEET = "Safety plan"
"""The sheet's name."""

_WIDTHS = {"A": 48, "B": 30, "C": 44}
_TABLE_HEADINGS = ("Measure", "Measure reviewed")
"""Rows that head a table: bold across; elsewhere only the label in column A is bold."""

Cell = tuple[str, bool]
"""A cell's text, and whether it is the sheet's own words (False: the plan's text)."""


def _day(day: dt.date | None) -> str:
    return "" if day is None else f"{day.day} {day.strftime('%B')} {day.year}"


def _own(*texts: str) -> list[Cell]:
    return [(t, True) for t in texts]


def _facts(plan: SharedPlan) -> list[list[Cell]]:
    late = " (overdue)" if plan.review_on < today() else ""
    return [
        _own(PLAN_SHEET, f"Version {plan.version}"),
        _own("Agreed on", _day(plan.agreed_on)),
        [("Agreed with", True), (plan.agreed_with, False)],
        _own("Next review", _day(plan.review_on) + late),
        [],
        _own("Measure", "Who", "By when"),
        *([(m.what, False), (m.who, False), (_day(m.by_when), True)] for m in plan.measures),
    ]


def _review(plan: SharedPlan) -> list[list[Cell]]:
    if plan.reviewed_on is None:
        return []
    said = (
        ("What changed", plan.changes),
        ("The family's view", plan.family_view),
        ("The child's view", plan.child_view),
    )
    return [
        [],
        _own(f"The review on {_day(plan.reviewed_on)}"),
        _own("Measure reviewed", "Working?", "Note"),
        *([(r.measure, False), (r.working, True), (r.note, False)] for r in plan.reviewed),
        *([(label, True), (text, False)] for label, text in said if text),
    ]


def write_plan_sheet(ws: Worksheet, plan: SharedPlan) -> dict[tuple[int, int], str]:
    """Fill ``ws`` with the plan; the sheet's own words by (row, column)."""
    ws.title = PLAN_SHEET
    own: dict[tuple[int, int], str] = {}
    for r, row in enumerate([*_facts(plan), *_review(plan)], start=1):
        ws.append([text for text, _ in row] or [None])
        own |= {(r, c): text for c, (text, mine) in enumerate(row, start=1) if mine and text}
        bold = len(row) if row and row[0][0] in _TABLE_HEADINGS else 1
        for c in range(1, bold + 1) if row and row[0][1] else ():
            ws.cell(r, c).font = Font(bold=True)
    for letter, width in _WIDTHS.items():
        ws.column_dimensions[letter].width = width
    return own
