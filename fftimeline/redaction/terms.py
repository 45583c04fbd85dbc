"""Which words must be replaced in free text, and by what (redaction layer, pure).

A `TextRedactor` holds every protected term of a case for one audience (third-party names,
nicknames, withheld source names, the child's name for initials-only audiences, vehicles,
phone numbers and handles the audience may not see) with its replacement. It replaces them
case-insensitively, as whole words, keeping a possessive ("Bugsy's" -> "an adult male's").
The same terms, minus their replacements, are the *needles* the leak scanner looks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fftimeline.domain.cases import CaseDraft
from fftimeline.domain.entries import Entry
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.sources import Source, SourceKind
from fftimeline.domain.text import APOSTROPHES, flexible_pattern, fold
from fftimeline.redaction.audiences import AudienceField, AudienceProfile

_POSSESSIVE = r"[" + re.escape(APOSTROPHES) + r"]s?"

MIN_PART = 3
"""Name parts shorter than this ('Al', 'Jo') are not replaced on their own: too many false hits."""

_IDENTIFIER_LABELS = {
    LinkKind.VEHICLE: "a vehicle",
    LinkKind.PHONE: "a phone number",
    LinkKind.HANDLE: "an online handle",
}
WITHHELD_IN_TEXT = "a source"
REDACTED_MARK = "[redacted]"


@dataclass(frozen=True)
class Term:
    """One protected term and what stands in for it."""

    text: str
    replacement: str


_TITLE = r"(?:(?:mr|mrs|ms|miss|mx|dr)\.?\s+)?"
"""A courtesy title before a protected name is replaced with it ("Mrs Hale" -> "a source")."""


@dataclass
class TextRedactor:
    """Replaces protected terms in free text and counts how many it replaced.

    Terms match whatever the case, apostrophe, dash or spacing (see `domain.text.fold`), as
    whole words, with a courtesy title in front and a possessive after.
    """

    terms: list[Term] = field(default_factory=list)
    replaced: int = 0
    _pattern: re.Pattern[str] | None = None
    _lookup: dict[str, str] = field(default_factory=dict)

    def add(self, text: str, replacement: str) -> None:
        """Protect ``text`` (ignored when blank or already protected)."""
        key = fold(text)
        if key and key not in self._lookup:
            self._lookup[key] = replacement
            self.terms.append(Term(text.strip(), replacement))
            self._pattern = None

    def needles(self) -> set[str]:
        """Every protected term: none of these may appear in the audience's output."""
        return {t.text for t in self.terms}

    def redact(self, text: str) -> str:
        """``text`` with every protected term replaced by its stand-in."""
        if not text or not self.terms:
            return text
        return self._compiled().sub(self._swap, text)

    def _compiled(self) -> re.Pattern[str]:
        if self._pattern is None:
            terms = sorted((t.text for t in self.terms), key=len, reverse=True)
            body = "|".join(flexible_pattern(t) for t in terms)
            self._pattern = re.compile(
                rf"(?<!\w){_TITLE}({body})({_POSSESSIVE})?(?!\w)", re.IGNORECASE | re.UNICODE
            )
        return self._pattern

    def _swap(self, m: re.Match[str]) -> str:
        self.replaced += 1
        replacement = self._lookup[fold(m.group(1))]
        possessive = m.group(2) or ""
        if _starts_sentence(m.string, m.start()):
            replacement = replacement[:1].upper() + replacement[1:]
        return replacement + ("'s" if possessive else "")


def _starts_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t")
    return not before or before[-1] in ".!?\n"


_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NAME_PART = re.compile(r"[^\W\d_][\w'’-]*")


def name_parts(name: str, min_len: int = MIN_PART) -> list[str]:
    """The full name and each part that is itself a name, to replace on its own.

    A part counts when it is capitalised and long enough ('Marcus', 'Bell'), so notes a key
    worker types into a name field ("Ryan (surname not known)", "the man from Flat 4") do not
    turn ordinary words into protected terms that would be blanked everywhere.
    """
    plain = _BRACKETED.sub(" ", name)
    parts = (m.group(0).rstrip("'’-") for m in _NAME_PART.finditer(plain))
    return [name, *(p for p in parts if len(p) >= min_len and p[0].isupper())]


def protected_people(register: list[Linked], entries: list[Entry]) -> list[Linked]:
    """Third-party people, and every person linked to any entry of the case."""
    linked_ids = {i for e in entries for i in e.link_ids}
    return [
        item
        for item in register
        if item.kind is LinkKind.PERSON and (item.third_party or item.id in linked_ids)
    ]


def build_redactor(
    case: CaseDraft,
    register: list[Linked],
    entries: list[Entry],
    profile: AudienceProfile,
    former: Former | None = None,
) -> TextRedactor:
    """The text redactor for ``profile``: identities first, then the child's name if hidden.

    ``former`` holds earlier details of the case and its register, so a name or nickname that
    was corrected or dropped later is still protected wherever old text uses it.
    """
    former = former or Former()
    red = TextRedactor()
    for person in protected_people(register, entries):
        earlier = [f for f in former.items if f.id == person.id]
        for item in (person, *earlier):
            _protect_person(red, item, person.redaction_label)
    for entry in entries:
        if entry.source is not None and entry.source.withheld:
            _protect_source(red, entry.source)
    if not profile.sees(AudienceField.IDENTIFIERS):
        for item in register:
            if item.kind in _IDENTIFIER_LABELS:
                red.add(item.name, _IDENTIFIER_LABELS[item.kind])
    if not profile.sees(AudienceField.CHILD_NAME):
        for draft in (case, *former.cases):
            _hide_child(red, draft, case.initials)
    return red


@dataclass(frozen=True)
class Former:
    """Earlier details of a case and of its register items (from the vault's history)."""

    cases: tuple[CaseDraft, ...] = ()
    items: tuple[Linked, ...] = ()


def _protect_person(red: TextRedactor, person: Linked, label: str) -> None:
    for term in (person.name, *person.nicknames):
        red.add(term, label)
    for part in name_parts(person.name)[1:]:
        red.add(part, label)


def _protect_source(red: TextRedactor, source: Source) -> None:
    """A withheld source's name, and for a person each part of it ('Mrs Hale')."""
    red.add(source.name, WITHHELD_IN_TEXT)
    if source.kind is SourceKind.PERSON:
        for part in name_parts(source.name)[1:]:
            red.add(part, WITHHELD_IN_TEXT)


def _hide_child(red: TextRedactor, case: CaseDraft, initials: str) -> None:
    """Replace the child's names by initials and family names by the relationship.

    Every name part of two letters or more counts here ('Jo Ng'): these are the names an
    initials-only audience must never read, even short ones.
    """
    for term in (*name_parts(case.child_name, 2), case.known_as):
        red.add(term, initials)
    for member in case.family:
        stand_in = f"the child's {member.relationship.casefold()}"
        for term in name_parts(member.name, 2):
            red.add(term, stand_in)
