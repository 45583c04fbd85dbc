"""A printable document as plain content: what to print, never how (export layer, Qt-free).

The parents' timeline, the child's timeline and the professional chronology are all built
as a `Document`: a list of blocks (headings, paragraphs, entry cards, tables) with a few
page settings (orientation, body text size, header and footer). One renderer
(`fftimeline.printing`) lays every document out the same way for the screen's print
preview, the printer and the PDF, so what the preview shows is what is printed.

Every text in a document is already fit for its audience: the builders take redacted rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

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


class Orientation(StrEnum):
    """Which way up the paper is."""

    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is the document's title, 2 a section, 3 a month."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text; ``strong`` prints it in bold."""

    text: str
    strong: bool = False


@dataclass(frozen=True)
class Line:
    """One labelled line of an entry card: 'How we know: A fact we checked'."""

    label: str
    text: str
    strong: bool = False


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

    @property
    def empty(self) -> bool:
        """Whether the document holds no entry at all."""
        return not self.entry_ids


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
