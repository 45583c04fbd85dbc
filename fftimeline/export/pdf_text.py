"""Every text a PDF holds, read back from its bytes for the leak scan (export layer).

A PDF hides text in more places than its pages: the document properties and the XMP
metadata, annotations and form fields, bookmarks (outlines), attachments and scripts. This
module reads the file's bytes with readers independent of the Qt that wrote them, PDFium
(pypdfium2) for each page's text and pypdf for everything else, and returns each place's
text as a `TextUnit` ('page 3', 'the file's properties', 'the bookmarks', ...), plus the
structures a plain printed document never needs (which count as problems on their own).
Text is NFKC-normalised, so a ligature ('ﬁ') reads as its letters and a name cannot hide
inside one. (pypdf reads page text too, but at a tenth of a second a page of Qt's output,
which writes every glyph as its own operation: PDFium reads 700 pages a second.)

Anything that cannot be read is reported as a problem: a scan over it fails closed.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # its warnings quote file contents

PROPERTIES = "the file's properties"
BOOKMARKS = "the bookmarks"
NOTES = "notes or form fields in the file"
STRUCTURE = "the file's structure"
UNREADABLE = "the PDF could not be read back"
_NOT_NEEDED = {
    "/AcroForm": "a form",
    "/OpenAction": "an action run on opening",
    "/AA": "actions run on events",
    "/JavaScript": "a script",
    "/EmbeddedFiles": "an attachment",
    "/OCProperties": "hidden layers",
}


@dataclass(frozen=True)
class TextUnit:
    """The text of one place in the file; ``place`` is plain words safe to show."""

    place: str
    text: str


@dataclass(frozen=True)
class PdfContents:
    """What a PDF holds, place by place.

    Attributes:
        units: the text of every page, the properties, bookmarks, notes and any other
            string in the file's objects.
        problems: plain words for each structure a printed document does not need, or
            for the file not being readable; never case content.
        pages: how many pages it has.
    """

    units: tuple[TextUnit, ...]
    problems: tuple[str, ...] = ()
    pages: int = 0
    page_texts: tuple[str, ...] = field(default=())


def normalised(text: str) -> str:
    """NFKC: ligatures and other compatibility characters as their plain letters."""
    return unicodedata.normalize("NFKC", text)


def pdf_contents(data: bytes) -> PdfContents:
    """Read every text of a PDF; an unreadable file gives one problem and no text."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return PdfContents((), ("an encrypted file, which cannot be checked",))
        pages = _page_texts(data)
        if len(pages) != len(reader.pages):
            return PdfContents((), ("the two readers see different pages",))
        units = [TextUnit(f"page {n}", text) for n, text in enumerate(pages, start=1)]
        units += _properties(reader)
        units += _bookmarks(reader)
        notes, problems = _annotations(reader)
        units += notes
        problems += _structure(reader)
        units += [TextUnit(STRUCTURE, "\n".join(_all_strings(reader)))]
    except (PyPdfError, pdfium.PdfiumError, ValueError, KeyError, TypeError, AttributeError,
            RecursionError):  # fmt: skip
        return PdfContents((), (UNREADABLE,))
    return PdfContents(tuple(units), tuple(problems), len(pages), pages)


def _page_texts(data: bytes) -> tuple[str, ...]:
    """Each page's text, in reading order, as PDFium reads it."""
    document = pdfium.PdfDocument(data)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            text_page = page.get_textpage()
            texts.append(normalised(text_page.get_text_range()))
            text_page.close()
            page.close()
        return tuple(texts)
    finally:
        document.close()


def _properties(reader: PdfReader) -> list[TextUnit]:
    info: dict[str, object] = dict(reader.metadata or {})
    texts = [f"{k} {v}" for k, v in info.items()]
    root = _root(reader)
    if "/Metadata" in root:
        raw = root["/Metadata"].get_object()
        if isinstance(raw, StreamObject):
            texts.append(raw.get_data().decode("utf-8", "replace"))
    return [TextUnit(PROPERTIES, normalised("\n".join(texts)))]


def _bookmarks(reader: PdfReader) -> list[TextUnit]:
    titles: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(getattr(item, "title", "") or ""))

    walk(list(reader.outline))
    return [TextUnit(BOOKMARKS, normalised("\n".join(titles)))] if titles else []


def _annotations(reader: PdfReader) -> tuple[list[TextUnit], list[str]]:
    texts: list[str] = []
    for page in reader.pages:
        for annot in page.get("/Annots", None) or []:
            obj = annot.get_object()
            texts += [str(obj.get(k, "")) for k in ("/Contents", "/T", "/TU", "/V", "/RC")]
    if not texts:
        return [], []
    return [TextUnit(NOTES, normalised("\n".join(texts)))], ["notes or form fields"]


def _root(reader: PdfReader) -> DictionaryObject:
    root = reader.trailer["/Root"].get_object()
    if not isinstance(root, DictionaryObject):
        raise ValueError("no document catalogue")
    return root


def _structure(reader: PdfReader) -> list[str]:
    root = _root(reader)
    found = [label for key, label in _NOT_NEEDED.items() if key in root]
    names = root.get("/Names")
    if names is not None:
        names = names.get_object()
        if isinstance(names, DictionaryObject):
            found += [label for key, label in _NOT_NEEDED.items() if key in names]
    return sorted(set(found))


def _all_strings(reader: PdfReader) -> Iterator[str]:
    """Every text string in every object of the file (streams' bytes aside)."""
    seen: set[int] = set()
    for generation, numbers in reader.xref.items():
        for number in numbers:
            try:
                obj = reader.get_object(IndirectObject(number, generation, reader))
            except (PyPdfError, ValueError, KeyError):
                continue
            yield from _strings(obj, seen)


def _strings(obj: PdfObject | None, seen: set[int]) -> Iterator[str]:
    if obj is None or id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, TextStringObject):
        yield normalised(str(obj))
    elif isinstance(obj, DictionaryObject):
        for value in obj.values():
            if not isinstance(value, IndirectObject):
                yield from _strings(value, seen)
    elif isinstance(obj, ArrayObject):
        for value in obj:
            if not isinstance(value, IndirectObject):
                yield from _strings(value, seen)
