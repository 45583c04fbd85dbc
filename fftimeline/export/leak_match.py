"""Finding needles in a stream of tokens, on word boundaries (export layer, pure).

A match starts at the start of a token and ends at the end of one, so "Ann" is never found
in "planning" or "annual". In between, tokens may be joined across joiners (spaces, line
breaks, hyphens, apostrophes, dots: see `leak_text.is_joiner`) or written together, so
"Mary Jane", "Mary-⏎Jane" and "MaryJane" are all "maryjane". Possessives and quotes need
nothing special: "Bugsy's", "Bugsy’s", "Bugsy'" and "'Bugsy'" all have the token "Bugsy".

Names that are ordinary words. A protected name that is also an ordinary English word
("Will", "Rose", "Hale", "June", "Page", "Mark") counts only where it is used as a name:

- it is capitalised, and
- it stands after a title ("Miss Hale"), or next to another part of the same name ("Hale,
  Will"), or is possessive or quoted ("Will's", "'Rose'"), or stands mid-sentence; and
- it is not next to a number ("June 2025", "3 June", "Page 2"), nor a month after "in",
  "since", "until", "during" and the like.

So "will", "rose" and "hale and hearty" never stop an export, nor does "Will you..." at the
start of a sentence, while "told Will", "Miss Hale" and "Will's phone" do. A full name
("Will Hale", "will hale") is never an ordinary word: it counts however it is written. At
the start of a sentence, the child's or a family member's name is a name ("Will rang")
unless it opens a question as the word ("Will you...", a subject follows). The cost is that
another person's capitalised ordinary-word name alone at the start of a sentence is not
caught ("Rose said..."); the redaction replaces names wherever they stand, so this only
matters if the redaction missed that same word there. A courtesy title alone ("Miss",
"Mrs") is never a name at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from fftimeline.export.leak_needles import MONTHS, TITLES, Needle, NeedleTable, ordinary_words
from fftimeline.export.leak_policy import CHILD_NAME, FAMILY_NAME, ValueKind
from fftimeline.export.leak_text import is_joiner

UNIT_BREAK = "\x00"
"""Stands between two text units in a stream; never a joiner, never in a cell."""

_QUOTES = frozenset("'\"‘’“”`´«»")
_APOSTROPHES = frozenset("'’ʼ`´")
_SENTENCE_END = frozenset(".!?:;\n•*" + UNIT_BREAK)
_MONTH_WORDS = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "during",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "every",
        "each",
    ]
)
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_FAMILY = frozenset({CHILD_NAME, FAMILY_NAME})
_SUBJECTS = frozenset(
    ["i", "you", "he", "she", "it", "we", "they", "there", "this", "that", "these", "those",
     "someone", "anyone", "everyone", "somebody", "anybody", "everybody", "not", "the", "a",
     "an", "my", "your", "his", "her", "its", "our", "their", "any", "all", "each"]
)  # fmt: skip
"""What follows a word that opens a question ('Will you…'): the word is not a name there."""


@dataclass(frozen=True)
class Stream:
    """Tokens as read, their skeletons and the separators before each token.

    ``separators`` has one more item than ``tokens``: the last follows the last token.
    ``written`` holds the tokens as written where they are read otherwise (styled or
    look-alike letters, one character for one: see `leak_readings`).
    """

    tokens: list[str]
    skeletons: list[str]
    separators: list[str]
    written: list[str] | None = None

    def text(self, first: int, last: int) -> str:
        """The text of tokens ``first`` to ``last`` as written."""
        seps, tokens = self.separators, self.written or self.tokens
        return "".join(tokens[k] + seps[k + 1] for k in range(first, last)) + tokens[last]


@dataclass(frozen=True)
class Match:
    """A needle found at tokens ``first`` to ``last``."""

    first: int
    last: int
    needle: Needle


def longest_at(stream: Stream, table: NeedleTable, i: int) -> Match | None:
    """The longest needle of ``table`` starting at token ``i``, if any."""
    sks, seps = stream.skeletons, stream.separators
    key, j, best = sks[i], i, None
    while key in table.prefixes:
        found = table.needles.get(key)
        if found is not None:
            best = Match(i, j, found)
        if j + 1 >= len(sks) or len(key) >= table.longest or not is_joiner(seps[j + 1]):
            break
        if not table.may_split(key, sks[j], sks[j + 1]):
            break
        j += 1
        key += sks[j]
    return best


def used_as_name(stream: Stream, match: Match) -> bool:
    """Whether a needle that is an ordinary word is used as a name here (module docstring)."""
    i, j = match.first, match.last
    if not match.needle.ordinary:
        return True
    word = stream.tokens[i]
    if not word[:1].isupper() or _next_to_number(stream, i, j):
        return False
    if _after_title(stream, i) or _beside_part(stream, match):
        return True
    if _possessive_or_quoted(stream, i, j):
        return True
    if _sentence_start(stream, i):
        return _name_at_sentence_start(stream, match)
    return not (stream.skeletons[i] in MONTHS and _after_month_word(stream, i))


def _previous(stream: Stream, i: int) -> str:
    """The skeleton of the token before ``i`` if only a joiner stands between ('' if not)."""
    if i == 0 or not is_joiner(stream.separators[i]):
        return ""
    return stream.skeletons[i - 1]


def _following(stream: Stream, j: int) -> str:
    if j + 1 >= len(stream.tokens) or not is_joiner(stream.separators[j + 1]):
        return ""
    return stream.skeletons[j + 1]


def _next_to_number(stream: Stream, i: int, j: int) -> bool:
    before, after = _previous(stream, i), _following(stream, j)
    ordinal = before in _ORDINALS and _previous(stream, i - 1).isdigit()
    return before.isdigit() or after.isdigit() or ordinal


def _after_title(stream: Stream, i: int) -> bool:
    return _previous(stream, i) in TITLES


def _beside_part(stream: Stream, match: Match) -> bool:
    """Next to another part of the same name, in the same sentence ('Hale, Will')."""
    seps, first, last = stream.separators, match.first, match.last
    parts = match.needle.parts - {stream.skeletons[first]}
    before = first > 0 and _in_sentence(seps[first]) and _previous(stream, first) in parts
    after = last + 1 < len(seps) and _in_sentence(seps[last + 1])
    return before or (after and _following(stream, last) in parts)


def _in_sentence(separator: str) -> bool:
    return not any(c in _SENTENCE_END for c in separator)


def _possessive_or_quoted(stream: Stream, i: int, j: int) -> bool:
    after = stream.separators[j + 1]
    return after[:1] in _APOSTROPHES or (
        stream.separators[i][-1:] in _QUOTES and after[:1] in _QUOTES
    )


def _sentence_start(stream: Stream, i: int) -> bool:
    separator = stream.separators[i]
    if i == 0 or UNIT_BREAK in separator:
        return True
    before = separator.rstrip(" \t\"'‘’“”(")
    return bool(before) and before[-1] in _SENTENCE_END


def _name_at_sentence_start(stream: Stream, match: Match) -> bool:
    """Whether an ordinary-word name at a sentence start is a name there.

    The family's names ("Will rang") and nicknames that are plain words ("Bugs was there")
    are, unless they open a question as the word ("Will you…").
    """
    protected = match.needle.protected
    family = protected.description in _FAMILY
    nickname = protected.kind is ValueKind.WORD and stream.skeletons[match.first] not in (
        ordinary_words()
    )
    return (family or nickname) and not _asks(stream, match.last)


def _asks(stream: Stream, j: int) -> bool:
    """Whether the word opens a question as a word: 'Will you…', 'May I…' (a subject follows)."""
    if j + 1 >= len(stream.tokens) or stream.separators[j + 1].strip(" "):
        return False
    return stream.skeletons[j + 1] in _SUBJECTS


def _after_month_word(stream: Stream, i: int) -> bool:
    return _previous(stream, i) in _MONTH_WORDS
