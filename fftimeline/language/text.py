"""Reading a text once before the rules run: sentences, words, quotes (language layer, pure).

Every position here is a position in the text as typed, so findings underline exactly the
words the key worker wrote. Curly apostrophes and dashes are made straight one character
for one character, so "can’t" and "can't", "risk–taking" and "risk-taking" match alike
without moving anything.

Quotes: the child's or a parent's own words are evidence and must stay as they were said.
Double quotes (" “ ” « ») and single quotes (' ‘ ’) are paired at word edges, so the
apostrophes in "she's" and "Jones' car" are not taken for quotes; a quote left open ends
at the end of its sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from fftimeline.domain.text import APOSTROPHES, DASHES

_STRAIGHTEN = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(DASHES, "-")})
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s|$)|\n\s*")
_WORD = re.compile(r"\w+")
_PAIRS = {"“": "”", "«": "»", "‘": "’", '"': '"', "'": "'"}


def straighten(text: str) -> str:
    """``text`` with one kind of apostrophe and dash; the same length, position for position."""
    return text.translate(_STRAIGHTEN)


@dataclass(frozen=True)
class Sentence:
    """One sentence: where it starts and ends in the text."""

    start: int
    end: int


def _sentences(text: str) -> list[Sentence]:
    found: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > start and text[start : match.end()].strip():
            found.append(Sentence(start, match.end()))
        start = match.end()
    if text[start:].strip():
        found.append(Sentence(start, len(text)))
    return found


def _opens(text: str, i: int) -> bool:
    """Whether the quote mark at ``i`` can open a quote (at the start of a word)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not (before.isalnum() or before in "'’") and not after.isspace()


def _closes(text: str, i: int) -> bool:
    """Whether the quote mark at ``i`` can close a quote (at the end of a word)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


_QUOTE_MARK = re.compile("[\"'“”‘’«»]")


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[int]]:
    """Paired quotes in one paragraph, and where the quotes left open begin."""
    spans: list[tuple[int, int]] = []
    waiting: dict[str, int] = {}  # the closing mark we wait for -> where the quote begins
    for mark in _QUOTE_MARK.finditer(text, start, end):
        i, char = mark.start(), mark.group()
        if char in waiting and _closes(text, i):
            spans.append((waiting.pop(char), i))
        elif char in _PAIRS and _opens(text, i):
            waiting.setdefault(_PAIRS[char], i + 1)
    return spans, list(waiting.values())


def _quote_spans(text: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Spans of quoted words, without the marks.

    Quotes pair up within a paragraph; a quote left open ends at the end of its sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        end = start + len(paragraph)
        paired, left_open = _paragraph_quotes(text, start, end)
        spans += paired
        for begin in left_open:
            stop = next((s.end for s in sentences if s.start <= begin < s.end), end)
            spans.append((begin, min(stop, end)))
        start = end + 1
    return sorted(spans)


class PreparedText:
    """A text read once: straightened, its words listed; split into sentences only if needed.

    Attributes:
        original: the text as typed.
        text: the same text with straight apostrophes and dashes (same positions).
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = straighten(original)

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word of the text, in lower case."""
        lowered = self.text.lower()
        if len(lowered) != len(self.text):  # a rare letter changed length: fold word by word
            return frozenset(w.casefold() for w in _WORD.findall(self.text))
        return frozenset(_WORD.findall(lowered))

    @cached_property
    def word_starts(self) -> dict[str, list[int]]:
        """Each word (lower case) and where it starts, in order."""
        lowered = self.text.lower()
        fold = len(lowered) != len(self.text)
        index: dict[str, list[int]] = defaultdict(list)
        for match in _WORD.finditer(self.text if fold else lowered):
            word = match.group()
            index[word.casefold() if fold else word].append(match.start())
        return index

    def starts_of(self, words: frozenset[str], prefixes: frozenset[str]) -> list[int]:
        """Where the words (or words beginning with the prefixes) start, in order."""
        index = self.word_starts
        found = [at for w in words for at in index.get(w, ())]
        for prefix in prefixes:
            found += [at for w, starts in index.items() if w.startswith(prefix) for at in starts]
        return sorted(set(found))

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The sentences, in order."""
        return _sentences(self.text)

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """Spans inside quote marks."""
        if not any(c in self.original for c in "\"'“”‘’«»"):
            return []
        return _quote_spans(self.original, self.sentences)

    def quoted(self, start: int, end: int) -> bool:
        """Whether the words from ``start`` to ``end`` lie inside one quote."""
        return any(q_start <= start and end <= q_end for q_start, q_end in self.quotes)

    def sentence_of(self, position: int) -> int:
        """The number of the sentence holding ``position``."""
        return max(bisect_right(self._starts, position) - 1, 0)
