"""Putting replacements into a sentence so it still reads as English (redaction layer, pure).

A name replaced by a role must fit where the name stood:

- a courtesy title goes with the name ("Mrs Hale" -> "a source"), an article before it
  gives way to the label's own ("the VX19 ABC" -> "a vehicle"), and after "his" or "her"
  the label drops its article ("his phone number");
- a possessive stays a possessive ("Bugsy's", "Bugsy’s", "Bugsy'" -> "an adult male's"),
  but quotes around a nickname are quotes, not a possessive ("known as 'Bugsy'" ->
  "(nickname not shown)");
- two names of one person side by side become one label ("Marcus Bell (Bugsy)" -> "an
  adult male"), and a role already written after a name is not said twice ("Grace Okafor,
  Mother" -> "the child's mother");
- after a word the name describes ("the grey Audi VX19 ABC", "his friend Kai") the label
  goes in brackets, so it does not glue onto the kept word;
- at the start of a sentence the label starts with a capital.

`render` returns the new text with the span of every replacement in it, so the preview can
highlight exactly what changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from fftimeline.redaction.folding import words
from fftimeline.redaction.matcher import Found, TermKind
from fftimeline.redaction.wordlists import (
    ARTICLES,
    DESCRIBING_NOUNS,
    FUNCTION_WORDS,
    KINSHIP,
    POSSESSIVE_DETERMINERS,
    TITLES,
)

NICKNAME_HIDDEN = "(nickname not shown)"

_TITLE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(TITLES)) + r")\.?\s+$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’]*)([ \t]+)$")
_KNOWN_AS_BEFORE = re.compile(
    r"\b(?:also[ \t]+)?(?:known[ \t]+as|nicknamed|aka|a\.k\.a\.?)[ \t]*$", re.IGNORECASE
)
_CALLED_BEFORE = re.compile(r"\b(?:called|calls|call|named)[ \t]*$", re.IGNORECASE)
_ROLE_BEFORE = re.compile(
    r"\b(?:his|her|their|my|your|our|the)[ \t]+([^\W\d_]+)[ \t]+$", re.IGNORECASE
)
_WEB_ADDRESS = re.compile(
    r"(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/(?:[\w.-]+/)*@?$"
)
_SAME_PERSON_BETWEEN = re.compile(
    r"(?:[\s,'\"‘’“”()\-]|\b(?:also|or|known|as|called|nicknamed|aka|a\.k\.a\.?)\b)*",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"[ \t]*\(([^()\n]{1,60})\)|,[ \t]*([^,.;:!?()\n]{1,60})(?=[,.;:!?)\n]|$)")
_POSSESSIVE = re.compile(r"['’][sS]\b|['’](?![\w'’])")
_LOOK = 40
"""How far back to look for a title, an article or "known as" before a name."""
_QUOTES = {"'": "'’", "‘": "’'", '"': '"”', "“": '”"'}


@dataclass(frozen=True)
class Replaced:
    """A text after replacement, and where each replacement sits in it."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()


@dataclass
class _Span:
    start: int
    end: int
    found: Found
    label: str
    possessive: bool = False
    lead_comma: bool = False
    gaps: str = ""


def render(
    text: str, found: Sequence[Found], hard: Sequence[tuple[int, int, str]] = ()
) -> Replaced:
    """``text`` with each found term replaced by its label, reading as English.

    ``hard`` are spans replaced as they are, with no grammar (manual redactions); a found
    term overlapping one of them gives way.
    """
    if not found and not hard:
        return Replaced(text)
    spans = _merge_same_person(text, [f for f in found if not _overlaps(f, hard)])
    pieces = [(_shape(text, s), s) for s in spans]
    parts: list[tuple[int, int, str]] = [(s.start, s.end, label) for label, s in pieces]
    parts += list(hard)
    parts.sort()
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    at = 0
    length = 0
    for start, end, label in parts:
        if end <= at:
            continue
        start = max(start, at)  # a widened span overlapping the last one: replace the rest
        before = text[at:start]
        if before[-1:].isspace() and _says("".join(out[-3:]) + before, label):
            out.append(before.rstrip())
            length += len(before.rstrip())
            at = end  # "Kai's girlfriend Leah": the role was just said
            continue
        out.append(before)
        length += len(before)
        out.append(label)
        marks.append((length, length + len(label)))
        length += len(label)
        at = end
    out.append(text[at:])
    return Replaced("".join(out), tuple(marks))


