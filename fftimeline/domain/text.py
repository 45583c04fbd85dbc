"""Folding text for comparison: case, apostrophes, dashes and spacing (domain layer, pure).

A name typed as "O'Neill" in the register may be pasted as "O’Neill" from a phone or a
word processor, or split over a line break. Redaction and the leak scan must treat all of
these as the same name, so both compare text through `fold`, and the redactor builds its
patterns with `flexible_pattern`.
"""

from __future__ import annotations

import re

APOSTROPHES = "'’‘ʼ`´′"
DASHES = "-‐‑‒–—−"
_TABLE = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(DASHES, "-")})
_SPACE = re.compile(r"\s+")
_APOSTROPHE_CLASS = "[" + re.escape(APOSTROPHES) + "]"
_DASH_CLASS = "[" + re.escape(DASHES) + "]"


def fold(text: str) -> str:
    """``text`` casefolded, with one kind of apostrophe and dash and single spaces."""
    return _SPACE.sub(" ", text.translate(_TABLE)).strip().casefold()


def flexible_pattern(term: str) -> str:
    """A regex for ``term`` that accepts any apostrophe, dash or run of white space."""
    out = []
    for part in _SPACE.split(term.strip()):
        chars = (
            _APOSTROPHE_CLASS if c in APOSTROPHES else _DASH_CLASS if c in DASHES else re.escape(c)
            for c in part
        )
        out.append("".join(chars))
    return r"\s+".join(out)
