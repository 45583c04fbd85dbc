"""The leak scan's reader for PDFs: every text of the file, and whose words each one is.

Turns a PDF's bytes into `TextUnit`s for the format-independent scan (`leak_scan`), the
way `leak_xlsx` does for a spreadsheet. `pdf_text` reads the file back with readers
independent of the Qt that wrote it (every page's text, the properties and XMP, bookmarks,
notes and every string in the file's objects); the `Document` it was made from says whose
words each of its texts is (`Document.said`):

* each text of an entry or of the case (what happened, the source, the child's name, the
  recipients) is a unit with its place and entry, so a finding names them ("the entry of 3
  March 2025, what happened"), as the spreadsheet's do;
* each page's text is read too, less the document's own words *where they stand*: the
  page's header and footer and "Page 2 of 9" at its foot, a table's repeated header row at
  its top, and, in reading order, each of the document's own texts (its headings, fixed
  sentences, the key worker's name and contact details, the glossary, the support list).
  A text is passed over only where the page reads exactly it (up to how lines break), on
  word boundaries, after the one before it; everything else on the page is scanned, so
  anything a renderer added, or own words with anything changed in them, is read;
* properties, bookmarks, notes and the file's other strings are scanned whole.

A page word that is no word of the document at all (beyond a long word broken across
lines) is a problem on its own: the file is not what was meant to be printed. A file that
cannot be read back is a problem too: the scan fails closed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from fftimeline.export.document import Document, Part
from fftimeline.export.leak_scan import Hit, TextUnit
from fftimeline.export.leak_text import INVISIBLE
from fftimeline.export.pdf_text import pdf_contents

PAGE = "the text of page {page}"
"""Where a finding in a page's own text is (not in a text the document says is an entry's)."""
STRAY = "words in the file that are not in the document"
LOOK_AHEAD = 200_000
"""How far (letters) past the last one found a document's own text is looked for."""

_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"\w+")
_BREAK = re.compile(r"[\r\n]")


@dataclass
class PdfText:
    """What the scan reads from a PDF: its text units, structural problems and pages."""

    units: list[TextUnit] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    pages: int = 0


def read_pdf(data: bytes, document: Document) -> PdfText:
    """Every text of the PDF ``data`` made from ``document``, and every problem."""
    contents = pdf_contents(data)
    out = PdfText(problems=list(contents.problems), pages=contents.pages)
    said = list(document.said())
    out.units += [TextUnit(p.text, p.place, p.entry_id) for p in said if not p.own]
    pages = [_INVISIBLE.sub("", t) for t in contents.page_texts]
    words = _Words(pages)
    words.excuse_bands(document)
    words.excuse_repeated(document.repeated())
    words.excuse_in_order(p for p in said if p.own)
    out.units += words.rest()
    read = {f"page {n}" for n in range(1, len(pages) + 1)}  # each page is read above
    out.units += [TextUnit(u.text, u.place) for u in contents.units if u.place not in read]
    if _stray_words(pages, document):
        out.problems.append(STRAY)
    return out


def without_echoes(hits: Sequence[Hit]) -> list[Hit]:
    """The hits, less a page's text repeating a value already found in a text it printed.

    A name left in an entry's text is found twice: in the entry (named there) and on the
    page it is printed on. The key worker needs the first only; a value found on a page and
    nowhere else (something the renderer added) stays.
    """
    elsewhere = {(_plain(h.value), h.description) for h in hits if not _on_page(h)}
    return [h for h in hits if not _on_page(h) or (_plain(h.value), h.description) not in elsewhere]


def _on_page(hit: Hit) -> bool:
    return hit.place.startswith("the text of page ")


def _plain(value: str) -> str:
    return " ".join(value.split()).casefold()


def _compact(text: str) -> tuple[str, frozenset[int]]:
    """``text`` without white space, and where (letter offsets) it had white space."""
    pieces = _WORD.findall(text.strip())
    breaks, total = set(), 0
    for piece in pieces[:-1]:
        total += len(piece)
        breaks.add(total)
    return "".join(pieces), frozenset(breaks)


