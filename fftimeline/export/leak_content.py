"""Finding protected recorded text in the output (export layer, pure; policy rule 7).

Protected text (an entry left out, a field the audience does not see, a span hidden by
hand) is compared word by word, each word by its skeleton, so case, accents and spacing
do not hide it. A long text is cut into runs of `RUN` words, each looked for in the output
at every `STRIDE`-th word, so any `RUN` + `STRIDE` - 1 (8) or more words copied out of a
longer account are caught (looking at every other word halves the cost). A shorter text
counts as a whole when it has at least `MIN_WORDS` words (shorter ones are not
distinctive: "Phone call"); a span hidden by hand counts however short, since the key
worker chose it.

The same words are not a leak where an entry that goes legitimately says them: judged on
the *recorded* text of those entries in the fields the audience sees, less the spans
hidden by hand, never on the output itself, so a leak cannot excuse itself and a hidden
span is never excused by its own entry. The summary runs on into the next field shown (the
account, printed after it as one text). A lone "s" (a possessive the redaction writes after
a replaced name) is left out of that comparison on both sides.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from fftimeline.export.leak_match import UNIT_BREAK, Stream
from fftimeline.export.leak_policy import ContentText, Protection
from fftimeline.export.leak_text import Skeletons, split_tokens

RUN = 7
"""Words in a run of a long protected text."""

STRIDE = 2
"""The output's runs are taken at every STRIDE-th word."""

MIN_WORDS = 3
"""Fewest words a short protected text must have to count (spans hidden by hand: any)."""

Words = tuple[str, ...]


def words_of(text: str, skeletons: Skeletons) -> Words:
    """The skeletons of the words of ``text``."""
    return tuple([s for t in split_tokens(text)[0] if (s := skeletons[t])])


def words_of_each(texts: list[str], skeletons: Skeletons) -> list[Words]:
    """`words_of` of each text, read in one pass (many short texts cost less together)."""
    if not texts:
        return []
    tokens, separators = split_tokens(UNIT_BREAK.join(texts))
    out: list[Words] = []
    current: list[str] = []
    for token, before in zip(tokens, separators, strict=False):
        for _ in range(before.count(UNIT_BREAK)):
            out.append(tuple(current))
            current = []
        if skeleton := skeletons[token]:
            current.append(skeleton)
    out.append(tuple(current))
    out += [()] * (len(texts) - len(out))
    return out


@dataclass
class ContentIndex:
    """Protected runs and short texts, ready to look up."""

    runs: dict[Words, ContentText] = field(default_factory=dict)
    phrases: dict[str, list[tuple[Words, ContentText]]] = field(default_factory=dict)


def compile_content(content: Iterable[ContentText], skeletons: Skeletons) -> ContentIndex:
    """Index every protected text as runs of `RUN` words or as a whole."""
    index = ContentIndex()
    items = list(content)
    for item, words in zip(items, words_of_each([i.text for i in items], skeletons), strict=True):
        if len(words) >= RUN:
            for k in range(len(words) - RUN + 1):
                index.runs.setdefault(words[k : k + RUN], item)
        elif words and (len(words) >= MIN_WORDS or item.by_hand):
            index.phrases.setdefault(words[0], []).append((words, item))
    return index


@dataclass(frozen=True)
class ContentHit:
    """Protected text found at tokens ``first`` to ``last``."""

    first: int
    last: int
    item: ContentText


def find_content(stream: Stream, index: ContentIndex) -> list[ContentHit]:
    """Every protected run or short text in ``stream``, within one text unit.

    Overlapping runs (a long text copied whole) are merged into one hit.
    """
    hits = sorted(
        (
            h
            for h in (*_runs(stream, index), *_phrases(stream, index))
            if not _crosses_units(stream, h.first, h.last)
        ),
        key=lambda h: (h.first, h.last),
    )
    merged: list[ContentHit] = []
    for hit in hits:
        last = merged[-1] if merged else None
        if (
            last is not None
            and hit.first <= last.last
            and not _crosses_units(stream, last.first, hit.last)
        ):
            merged[-1] = ContentHit(last.first, max(last.last, hit.last), last.item)
        else:
            merged.append(hit)
    return merged


