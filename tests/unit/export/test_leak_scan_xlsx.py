"""The spreadsheet reader of the leak scan: every part is read, every odd structure refused.

Each test starts from a real workbook written by our writer, changes it the way a bug or a
careless tool could (with openpyxl, or by editing one zip part), and scans the bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName

from fftimeline import catalogue
from fftimeline.export.xlsx import build_xlsx_with_layout
from fftimeline.services.leak_check import check_xlsx
from tests.unit.export.leak_builders import (
    REGISTER,
    SHOWN_ID,
    cover,
    leak_check,
    person,
    row,
    workbook,
)

NAME = "Zoe Hart"


def _scan(data: bytes) -> tuple[set[tuple[str, str]], list[str]]:
    _, layout = workbook()
    found, problems = check_xlsx(leak_check(), data, layout, "chronology.xlsx")
    return {(f.value, f.place) for f in found}, problems


def _edited(change) -> bytes:
    data, _ = workbook()
    wb = load_workbook(io.BytesIO(data))
    change(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _with_part(name: str, text: str, data: bytes | None = None) -> bytes:
    """The workbook with one zip part replaced or added."""
    data = data or workbook()[0]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info, src.read(info))
        dst.writestr(name, text)
    return out.getvalue()


def _sheet_with_cell(cell_xml: str) -> bytes:
    """The chronology sheet with its D2 cell (what happened of the entry) replaced."""
    data, _ = workbook("PLANTED")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet2.xml").decode()
    start = sheet.index('<c r="D2"')
    end = sheet.index("</c>", start) + len("</c>")
    return _with_part("xl/worksheets/sheet2.xml", sheet[:start] + cell_xml + sheet[end:], data)


def test_a_clean_workbook_has_nothing_to_report():
    assert _scan(workbook()[0]) == (set(), [])


@pytest.mark.parametrize(
    ("change", "place"),
    [
        (lambda wb: setattr(wb.properties, "creator", NAME), "the file's properties"),
        (lambda wb: setattr(wb.properties, "keywords", NAME), "the file's properties"),
        (lambda wb: setattr(wb["Summary"], "title", NAME), "the sheet names"),
        (lambda wb: setattr(wb["Cover"].oddHeader.left, "text", NAME), "the header or footer"),
        (
            lambda wb: setattr(wb["Summary"].evenFooter.right, "text", f"&B{NAME}"),
            "the header or footer",
        ),
        (lambda wb: wb["Summary"].cell(40, 9, NAME), "the summary sheet"),
        (lambda wb: wb["Cover"].cell(3, 2, f"J. O. and {NAME}"), "the cover sheet"),
    ],
)
def test_a_name_anywhere_in_the_workbook_is_found(change, place):
    found, _ = _scan(_edited(change))
    assert any(
        value.replace("&B", "") == NAME and where.startswith(place) for value, where in found
    ), found


def test_a_name_in_a_page_header_code_is_found():
    found, _ = _scan(
        _edited(lambda wb: setattr(wb["Cover"].oddHeader.center, "text", f'&12&"Arial,Bold"{NAME}'))
    )
    assert {v for v, _ in found} == {NAME}


@pytest.mark.parametrize(
    "cell",
    [
        '<c r="D2" t="s"><v>0</v></c>',
        '<c r="D2" t="inlineStr"><is><r><t>Zo</t></r><r><t>e Hart</t></r></is></c>',
        '<c r="D2" t="inlineStr"><is><t xml:space="preserve"> Zo&#235; Hart</t></is></c>',
        '<c r="D2" t="str"><f>"Zoe"&amp;" Hart"</f><v>x</v></c>',
    ],
)
def test_shared_rich_escaped_and_formula_text_is_read_as_the_entry_field(cell):
    data = _sheet_with_cell(cell)
    shared = "<sst><si><r><t>Zoe </t></r><r><t>Hart</t></r></si></sst>"
    data = _with_part("xl/sharedStrings.xml", shared, data)
    found, problems = _scan(data)
    assert problems == []
    assert any(where == "what happened" and "Zo" in value for value, where in found), found


def test_a_style_with_literal_text_is_found():
    data, _ = workbook()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = z.read("xl/styles.xml").decode()
    literal = '<numFmts count="1"><numFmt numFmtId="200" formatCode="&quot;Zoe Hart&quot;"/>'
    planted = styles.replace("<fonts", f"{literal}</numFmts><fonts", 1)
    assert planted != styles
    found, _ = _scan(_with_part("xl/styles.xml", planted, data))
    assert (NAME, "the workbook's structure") in found


@pytest.mark.parametrize(
    ("change", "place"),
    [
        (
            lambda wb: setattr(wb["Summary"], "sheet_state", "veryHidden"),
            "the workbook's structure",
        ),
        (lambda wb: setattr(wb["Summary"], "sheet_state", "hidden"), "the workbook's structure"),
        (
            lambda wb: setattr(wb["Chronology"].row_dimensions[2], "hidden", True),
            "the chronology sheet",
        ),
        (
            lambda wb: setattr(wb["Chronology"].column_dimensions["C"], "hidden", True),
            "the chronology sheet",
        ),
        (
            lambda wb: setattr(wb["Chronology"]["A2"], "comment", Comment("note", "someone")),
            "a part of the file that should not be there",
        ),
        (
            lambda wb: wb.defined_names.__setitem__(
                "secret", DefinedName("secret", attr_text='"a value"')
            ),
            "the workbook's structure",
        ),
        (
            lambda wb: setattr(wb["Chronology"]["A2"], "hyperlink", "https://example.org/x"),
            "the chronology sheet",
        ),
    ],
)
def test_each_structural_refusal_still_holds(change, place):
    _, problems = _scan(_edited(change))
    assert place in problems


def test_extra_parts_dtd_cdata_duplicates_and_unreadable_bytes_are_refused():
    assert (
        "a part of the file that should not be there"
        in _scan(_with_part("customXml/item1.xml", "<x/>"))[1]
    )
    assert (
        "a part of the file that should not be there"
        in _scan(_with_part("docProps/custom.xml", "<x/>"))[1]
    )
    assert (  # four sheets at most: cover, chronology, summary and the safety plan
        "a part of the file that should not be there"
        in _scan(_with_part("xl/worksheets/sheet5.xml", "<worksheet/>"))[1]
    )
    data, _ = workbook()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        core = z.read("docProps/core.xml").decode()
    cdata = core.replace("<dc:title>Chronology", "<dc:title><![CDATA[Zoe Hart]]>Chronology")
    assert "the workbook's structure" in _scan(_with_part("docProps/core.xml", cdata))[1]
    doctype = '<!DOCTYPE x [<!ENTITY n "Zoe Hart">]>' + core
    assert "the workbook's structure" in _scan(_with_part("docProps/core.xml", doctype))[1]
    twice = io.BytesIO(data)
    with zipfile.ZipFile(twice, "a") as z, pytest.warns(UserWarning):
        z.writestr("docProps/core.xml", core)
    assert "a part of the file that should not be there" in _scan(twice.getvalue())[1]
    assert _scan(b"not a zip at all")[1] == ["the file (it could not be read back)"]


def _text_cells(data: bytes, sheet: str) -> dict[str, str]:
    ws = load_workbook(io.BytesIO(data))[sheet]
    return {c.coordinate: str(c.value) for r in ws.iter_rows() for c in r if c.value is not None}


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("family", [False, True])
def test_the_writer_says_exactly_what_is_where(language, family):
    """Every cover and summary cell but the case data is the writer's own words, exactly as
    written (translated headings, the family's one sentence, every month, quiet ones too);
    every chronology cell below the headings is its entry's field."""
    catalogue.set_language(language)
    try:
        rows = [row(), row(sort_date=dt.date(2025, 6, 9), date_words="9 June 2025")]
        data, layout = build_xlsx_with_layout(cover(family=family), rows)
    finally:
        catalogue.set_language("en")
    # case label, audience (a custom one is typed: read by the scan), recipients, purpose
    case_data = {"Cover!B3", "Cover!B6", "Cover!B7", "Cover!B8"}
    for sheet in ("Cover", "Summary"):
        for where, text in _text_cells(data, sheet).items():
            if (sheet == "Summary" and text.isdigit()) or f"{sheet}!{where}" in case_data:
                continue
            assert layout.own.get(f"{sheet}!{where}") == text, (sheet, where, text)
    summary = _text_cells(data, "Summary")
    assert [summary[f"A{n}"] for n in range(2, 7)] == [
        "2025-03", "2025-04", "2025-05", "2025-06", "Total"
    ]  # fmt: skip
    chronology = _text_cells(data, "Chronology")
    for where, text in chronology.items():
        key = f"Chronology!{where}"
        if where.endswith("1") and len(where) == 2:
            assert layout.own[key] == text
        else:
            assert layout.entries[key][0] == SHOWN_ID
    assert ("Math" in chronology.values()) is (language == "cy")


def test_a_translated_heading_is_excused_where_it_stands_only():
    """'Math Evans' is a third party; 'Math' is the Welsh heading of the kind column."""
    check = leak_check(register=[*REGISTER, person(19, "Math Evans")])
    catalogue.set_language("cy")
    try:
        data, layout = workbook("Seen outside school")
        found, problems = check_xlsx(check, data, layout, "chronology.xlsx")
        assert (found, problems) == ([], [])
        data, layout = workbook("Seen with Math Evans")
        found, _ = check_xlsx(check, data, layout, "chronology.xlsx")
    finally:
        catalogue.set_language("en")
    assert [(f.value, f.place) for f in found] == [("Math Evans", "what happened")]
