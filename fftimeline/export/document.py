"""A printable document as plain content: what to print, never how (export layer, Qt-free).

The parents' timeline, the child's timeline and the professional chronology are all built
as a `Document`: a list of blocks (headings, paragraphs, entry cards, tables) with a few
page settings (orientation, body text size, header and footer). One renderer
(`fftimeline.printing`) lays every document out the same way for the screen's print
preview, the printer and the PDF, so what the preview shows is what is printed.

Every text in a document is already fit for its audience: the builders take redacted rows.
The builders also say whose words each text is (`Part`, `Document.said`): the document's
own words (headings, fixed sentences, the key worker's name and contact details, the
glossary, the support list), which the leak scan excuses where they stand, and everything
else with its place and entry, which the leak scan reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from fftimeline.export.layout import field_place

BODY_PT = 11.0
"""Body text of the family's documents: at least 11 pt."""
LARGE_PRINT_PT = 16.0
"""Body text with the large-print option: at least 16 pt."""
TABLE_PT = 9.0
"""The professional chronology's table text: never below 9 pt."""
PAGE_LABEL = "Page {page} of {pages}"
"""The page number on every page ('Page 2 of 9')."""
TITLE = "Chronology"
"""The title in every PDF's properties: names no one."""


PRINTED = "the printed text"
"""The place of a paragraph whose builder did not say whose words it is (read by the scan)."""
FIRST_PAGE = "the first page"
"""The place of case data on the first page (the child's name, recipients, purpose)."""


@dataclass(frozen=True)
class Part:
    """A piece of a block's text, and whose words it is (for the leak scan).

    Attributes:
        text: the piece, as printed.
        place: '' for the document's own words (excused by the scan only where the file
            reads exactly them); else where it is, in plain words ("what happened", "the
            first page"), and the scan reads it.
        entry_id: the entry it belongs to, if any.
    """

    text: str
    place: str = ""
    entry_id: int | None = None

    @property
    def own(self) -> bool:
        """Whether these are the document's own words."""
        return not self.place


def parts_of(pieces: tuple[str | Part, ...]) -> tuple[str, tuple[Part, ...]]:
    """The text of ``pieces`` and their parts; a plain string is the document's own words.

    Own words side by side are one part, so the scan looks for them as one text.
    """
    parts: list[Part] = []
    for piece in pieces:
        part = piece if isinstance(piece, Part) else Part(piece)
        if parts and part.own and parts[-1].own:
            part = Part(parts.pop().text + part.text)
        parts.append(part)
    return "".join(p.text for p in parts), tuple(parts)


class Orientation(StrEnum):
    """Which way up the paper is."""

    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is the document's title, 2 a section, 3 a month.

    ``place``: '' for the document's own words; where it is when its text is typed data
    (a support organisation's name), which the scan reads.
    """

    text: str
    level: int = 2
    place: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text; ``strong`` prints it in bold.

    ``parts`` say whose words it is; a paragraph without them is read whole by the scan
    (`PRINTED`). Build one from pieces with `Paragraph.of`.
    """

    text: str
    strong: bool = False
    parts: tuple[Part, ...] = ()

    @classmethod
    def of(cls, *pieces: str | Part, strong: bool = False) -> Paragraph:
        """A paragraph of ``pieces``: plain strings are the document's own words."""
        text, parts = parts_of(pieces)
        return cls(text, strong, parts)


@dataclass(frozen=True)
class Line:
    """One labelled line of an entry card: 'How we know: A fact we checked'.

    The label is the document's own words; the text is the card's entry's, at ``place``
    (the field's name in findings, e.g. "the source"; by default the label's words).
    """

    label: str
    text: str
    strong: bool = False
    place: str = ""


@dataclass(frozen=True)
class EntryCard:
    """One entry of the family's timeline, in a box: its date, a tag and labelled lines.

    Attributes:
        entry_id: the entry (recorded in the disclosure register, never printed).
        title: when it happened, in words.
        tag: a word or two that stands out ('Something good', 'Your family disagrees').
        lines: what happened, how we know, who told us, the family's view, what next.
    """

    entry_id: int
    title: str
    tag: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Table:
    """A table whose header row repeats on every page; ``widths`` are relative."""

    headers: tuple[str, ...]
    widths: tuple[int, ...]
    rows: tuple[tuple[str, ...], ...]
    entry_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class PageBreak:
    """Start the next block on a new page."""


Block = Heading | Paragraph | EntryCard | Table | PageBreak


@dataclass(frozen=True)
class Document:
    """Everything one printed output holds.

    Attributes:
        blocks: the content, in reading order.
        orientation: portrait (the family's documents) or landscape (the chronology table).
        body_pt: body text size in points.
        header: printed at the top of every page ('' for none).
        footer: printed at the foot of every page, left of the page number.
        title: the PDF's title property (always neutral).
    """

    blocks: tuple[Block, ...]
    orientation: Orientation = Orientation.PORTRAIT
    body_pt: float = BODY_PT
    header: str = ""
    footer: str = ""
    title: str = TITLE
    page_label: str = PAGE_LABEL
    entry_ids: tuple[int, ...] = field(default=())

    def texts(self) -> Iterator[str]:
        """Every text the document prints, in order (the header and footer first)."""
        yield from (self.header, self.footer)
        for block in self.blocks:
            yield from _block_texts(block)

    def said(self) -> Iterator[Part]:
        """Every text of the blocks in reading order, as parts saying whose words they are.

        Headings, a card's title, tag and labels and a table's headings are the
        document's own words; a card's lines and a table's cells are their entry's.
        """
        for block in self.blocks:
            yield from _block_parts(block)

    def repeated(self) -> Iterator[tuple[str, ...]]:
        """The header rows a table repeats at the top of every page it continues on."""
        yield from (b.headers for b in self.blocks if isinstance(b, Table))

    @property
    def empty(self) -> bool:
        """Whether the document holds no entry at all."""
        return not self.entry_ids


def _block_parts(block: Block) -> Iterator[Part]:
    match block:
        case Heading(text=text, place=place):
            yield Part(text, place)
        case Paragraph():
            yield from block.parts or (Part(block.text, PRINTED),)
        case EntryCard():
            yield from (Part(block.title), Part(block.tag))
            for line in block.lines:
                yield Part(line.label)
                yield Part(line.text, line.place or field_place(line.label), block.entry_id)
        case Table():
            yield from (Part(h) for h in block.headers)
            places = [field_place(h) for h in block.headers]
            for n, row in enumerate(block.rows):
                entry = block.entry_ids[n] if n < len(block.entry_ids) else None
                yield from (Part(c, p, entry) for c, p in zip(row, places, strict=False))
        case PageBreak():
            return


def _block_texts(block: Block) -> Iterator[str]:
    match block:
        case Heading(text=text) | Paragraph(text=text):
            yield text
        case EntryCard():
            yield from (block.title, block.tag)
            for line in block.lines:
                yield from (line.label, line.text)
        case Table():
            yield from block.headers
            for row in block.rows:
                yield from row
        case PageBreak():
            return
