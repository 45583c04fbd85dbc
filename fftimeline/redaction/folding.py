"""Folding text to plain lower-case ASCII while remembering where each letter came from.

Names are typed in many ways: "Zoë", "Zoe", "ZOE", "Zoe" with a combining diaeresis, a
zero-width space or a soft hyphen inside, "Łukasz" as "Lukasz", "ｊａｙ" in full-width
letters. `fold` turns a text into one comparable form (transliterated to ASCII by
`anyascii`, lower case, invisible characters dropped) and keeps, for every folded
character, the index of the original character it came from, so a match found in the
folded text can be replaced in the text the key worker wrote.

Most texts are plain ASCII, or need only one-for-one changes (curly apostrophes, accented
letters): those take a fast path in C (`str.lower`, `str.translate`) with no offset table.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """One character folded: ASCII lower case; '' for marks and invisible characters."""
    if ch.isascii():
        return ch.lower()
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return ""  # combining marks, zero-width spaces and joiners, soft hyphen
    return anyascii(ch).lower()


class _OneForOne(dict[int, str]):
    """A `str.translate` table that folds characters whose folded form is one character.

    Characters that fold to nothing or to several letters ('ß' -> 'ss') map to themselves,
    so the result stays non-ASCII and `fold` takes its slow path, which keeps offsets.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = fold_char(ch)
        value = folded if len(folded) == 1 else ch
        self[code] = value
        return value


_TABLE = _OneForOne()


@dataclass(frozen=True)
class Folded:
    """A folded text and where its characters came from.

    Attributes:
        text: the folded text (ASCII, lower case).
        origin: for each character of ``text``, the index of the original character it
            came from; None when they are the same (the fast path).
        length: the length of the original text.
    """

    text: str
    origin: tuple[int, ...] | None
    length: int

    def start_in_original(self, i: int) -> int:
        """Where the folded character ``i`` starts in the original text."""
        if self.origin is None:
            return i
        return self.origin[i] if i < len(self.origin) else self.length

    def end_in_original(self, i: int) -> int:
        """Where a folded span ending (exclusively) at ``i`` ends in the original text.

        Marks and invisible characters that follow the last letter belong to it.
        """
        if self.origin is None:
            return i
        return self.origin[i] if i < len(self.origin) else self.length


def fold(text: str) -> Folded:
    """``text`` folded for matching, with a map back to the original characters."""
    if text.isascii():
        return Folded(text.lower(), None, len(text))
    quick = text.translate(_TABLE)
    if quick.isascii():
        return Folded(quick, None, len(text))
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        out.append(folded)
        origin.extend([i] * len(folded))
    return Folded("".join(out), tuple(origin), len(text))


def skeleton(text: str) -> str:
    """Letters and digits only, folded: 'Mary-Jane O’Neil' -> 'maryjaneoneil'."""
    return "".join(_TOKEN.findall(fold(text).text))


def words(text: str) -> list[str]:
    """The folded words (runs of letters and digits) of ``text``."""
    return _TOKEN.findall(fold(text).text)
