"""The leak scan's needles for the short ways a place is written (export layer, pure).

A registered place ("Flat 4, 27 Willow Street, Westbridge WB3 9QZ") is also written by its
postcode alone ("WB3 9QZ", "WB39QZ") and by its street with the kind of street shortened or
even mistyped ("Willow St", "27 Willow Rd"). These are needles of the place. The street's own
word alone ("Willow") and the town are not.

Needles are given as pieces: runs of letters and runs of digits, so a postcode may be written
with or without its space ("WB3 9QZ" is the pieces wb, 3, 9, qz).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fftimeline.export.leak_text import skeleton

_KINDS_OF_STREET = """
street st | road rd | avenue ave av | lane ln | close cl | drive dr drv | court ct
crescent cres cr | place pl | terrace terr ter | gardens gdns | grove gr gro | square sq
parade pde | park pk | green grn | way | walk | mews | row | hill
"""
"""Kinds of street, each with its usual abbreviations (a group between bars)."""
KINDS = frozenset(_KINDS_OF_STREET.replace("|", " ").split())
_UK_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}(?![A-Za-z0-9])"
)
_RUNS = re.compile(r"[a-z]+|\d+")


def address_pieces(place: str) -> Iterator[list[str]]:
    """The postcode and the streets of ``place`` in every kind of street, as pieces."""
    for code in _UK_POSTCODE.findall(place):
        yield _RUNS.findall(" ".join(skeleton(part) for part in code.split()))
    for segment in place.split(","):
        words = [skeleton(w) for w in segment.split()]
        while words and words[0][:1].isdigit():
            words = words[1:]  # the house number
        if len(words) >= 2 and words[-1] in KINDS and all(words[:-1]):
            for kind in sorted(KINDS):
                yield [*words[:-1], kind]
