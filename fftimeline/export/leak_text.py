"""The leak scan's own reading of text: tokens and skeletons (export layer, pure).

The leak scan must not share the redaction's folding (a miss there would be a miss here), so
it reads text its own way. Text is cut into *tokens*: runs of letters (with any combining
marks, zero-width characters and soft hyphens inside them, which real typing and pasting
leave in names) and runs of digits. Each token has a *skeleton*: what is left after

1. compatibility decomposition (NFKD: full-width letters, ligatures, and a precomposed "ë"
   becomes "e" plus a combining mark, as if typed that way);
2. case folding ("ZOE" and "zoe" alike);
3. mapping letters that have no decomposition ("ø" → "o", "ł" → "l", "æ" → "ae");
4. keeping letters and digits only, so combining marks and invisible characters go ("Zoë"
   typed either way, or with a zero-width space inside, is "zoe").

Between two tokens is a *separator*. A separator made only of spaces, line breaks, hyphens
and dashes, apostrophes, dots, underscores, commas and slashes is a *joiner*: the parts of a
name may be written with or without it ("Mary-Jane", "Mary Jane", "MaryJane", "Mary-⏎Jane").

Each step is a named function in `SKELETON_STEPS`, so a test can remove one and show that a
real-typing variant is then missed.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Callable

INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"
"""Soft hyphen and zero-width characters: typed or pasted inside words, never seen."""

_LETTERS = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ħ": "h",
        "ı": "i",
        "ŀ": "l",
        "ŧ": "t",
        "ƒ": "f",
        "ĸ": "k",
        "ŋ": "n",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
    }
)


def decompose(text: str) -> str:
    """Compatibility decomposition: 'Ｊａｙ' → 'Jay', 'ë' → 'e' + a combining mark."""
    return unicodedata.normalize("NFKD", text)


def fold_case(text: str) -> str:
    """Case folded: 'ZOE' → 'zoe', 'ß' → 'ss'."""
    return text.casefold()


def map_letters(text: str) -> str:
    """Letters without a decomposition spelt the way people type them without accents."""
    return text.translate(_LETTERS)


def keep_letters_and_digits(text: str) -> str:
    """Only the letters and digits: combining marks and invisible characters go."""
    return "".join(c for c in text if c.isalnum())


SKELETON_STEPS: list[Callable[[str], str]] = [
    decompose,
    fold_case,
    map_letters,
    keep_letters_and_digits,
]
"""The steps of `skeleton`, in order (a list so a test can take one out)."""


def skeleton(text: str) -> str:
    """The letters and digits of ``text``, accents stripped and case folded."""
    for step in SKELETON_STEPS:
        text = step(text)
    return text


def letters_only(text: str) -> str:
    """The skeleton of ``text`` without digits (for names)."""
    return "".join(c for c in skeleton(text) if not c.isdigit())


def digits_only(text: str) -> str:
    """The decimal digits of ``text``, in any script, as ASCII."""
    return "".join(str(unicodedata.digit(c)) for c in decompose(text) if c.isdecimal())


@functools.cache
def _mark_class() -> str:
    """A regex character class body of every combining mark and invisible character.

    Written as ranges of neighbouring code points: a class of single characters makes
    every match slow.
    """
    codes = [c for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c))]
    codes = sorted({*codes, *map(ord, INVISIBLE)})
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


@functools.cache
def token_pattern() -> re.Pattern[str]:
    """Tokens: letter runs (marks and invisible characters inside kept) or digit runs.

    The pattern has one group, so ``split`` gives separators and tokens in turn. It is
    written so that the common case (letters only) is one fast run.
    """
    marks = _mark_class()
    return re.compile(rf"([^\W\d_]+(?:[{marks}]+[^\W\d_]*)*|\d+)")


_ASCII_TOKEN = re.compile(r"([A-Za-z]+|\d+)")
"""`token_pattern` for a text of ASCII only, where it splits the same way twice as fast
(an ASCII text holds no combining mark or invisible character)."""

JOINER_CHARS = frozenset(
    " \t\n\r\f\v\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u2028\u2029"
    "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
    "'\u2019\u2018\u02bc`\u00b4\u2032"
    "._,/"
)
"""Characters that may stand between the parts of a name, or be left out."""

MAX_JOINER = 4
"""A longer separator ('Mary ... Jane') does not join two parts of a name."""


@functools.cache
def is_joiner(separator: str) -> bool:
    """Whether ``separator`` may join two parts of one name (the empty one does)."""
    return len(separator) <= MAX_JOINER and all(c in JOINER_CHARS for c in separator)


class Skeletons(dict[str, str]):
    """Skeletons of tokens met so far, for one scan (never kept beyond it)."""

    def __missing__(self, token: str) -> str:
        value = self[token] = skeleton(token)
        return value


def split_tokens(text: str) -> tuple[list[str], list[str]]:
    """``text`` as (tokens, separators): separators[i] comes before tokens[i].

    There is one more separator than tokens: the last one follows the last token.
    """
    pattern = _ASCII_TOKEN if text.isascii() else token_pattern()
    parts = pattern.split(text)
    return parts[1::2], parts[0::2]
