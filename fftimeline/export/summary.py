"""The summary sheet: entries per month by kind, and missing episodes per month (export layer).

Strategy meetings look for patterns (more missing episodes, fewer positive events), so the
summary counts the rows of the chronology sheet by month and by kind, every month from the
first to the last (a quiet month is a pattern too), each count centred under its heading.
It only counts rows that are already in the export, so it can reveal nothing the
chronology sheet does not.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from fftimeline.export.cell_lines import FONT_NAME

if TYPE_CHECKING:
    from fftimeline.export.xlsx import ChronologyRow

BOLD = Font(name=FONT_NAME, bold=True)
HEADING = Alignment(wrap_text=True, vertical="top", horizontal="center")
NUMBER = Alignment(horizontal="center")


def month_of(row: ChronologyRow) -> str:
    """The month an entry counts in, as a sortable 'YYYY-MM'."""
    return row.sort_date.strftime("%Y-%m")


def every_month(first: str, last: str) -> list[str]:
    """Every 'YYYY-MM' from ``first`` to ``last``, so a quiet month shows as a row of noughts."""
    year, month = int(first[:4]), int(first[5:])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def write_summary(ws: Worksheet, rows: list[ChronologyRow]) -> dict[tuple[int, int], str]:
    """Fill ``ws`` with a month-by-kind table and a missing-episode column.

    Returns the sheet's own words by (row, column): its headings, the month labels and
    "Total", exactly as written, so the leak scan can excuse them by position.
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
    months = every_month(min(by_month), max(by_month)) if by_month else []
    for month in months:
        counts = by_month.get(month, Counter())
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
        cell.alignment = HEADING
    for row in ws.iter_rows(min_row=2, min_col=2):
        for cell in row:
            cell.alignment = NUMBER  # each count centred under its heading
    for cell in ws[ws.max_row]:
        cell.font = BOLD
    ws.row_dimensions[1].height = 33  # two lines of heading
    ws.print_title_rows = "1:1"
    ws.freeze_panes = "B2"
    ws.column_dimensions["A"].width = 12
    for i in range(2, len(headers) + 1):
        ws.column_dimensions[get_column_letter(i)].width = 14
    own = {(1, column): heading for column, heading in enumerate(headers, start=1)}
    labels = [*months, "Total"]
    return own | {(row, 1): label for row, label in enumerate(labels, start=2)}
