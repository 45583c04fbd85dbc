"""The short ways a registered place is written: its postcode and its street (pure).

"Flat 4, 27 Willow Street, Westbridge WB3 9QZ" is also written "WB3 9QZ" (or "WB39QZ"), and
"Willow St", "27 Willow Rd": the postcode and the street, with the usual abbreviations of
the kind of street (and a kind mistyped, which still points at the place), are parts of the
place. The street's own word alone ("Willow") is an ordinary word and the town alone is not
the place; neither is protected.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_POSTCODE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\b", re.IGNORECASE)
STREET_KINDS: dict[str, tuple[str, ...]] = {
    "street": ("st",),
    "road": ("rd",),
    "avenue": ("ave", "av"),
    "lane": ("ln",),
    "close": ("cl",),
    "drive": ("dr", "drv"),
    "court": ("ct",),
    "crescent": ("cres", "cr"),
    "place": ("pl",),
    "terrace": ("terr", "ter"),
    "gardens": ("gdns",),
    "grove": ("gr", "gro"),
    "square": ("sq",),
    "parade": ("pde",),
    "park": ("pk",),
    "green": ("grn",),
    "way": (),
    "walk": (),
    "mews": (),
    "row": (),
    "hill": (),
}
"""Kinds of street and their usual abbreviations (Royal Mail's and everyday ones)."""
_KIND_OF = {word: kind for kind, short in STREET_KINDS.items() for word in (kind, *short)}
_STREET = re.compile(
    r"^(?:(?P<number>\d+[a-z]?)\s+)?(?P<name>(?:[^\W\d_][\w'’.-]*\s+){1,3})(?P<kind>\w+)\.?$"
)


def postcodes(place: str) -> list[str]:
    """The postcodes in a place, as 'WB3 9QZ'."""
    return [f"{a.upper()} {b.upper()}" for a, b in _POSTCODE.findall(place)]


def street_forms(place: str) -> Iterator[str]:
    """Each street of the place with every kind of street ('Willow St', '27 Willow Rd'…)."""
    for line in place.split(","):
        found = _STREET.match(line.strip())
        if found is None or found.group("kind").lower() not in _KIND_OF:
            continue
        name = found.group("name").strip()
        numbers = ("", f"{found.group('number')} ") if found.group("number") else ("",)
        for kind, short in STREET_KINDS.items():
            for word in (kind, *short):
                for number in numbers:
                    yield f"{number}{name} {word.title()}"
