"""The rendered PDF as its reader gets it: real text in reading order, sizes, pages, fonts."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from fftimeline.domain.entries import Kind, Nature
from fftimeline.domain.views import ShownView, ViewHolder, ViewPosition
from fftimeline.domain.wording import Voice
from fftimeline.export.document import Document, Paragraph
from fftimeline.export.family_document import (
    FamilyEntry,
    FirstPage,
    SourceShown,
    build_family_document,
)
from fftimeline.export.meeting_document import build_meeting_document
from fftimeline.export.xlsx import MARKING, ChronologyRow, Cover
from fftimeline.printing import page_count, page_images, render_pdf

pytestmark = pytest.mark.gui

FIRST = FirstPage(
    Voice.FAMILY, "Jayden Okafor", "Sam Key", "Westbridge Children's Services",
    "01632 960 100", "sam.key@westbridge.example", dt.date(2026, 3, 3), True, (), (),
)  # fmt: skip


def trailer(reader: PdfReader) -> Any:
    """The file's trailer, untyped (pypdf types its values loosely)."""
    return reader.trailer


def resources(page: Any) -> Any:
    """A page's resources, untyped."""
    return page["/Resources"]


def family_entries(n: int) -> list[FamilyEntry]:
    return [
        FamilyEntry(
            i,
            dt.date(2025, 1 + i % 12, 1),
            "March 2025",
            f"{1 + i % 28} March 2025",
            Kind.CONCERN,
            False,
            f"Entry number {i}: seen near the park after school.",
            Nature.REPORTED,
            "",
            SourceShown.WITHHELD,
            "",
            (ShownView(ViewHolder.FAMILY, "", ViewPosition.DISPUTE, "He was at home."),),
            "",
        )
        for i in range(n)
    ]


def meeting(n: int) -> Document:
    rows = [
        ChronologyRow(
            f"{1 + i % 28} March 2025",
            dt.date(2025, 3, 1),
            "Concern",
            f"Entry number {i}: seen near the park after school with friends, late at night.",
            "Reported",
            "Rita Hughes, Head of Year",
            "Neutral",
            "Next: talk to school",
            "Agrees",
            "Routine",
        )
        for i in range(n)
    ]
    cover = Cover(
        "J. O.", "Strategy meeting", "Strategy meeting", "Members", "Sam Key",
        dt.datetime(2026, 3, 3, 10, 0), n, (),
    )  # fmt: skip
    return build_meeting_document(cover, rows, list(range(n)))


def sizes(data: bytes) -> tuple[float, float]:
    """The smallest and the most common character size on the first two pages, in points."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [round(c["size"], 1) for page in pdf.pages[:2] for c in page.chars]
    return min(chars), max(set(chars), key=chars.count)


def test_family_pdf_reads_in_order_at_a_readable_size_with_page_numbers(qapp) -> None:
    data = render_pdf(build_family_document(FIRST, family_entries(30), ()))
    reader = PdfReader(io.BytesIO(data))
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) > 2
    assert pages[0].replace("\t", " ").startswith("Your family's timeline")
    assert f"Page 2 of {len(pages)}" in pages[1].replace("\t", " ")
    assert all(
        "This is private information about your family." in p.replace("\t", " ") for p in pages
    )
    smallest, body = sizes(data)
    assert body >= 11 and smallest >= 9


def test_large_print_is_at_least_16_points(qapp) -> None:
    data = render_pdf(build_family_document(FIRST, family_entries(3), (), large_print=True))
    _, body = sizes(data)
    assert body >= 16


def test_meeting_pdf_repeats_its_header_row_and_marking_on_every_page(qapp) -> None:
    data = render_pdf(meeting(120))
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) > 2
    for page in reader.pages:
        text = page.extract_text().replace("\t", " ")
        assert "What happened" in text and "Family's view" in text
        assert text.count(MARKING) >= 2  # header and footer
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    smallest, _ = sizes(data)
    assert smallest >= 9


def test_every_row_is_printed_whole(qapp) -> None:
    data = render_pdf(meeting(80))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    for i in range(80):
        assert f"Entry number {i}:" in text.replace("\t", " ")


def test_fonts_are_embedded_and_properties_name_no_one(qapp) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(meeting(3))))
    fonts = [f.get_object() for page in reader.pages for f in resources(page)["/Font"].values()]
    for font in fonts:
        descendant = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in descendant["/FontDescriptor"]
    assert reader.metadata is not None
    assert reader.metadata.get("/Title") == "Chronology"
    assert not reader.metadata.get("/Author")


def test_preview_images_and_pdf_agree_on_the_page_count(qapp) -> None:
    document = build_family_document(FIRST, family_entries(25), ())
    pdf_pages = len(PdfReader(io.BytesIO(render_pdf(document))).pages)
    assert page_count(document) == pdf_pages
    images = page_images(document, range(pdf_pages + 3), dpi=40)
    assert len(images) == pdf_pages


def test_typed_text_is_never_markup(qapp) -> None:
    document = Document(blocks=(Paragraph("<b>Bold?</b> &amp; <script>x</script>"),))
    text = PdfReader(io.BytesIO(render_pdf(document))).pages[0].extract_text()
    assert "<b>Bold?</b> &amp; <script>x</script>" in text.replace("\t", " ")


def test_every_word_is_on_a_page_and_no_page_holds_another_pages_lines(qapp) -> None:
    """Pages break between lines: each line is written once, on its own page only."""
    import re

    from fftimeline.export.pdf_text import pdf_contents

    def fold(text: str) -> str:
        return " ".join(text.split()).casefold()

    for document in (build_family_document(FIRST, family_entries(40), ()), meeting(60)):
        contents = pdf_contents(render_pdf(document))
        pages = [fold(u.text) for u in contents.units if u.place.startswith("page")]
        words = set(re.findall(r"\w+", fold(" ".join(document.texts()))))
        assert words <= set(re.findall(r"\w+", " ".join(pages)))
        for n in range(40 if document.orientation.value == "portrait" else 60):
            # each entry's own words are written on exactly one page, however it breaks
            assert sum(f"entry number {n}:" in p for p in pages) == 1


def test_no_text_is_written_outside_a_pages_text_area(qapp) -> None:
    """A line belonging to the next page is not written, clipped, at the foot of this one."""
    from fftimeline.printing.pages import BAND_PT, MARGIN_MM

    document = build_family_document(FIRST, family_entries(40), ())
    margin = MARGIN_MM[document.orientation] / 25.4 * 72
    band = max(BAND_PT, document.body_pt * 0.8) * 2.2
    with pdfplumber.open(io.BytesIO(render_pdf(document))) as pdf:
        for page in pdf.pages:
            body_bottom = page.height - margin - band
            foot_top = page.height - margin - band * 0.7
            stray = [
                c["text"]
                for c in page.chars
                if c["bottom"] > body_bottom + 1 and c["top"] < foot_top - 1
            ]
            assert stray == [], f"text below the text area on page {page.page_number}"
