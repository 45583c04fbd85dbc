"""Where a writer put what, for the leak scan (export layer, pure).

The writer knows which positions of its output hold which entry's which field, and which
hold the document's own words (headings, labels, the marking, "Page &P of &N", the key
worker's name as author, the audience's label) and exactly what those say. It tells the
leak scan through a `Layout`, so the scan can excuse the document's own words *by
position*: a position is passed over only when its text is exactly what the writer said.

Positions are plain keys: ``"Cover!A2"`` (a cell), ``"Cover!oddFooter.right"`` (a part of
a header or footer), ``"sheet 1"`` (the first sheet's name), ``"properties:title"``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field


@dataclass
class Layout:
    """What the writer says is where.

    Attributes:
        own: the document's own words: position → the exact text put there.
        entries: position → (entry id, the field's heading, e.g. "What happened").
    """

    own: dict[str, str] = field(default_factory=dict)
    entries: dict[str, tuple[int, str]] = field(default_factory=dict)

    def cell(self, sheet: str, row: int, column: int) -> str:
        """The position key of a cell ('Cover', 2, 1 → 'Cover!A2')."""
        return f"{sheet}!{column_letter(column)}{row}"


def column_letter(column: int) -> str:
    """'A' for 1, 'Z' for 26, 'AA' for 27."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@functools.cache
def field_place(heading: str) -> str:
    """A field's heading as a place in words: 'What happened' → 'what happened'.

    Every writer names an entry's fields this way, so the spreadsheet and the printed
    document report a finding in the same words.
    """
    words = heading.lower()
    return words if words.startswith(("what", "how")) else f"the {words}"
