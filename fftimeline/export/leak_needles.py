"""The leak scan's own needles: skeletons of every protected value (export layer, pure).

A protected value becomes one or more *needles*, each the skeleton (see `leak_text`) it must
not appear as:

- a person's full name, and each part of it of two letters or more ("Mary-Jane O'Neil":
  "maryjaneoneil", "maryjane", "oneil", "mary", "jane"); a courtesy title ("Mrs", "Miss",
  "Dr") is never a part, nor a particle after the first part ("de", "van", "al");
- a nickname, known-as name or withheld agency: only as a whole;
- a place: as a whole, and each line of its address but the town, with and without its
  house number ("41 Harbour Road", "Harbour Road");
- a vehicle: as a whole and every run of its words that looks like a number plate;
- a handle: letters and digits only ("@kdog_99" is "kdog99");
- a phone number: its digits without the leading 0 or +44 (see `phone_digits`).

A needle may be written in the text with or without separators between its parts: where
the registered value had a separator ("O'Neil", "T-Bone"), a one-letter part may stand
alone ("O Neil", "T Bone"); elsewhere only parts of two letters or more may be split
("Mac Donald" for "MacDonald", but never "J. O." for "Jo").

A name part that is also part of the name of the child or family this audience sees is not
a needle on its own (a sister's surname is the child's too); the full names still are.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from fftimeline.assets import resource_path
from fftimeline.export.leak_addresses import address_pieces
from fftimeline.export.leak_policy import OTHER_CASE, Protected, ValueKind
from fftimeline.export.leak_text import digits_only, skeleton

TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "master",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lady",
        "lord",
        "rev",
        "revd",
        "reverend",
        "fr",
        "pc",
        "dc",
        "ds",
        "di",
        "dci",
        "sgt",
        "insp",
        "cllr",
        "aunt",
        "auntie",
        "aunty",
        "uncle",
        "nan",
        "nana",
        "nanna",
        "gran",
        "grandad",
        "grandma",
    ]
)
"""Courtesy titles and family titles: never a name on their own; a name follows them."""

PARTICLES = frozenset(
    [
        "de",
        "da",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "du",
        "dos",
        "das",
        "bin",
        "ibn",
        "al",
        "el",
        "st",
    ]
)
"""Small words inside surnames ('de Souza'): not a needle on their own after the first part."""

MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


@functools.cache
def ordinary_words() -> frozenset[str]:
    """Names that are also ordinary English words (shipped data, see the file's notes)."""
    text = resource_path("leak_scan", "ordinary-words.txt").read_text("utf-8")
    words = {w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")}
    return frozenset(words | MONTHS)


@dataclass(frozen=True)
class Needle:
    """One skeleton a protected value must not appear as.

    Attributes:
        protected: the value and its description.
        whole: the whole value (never dropped for being shared with a visible person).
        ordinary: also an ordinary English word: counts only where used as a name.
        parts: skeletons of the other parts of the same name ('Hale, Will').
    """

    protected: Protected
    whole: bool
    ordinary: bool
    parts: frozenset[str] = frozenset()


@dataclass
class NeedleTable:
    """Needles by skeleton, with the prefixes a match may grow through."""

    needles: dict[str, Needle] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    splits: set[str] = field(default_factory=set)
    longest: int = 0

    def add(self, pieces: list[str], needle: Needle) -> None:
        """Add a needle written as ``pieces`` (the registered value's own parts)."""
        key = "".join(pieces)
        if len(key) < 2 or (key in self.needles and self.needles[key].whole):
            return
        self.needles[key] = needle
        self.longest = max(self.longest, len(key))
        self.prefixes.update(key[:n] for n in range(1, len(key) + 1))
        self.splits.update(key[:n] for n in _cumulative(pieces)[:-1])

    def may_split(self, prefix: str, before: str, after: str) -> bool:
        """Whether a match may continue from ``prefix`` across a break in the text."""
        return prefix in self.splits or (len(before) >= 2 and len(after) >= 2)


def _cumulative(pieces: list[str]) -> list[int]:
    total, out = 0, []
    for p in pieces:
        total += len(p)
        out.append(total)
    return out


_SEPARATED = re.compile(r"[\s\-\u2010-\u2015'\u2019\u2018.]+")


def pieces_of(text: str) -> list[str]:
    """The skeletons of the parts of ``text`` as registered, without empty ones."""
    return [s for s in (skeleton(p) for p in _SEPARATED.split(text)) if s]


def compile_needles(
    values: Iterable[Protected], family: Iterable[str], seen: Iterable[str] = ()
) -> NeedleTable:
    """Every needle of ``values``; parts shared with a visible ``family`` name are left out.

    So is a single word of another case's person that is a word of a name this audience
    sees in this case (``seen``: the key worker "Sam Okoro" and another case's "Sam").
    A one-word nickname that is an ordinary English word ("Boss", "Tiny") counts only where
    it is used as a name.
    """
    visible = {skeleton(w) for name in family for w in name.split()}
    here = {skeleton(w) for name in seen for w in name.split()}
    table = NeedleTable()
    for value in values:
        if value.kind is ValueKind.PHONE:
            continue
        for pieces, whole, parts in _needles_of(value):
            key = "".join(pieces)
            if (not whole and key in visible) or _seen_here(value, pieces, here):
                continue
            ordinary = len(pieces) == 1 and _ordinary(value, key)
            needle = Needle(value, whole, ordinary, parts)
            table.add(pieces, needle)
            if not ordinary and _plural_possessive(value, key):  # "the Bugsys' car"
                table.add([*pieces[:-1], pieces[-1] + "s"], needle)
    return table


def _seen_here(value: Protected, pieces: list[str], here: set[str]) -> bool:
    """Whether one word of another case's person is a word of a name seen in this case."""
    return value.description == OTHER_CASE and len(pieces) == 1 and pieces[0] in here


def _ordinary(value: Protected, key: str) -> bool:
    """Whether a one-piece needle is an ordinary word (a nickname: any English word)."""
    return key in ordinary_words() or (value.kind is ValueKind.WORD and key in english_words())


@functools.cache
def english_words() -> frozenset[str]:
    """Ordinary English words, for nicknames that are words (shipped data)."""
    text = resource_path("leak_scan", "english-words.txt").read_text("utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#"))


def _plural_possessive(value: Protected, key: str) -> bool:
    """Whether a name may also be written with an 's' and no apostrophe ('Bugsys')."""
    names = (ValueKind.PERSON, ValueKind.WORD)
    return value.kind in names and len(key) >= 4 and key + "s" not in ordinary_words()


def allowed_table(allowed: Iterable[str], places: Iterable[str] = ()) -> NeedleTable:
    """Visible names, whole and by word, and visible places in every form of `_place`.

    A longer one wins over a needle inside it.
    """
    table = NeedleTable()
    for name in allowed:
        person = Protected(name, ValueKind.PERSON, "")
        table.add(pieces_of(name), Needle(person, True, False))
        for word in name.split():
            table.add(pieces_of(word), Needle(person, True, False))
    for place in places:
        seen = Needle(Protected(place, ValueKind.PLACE, ""), True, False)
        for pieces, _, _ in _place(place):
            table.add(pieces, seen)
    return table


def _needles_of(value: Protected) -> Iterator[tuple[list[str], bool, frozenset[str]]]:
    match value.kind:
        case ValueKind.PERSON:
            yield from _person(value.value)
        case ValueKind.PLACE:
            yield from _place(value.value)
        case ValueKind.VEHICLE:
            yield from _vehicle(value.value)
        case _:
            yield pieces_of(value.value), True, frozenset()


def _person(name: str) -> Iterator[tuple[list[str], bool, frozenset[str]]]:
    words = [w for w in name.split() if skeleton(w) and skeleton(w) not in TITLES]
    words = [w for i, w in enumerate(words) if i == 0 or skeleton(w) not in PARTICLES]
    parts = frozenset(skeleton(w) for w in words)
    yield pieces_of(name), True, parts
    if len(words) == 1 and len(pieces_of(words[0])) == 1:
        yield pieces_of(words[0]), True, parts
        return
    for word in words:
        yield pieces_of(word), False, parts
        subs = [s for s in re.split(r"[\-\u2010-\u2015]+", word) if len(skeleton(s)) >= 2]
        for sub in subs if len(subs) > 1 else []:
            yield pieces_of(sub), False, parts


def _place(place: str) -> Iterator[tuple[list[str], bool, frozenset[str]]]:
    """The whole place, and each line of its address but the last (the town or area).

    'Flat 3, 41 Harbour Road, Saltmouth' is also '41 Harbour Road' and 'Harbour Road', but
    not 'Saltmouth' alone (a town is not the place) nor 'Flat 3' (too common to tell);
    '14 Larch Close' is also 'Larch Close', 'The Anchor Hotel' also 'Anchor Hotel'; its
    postcode and its street with any kind of street are too (`leak_addresses`).
    """
    yield pieces_of(place), True, frozenset()
    segments = [s.strip() for s in place.split(",")]
    for segment in segments[:-1] if len(segments) > 1 else segments:
        pieces = pieces_of(segment)
        while pieces and (pieces[0].isdigit() or pieces[0] == "the"):
            pieces = pieces[1:]
        if len([p for p in pieces if not p.isdigit()]) >= 2:
            yield pieces_of(segment), False, frozenset()
            yield pieces, False, frozenset()
    for pieces in address_pieces(place):
        yield pieces, False, frozenset()


_PLATE = re.compile(r"^(?=.*\d)(?=.*[^\W\d_])\w{5,8}$")


def _vehicle(vehicle: str) -> Iterator[tuple[list[str], bool, frozenset[str]]]:
    yield pieces_of(vehicle), True, frozenset()
    words = [skeleton(w) for w in vehicle.split()]
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            if _PLATE.match("".join(words[start:end])):
                yield words[start:end], False, frozenset()


def phone_digits(number: str) -> str:
    """The digits that identify a phone number however it is written.

    '07700 900123', '+44 7700 900123', '0044 7700 900123' and '(07700) 900 123' all give
    '7700900123': the national number without its trunk '0' or the UK's '+44'.
    """
    digits = digits_only(number)
    if digits.startswith("00"):
        digits = digits[2:]
    elif not number.lstrip().startswith("+"):
        return digits[1:] if digits.startswith("0") else digits
    if digits.startswith("44"):
        digits = digits[2:]
    return digits[1:] if digits.startswith("0") else digits