def _says(before: str, label: str) -> bool:
    """Whether the text just written ends with the words of ``label`` ("…girlfriend ")."""
    tail = before.rstrip()
    if not tail[-1:].isalpha() or not label:
        return False
    last = label.rsplit(None, 1)[-1].strip("()").casefold()
    if not tail.casefold().endswith(last):
        return False  # the usual case, decided without folding
    said, wanted = words(tail[-len(label) - 4 :]), words(label)
    return bool(wanted) and said[-len(wanted) :] == wanted


def _overlaps(f: Found, hard: Sequence[tuple[int, int, str]]) -> bool:
    return any(f.start < e and s < f.end for s, e, _ in hard)


def _merge_same_person(text: str, found: list[Found]) -> list[_Span]:
    """One span for names of one person side by side ("Marcus Bell (Bugsy)")."""
    spans: list[_Span] = []
    for f in sorted(found, key=lambda x: x.start):
        if spans:
            last = spans[-1]
            between = text[last.end : f.start]
            if (
                last.found.term.owner == f.term.owner
                and _SAME_PERSON_BETWEEN.fullmatch(between)
                and "\n\n" not in between
            ):
                last.end = f.end
                last.lead_comma = between.lstrip().startswith(",")
                last.gaps += between
                continue
        spans.append(_Span(f.start, f.end, f, f.term.label))
    for span in spans:
        if span.gaps:
            span.end += _closing(span.gaps, text[span.end : span.end + 3])
    return spans


def _closing(between: str, after: str) -> int:
    """How many of the marks in ``after`` close brackets or quotes opened in ``between``.

    "Marcus Bell (Bugsy) said", "Marcus 'Bugsy' Bell", "Marcus Bell ('Bugsy')": the closing
    marks go with the names.
    """
    brackets = between.count("(") - between.count(")")
    quotes = sum(between.count(q) for q in "'‘’“”\"") % 2
    taken = 0
    for mark in after:
        if mark == ")" and brackets > 0:
            brackets -= 1
        elif mark in "'’”\"" and quotes:
            quotes = 0
        else:
            break
        taken += 1
    return taken


def _shape(text: str, span: _Span) -> str:
    """Widen ``span`` over its title, quotes, possessive and article; return its label."""
    term = span.found.term
    if term.kind is TermKind.NAME:
        if m := _TITLE_BEFORE.search(text, max(0, span.start - _LOOK), span.start):
            span.start = m.start()
    else:
        _widen_identifier(text, span)
    quoted = _quoted(text, span)
    if quoted and term.role:
        window = max(0, span.start - _LOOK)
        if known := _KNOWN_AS_BEFORE.search(text, window, span.start):
            span.start = known.start()  # "an adult known as 'Bugsy'" -> "an adult (nickname…)"
            return NICKNAME_HIDDEN
        if _CALLED_BEFORE.search(text, window, span.start):
            return NICKNAME_HIDDEN  # "an adult called 'Bugsy'" -> "…called (nickname…)"
    if not quoted and (m := _POSSESSIVE.match(text, span.end)):
        span.possessive = True
        span.end = m.end()
    if span.lead_comma and text[span.end : span.end + 1] == ",":
        span.end += 1
    _drop_repeated_role(text, span)
    label = _role_said_before(text, span) or _fit_article(text, span)
    if _starts_sentence(text, span.start):
        label = label[:1].upper() + label[1:]
    if span.possessive:
        label += "'" if label.endswith("s") else "'s"
    return label