def _runs(stream: Stream, index: ContentIndex) -> Iterator[ContentHit]:
    """Protected runs at every `STRIDE`-th word of the stream (one place per distinct run)."""
    if not index.runs:
        return
    sks = stream.skeletons
    runs = zip(*(sks[k::STRIDE] for k in range(RUN)), strict=False)
    at = dict(zip(runs, range(0, len(sks), STRIDE), strict=False))
    covered = -1  # the last word of the last hit: a run inside it is that same hit again
    for start in sorted(at[run] for run in at.keys() & index.runs.keys()):
        if start + RUN - 1 <= covered:
            continue
        run = tuple(sks[start : start + RUN])
        first, last = start, start + RUN - 1
        while first > 0 and tuple(sks[first - 1 : first - 1 + RUN]) in index.runs:
            first -= 1  # the words copied before the run found
        while tuple(sks[last + 2 - RUN : last + 2]) in index.runs:
            last += 1
        covered = last
        yield ContentHit(first, last, index.runs[run])


def occurrences(stream: Stream, words: Words) -> Iterator[int]:
    """Every token index where ``words`` start in ``stream`` (slow: only for leaks)."""
    sks, n = stream.skeletons, len(words)
    for i in (i for i, s in enumerate(sks) if s == words[0]):
        if tuple(sks[i : i + n]) == words and not _crosses_units(stream, i, i + n - 1):
            yield i


def _phrases(stream: Stream, index: ContentIndex) -> Iterator[ContentHit]:
    sks = stream.skeletons
    for i in (i for i, s in enumerate(sks) if s in index.phrases):
        for words, item in index.phrases[sks[i]]:
            if tuple(sks[i : i + len(words)]) == words:
                yield ContentHit(i, i + len(words) - 1, item)


def _crosses_units(stream: Stream, first: int, last: int) -> bool:
    return any(UNIT_BREAK in stream.separators[k] for k in range(first + 1, last + 1))


class ShownText:
    """The recorded text the entries and the safety plan that go show this audience.

    Spans hidden by hand are cut out.

    Made only when some protected text was found, since it reads every entry again.
    """

    def __init__(self, protection: Protection, skeletons: Skeletons) -> None:
        self._protection = protection
        self._skeletons = skeletons
        self._entries: dict[int, str] = {}
        self._everything: str | None = None

    def says(self, words: Words, likely: Iterable[int] = ()) -> bool:
        """Whether an entry that goes legitimately says ``words``.

        The ``likely`` entries (those the words were found in) are tried first: reading
        every entry again is only needed when none of them says it.
        """
        needle = f" {' '.join(_without_possessive_s(words) or words)} "
        if any(needle in self._entry(e) for e in likely if e in self._protection.shown):
            return True
        if self._everything is None:
            plan = [
                f" {' '.join(words_of(t, self._skeletons))} " for t in self._protection.plan_shown
            ]
            entries = [self._entry(e) for e in self._protection.shown]
            self._everything = " | ".join([*entries, *plan])
        return needle in self._everything

    def _entry(self, entry_id: int) -> str:
        if entry_id not in self._entries:
            shown = self._protection.shown[entry_id]
            texts = [
                f" {' '.join(_without_possessive_s(words_of(t, self._skeletons)))} " for t in shown
            ]
            for span in self._protection.hidden.get(entry_id, ()):
                cut = f" {' '.join(words_of(span, self._skeletons))} "
                texts = [t.replace(cut, " | ") for t in texts]
            run_on = [texts[0].rstrip() + texts[1]] if len(texts) > 1 else []
            self._entries[entry_id] = " | ".join([*texts, *run_on])  # summary, then account
        return self._entries[entry_id]


def _without_possessive_s(words: Words) -> Words:
    """The words without a lone 's'.

    A possessive the redaction may write after a replacement ("Marlow'" becomes "an
    adult's") is grammar, not what an entry says.
    """
    return tuple(w for w in words if w != "s")
