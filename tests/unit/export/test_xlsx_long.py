"""An account longer than a spreadsheet cell holds (32,767 characters) goes on in the next
rows, each row saying so: no word is lost, and the entry is counted once."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from fftimeline.export.xlsx import build_xlsx_with_layout
from fftimeline.export.xlsx_long import CELL_LIMIT, CONTINUED, CONTINUES
from fftimeline.services.leak_check import check_xlsx
from tests.unit.export.leak_builders import cover, leak_check, row

LONG = ("The child was seen at home and talked about school and her friends. " * 1100) + (
    "CONCLUSION: she disclosed that she is being made to carry drugs."
)


def _sheet(text: str):
    data, layout = build_xlsx_with_layout(cover(), [row(text, family_view="Agrees: fine.")])
    return data, layout, load_workbook(io.BytesIO(data))


def test_a_long_account_goes_on_in_the_next_rows_and_no_word_is_lost():
    _, _, wb = _sheet(LONG)
    ws = wb["Chronology"]
    cells = [ws.cell(r, 4).value for r in range(2, ws.max_row + 1)]
    assert len(cells) == 3 and all(len(c) <= CELL_LIMIT for c in cells)
    assert all(c.rstrip().endswith(CONTINUES) for c in cells[:-1])
    assert all(c.startswith(CONTINUED) for c in cells[1:])
    joined = " ".join(c.removesuffix(CONTINUES).removeprefix(CONTINUED).strip() for c in cells)
    assert joined.split() == LONG.split() and "CONCLUSION" in cells[-1]
    assert ws.cell(3, 1).value.endswith("(continued)")  # the date says it goes on
    assert ws.cell(2, 9).value == "Agrees: fine." and ws.cell(3, 9).value in (None, "")


def test_the_entry_is_counted_once_and_the_scan_reads_every_row():
    data, layout, wb = _sheet(LONG)
    summary = [[c.value for c in r] for r in wb["Summary"].iter_rows()]
    totals = [r for r in summary if r[0] == "Total"]
    assert totals and totals[0][1] == 1
    assert check_xlsx(leak_check(), data, layout, "chronology.xlsx") == ([], [])
    data, layout, _ = _sheet(LONG + " Zoe Hart was there.")
    found, _ = check_xlsx(leak_check(), data, layout, "chronology.xlsx")
    assert [f.value for f in found] == ["Zoe Hart"]


def test_a_short_account_is_one_row_as_before():
    _, _, wb = _sheet("Seen outside school")
    assert wb["Chronology"].max_row == 2
