"""The independent leak scan: protected values in an output's text (export layer, pure).

The redaction replaces protected text; this scan proves, on what is actually written, that
nothing protected is left. It shares nothing with the redaction: it reads the policy itself
(`leak_policy`), makes its own skeletons (`leak_text`, `leak_needles`) and matches them its
own way (`leak_match`, `leak_content`), so a miss of the redaction is not a miss here.

It is format-independent: an adapter per format (`leak_xlsx`, `leak_pdf`) turns a file
into `TextUnit`s, each with where it is in plain words, the entry it belongs to when
the writer says so, and, for the document's own words (headings, "Page 1 of 3", the key
worker's name on the cover, the audience's label), the exact text the writer put there.
Such a unit is passed over only when its text is exactly that: the document's own words are
excluded by position, never by word, and anything else in their place is scanned.

Names that are also ordinary English words ("Will", "Rose", "Hale", "June") count only where
they are used as names: capitalised mid-sentence, after a title, beside another part of the
name, possessive or quoted, and never next to a number ("June 2025"). The rule, and what it
costs, is set out in `leak_match`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from fftimeline.export.leak_content import (
    ShownText,
    compile_content,
    find_content,
    occurrences,
)
from fftimeline.export.leak_match import UNIT_BREAK, Match, Stream, longest_at, used_as_name
from fftimeline.export.leak_needles import (
    NeedleTable,
    allowed_table,
    compile_needles,
    phone_digits,
)
from fftimeline.export.leak_policy import LEFT_OUT, NOT_GOING, Protection, ValueKind
from fftimeline.export.leak_readings import (
    as_displayed,
    lookalike_letters,
    styled_to_letters,
)
from fftimeline.export.leak_text import Skeletons, digits_only, split_tokens

FILE_NAME = "the file name"


class TextUnit(NamedTuple):
    """One piece of an output's text and where it is (a tuple: outputs have many).

    Attributes:
        text: the text as written.
        place: where it is, in plain words ("what happened", "the cover sheet").
        entry_id: the entry it belongs to, when the writer says so.
        expected: for the document's own words, the exact text the writer put there.
    """

    text: str
    place: str
    entry_id: int | None = None
    expected: str | None = None


def file_name_unit(file_name: str) -> TextUnit:
    """The file name as a unit, without its extension and the random part of a default name.

    'chronology-strategy-meeting-2025-06-01-3fa9c1.xlsx' is scanned as
    'chronology-strategy-meeting-2025-06-01' (and a PDF's name alike): six to eight hex
    digits at the end are the random part, not a value that could be protected.
    """
    stem = re.sub(r"\.(?:xlsx|pdf)$", "", file_name, flags=re.IGNORECASE)
    return TextUnit(re.sub(r"[-_][0-9a-f]{6,8}$", "", stem), FILE_NAME)


@dataclass(frozen=True)
class Hit:
    """One protected value found in an output."""

    value: str
    description: str
    place: str
    entry_id: int | None = None


_DIGIT_RUN = re.compile(r"\+?\d(?:[\s().\-/+]{0,3}\d){5,}")
MIN_PHONE = 6
"""A registered number with fewer digits is only found as a whole run of digits."""


class LeakScanner:
    """Everything one output must not show, compiled once, to scan any number of units."""

    def __init__(self, protection: Protection) -> None:
        self.protection = protection
        self.names = compile_needles(protection.values, protection.family, protection.allowed)
        self.allowed = allowed_table(protection.allowed, protection.places_seen)
        self.phones = {
            phone_digits(v.value): v for v in protection.values if v.kind is ValueKind.PHONE
        }
        self.skeletons = Skeletons()
        self.content = compile_content(protection.content, self.skeletons)

    def scan(self, units: Sequence[TextUnit]) -> list[Hit]:
        """Every protected value in ``units``; [] means nothing protected is there."""
        live = [u for u in units if u.text and (u.expected is None or u.text != u.expected)]
        by_text: dict[str, list[TextUnit]] = {}
        for unit in live:
            by_text.setdefault(unit.text, []).append(unit)
        texts = list(by_text)
        stream = _stream(texts, self.skeletons)
        found = _Found(stream, texts)
        self._every_reading(stream, found)
        shown = [as_displayed(t) for t in texts]
        if shown != texts:  # reversed runs or markup: read as a reader sees them
            found_shown = _Found(_stream(shown, self.skeletons), texts)
            self._every_reading(found_shown.stream, found_shown)
            found.items += found_shown.items
        self._phones(UNIT_BREAK.join(texts), found)
        self._content(stream, found, by_text)
        hits = [
            Hit(value, what, u.place, u.entry_id)
            for text_index, value, what in found.items
            for u in by_text[texts[text_index]]
        ]
        hits += self._entries_not_going(live)
        return list(dict.fromkeys(hits))

    def _every_reading(self, stream: Stream, found: _Found) -> None:
        """Names in ``stream`` as read, and again with look-alike letters read as Latin."""
        self._names(stream, found)
        lookalike = _lookalike_stream(stream, self.skeletons)
        if lookalike is not None:
            self._names(lookalike, found)

    def _names(self, stream: Stream, found: _Found) -> None:
        table = self.names
        starts = {s for s in set(stream.skeletons) if _may_start(table, s)}
        reach = -1  # the last token of the last match: a part inside it is not found again
        for i in (i for i, s in enumerate(stream.skeletons) if s in starts):
            match = longest_at(stream, table, i)
            if match is None or match.last <= reach or not used_as_name(stream, match):
                continue
            if not self._visible(stream, match):
                reach = match.last
                found.add(match.first, stream.text(match.first, match.last), match)

    def _visible(self, stream: Stream, match: Match) -> bool:
        """Whether a longer name this audience may see covers the match ('Ann-Marie')."""
        for k in range(max(0, match.first - 3), match.first + 1):
            seen = longest_at(stream, self.allowed, k)
            if seen is None or seen.first > match.first or seen.last < match.last:
                continue
            if seen.first < match.first or seen.last > match.last:
                return True
        return False

    def _phones(self, joined: str, found: _Found) -> None:
        if not self.phones:
            return
        for run in _DIGIT_RUN.finditer(joined):
            digits = digits_only(run.group())
            for number, value in self.phones.items():
                if number in digits if len(number) >= MIN_PHONE else number == digits:
                    found.add_at(run.start(), run.group().strip(), value.description)

    def _content(self, stream: Stream, found: _Found, by_text: dict[str, list[TextUnit]]) -> None:
        shown = ShownText(self.protection, self.skeletons)
        for hit in find_content(stream, self.content):
            units = by_text[found.texts[found.unit_of(hit.first)]]
            entries = [u.entry_id for u in units[:3] if u.entry_id is not None]
            words = tuple(stream.skeletons[hit.first : hit.last + 1])
            if shown.says(words, entries):
                continue
            for first in {hit.first, *occurrences(stream, words)}:  # every place it is in
                last = first + len(words) - 1
                found.add(first, stream.text(first, last), LEFT_OUT)

    def _entries_not_going(self, units: Sequence[TextUnit]) -> Iterator[Hit]:
        seen: set[int] = set()
        for unit in units:
            entry = unit.entry_id
            if entry in self.protection.not_going and entry not in seen and unit.text.strip():
                seen.add(entry)
                yield Hit(unit.text, NOT_GOING, unit.place, entry)


def _may_start(table: NeedleTable, token: str) -> bool:
    """Whether a match could start at a token with this skeleton (a cheap first sieve)."""
    if token in table.needles or token in table.splits:
        return True
    return len(token) >= 2 and token in table.prefixes


def _stream(texts: list[str], skeletons: Skeletons) -> Stream:
    """The texts as tokens, letter symbols ('🇧🇺', 'Ⓑ') read as the letters they show."""
    joined = UNIT_BREAK.join(texts)
    readable = styled_to_letters(joined)
    tokens, separators = split_tokens(readable)
    written = _as_written(joined, tokens, separators) if readable != joined else None
    return Stream(tokens, [skeletons[t] for t in tokens], separators, written)


def _lookalike_stream(stream: Stream, skeletons: Skeletons) -> Stream | None:
    """The stream read a second time, look-alike letters as Latin ('Вugsy'); None if none."""
    if "".join(stream.tokens).isascii():  # most exports: no letter can look like another
        return None
    tokens = [lookalike_letters(t) for t in stream.tokens]
    if tokens == stream.tokens:
        return None
    written = stream.written or stream.tokens
    return Stream(tokens, [skeletons[t] for t in tokens], stream.separators, written)


def _as_written(joined: str, tokens: list[str], separators: list[str]) -> list[str]:
    """The tokens as written in ``joined`` (read one character for one, so same places)."""
    written, at = [], 0
    for separator, token in zip(separators, tokens, strict=False):
        at += len(separator)
        written.append(joined[at : at + len(token)])
        at += len(token)
    return written


class _Found:
    """Hits by the distinct text they are in, found by token or by character offset."""

    def __init__(self, stream: Stream, texts: list[str]) -> None:
        self.stream = stream
        self.texts = texts
        self.items: list[tuple[int, str, str]] = []
        self._tokens: list[int] | None = None
        self._units: list[int] = []
        self._offsets: list[int] | None = None

    def add(self, token: int, value: str, what: Match | str) -> None:
        """A hit at token index ``token``."""
        description = what if isinstance(what, str) else what.needle.protected.description
        self.items.append((self.unit_of(token), value, description))

    def add_at(self, offset: int, value: str, description: str) -> None:
        """A hit at character ``offset`` of the joined texts."""
        if self._offsets is None:
            lengths = (len(t) + len(UNIT_BREAK) for t in self.texts)
            self._offsets = list(itertools.accumulate(lengths))
        self.items.append((bisect.bisect_right(self._offsets, offset), value, description))

    def unit_of(self, token: int) -> int:
        """Which distinct text token ``token`` is in."""
        if self._tokens is None:
            seps = self.stream.separators
            self._tokens = [i for i, s in enumerate(seps) if UNIT_BREAK in s]
            self._units = list(
                itertools.accumulate(seps[i].count(UNIT_BREAK) for i in self._tokens)
            )
        where = bisect.bisect_right(self._tokens, token)
        return self._units[where - 1] if where else 0
