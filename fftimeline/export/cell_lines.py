"""How many lines a wrapped spreadsheet cell takes (export layer, pure).

Spreadsheet programs do not grow a row for wrapped text they did not lay out themselves,
so the writer sets each row's height; too short hides the last lines of an account, too
tall wastes paper (a strategy meeting's pack ran to twice its length). This lays the text
out word by word with the widths of a typical spreadsheet font (Calibri 11 and its
metric twin Carlito, which LibreOffice uses), measured in the unit column widths are
given in: the width of the digit "0". It keeps a margin, so a slightly wider font still
fits: a row with a little spare room reads better than one that hides its last line.
"""

from __future__ import annotations

import unicodedata

FONT_NAME = "Calibri"
"""The font every cell names: without a name, a spreadsheet program falls back to its own
default (LibreOffice prints a wide serif), and the widths below no longer hold."""
NARROW = frozenset("ijlI.,;:'!|`’‘ ")
SLIM = frozenset('frt()[]{}-/\\"“”')
WIDE = frozenset("mwMWOQDGHNU@%&")
WIDEST = 2.0
"""A full-width letter (Chinese, Japanese, Korean) or an emoji: the widest there is."""
WIDEST_ASCII = 1.45
"""The widest letter of plain ASCII text ("W", "m")."""
NARROWEST = 0.45
BOLD_FACTOR = 1.08
"""Bold text is about this much wider."""
MARGIN = 0.9
"""The share of a column's width a line may fill (room for a wider font and cell padding)."""


def char_width(char: str) -> float:
    """One character's width, in widths of the digit "0" (Calibri 11)."""
    if char in NARROW:
        return NARROWEST
    if char in SLIM:
        return 0.62
    if char in WIDE:
        return WIDEST_ASCII
    if char.isupper():
        return 1.1
    if char.isascii():
        return 0.95
    if unicodedata.east_asian_width(char) in "WF":
        return WIDEST
    return 1.2  # accented or other scripts: allow for a wider glyph


class _Widths(dict[str, float]):
    """Each character's width, worked out once (a row's cells hold thousands of them)."""

    def __missing__(self, char: str) -> float:
        self[char] = width = char_width(char)
        return width


_WIDTHS = _Widths()


def text_width(text: str, *, bold: bool = False) -> float:
    """The width of ``text`` on one line, in widths of the digit "0"."""
    width = sum(map(_WIDTHS.__getitem__, text))
    return width * BOLD_FACTOR if bold else width


class _WordWidths(dict[str, float]):
    """Each word's width, for one workbook.

    An export repeats the same words thousands of times; the cache goes with the
    workbook, so no case's words stay in memory after it.
    """

    def __missing__(self, word: str) -> float:
        self[word] = width = text_width(word)
        return width


class LineCounter:
    """Counts the wrapped lines of many cells, remembering word widths as it goes."""

    def __init__(self) -> None:
        self._words = _WordWidths()

    def lines(self, text: str, column_width: float, *, bold: bool = False) -> int:
        """How many lines ``text`` wraps to in a column ``column_width`` characters wide."""
        room = max(column_width * MARGIN - 0.5, 1.0)
        if bold:
            room /= BOLD_FACTOR
        if "\n" not in text:
            return 1 if _fits(text, room) else _laid_out(self._widths(text), room)
        lines = 0
        for paragraph in text.split("\n"):
            if _fits(paragraph, room):  # most cells: one line, no layout needed
                lines += 1
            else:
                lines += _laid_out(self._widths(paragraph), room)
        return lines

    def _widths(self, paragraph: str) -> list[float]:
        return list(map(self._words.__getitem__, paragraph.split(" ")))


def wrapped_lines(text: str, column_width: float, *, bold: bool = False) -> int:
    """How many lines ``text`` wraps to in a column ``column_width`` characters wide."""
    return LineCounter().lines(text, column_width, bold=bold)


def _fits(paragraph: str, room: float) -> bool:
    """Whether ``paragraph`` fits on one line (by its length alone when that settles it)."""
    widest = WIDEST_ASCII if paragraph.isascii() else WIDEST
    if len(paragraph) * widest <= room:
        return True
    if len(paragraph) * NARROWEST > room:
        return False
    return text_width(paragraph) <= room


def _laid_out(widths: list[float], room: float) -> int:
    """Lines of one paragraph too wide for one line, laid out word by word."""
    space = _WIDTHS[" "]
    lines, used = 1, 0.0
    for width in widths:
        needed = width if used == 0 else used + space + width
        if needed <= room:
            used = needed
            continue
        if used > 0:
            lines += 1
        extra, used = divmod(width, room)  # a word longer than a line breaks anywhere
        lines += int(extra)
        if used == 0 and extra:
            lines -= 1
            used = room
    return lines
