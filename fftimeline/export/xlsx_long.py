"""Texts longer than a spreadsheet cell holds go on in the next rows (export layer, pure).

A spreadsheet cell holds at most 32,767 characters; a program opening the file cuts the
rest without a word. So an entry whose text is longer is written as several rows: the first
with every field, each text cut between words and ending "[continues in the next row]",
then rows that hold only the rest, each starting "[continued]", under the same date marked
"(continued)". Every row belongs to the same entry (the leak scan reads each), and the
summary counts the entry once (it is given the entries, not the rows).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fftimeline.export.xlsx import ChronologyRow

CELL_LIMIT = 32_767
"""Characters a spreadsheet cell holds."""
CONTINUES = "[continues in the next row]"
CONTINUED = "[continued] "
_ROOM = CELL_LIMIT - len(CONTINUES) - len(CONTINUED) - 8  # marks, a formula guard, a break
_TEXTS = ("what_happened", "source", "action_or_outcome", "family_view", "grading")


def rows_that_fit(rows: list[ChronologyRow]) -> list[ChronologyRow]:
    """``rows``, each too long for a cell written as several rows."""
    out: list[ChronologyRow] = []
    for row in rows:
        out += _split(row) if any(len(getattr(row, f)) > _ROOM for f in _TEXTS) else [row]
    return out


def _split(row: ChronologyRow) -> list[ChronologyRow]:
    pieces = {f: _pieces(getattr(row, f)) for f in _TEXTS}
    out = []
    for n in range(max(len(p) for p in pieces.values())):
        first = n == 0
        out.append(
            replace(
                row,
                date_words=row.date_words if first else f"{row.date_words} (continued)",
                nature=row.nature if first else "",
                impact=row.impact if first else "",
                significance=row.significance if first else "",
                what_happened=_marked(pieces["what_happened"], n),
                source=_marked(pieces["source"], n),
                action_or_outcome=_marked(pieces["action_or_outcome"], n),
                family_view=_marked(pieces["family_view"], n),
                grading=_marked(pieces["grading"], n),
            )
        )
    return out


def _marked(pieces: list[str], n: int) -> str:
    if n >= len(pieces):
        return ""
    text = pieces[n]
    if n > 0:
        text = CONTINUED + text
    return f"{text}\n{CONTINUES}" if n + 1 < len(pieces) else text


def _pieces(text: str) -> list[str]:
    """``text`` cut between words into pieces of at most `_ROOM` characters."""
    pieces = []
    while len(text) > _ROOM:
        cut = text.rfind(" ", 0, _ROOM)
        cut = cut if cut > _ROOM // 2 else _ROOM  # one very long word: cut inside it
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*pieces, text]
