"""The leak scan's PDF reader: whose words each text is, and where they must stand.

Small PDFs are written with pypdf (no Qt) so each test controls exactly what a page says;
the `Document` beside them is what the writer claims to have printed. The scan must read
everything on a page except the document's own words where the writer put them.
"""

from __future__ import annotations

from fftimeline.export.document import Document, EntryCard, Heading, Line, Paragraph, Part
from fftimeline.export.leak_pdf import STRAY, read_pdf
from fftimeline.export.leak_scan import TextUnit
from fftimeline.export.pdf_text import UNREADABLE
from tests.unit.export.pdf_sample import as_bytes, pdf_with_text

PAGE_1 = "the text of page 1"


def _document(*blocks: Heading | Paragraph | EntryCard, footer: str = "") -> Document:
    return Document(blocks=blocks, footer=footer)


def _read(document: Document, *lines: str) -> tuple[list[str], list[TextUnit], list[str]]:
    """What is read of each page (beyond the document's own words), every unit, problems."""
    reading = read_pdf(as_bytes(pdf_with_text(*lines)), document)
    pages = [" ".join(u.text.split()) for u in reading.units if u.place == PAGE_1]
    return pages, reading.units, reading.problems


def test_own_words_are_passed_over_where_they_stand_and_read_anywhere_else():
    document = _document(Paragraph.of("Dex Marlow wrote it."), Paragraph.of("Ask Dex Marlow."))
    pages, _, problems = _read(document, "Dex Marlow wrote it.", "Ask Dex Marlow.")
    assert pages == [] and problems == []
    pages, _, _ = _read(document, "Dex Marlow wrote it.", "Dex Marlow wrote it.", "Ask Dex Marlow.")
    assert pages == ["Dex Marlow wrote it."]  # the second copy is not where the writer put it


def test_own_words_are_looked_for_in_reading_order():
    document = _document(Paragraph.of("Alpha words here."), Paragraph.of("Beta words here."))
    pages, _, _ = _read(document, "Beta words here.", "Alpha words here.")
    assert pages == ["Beta words here."]


def test_own_words_count_only_as_whole_words():
    """'Sam' is the writer's; inside 'Samantha' it is not, so 'Samantha' is read whole."""
    document = _document(Paragraph.of("Sam"))
    pages, _, _ = _read(document, "Samantha Sam")
    assert pages == ["Samantha"]
    pages, _, _ = _read(document, "Samantha")
    assert pages == ["Samantha"]


def test_a_line_break_inside_a_word_is_how_lines_break_and_other_spacing_is_not():
    document = _document(Paragraph.of("Westbridge Services"))
    assert _read(document, "Westbr", "idge Services")[0] == []
    assert _read(document, "West bridge Services")[0] == ["West bridge Services"]
    assert _read(document, "WestbridgeServices")[0] == ["WestbridgeServices"]


def test_the_footer_and_page_number_are_passed_over_at_the_foot_of_the_page_only():
    document = _document(Paragraph.of("Hello there."), footer="Private to you.")
    assert _read(document, "Hello there.", "Private to you. Page 1 of 1")[0] == []
    pages, _, _ = _read(document, "Private to you. Page 1 of 1", "Hello there.")
    assert pages == ["Private to you. Page 1 of 1"]
    pages, _, _ = _read(document, "Hello there.", "Private to you. Page 2 of 9")
    assert pages == ["Private to you. Page 2 of 9"]  # not this page's number


def test_texts_of_entries_and_of_the_case_are_units_with_their_place_and_entry():
    card = EntryCard(
        7,
        "3 March 2025 - Something that worried us",
        "",
        (
            Line("What happened", "Seen at the park"),
            Line("Who told us", "A teacher", False, "the source"),
        ),
    )
    document = _document(Paragraph.of("About ", Part("Jayden", "the first page")), card)
    lines = ("About Jayden", "3 March 2025 - Something that worried us")
    _, units, _ = _read(
        document, *lines, "What happened: Seen at the park", "Who told us: A teacher"
    )
    assert TextUnit("Jayden", "the first page") in units
    assert TextUnit("Seen at the park", "what happened", 7) in units
    assert TextUnit("A teacher", "the source", 7) in units


def test_a_paragraph_whose_builder_said_nothing_is_read_whole():
    document = _document(Paragraph("Dex Marlow wrote it."))
    _, units, _ = _read(document, "Dex Marlow wrote it.")
    assert TextUnit("Dex Marlow wrote it.", "the printed text") in units
    assert TextUnit("Dex Marlow wrote it.", PAGE_1) in units


def test_a_word_that_is_no_word_of_the_document_is_a_problem():
    document = _document(Paragraph.of("Hello there."))
    assert STRAY in _read(document, "Hello there.", "Zanzibar")[2]
    assert STRAY not in _read(document, "Hello there.", "there Hello")[2]


def test_a_file_that_cannot_be_read_back_is_a_problem():
    reading = read_pdf(b"%PDF-1.4 not really", _document(Paragraph.of("Hello")))
    assert UNREADABLE in reading.problems
