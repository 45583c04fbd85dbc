"""Names that more than one person answers to: never replaced by one person's role (pure).

A replacement must never name the wrong person:

- *a name part shared within the case*: the uncle (a third party) shares the family's
  surname, a team member shares a third party's ("Dev Bell" and "Marcus Bell"). "Ms
  Mäkinen" or "Mr Bell" may be either, so a shared part is replaced by "a person", never
  by one of them's role; where the audience sees the family's name, the family's surname
  stays as it is ("the Mäkinen grandparents");
- *a person of another case*: the role their own case gives them may not be who they are
  here (the same name is this case's youth worker), and says something of that case. They
  are described by this case's register where it has someone of that name, else as "a
  person".

A full name ("Leon Mäkinen") is one person's and keeps that person's role.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from fftimeline.domain.people import Linked, LinkKind
from fftimeline.redaction.folding import skeleton
from fftimeline.redaction.matcher import Term

A_PERSON = "a person"
_THIS_CASE = "c:"


def labels_in_register(register: Iterable[Linked]) -> dict[str, str]:
    """This case's people by the skeleton of each full name and nickname: their label."""
    labels: dict[str, str] = {}
    for person in register:
        if person.kind is LinkKind.PERSON:
            for name in (person.name, *person.nicknames):
                labels.setdefault(skeleton(name), person.redaction_label)
    return labels


def other_case_label(person: Linked, here: dict[str, str]) -> str:
    """How a person of another case is described in this case's output."""
    for name in (person.name, *person.nicknames):
        if skeleton(name) in here:
            return here[skeleton(name)]
    return A_PERSON


def settle_shared_parts(terms: list[Term]) -> list[Term]:
    """The terms with every name part that several of this case's people share settled."""
    groups: dict[str, list[Term]] = {}
    for term in terms:
        groups.setdefault(term.skeleton, []).append(term)
    settled: list[Term] = []
    for group in groups.values():
        settled += _settled(group) if _shared_part(group) else group
    return settled


def _shared_part(group: list[Term]) -> bool:
    """Whether one word of this case is a name part of two or more of its people."""
    owners = {t.owner for t in group if t.owner.startswith(_THIS_CASE)}
    return len(owners) > 1 and all(" " not in t.raw for t in group)


def _settled(group: list[Term]) -> list[Term]:
    winner = max(group, key=lambda t: t.rank)
    if winner.keep:
        return group
    visible_family = [t for t in group if t.keep and _family(t.owner)]
    if visible_family:
        return visible_family  # the family's own name, which this audience sees
    others = [t for t in group if t.owner != winner.owner and t.label != winner.label]
    if not others:
        return group
    neutral = replace(winner, label=A_PERSON, aside=f"({A_PERSON})", role=False)
    return [neutral if t is winner else t for t in group]


def _family(owner: str) -> bool:
    return owner == "c:child" or owner.startswith("c:family:")
