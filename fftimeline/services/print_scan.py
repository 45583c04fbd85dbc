"""The fail-closed leak scan of a PDF, before it is written (services layer, Qt-free).

The one seam every PDF goes through. It reads the file back with an independent reader
(`export.pdf_text`: every page's text, the properties, bookmarks, notes and every string
in the file's objects) and looks there, and in every text the document printed (each table
cell whole, since a PDF's text interleaves the lines of neighbouring cells), for every
value the audience must not see. It also checks that the file's words are all words of
the document, so nothing can have got into the file beside what was meant to be printed.
Any hit, any structure a printed document does not need, or a file that cannot be read
stops it: nothing is written and nothing recorded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fftimeline.domain.leaks import LeakFound
from fftimeline.domain.text import fold
from fftimeline.export.document import Document
from fftimeline.export.pdf_text import PROPERTIES, STRUCTURE, PdfContents, TextUnit, normalised
from fftimeline.export.pdf_text import pdf_contents as read_pdf
from fftimeline.export.verify import contains_word, scan_file_name
from fftimeline.redaction.needles import legitimately_shown
from fftimeline.redaction.redact import RedactedChronology

PRINTED = "the printed text"
_WORD = re.compile(r"\w+")
_FIXED_WORDS = frozenset({"page", "of"})


def scan_pdf(
    data: bytes, document: Document, chron: RedactedChronology, file_name: str = ""
) -> PdfContents:
    """What the PDF holds, only if nothing the audience must not see is in it.

    Raises:
        LeakFound: a protected value, an unexpected structure or unexpected words were
            found, or the file could not be read back; names the places, never the values.
    """
    contents = read_pdf(data)
    needles = {fold(normalised(n)) for n in chron.needles | chron.content_needles if n.strip()}
    printed = TextUnit(PRINTED, "\n".join(normalised(t) for t in document.texts()))
    hits = _hits([printed, *contents.units], sorted(needles, key=len))
    hits += [("the file name", h.what) for h in scan_file_name(file_name, sorted(needles))]
    content = {fold(n) for n in chron.content_needles} - {fold(n) for n in chron.needles}
    doubtful = {n for _, n in hits if n in content}
    allowed = legitimately_shown(chron.included, chron.profile, doubtful, chron.manual)
    places = [place for place, n in hits if n not in allowed]
    places += list(contents.problems)
    if _stray_words(contents, printed):
        places.append("words in the file that are not in the document")
    if places:
        raise LeakFound(places)
    return contents


def _hits(units: Iterable[TextUnit], needles: list[str]) -> list[tuple[str, str]]:
    found = []
    for unit in units:
        text = fold(unit.text)
        found += [(unit.place, n) for n in needles if n in text and contains_word(text, n)]
    return found


def _stray_words(contents: PdfContents, printed: TextUnit) -> bool:
    """Whether any page holds a word that is not a word of the document (or a page number).

    A word too long for its column is broken across lines ('significa' / 'nce'); such a
    piece counts as the document's when it starts or ends one of the document's words.
    """
    known = set(_WORD.findall(fold(printed.text))) | _FIXED_WORDS
    for unit in contents.units:
        if unit.place in (PROPERTIES, STRUCTURE):
            continue
        strays = {w for w in _WORD.findall(fold(unit.text)) if not w.isdigit()} - known
        if any(not _piece_of(w, known) for w in strays):
            return True
    return False


def _piece_of(piece: str, known: set[str]) -> bool:
    return any(w.startswith(piece) or w.endswith(piece) for w in known)
