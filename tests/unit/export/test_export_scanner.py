"""The fail-closed leak scanner finds every way a value could hide in a spreadsheet."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName

from fftimeline.export.verify import _TokenIndex, contains_word, scan_xlsx
from fftimeline.services.export import ExportRequest, LeakFound, make_cover, render_checked
from tests.unit.export.sample import WHEN, sample_bytes, sample_chronology

CANARY = "Zqxwanda Pilkerton"


def _save(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _clean_workbook():
    data, _ = sample_bytes()
    return load_workbook(io.BytesIO(data))


def test_clean_export_has_no_hits():
    data, chron = sample_bytes()
    assert chron.needles  # the sample has names that must not appear
    assert scan_xlsx(data, chron.needles, "chronology.xlsx") == []


def _where(data, needles=(CANARY,), name="x.xlsx"):
    return {h.where for h in scan_xlsx(data, needles, name)}


@pytest.mark.parametrize(
    "text", [CANARY, CANARY.upper(), f"{CANARY}'s phone", "Tom & Zqxwanda Pilkerton"]
)
def test_needle_in_a_cell_is_found_in_any_case(text):
    wb = _clean_workbook()
    wb["Chronology"]["D2"] = text
    assert "xl/worksheets/sheet2.xml" in _where(_save(wb))


def test_needle_inside_a_longer_word_is_not_a_hit():
    wb = _clean_workbook()
    wb["Chronology"]["D2"] = "Zqxwanda Pilkertonshire"
    assert _where(_save(wb)) == set()


def test_needle_in_document_properties_is_found():
    wb = _clean_workbook()
    wb.properties.creator = CANARY
    assert "docProps/core.xml" in _where(_save(wb))


def test_needle_in_header_is_found_though_headers_are_allowed():
    wb = _clean_workbook()
    wb["Chronology"].oddHeader.left.text = CANARY
    assert "xl/worksheets/sheet2.xml" in _where(_save(wb))


def test_hidden_sheet_row_column_comment_and_defined_name_are_refused():
    wb = _clean_workbook()
    wb["Summary"].sheet_state = "veryHidden"
    assert _where(_save(wb), ()) == {"xl/workbook.xml"}
    wb = _clean_workbook()
    wb["Chronology"].row_dimensions[2].hidden = True
    assert _where(_save(wb), ()) == {"xl/worksheets/sheet2.xml"}
    wb = _clean_workbook()
    wb["Chronology"].column_dimensions["C"].hidden = True
    assert _where(_save(wb), ()) == {"xl/worksheets/sheet2.xml"}
    wb = _clean_workbook()
    wb["Chronology"]["A2"].comment = Comment("note", "someone")
    assert "xl/comments/comment1.xml" in _where(_save(wb), ())
    wb = _clean_workbook()
    wb.defined_names["secret"] = DefinedName("secret", attr_text='"a value"')
    assert _where(_save(wb), ()) == {"xl/workbook.xml"}


def test_extra_part_is_refused():
    data, _ = sample_bytes()
    buf = io.BytesIO(data)
    with zipfile.ZipFile(buf, "a") as z:
        z.writestr("customXml/item1.xml", "<x/>")
    assert "customXml/item1.xml" in _where(buf.getvalue(), ())


def test_text_of_a_left_out_entry_stops_the_export_unless_shown_legitimately():
    chron = sample_chronology()
    secret = "Police intelligence about the flat"
    assert secret in chron.content_needles
    cover = make_cover(chron, ExportRequest("strategy-meeting", "A", "B"), "Sam Key", WHEN)
    leaky = replace(chron.entries[0], what_happened=f"Note: {secret}")
    with pytest.raises(LeakFound, match="the chronology sheet"):
        render_checked(cover, replace(chron, entries=[leaky]), "c.xlsx")
    twin = sample_chronology()
    twin.content_needles.add("Seen getting into a car outside school")  # also in an entry
    assert render_checked(cover, twin, "c.xlsx")


def test_needle_in_file_name_is_found():
    data, _ = sample_bytes()
    assert _where(data, name="chronology-zqxwanda_pilkerton.xlsx") == {"file name"}


def test_unreadable_bytes_fail_closed():
    assert _where(b"not a zip at all", ()) == {"file"}


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.text(alphabet="ab '-<>&é", max_size=60),
    st.text(alphabet="ab '-é", min_size=1, max_size=6),
)
def test_quick_pre_check_never_hides_a_real_match(text, needle):
    """The word index may only rule out needles that really are absent."""
    needle = needle.strip()
    if needle and contains_word(text, needle):
        assert _TokenIndex(text).may_contain(needle)


def test_one_letter_needle_is_found_in_a_cell_but_not_in_markup():
    data, _ = sample_bytes()
    assert _where(data, needles=("B", "Q", "JJ")) == set()  # markup is full of letters
    wb = _clean_workbook()
    wb["Chronology"]["D2"] = "Seen with B outside the shop"
    assert "xl/worksheets/sheet2.xml" in _where(_save(wb), needles=("B",))


@pytest.mark.parametrize(
    ("needle", "cell"),
    [
        ("Tyrese O'Neill", "Seen with Tyrese O’Neill"),
        ("O’Neill", "O'Neill's car"),
        ("Margaret Hale", "Margaret  Hale said"),
        ("Margaret Hale", "Margaret\nHale said"),
        ("Jay-Dee", "Jay–Dee was there"),
    ],
)
def test_any_apostrophe_dash_or_spacing_is_still_a_hit(needle, cell):
    wb = _clean_workbook()
    wb["Chronology"]["D2"] = cell
    assert "xl/worksheets/sheet2.xml" in _where(_save(wb), needles=(needle,))
