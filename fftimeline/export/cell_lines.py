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

import functools

FONT_NAME = "Calibri"
"""The font every cell names: without a name, a spreadsheet program falls back to its own
default (LibreOffice prints a wide serif), and the widths below no longer hold."""
NARROW = frozenset("ijlI.,;:'!|`’‘ ")
SLIM = frozenset('frt()[]{}-/\\"“”')
WIDE = frozenset("mwMWOQDGHNU@%&")
BOLD_FACTOR = 1.08
"""Bold text is about this much wider."""
MARGIN = 0.9
"""The share of a column's width a line may fill (room for a wider font and cell padding)."""


@functools.cache
def char_width(char: str) -> float:
    """One character's width, in widths of the digit "0" (Calibri 11)."""
    if char in NARROW:
        return 0.45
    if char in SLIM:
        return 0.62
    if char in WIDE:
        return 1.45
    if char.isupper():
        return 1.1
    if char.isascii():
        return 0.95
    return 1.2  # accented or other scripts: allow for a wider glyph


def text_width(text: str, *, bold: bool = False) -> float:
    """The width of ``text`` on one line, in widths of the digit "0"."""
    width = sum(char_width(c) for c in text)
    return width * BOLD_FACTOR if bold else width


def wrapped_lines(text: str, column_width: float, *, bold: bool = False) -> int:
    """How many lines ``text`` wraps to in a column ``column_width`` characters wide."""
    room = max(column_width * MARGIN - 0.5, 1.0)
    space = text_width(" ", bold=bold)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split(" "):
            width = text_width(word, bold=bold)
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
