"""The small pattern language of the wording rules, compiled to regular expressions (pure).

Rules are written for people who know the guidance, not regular expressions. A pattern is
words separated by spaces:

- ``word`` matches that word, in any case. A hyphen in it also matches a space or nothing
  (``risk-taking`` finds "risk taking" and "risktaking"); ``_`` is a space inside one
  alternative (``in_return``); an apostrophe is optional (``DNA'd`` finds "DNAd").
- ``a|b|c`` matches any one of the alternatives; ``stem*`` matches words starting ``stem``.
- ``@forms`` matches any word of the named list in the rules file's ``[forms]`` table
  (``@choose`` = choose, chooses, chose, chosen, choosing).
- ``{child}`` / ``{parent}`` match the child or a parent or carer: their names from the case
  and the usual words ("he", "YP", "mum", "parents"), with or without "'s".
- ``re:`` at the very start makes the whole pattern a raw regular expression (rarely needed:
  ages such as "(22)" or "aged 19").
- ``~3`` allows up to three other words here ("putting herself at *significant* risk").
- ``word?`` may be left out; ``<`` and ``>`` around part of a pattern underline only that
  part (the name in "Jordan refused to engage" is not the problem).

Words never match inside longer words or hyphenated compounds ("non-consensual" is not
"consensual"; "self-harm" is not "self"), and Unicode letters count as letters. Text is
checked after curly apostrophes and dashes are made straight (see `language.text`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from fftimeline.domain.errors import DomainError


def word_set(text: str) -> frozenset[str]:
    """The words of ``text`` (separated by spaces) as a set: for word lists kept in code."""
    return frozenset(text.split())


class PatternError(DomainError):
    """A pattern in a rules file cannot be understood; the message says what is wrong."""

    def __init__(self, message: str) -> None:
        super().__init__("wording_pattern", message)


_GAP = re.compile(r"^~([0-9])$")
_PLACEHOLDER = re.compile(r"^\{([a-z]+)\}$")
_FORM = re.compile(r"^@([a-z][a-z0-9-]*)$")
_LITERAL = re.compile(r"^[\w'\-_.]+\*?$")
_SEP = r"(?:\s*,\s*|\s+)"
_GAP_WORD = r"[^\s.!?;:]+"
_START = r"(?<!\w)(?<!\w-)"
_END = r"(?!\w)(?!-\w)"
_SEGMENTS = re.compile(r"[\s_.]+")
_PIECES = re.compile(r"['\-]+")
STOPWORDS = word_set(
    "a an and are as at be by for from has have he her him his i in is it its me my of on "
    "or she so that the their them they this to was we were with you"
)
"""Words too common to pick a rule out by: a pattern is never anchored on one of these."""
COMMON = word_set(
    "about after again all also any back been before being both but came can child "
    "children come could day did didn does doesn done down each even get gets getting go "
    "goes going gone good got had has have help here how into just keep keeps kept know "
    "last left like look looks made make makes making many more most much must never new "
    "no not now off old one only other our out over people said same say says see seen "
    "should since some still such take than then there these thing think those through "
    "time told too took two under up very want way well went were what when where which "
    "while who why will would year years "
    # ... and words every chronology is full of
    "adult adults asked boy boys call called car contact dad family friend friends girl "
    "girls home house man men mum night older parent parents phone police risk safe school "
    "social support week worker"
)
"""Common words: a pattern is anchored on one of these only when it has nothing rarer."""


@dataclass(frozen=True)
class Anchor:
    """A word any text the pattern matches must contain, to skip rules quickly.

    Attributes:
        words: the text must contain one of these words (lower case, whole words) …
        prefixes: … or a word starting with one of these (for ``stem*``).
    """

    words: frozenset[str]
    prefixes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CompiledPattern:
    """One pattern as a regular expression, with the words that must appear for it to match.

    Attributes:
        regex: matches the pattern; group ``focus`` is the part to underline, if marked.
        anchor: words one of which must be in the text, or None when the pattern has none
            (it is then tried on every text).
        starts: the words a match can begin with, or None when that is not known (the
            pattern is then tried at every position of the text, not only at those words).
    """

    regex: re.Pattern[str]
    anchor: Anchor | None
    starts: Anchor | None = None

    def span(self, match: re.Match[str]) -> tuple[int, int]:
        """The part of a match to underline."""
        if "focus" in self.regex.groupindex and match.start("focus") >= 0:
            return match.span("focus")
        return match.span()


_SPECIAL = {"-": r"(?:-|\s+)?", "'": "'?", "_": r"\s+", "*": r"\w*"}
_END_OF_WORD = ""  # the trie's key for "an alternative ends here"


def _char(char: str) -> str:
    """The regex of one character of a literal: hyphens, apostrophes, spaces, a stem's end."""
    return _SPECIAL.get(char) or re.escape(char)


