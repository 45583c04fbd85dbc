"""Finding protected names and identifiers in free text, however they are typed (pure).

Every protected text is reduced to a *skeleton*: its letters and digits, folded to plain
lower-case ASCII ("Mary-Jane O’Neil" -> "maryjaneoneil", "07700 900123" -> "07700900123").
A text matches where consecutive whole words, joined only by the separators its kind allows
(for names: spaces, a hyphen, an apostrophe, a line break; for a phone number: spaces,
dashes, dots, brackets), spell a skeleton. So "Zoe", "ZOE", "Zoë" and "Zo\u200be" all match a
registered "Zoë"; "Mary Jane", "Mary-⏎Jane" and "MaryJane" match "Mary-Jane"; "+44 7700
900123" matches "07700 900123".

An ordinary word that is also a name ("Will", "Rose", "Hale") is a match only where it is
used as a name: capitalised (at the start of a sentence too, unless it opens a question
there as a word: "Will you…", "May I…"), after a title ("Mrs Hale"), or next to another
part of the same name.
A name glued by a bare hyphen or apostrophe to a capitalised word is part of another name
("Ann" in "Ann-Marie", "Neil" in "O'Neil") and is left alone. Where several registered
texts overlap, the leftmost wins, then the longest: a kept name ("Rita Hughes", a
professional) protects the shorter protected name inside it ("Rita").

The search itself runs in C: an Aho-Corasick automaton (pyahocorasick) over the text's
letters and digits run together; only its few hits are checked in Python.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import accumulate

import ahocorasick

from fftimeline.redaction.folding import Folded, fold
from fftimeline.redaction.readings import other_readings
from fftimeline.redaction.wordlists import (
    MONTHS,
    QUESTION_SUBJECTS,
    SENTENCE_OPENERS,
    TIME_WORDS,
    TITLES,
)

_SPLIT = re.compile(r"([a-z0-9]+)")


class TermKind(StrEnum):
    """What a protected text is: it decides which separators may split it."""

    NAME = "name"
    PLACE = "place"
    PHONE = "phone"
    VEHICLE = "vehicle"
    HANDLE = "handle"


_GAPS: dict[TermKind, re.Pattern[str]] = {
    TermKind.NAME: re.compile(r"[ \t]*(?:['\-/][ \t]*)?(?:\r?\n[ \t]*)?"),
    TermKind.PLACE: re.compile(r"[ \t,'\-]{0,3}(?:\r?\n[ \t]*)?"),
    TermKind.PHONE: re.compile(r"[ \t\-.()/+]{0,3}"),
    TermKind.VEHICLE: re.compile(r"[ \t\-.]{0,2}"),
    TermKind.HANDLE: re.compile(r"[ \t_\-.]{0,2}"),
}
_TITLE_GAP = re.compile(r"\.?[ \t]+|\.")
_GLUE = re.compile(r"['\-]\r?\n?")
_OPENING = " \t\"'“‘([«"


@dataclass(frozen=True)
class Term:
    """One registered text, protected (replaced by ``label``) or kept as it is.

    Attributes:
        raw: the text as registered ("Marcus Bell", "07700 900123").
        skeleton: its letters and digits, folded.
        kind: name, place or identifier.
        owner: who or what it belongs to, so two names of one person can be told apart
            from two people ("case 3, register item 7").
        label: what stands in for it ('an adult male'); '' for a kept text.
        aside: the label in brackets, used after a word it describes ("friend Kai").
        keep: never replaced (a professional, a name this audience may see).
        common: an ordinary word too ("Will"): replaced only where used as a name.
        role: the label is a role (a third party), not initials or a relationship.
        rank: which of two texts with the same skeleton wins (higher wins).
    """

    raw: str
    skeleton: str
    kind: TermKind
    owner: str
    label: str = ""
    aside: str = ""
    keep: bool = False
    common: bool = False
    role: bool = False
    rank: int = 0


@dataclass(frozen=True)
class Found:
    """A protected term found in a text, as a span of the original text."""

    start: int
    end: int
    term: Term


class _Words:
    """The words of one folded text and the gaps between them, for checking hits.

    Split once in C (`re.split` with a capturing group gives gaps and words in turn); word
    positions are worked out only when a hit needs them.
    """

    def __init__(self, folded: Folded) -> None:
        self.folded = folded
        pieces = _SPLIT.split(folded.text)
        self.words: list[str] = pieces[1::2]
        self.gaps: list[str] = pieces[0::2]  # gaps[k] stands before word k
        self.squeezed = "".join(self.words)

    def gap(self, k: int) -> str:
        """The folded text between word ``k`` and word ``k + 1``."""
        return self.gaps[k + 1]

    def span(self, k: int) -> tuple[int, int]:
        """Where word ``k`` stands in the folded text (summed in C; hits are few)."""
        start = sum(map(len, self.gaps[: k + 1])) + sum(map(len, self.words[:k]))
        return start, start + len(self.words[k])


class Matcher:
    """Finds registered terms in texts; built once per output, used for every text."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms: dict[str, Term] = {}
        for term in terms:
            if len(term.skeleton) < 2:
                continue
            held = self.terms.get(term.skeleton)
            if held is None or term.rank > held.rank:
                self.terms[term.skeleton] = term
        self._parts: dict[str, set[str]] = {}
        for term in self.terms.values():
            self._parts.setdefault(term.owner, set()).add(term.skeleton)
        self._automaton = ahocorasick.Automaton()
        for skeleton in self.terms:
            self._automaton.add_word(skeleton, skeleton)
        if self.terms:
            self._automaton.make_automaton()

    def relabel(self, labels: dict[str, str]) -> None:
        """Change labels (old -> new), e.g. a role label that itself quoted a name."""
        for skeleton, term in self.terms.items():
            if term.label in labels:
                new = labels[term.label]
                aside = f"({new})" if term.aside == f"({term.label})" else term.aside
                self.terms[skeleton] = replace(term, label=new, aside=aside)

    def find(self, text: str) -> list[Found]:
        """The protected terms in ``text``, leftmost-longest, not overlapping.

        A text that shows otherwise than it is stored (look-alike letters, a right-to-left
        override, markup: see `readings`) is read both ways.
        """
        if not self.terms or not text:
            return []
        found = self._find(text)
        for reading in other_readings(text):
            more = []
            for item in self._find(reading.text):
                start, end = reading.span_in_text(item.start, item.end)
                more.append(Found(start, end, item.term))
            found = _merge(found, more)
        return found

    def _find(self, text: str) -> list[Found]:
        ws = _Words(fold(text))
        hits = list(self._automaton.iter(ws.squeezed)) if ws.squeezed else []
        if not hits:
            return []
        cum = list(accumulate(map(len, ws.words), initial=0))
        candidates: list[tuple[int, int, Term]] = []
        for end, skeleton in hits:
            k = bisect_left(cum, end - len(skeleton) + 1)
            j = bisect_left(cum, end + 1) - 1
            if cum[k] != end - len(skeleton) + 1 or cum[j + 1] != end + 1:
                continue  # not whole words
            term = self.terms[skeleton]
            if not all(_GAPS[term.kind].fullmatch(ws.gap(i)) for i in range(k, j)):
                continue
            if (
                term.kind is TermKind.NAME
                and not term.keep
                and not self._used(text, ws, k, j, term)
            ):
                continue
            candidates.append((k, j, term))
        return self._choose(candidates, ws)

    def _choose(self, candidates: list[tuple[int, int, Term]], ws: _Words) -> list[Found]:
        """Leftmost first, then the longest; kept terms block but are not returned."""
        candidates.sort(key=lambda c: (c[0], c[0] - c[1], -len(c[2].skeleton), c[2].keep))
        found: list[Found] = []
        last = -1
        for k, j, term in candidates:
            if k <= last:
                continue  # inside a longer name, maybe one that stays ("Rita" in "Rita Hughes")
            last = j
            if not term.keep:
                start = ws.folded.start_in_original(ws.span(k)[0])
                end = ws.folded.end_in_original(ws.span(j)[1])
                found.append(Found(start, end, term))
        return found

    # Is this a use of the name? -----------------------------------------------------------
    def _used(self, text: str, ws: _Words, k: int, j: int, term: Term) -> bool:
        """False where the words are part of another name or an ordinary word."""
        if _glued(text, ws, k, j):
            return False
        if not term.common:
            return True
        return self._used_as_name(text, ws, k, j, term)

    def _used_as_name(self, text: str, ws: _Words, k: int, j: int, term: Term) -> bool:
        before = ws.words[k - 1] if k > 0 else ""
        after = ws.words[j + 1] if j + 1 < len(ws.words) else ""
        if before in TITLES and _TITLE_GAP.fullmatch(ws.gap(k - 1)):
            return True
        parts = self._parts.get(term.owner, set()) - {term.skeleton}
        name_gap = _GAPS[TermKind.NAME]
        if (before in parts and name_gap.fullmatch(ws.gap(k - 1))) or (
            after in parts and name_gap.fullmatch(ws.gap(j))
        ):
            return True
        if term.skeleton in MONTHS and (
            before.isdigit() or before in TIME_WORDS or after.isdigit()
        ):
            return False
        at = ws.folded.start_in_original(ws.span(k)[0])
        if not text[at].isupper():
            return False
        if term.skeleton in SENTENCE_OPENERS and (
            _sentence_start(text, at) or _shouting(text, ws, k, j)
        ):
            asks = after in QUESTION_SUBJECTS and not ws.gap(j).strip()
            return not asks  # "Will you…" asks; "Will rang" and "Will, her brother" are Will
        return True