class _Words:
    """The words of every page, as one run of letters without white space.

    A document's own text is looked for in that run (`str.find`, fast) and then checked
    where it stands: on word boundaries, white space in the page where the text has white
    space, and elsewhere only a line break (a word too long for its line). Found words are
    excused; the rest of each page is read.
    """

    def __init__(self, pages: list[str]) -> None:
        self.pages = pages
        self.words: list[tuple[int, int, int]] = []  # (page, start, end) in reading order
        self.line_after: list[bool] = []
        starts, total, pieces = [], 0, []
        for page, text in enumerate(pages):
            found = [(m.start(), m.end()) for m in _WORD.finditer(text)]
            for n, (start, end) in enumerate(found):
                self.words.append((page, start, end))
                after = text[end : found[n + 1][0]] if n + 1 < len(found) else "\n"
                self.line_after.append(bool(_BREAK.search(after)))
                starts.append(total)
                total += end - start
                pieces.append(text[start:end])
        self.starts = starts
        self.text = "".join(pieces)
        self.taken = [False] * len(self.words)
        self.excused: list[list[tuple[int, int]]] = [[] for _ in pages]

    def excuse_bands(self, document: Document) -> None:
        """Each page's header, footer and page number, at the page's foot (drawn last)."""
        total = len(self.pages)
        ends = self._page_ends()
        for page, end in enumerate(ends):
            label = document.page_label.format(page=page + 1, pages=total)
            band = " ".join(t for t in (document.header, document.footer, label) if t)
            letters, breaks = _compact(band)
            if end is not None and self.text.endswith(letters, 0, end):
                self._take(end - len(letters), letters, breaks)

    def excuse_repeated(self, headers: Iterable[tuple[str, ...]]) -> None:
        """A table's header row at the top of a page (after the first) it continues on."""
        rows = [_compact(" ".join(h)) for h in headers]
        for first in self._page_starts()[1:]:
            for letters, breaks in rows:
                if first is not None and self.text.startswith(letters, first):
                    self._take(first, letters, breaks)

    def excuse_in_order(self, parts: Iterable[Part]) -> None:
        """The document's own texts, each where it stands, in reading order."""
        cursor = 0
        for part in parts:
            letters, breaks = _compact(part.text)
            if not letters:
                continue
            limit = cursor + LOOK_AHEAD + len(letters)
            at = self.text.find(letters, cursor, limit)
            while at != -1 and not self._take(at, letters, breaks):
                at = self.text.find(letters, at + 1, limit)
            if at != -1:
                cursor = at + len(letters)

    def rest(self) -> list[TextUnit]:
        """What is left of each page once its own words are excused."""
        units = []
        for page, text in enumerate(self.pages):
            place, start = PAGE.format(page=page + 1), 0
            for begin, end in sorted(self.excused[page]):
                units += _piece(text[start:begin], place)
                start = max(start, end)
            units += _piece(text[start:], place)
        return units

    def _page_starts(self) -> list[int | None]:
        starts: list[int | None] = [None] * len(self.pages)
        for n in range(len(self.words) - 1, -1, -1):
            starts[self.words[n][0]] = self.starts[n]
        return starts

    def _page_ends(self) -> list[int | None]:
        ends: list[int | None] = [None] * len(self.pages)
        for n, (page, start, end) in enumerate(self.words):
            ends[page] = self.starts[n] + end - start
        return ends

    def _take(self, at: int, letters: str, breaks: frozenset[int]) -> bool:
        """Excuse ``letters`` found at ``at`` if they stand there as the text; else False."""
        first = bisect.bisect_right(self.starts, at) - 1
        last = bisect.bisect_right(self.starts, at + len(letters) - 1) - 1
        if any(self.taken[first : last + 1]) or not self._bounded(first, last, at, letters):
            return False
        seams = {self.starts[n] - at: n - 1 for n in range(first + 1, last + 1)}
        if not breaks <= seams.keys():
            return False
        if any(k not in breaks and not self.line_after[w] for k, w in seams.items()):
            return False
        for n in range(first, last + 1):
            self.taken[n] = True
            page, start, end = self.words[n]
            begin = start + max(0, at - self.starts[n])
            stop = min(end, start + at + len(letters) - self.starts[n])
            self.excused[page].append((begin, stop))
        return True

    def _bounded(self, first: int, last: int, at: int, letters: str) -> bool:
        """Whether the match neither starts nor ends inside a run of letters or digits."""
        page, start, _ = self.words[first]
        inner = at - self.starts[first]
        if inner and self.pages[page][start + inner - 1].isalnum() and letters[0].isalnum():
            return False
        page, start, end = self.words[last]
        stop = start + at + len(letters) - self.starts[last]
        return stop >= end or not (self.pages[page][stop].isalnum() and letters[-1].isalnum())


def _piece(text: str, place: str) -> list[TextUnit]:
    return [TextUnit(text.strip(), place)] if _LETTERS.search(text) else []


def _stray_words(pages: list[str], document: Document) -> bool:
    """Whether any page holds a word that is no word of the document (or a number).

    A word too long for its column is broken across lines ('significa' / 'nce'); such a
    piece counts as the document's when it starts or ends one of the document's words.
    """
    texts = [*document.texts(), document.page_label]
    known = {w for t in texts for w in _LETTERS.findall(_INVISIBLE.sub("", t).casefold())}
    for text in pages:
        strays = {w for w in _LETTERS.findall(text.casefold()) if not w.isdigit()} - known
        if any(not any(k.startswith(w) or k.endswith(w) for k in known) for w in strays):
            return True
    return False
