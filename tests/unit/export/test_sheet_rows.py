"""The chronology's body rows written straight to XML read back exactly, in every program."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import load_workbook

from fftimeline.export.sheet_rows import add_rows, rows_xml
from fftimeline.export.xlsx import ChronologyRow, Cover, build_xlsx

AWKWARD = (
    "Tom & Jerry <said> \"hello\" 'there'\nsecond line",
    " =SUM(A1) typed by hand",
    "ends with spaces   ",
    "Zoë, Łukasz, 東京, emoji 🙂",
)


def _row(i: int, text: str) -> ChronologyRow:
    return ChronologyRow(
        date_words="3 March 2025", sort_date=dt.date(2025, 3, 3), kind="Concern",
        what_happened=text, nature="Reported", source="Rita Hughes", impact="",
        action_or_outcome="", family_view="Agrees", significance="Routine", entry_id=i,
    )  # fmt: skip


def _cover(n: int) -> Cover:
    return Cover(
        "J. O.", "Strategy meeting", "-", "Members", "Sam Key", dt.datetime(2026, 3, 3), n, ()
    )


def test_every_value_reads_back_exactly_in_its_cell() -> None:
    rows = [_row(i, text) for i, text in enumerate(AWKWARD)]
    book = load_workbook(io.BytesIO(build_xlsx(_cover(len(rows)), rows)))
    sheet = book["Chronology"]
    assert [sheet.cell(n, 4).value for n in range(2, 2 + len(AWKWARD))] == list(AWKWARD)
    assert sheet.cell(2, 1).value == "3 March 2025"
    assert sheet.cell(2, 7).value is None  # a neutral impact is left blank: no cell at all
    assert sheet.max_row == 1 + len(AWKWARD)
    assert sheet.cell(3, 4).alignment.wrap_text  # the body's one style: wrapped, at the top
    assert sheet.row_dimensions[2].height is not None and sheet.row_dimensions[2].height >= 15


def test_rows_carry_their_numbers_heights_and_escaped_text() -> None:
    xml = rows_xml([["a & b", "", "<x>"]], first=7, style_id=3, heights=[33.0])
    assert xml.startswith('<row r="7" ht="33" customHeight="1">')
    assert '<c r="A7" s="3" t="inlineStr"><is><t xml:space="preserve">a &amp; b</t>' in xml
    assert 'r="B7"' not in xml and "&lt;x&gt;" in xml


def test_a_sheet_without_one_sheet_data_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("sheet.xml", "<worksheet><sheetData/></worksheet>")
    with pytest.raises(ValueError, match="sheetData"):
        add_rows(out.getvalue(), "sheet.xml", "<row/>", "A1:A2")
