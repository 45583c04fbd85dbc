"""The leak scan's other readings of a text: as it shows, not as stored (export layer, pure).

A protected name can be written so that it reads as the name but is spelt otherwise:

- *look-alike letters* from other alphabets: "Вugsy" with a Cyrillic В, "Μarcus" with a
  Greek Μ, "ʙᴜɢꜱʏ" in small capitals. `lookalike_letters` writes each as the Latin letter it
  looks like, from the scan's own table (``resources/leak_scan/lookalikes.txt``, from
  Unicode's confusables data; a look-alike of a capital stays a capital);
- *styled letters* that are symbols, not letters, so they are not even read as words:
  regional indicators ("🇧🇺🇬🇸🇾"), circled and squared letters ("Ⓑⓤⓖⓢⓨ", "🅱").
  `styled_to_letters` writes each as its letter, found by its Unicode name.

Both write one character for one, so a word read this way stands at the same place as the
word written, and a finding shows the text as written.

- *a right-to-left override* (U+202E up to U+202C, or the end of the line) shows the letters
  inside in reverse order ("\u202elleB\u202c" shows as "Bell"), and *markup* pasted from a web
  page is printed as it is and skipped by a reader ("Bu<b>gsy</b>"). `as_displayed` gives the
  text as a reader reads it; a finding there shows the text so read. The scan reads look-alikes as a
second reading beside the plain one, never instead of it: a name written in Cyrillic is
still found as written.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from fftimeline.assets import resource_path

_OVERRIDE = re.compile("\u202e([^\u202c\n]*)(?:\u202c|$)", re.MULTILINE)
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_STYLED_NAME = re.compile(
    r"(?:REGIONAL INDICATOR SYMBOL LETTER|LATIN (?:CAPITAL|SMALL) LETTER) ([A-Z])"
)
_STYLED_BLOCKS = ((0x2460, 0x2500), (0x1F100, 0x1F200))
"""Enclosed alphanumerics and their supplement: circled, squared, regional indicators."""


@functools.cache
def _lookalikes() -> dict[int, str]:
    table: dict[int, str] = {}
    text = resource_path("leak_scan", "lookalikes.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            latin, chars = line.split(" ", 1)
            table.update({ord(c): latin for c in chars.strip()})
    return table


@functools.cache
def _styled() -> dict[int, str]:
    table: dict[int, str] = {}
    for first, end in _STYLED_BLOCKS:
        for code in range(first, end):
            name = unicodedata.name(chr(code), "")
            found = _STYLED_NAME.search(name)
            if found and unicodedata.category(chr(code)) == "So":
                small = "SMALL LETTER" in name
                table[code] = found.group(1).lower() if small else found.group(1)
    return table


def lookalike_letters(text: str) -> str:
    """``text`` with letters that look Latin written as the Latin letter ('Вugsy' → 'Bugsy')."""
    return text if text.isascii() else text.translate(_lookalikes())


def styled_to_letters(text: str) -> str:
    """``text`` with letter symbols written as letters ('🇧🇺' → 'BU', 'Ⓑⓤ' → 'Bu')."""
    return text if text.isascii() else text.translate(_styled())


def as_displayed(text: str) -> str:
    """``text`` as a reader sees it: override runs reversed, direction controls and markup gone."""
    if text.isascii() and "<" not in text:
        return text
    shown = _OVERRIDE.sub(lambda run: run.group(1)[::-1], text)
    return _MARKUP.sub("", _DIRECTION.sub("", shown))