def _trie(words: set[str]) -> str:
    """One regex for all the alternatives, sharing their common beginnings.

    "chose|choose|chosen|choosing" becomes "cho(?:se(?:n)?|os(?:e|ing))": the engine
    then reads each letter once instead of trying every word in turn, which matters
    because a pattern is tried at every position of a text.
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END_OF_WORD] = {}
    return _emit(root)


def _emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends = _END_OF_WORD in node
    branches = [_char(c) + _emit(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


def _segment_anchor(segment: str) -> tuple[set[str], set[str], int] | None:
    """(words, prefixes, score) for one space-separated segment of an alternative.

    Any text the segment matches contains one of the words, or a word starting with one of
    the prefixes. A hyphen or apostrophe is optional, so "risk-taking" is anchored on
    "risk" (written apart) or "risktaking" (written together).
    """
    stem = segment.endswith("*")
    pieces = [p for p in _PIECES.split(segment.rstrip("*")) if p]
    if not pieces:
        return None
    if len(pieces) == 1:
        word = pieces[0]
        if stem:
            return (set(), {word}, len(word) - 2) if len(word) >= 4 else None
        return None if word in STOPWORDS else ({word}, set(), _score(word))
    first, joined = pieces[0], "".join(pieces)
    if first in STOPWORDS or len(first) < 2:
        return None
    score = _score(first)
    return ({first}, {joined}, score) if stem else ({first, joined}, set(), score)


def _score(word: str) -> int:
    """How well a word picks out the texts a pattern may match (longer and rarer is better)."""
    return 1 if word in COMMON else len(word)


def _alternative_anchor(alternative: str) -> tuple[set[str], set[str], int] | None:
    """The best anchor among the segments of one alternative (all segments must appear)."""
    segments = [s for s in _SEGMENTS.split(alternative.casefold()) if s]
    found = [a for a in map(_segment_anchor, segments) if a is not None]
    return max(found, key=lambda a: a[2]) if found else None


def _anchor_words(alternatives: list[str]) -> tuple[Anchor, int] | None:
    """The anchor of a token (one of its alternatives must appear) and how selective it is."""
    words: set[str] = set()
    prefixes: set[str] = set()
    score = 1_000
    for alternative in alternatives:
        found = _alternative_anchor(alternative)
        if found is None:
            return None
        words |= found[0]
        prefixes |= found[1]
        score = min(score, found[2])
    # Each alternative is one more way to appear: long lists of word forms pick out less.
    return Anchor(frozenset(words), frozenset(prefixes)), score - len(alternatives).bit_length()


@dataclass
class _Token:
    regex: str
    optional: bool = False
    gap: int = 0
    anchor: Anchor | None = None
    weight: int = 0
    first_words: Anchor | None = None


def _first_words(alternatives: list[str]) -> Anchor:
    """The lower-case words a token's matches can begin with (split into words as the text is)."""
    words: set[str] = set()
    prefixes: set[str] = set()
    for alternative in alternatives:
        text = alternative.casefold()
        first = _SEGMENTS.split(text, maxsplit=1)[0]
        stem = first.endswith("*") and "_" not in text and len(_SEGMENTS.split(text)) == 1
        pieces = [p for p in _PIECES.split(first.rstrip("*")) if p]
        if not pieces:
            continue
        joined = "".join(pieces)
        if stem and len(pieces) > 1:  # "non-engag*": "non" then a stem, or one stem joined
            words.add(pieces[0])
            prefixes.add(joined)
        elif stem:
            prefixes.add(joined)
        else:
            words.update({pieces[0], joined})
    return Anchor(frozenset(words), frozenset(prefixes))


def _alternatives(
    token: str, forms: Mapping[str, list[str]], places: Mapping[str, list[str]]
) -> tuple[list[str], bool]:
    """The literal alternatives a token stands for, and whether it may serve as an anchor."""
    if match := _FORM.match(token):
        name = match.group(1)
        if name not in forms:
            raise PatternError(f"'@{name}' is not in the [forms] table.")
        return [w.replace(" ", "_") for w in forms[name]], True
    if match := _PLACEHOLDER.match(token):
        name = match.group(1)
        if name not in places:
            raise PatternError(f"'{{{name}}}' is not known: use {{child}} or {{parent}}.")
        return [w.replace(" ", "_") for w in places[name]], False
    words = token.split("|")
    if not all(w and _LITERAL.match(w) for w in words):
        raise PatternError(f"'{token}' is not a word, a list of words (a|b) or a gap (~3).")
    return words, True


