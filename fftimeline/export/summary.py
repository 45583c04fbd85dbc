"""The summary sheet: entries per month by kind, and missing episodes per month (export layer).

Strategy meetings look for patterns (more missing episodes, fewer positive events), so the
summary counts the rows of the chronology sheet by month and by kind. It only counts rows that
are already in the export, so it can reveal nothing the chronology sheet does not.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

if TYPE_CHECKING:
    from fftimeline.export.xlsx import ChronologyRow

BOLD = Font(bold=True)


def month_of(row: ChronologyRow) -> str:
    """The month an entry counts in, as a sortable 'YYYY-MM'."""
    return row.sort_date.strftime("%Y-%m")


def write_summary(ws: Worksheet, rows: list[ChronologyRow]) -> dict[tuple[int, int], str]:
    """Fill ``ws`` with a month-by-kind table and a missing-episode column.

    Returns the sheet's own words by (row, column): its headings and month labels, so the
    leak scan can excuse them by position.
    """
    kinds = sorted({r.kind for r in rows})
    by_month: dict[str, Counter[str]] = {}
    missing: Counter[str] = Counter()
    for r in rows:
        by_month.setdefault(month_of(r), Counter())[r.kind] += 1
        if r.missing_episode:
            missing[month_of(r)] += 1
    headers = ["Month", *kinds, "All entries", "Missing episodes"]
    ws.append(headers)
    for month in sorted(by_month):
        counts = by_month[month]
        ws.append([month, *(counts[k] for k in kinds), sum(counts.values()), missing[month]])
    ws.append(
        [
            "Total",
            *(sum(c[k] for c in by_month.values()) for k in kinds),
            len(rows),
            sum(missing.values()),
        ]
    )
    for cell in ws[1]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in ws[ws.max_row]:
        cell.font = BOLD
    ws.freeze_panes = "B2"
    ws.column_dimensions["A"].width = 12
    for i in range(2, len(headers) + 1):
        ws.column_dimensions[get_column_letter(i)].width = 14
    own = {(1, column): heading for column, heading in enumerate(headers, start=1)}
    labels = [*sorted(by_month), "Total"]
    return own | {(row, 1): label for row, label in enumerate(labels, start=2)}
