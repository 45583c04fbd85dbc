"""Other readings of a text: how it shows, when that differs from how it is stored (pure).

The matcher reads every text as stored. Some texts show otherwise, and a reader reads what
shows:

- *look-alike letters*: "Вugsy" with a Cyrillic В shows as "Bugsy" (see `lookalikes`);
- *a right-to-left override* (U+202E, up to U+202C or the end of the line) shows the letters
  inside it in reverse order: "\u202elleB sucraM\u202c" shows as "Marcus Bell";
- *markup* pasted from a web page or an e-mail is printed as it is, and a reader skips it:
  "Bu<b>gsy</b>" reads as "Bugsy".

Each reading has the same length as the text, so a match found in it is at the same place in
the text; a match that touches a reversed run stands for the whole run, controls included
(the run is replaced whole: a replacement inside it would show reversed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from fftimeline.redaction.lookalikes import to_latin

RLO, LRO, PDF = "\u202e", "\u202d", "\u202c"
_OVERRIDE = re.compile("\u202e([^\u202c\u202d\n]*)(?:\u202c|(?=\n)|$)")
_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,9}(?:\s[^<>\n]{0,80})?/?>")
_UNSEEN = "\u200b"
"""What markup becomes in a reading: a zero-width space, which folding drops."""


@dataclass(frozen=True)
class Reading:
    """The text as it shows, and the reversed runs in it (start, end: controls included)."""

    text: str
    runs: tuple[tuple[int, int], ...] = ()

    def span_in_text(self, start: int, end: int) -> tuple[int, int]:
        """Where a match of this reading stands in the text: a whole run if it touches one."""
        for a, b in self.runs:
            if start < b and end > a:
                start, end = min(start, a), max(end, b)
        return start, end


def other_readings(text: str) -> Iterator[Reading]:
    """The readings of ``text`` that differ from it (none for most texts)."""
    if text.isascii() and "<" not in text:
        return
    shown = _displayed(text)
    if shown is not None:
        yield shown
    for reading in (Reading(text), *([shown] if shown else [])):
        latin = to_latin(reading.text)
        if latin is not None:
            yield Reading(latin, reading.runs)


def _displayed(text: str) -> Reading | None:
    """Override runs reversed in place, markup made invisible; None if nothing changes."""
    runs: list[tuple[int, int]] = []
    chars = list(text)
    for run in _OVERRIDE.finditer(text):
        a, b = run.span(1)
        chars[a:b] = reversed(chars[a:b])
        runs.append(run.span())
    for tag in _MARKUP.finditer(text):
        chars[tag.start() : tag.end()] = _UNSEEN * (tag.end() - tag.start())
    shown = "".join(chars)
    return None if shown == text else Reading(shown, tuple(runs))