def _token(
    raw: str, forms: Mapping[str, list[str]], places: Mapping[str, list[str]], match_case: bool
) -> _Token:
    if gap := _GAP.match(raw):
        return _Token("", gap=int(gap.group(1)))
    optional = raw.endswith("?") and len(raw) > 1
    text = raw[:-1] if optional else raw
    words, anchorable = _alternatives(text, forms, places)
    regex = "(?:" + _trie({w if match_case else w.casefold() for w in words}) + ")"
    if _PLACEHOLDER.match(text):
        regex += "(?:'s|')?"  # "Mum's demands", "parents' view", "Jordan's"
    first = _first_words(words)
    found = _anchor_words(words) if anchorable and not optional else None
    if found is None:
        return _Token(regex, optional=optional, first_words=first)
    return _Token(regex, optional=optional, anchor=found[0], weight=found[1], first_words=first)


def _assemble(tokens: list[_Token | str]) -> str:
    """Join tokens with separators, gaps, optional words and the underlined (focus) part."""
    out = [_START]
    gap, first, focus = 0, True, False
    for token in tokens:
        if token == ">":
            out.append(")")
            continue
        if token == "<":
            focus = True
            continue
        assert isinstance(token, _Token)
        if token.gap:
            if first:
                raise PatternError("A pattern cannot start with a gap (~).")
            gap = token.gap
            continue
        if token.optional and (gap or focus):
            raise PatternError(
                "An optional word (word?) cannot come after a gap or right after '<'."
            )
        if token.optional and first:  # "older? boyfriend": the next word needs no separator
            out.append(f"(?:{token.regex}{_SEP})?")
            continue
        sep = "" if first else _SEP + (f"(?:{_GAP_WORD}{_SEP}){{0,{gap}}}" if gap else "")
        opening = "(?P<focus>" if focus else ""
        out.append(f"(?:{sep}{token.regex})?" if token.optional else sep + opening + token.regex)
        gap, first, focus = 0, False, False
    if first:
        raise PatternError("The pattern has no words.")
    if gap or focus:
        raise PatternError("A pattern cannot end with a gap (~) or with '<'.")
    return "".join(out) + _END


def _focus_markers(parts: list[str]) -> None:
    opens, closes = parts.count("<"), parts.count(">")
    if opens != closes or opens > 1:
        raise PatternError("Use at most one pair of < and > to mark the part to underline.")
    if opens and parts.index("<") > parts.index(">"):
        raise PatternError("'<' must come before '>'.")


def compile_pattern(
    pattern: str,
    forms: Mapping[str, list[str]],
    places: Mapping[str, list[str]],
    *,
    match_case: bool = False,
) -> CompiledPattern:
    """Compile one pattern of the rule language.

    Args:
        pattern: the pattern as written in the rules file.
        forms: the rules file's named word lists (``@choose``).
        places: what ``{child}`` and ``{parent}`` stand for in this case.
        match_case: match capitals exactly (for acronyms such as "LAC").

    Raises:
        PatternError: the pattern cannot be understood.
    """
    parts = pattern.split()
    _focus_markers(parts)
    tokens: list[_Token | str] = [
        p if p in ("<", ">") else _token(p, forms, places, match_case) for p in parts
    ]
    regex = _assemble(tokens)
    anchors = [t for t in tokens if isinstance(t, _Token) and t.anchor is not None]
    anchor = max(anchors, key=lambda t: t.weight).anchor if anchors else None
    starts = _starts(tokens)
    flags = 0 if match_case else re.IGNORECASE
    try:
        compiled = re.compile(_first_letter(starts) + regex, flags)
    except re.error as exc:  # a stray bracket or the like in a word
        raise PatternError(f"'{pattern}' cannot be used ({exc.msg}).") from exc
    return CompiledPattern(compiled, anchor, starts)


def _first_letter(starts: Anchor | None) -> str:
    """A cheap look-ahead for the letters a match can begin with.

    The regex engine tries a pattern at every position of the text; checking one letter
    first makes most positions fail at once (about three times faster on ordinary text).
    """
    if starts is None:
        return ""
    letters = {w[0] for w in starts.words | starts.prefixes if w}
    letters |= {c.upper() for c in letters} | {c.lower() for c in letters}
    return "(?=[" + "".join(re.escape(c) for c in sorted(letters)) + "])" if letters else ""


def _starts(tokens: list[_Token | str]) -> Anchor | None:
    """The words a match can begin with: the first word's, and the next if it is optional."""
    words: set[str] = set()
    prefixes: set[str] = set()
    for token in tokens:
        if not isinstance(token, _Token):
            continue
        if token.first_words is None:
            return None
        words |= token.first_words.words
        prefixes |= token.first_words.prefixes
        if not token.optional:
            return Anchor(frozenset(words), frozenset(prefixes))
    return None


def compile_regex(regex: str, *, match_case: bool = False) -> CompiledPattern:
    """Compile a raw regular expression (for organisations' own rules); it has no anchor.

    Raises:
        PatternError: the expression is not valid.
    """
    try:
        compiled = re.compile(regex, 0 if match_case else re.IGNORECASE)
    except re.error as exc:
        raise PatternError(f"The regular expression '{regex}' is not valid ({exc.msg}).") from exc
    return CompiledPattern(compiled, None)
