"""The strategy-meeting spreadsheet as a user opening it in a spreadsheet program sees it."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook

from fftimeline.export.xlsx import MARKING
from tests.unit.export.sample import sample_bytes


def _open():
    data, _ = sample_bytes()
    return load_workbook(io.BytesIO(data))


def test_three_visible_sheets_in_order():
    wb = _open()
    assert wb.sheetnames == ["Cover", "Chronology", "Summary"]
    assert all(ws.sheet_state == "visible" for ws in wb.worksheets)


def test_chronology_headers_and_values():
    ws = _open()["Chronology"]
    headers = [c.value for c in ws[1]]
    assert headers[:9] == [
        "Date",
        "Kind",
        "Significance",
        "What happened",
        "How we know",
        "Source",
        "Impact",
        "Action or outcome",
        "Family's view",
    ]
    assert ws.max_row == 3  # the entry not shared with the meeting is left out
    first = [c.value for c in ws[2]]
    assert first[0] == "14 March 2025"
    assert first[5] == "Source withheld (Naming them would put the source at risk)"
    assert "An adult male picked him up" in first[3]
    assert "Bugsy" not in first[3]


def test_rows_are_in_date_order_without_a_sortable_date_column():
    ws = _open()["Chronology"]
    dates = [row[0] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert dates == ["14 March 2025", "2 April 2025"]
    assert not any(isinstance(c, dt.datetime) for r in ws.iter_rows(values_only=True) for c in r)
    assert ws["G2"].value is None  # a neutral impact is left blank, not "Neutral" on every row


def test_frozen_header_filters_and_print_setup():
    ws = _open()["Chronology"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:")
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"
    assert ws.oddHeader.center.text == MARKING
    assert "&P" in ws.oddFooter.right.text and ws.oddFooter.left.text == MARKING
    assert ws["D2"].alignment.wrap_text
    assert ws.column_dimensions["D"].width >= 40


def test_cover_says_what_who_and_how_to_handle():
    ws = _open()["Cover"]
    cover = {row[0].value: row[1].value for row in ws.iter_rows(min_row=2) if row[0].value}
    assert cover["Case"] == "J. O."
    assert cover["For"] == "Strategy meeting"
    assert cover["Produced by"] == "Sam Key"
    assert cover["Marking"] == MARKING
    assert cover["Entries included"] == "2"
    assert cover["Entries left out"] == "1 (1 not shared with this audience)"
    assert "Source withheld (reason)" in cover


def test_summary_counts_months_and_missing_episodes():
    ws = _open()["Summary"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0] == ["Month", "Concern", "Missing episode", "All entries", "Missing episodes"]
    assert rows[1] == ["2025-03", 1, 0, 1, 0]
    assert rows[2] == ["2025-04", 0, 1, 1, 1]
    assert rows[-1] == ["Total", 1, 1, 2, 1]


def test_document_properties_name_no_one():
    wb = _open()
    assert wb.properties.creator == "fftimeline"
    assert wb.properties.lastModifiedBy == "fftimeline"
    assert not wb.defined_names


def test_control_characters_and_formula_like_text_are_written_as_plain_text():
    from fftimeline.export.xlsx import cell_text

    assert cell_text("Pasted\x0btext\x00") == "Pasted text "
    assert cell_text('=HYPERLINK("http://x")') == ' =HYPERLINK("http://x")'
    assert cell_text(3) == 3


def test_summary_shows_quiet_months_and_centres_counts_under_headings():
    from fftimeline.export.summary import every_month

    assert every_month("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    data, _ = sample_bytes()
    wb = load_workbook(io.BytesIO(data))
    ws = wb["Summary"]
    assert ws["B1"].alignment.horizontal == "center" and ws["B2"].alignment.horizontal == "center"
    assert ws.print_title_rows == "$1:$1"


def test_rows_are_tall_enough_for_their_wrapped_text():
    from fftimeline.export.xlsx import LINE_PT, row_height

    assert row_height(["Short"], [20]) == LINE_PT + 3
    assert row_height(["word " * 40], [20]) >= 10 * LINE_PT  # 200 characters at ~16 a line
    assert row_height(["one\ntwo\nthree"], [40]) >= 3 * LINE_PT
    ws = _open()["Chronology"]
    assert all(ws.row_dimensions[r].height for r in range(1, ws.max_row + 1))
