"""Hiding names on screen, for working in public places (redaction layer, pure).

With "Hide names" on, every person of the case is shown by initials wherever the app shows
text: the child, the family, everyone in the register (third parties, people linked to
entries), withheld sources, and the people of the vault's other cases. It uses the same
matcher as the exports, so "ZOE", "Zoë" and "zoe hart" are all hidden; the team and the key
worker stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterator

from fftimeline.domain.cases import CaseDraft
from fftimeline.domain.people import LinkKind
from fftimeline.domain.sources import SourceKind
from fftimeline.redaction.folding import words
from fftimeline.redaction.matcher import Matcher, Term, TermKind
from fftimeline.redaction.people import CasePeople, VaultPeople
from fftimeline.redaction.redactor import Redactor
from fftimeline.redaction.terms import KEEP, OTHER, PROTECT, name_parts
from fftimeline.redaction.wordlists import common_words


def initials(name: str) -> str:
    """'M. B.' for 'Marcus Bell', 'H.' for 'Miss Hale' (titles are not initials)."""
    parts = name_parts(name)[1:] or [name]
    letters = [p[0].upper() for p in parts if p[:1].isalpha() and " " not in p and "-" not in p]
    return " ".join(f"{c}." for c in letters[:3]) or "?"


class ScreenMask:
    """A callable that writes every person's names in a text as initials."""

    def __init__(self, people: VaultPeople) -> None:
        terms: list[Term] = []
        if people.this is not None:
            terms += _case_terms(people.this, PROTECT, "c")
            terms += _team(people.this.case)
        for other in people.others:
            terms += _case_terms(other, OTHER, f"o{other.case_id}")
        self._redactor = Redactor(Matcher(terms))

    def __call__(self, text: str) -> str:
        """``text`` with every name of a person shown as initials."""
        return self._redactor.redact(text).text


def _case_terms(case: CasePeople, rank: int, key: str) -> Iterator[Term]:
    """Every name of one case's people, each shown by its own initials ('Jayden' -> 'J.')."""
    for draft in (case.case, *case.former.cases):
        for text in (*name_parts(draft.child_name), draft.known_as):
            yield _term(text, f"{key}:child", rank)
        for i, member in enumerate(draft.family):
            for text in name_parts(member.name):
                yield _term(text, f"{key}:family:{i}", rank)
    for item in (*case.register, *case.former.items):
        if item.kind is LinkKind.PERSON:
            for text in (*name_parts(item.name), *item.nicknames):
                yield _term(text, f"{key}:person:{item.id}", rank)
    for source in case.withheld:
        texts = name_parts(source.name) if source.kind is SourceKind.PERSON else [source.name]
        for text in texts:
            yield _term(text, f"{key}:source:{source.name}", rank)


def _team(case: CaseDraft) -> Iterator[Term]:
    """The team and the key worker stay named: a longer kept name wins over a part."""
    for i, name in enumerate([*(m.name for m in case.team), case.key_worker]):
        for text in name_parts(name):
            yield _term(text, f"c:team:{i}", KEEP, keep=True)


def _term(text: str, owner: str, rank: int, *, keep: bool = False) -> Term:
    parts = words(text)
    return Term(
        raw=text,
        skeleton="".join(parts),
        kind=TermKind.NAME,
        owner=owner,
        label="" if keep else initials(text),
        keep=keep,
        common=len(parts) == 1 and parts[0] in common_words(),
        rank=rank,
    )