def _widen_identifier(text: str, span: _Span) -> None:
    """Take in the '@' of a handle and its web address, the '+' and brackets of a phone."""
    if span.found.term.kind is TermKind.HANDLE and (
        address := _WEB_ADDRESS.search(text[: span.start])
    ):
        span.start = address.start()  # "instagram.com/kdog_99" is the handle, whole
    while span.start > 0 and text[span.start - 1] in "@+(":
        if text[span.start - 1] == "(" and ")" not in text[span.start : span.end]:
            break
        span.start -= 1
    inside = text[span.start : span.end]
    if inside.count("(") > inside.count(")") and text[span.end : span.end + 1] == ")":
        span.end += 1


def _quoted(text: str, span: _Span) -> bool:
    """Whether the name stands inside quotes; if so the quotes go with it."""
    if span.start == 0 or span.end >= len(text):
        return False
    opening, closing = text[span.start - 1], text[span.end]
    if closing not in _QUOTES.get(opening, ""):
        return False
    span.start -= 1
    span.end += 1
    return True


def _drop_repeated_role(text: str, span: _Span) -> None:
    """Drop ', Mother' or ' (an older male)' after a label that already says it."""
    m = _APPOSITION.match(text, span.end)
    if m is None or span.possessive:
        return
    said = words(m.group(1) or m.group(2) or "")
    label = words(span.label)
    if said and any(label[i : i + len(said)] == said for i in range(len(label))):
        span.end = m.end()
        if m.group(2) and text[span.end : span.end + 1] == ",":
            span.end += 1  # "Grace Okafor, Mother, said" -> "The child's mother said"


def _role_said_before(text: str, span: _Span) -> str:
    """The label, taking in "his sister" or "his mum" before a name that it already says.

    "for his sister Mia" -> "for the child's sister"; "his mum Donna" -> "the child's mother".
    """
    m = _ROLE_BEFORE.search(text, max(0, span.start - _LOOK), span.start)
    label = span.label
    if m is None or not label:
        return ""
    noun = m.group(1).casefold()
    last = label.rsplit(None, 1)[-1].casefold()
    if last in (noun, KINSHIP.get(noun)):
        span.start = m.start()
        return label
    return ""


def _fit_article(text: str, span: _Span) -> str:
    """The label, fitted to the word before it (article, 'his', a describing word)."""
    label = span.label
    term = span.found.term
    m = _WORD_BEFORE.search(text, max(0, span.start - _LOOK), span.start)
    if m is None:
        return label
    word = m.group(1).casefold()
    first, _, rest = label.partition(" ")
    has_article = first.casefold() in ARTICLES and bool(rest)
    if word in ARTICLES and has_article:
        span.start = m.start()
        return label
    if word in POSSESSIVE_DETERMINERS and has_article:
        return rest
    if term.aside and word not in FUNCTION_WORDS and _describes(m.group(1), term.kind):
        return term.aside
    return label


def _describes(word: str, kind: TermKind) -> bool:
    """Whether ``word`` is one a name or number stands beside ("friend", "grey Audi").

    Any word but a function word describes an identifier; for a person, only nouns such as
    "friend" or "cousin" do (after a verb, "met Kai", the label reads well as it is).
    """
    return kind is not TermKind.NAME or word.casefold() in DESCRIBING_NOUNS


def _starts_sentence(text: str, at: int) -> bool:
    """After a full stop, a new paragraph or a list mark; a line that merely wraps is not."""
    before = text[:at].rstrip(" \t\"'“‘(")
    if not before or before[-1] in ".!?":
        return True
    if before[-1] != "\n":
        return False
    line_end = before.rstrip("\r\n \t")
    paragraph = before[len(line_end) :].count("\n") > 1
    return not line_end or paragraph or line_end[-1] in ".!?:;•*-"