def _merge(first: list[Found], second: list[Found]) -> list[Found]:
    """Both lists of finds, leftmost then longest, without overlaps."""
    merged: list[Found] = []
    for item in sorted(first + second, key=lambda f: (f.start, -f.end)):
        if not merged or item.start >= merged[-1].end:
            merged.append(item)
    return merged


def _glued(text: str, ws: _Words, k: int, j: int) -> bool:
    """Whether words k..j are joined by a bare hyphen or apostrophe to a capitalised word.

    "Ann" in "Ann-Marie" and "Neil" in "O'Neil" belong to another name. A possessive
    ("Bugsy's") and a lower-case word ("Bugsy-style") do not make a compound.
    """
    if k > 0 and _GLUE.fullmatch(ws.gap(k - 1)) and _capitalised(text, ws, k - 1):
        return True
    if j + 1 < len(ws.words) and _GLUE.fullmatch(ws.gap(j)):
        return ws.words[j + 1] != "s" and _capitalised(text, ws, j + 1)
    return False


def _capitalised(text: str, ws: _Words, k: int) -> bool:
    at = ws.folded.start_in_original(ws.span(k)[0])
    return at < len(text) and text[at].isupper() and ws.words[k].isalpha()


def _sentence_start(text: str, at: int) -> bool:
    """Whether ``at`` starts a sentence (after '.', '!', '?', ':', a line break, or nothing)."""
    before = text[:at].rstrip(_OPENING)
    return not before or before[-1] in ".!?:\n•"


def _shouting(text: str, ws: _Words, k: int, j: int) -> bool:
    """Whether the words and a neighbour are all in capitals ("HE WILL COME")."""
    s = ws.folded.start_in_original(ws.span(k)[0])
    e = ws.folded.end_in_original(ws.span(j)[1])
    if not text[s:e].isupper():
        return False
    for n in (k - 1, j + 1):
        if 0 <= n < len(ws.words):
            a = ws.folded.start_in_original(ws.span(n)[0])
            b = ws.folded.end_in_original(ws.span(n)[1])
            if len(text[a:b]) > 1 and text[a:b].isupper():
                return True
    return False
