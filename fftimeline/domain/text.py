"""Patterns for typed text: any apostrophe, dash or spacing (domain layer, pure).

A phrase the key worker hides by hand ("O'Neill's car") may be stored as typed and appear
with "O’Neill" pasted from a phone, or split over a line break; `flexible_pattern` finds it
however it is written.
"""

from __future__ import annotations

import re

APOSTROPHES = "'’‘ʼ`´′"
DASHES = "-‐‑‒–—−"
_SPACE = re.compile(r"\s+")
_APOSTROPHE_CLASS = "[" + re.escape(APOSTROPHES) + "]"
_DASH_CLASS = "[" + re.escape(DASHES) + "]"


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
