"""What the wording check reports, and what it needs to know about the case (language, pure).

A `WordingFinding` says which words, where (character positions in the text as typed),
which rule, why, and what to write instead. The check never changes the text: the key
worker decides. `CheckContext` carries what the case tells the check: the child's and the
parents' names (so "Jordan refused to engage" is read as about the child) and the child's
age on the date of the event (the same words can be more serious at 12 than at 17).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum

from fftimeline.domain.cases import CaseDraft
from fftimeline.domain.dates import EventDate
from fftimeline.domain.wording_check import WordingMark


class Severity(StrEnum):
    """How strongly the guidance advises against the words."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    NOTE = "note"

    @property
    def rank(self) -> int:
        """3 for high down to 0 for a note (for sorting, strongest first)."""
        return {"high": 3, "medium": 2, "low": 1, "note": 0}[self.value]


SEVERITY_LABELS: dict[Severity, str] = {
    Severity.HIGH: "Strongly advised against",
    Severity.MEDIUM: "Advised against",
    Severity.LOW: "Worth a second look",
    Severity.NOTE: "A note",
}


class About(StrEnum):
    """Who the words are about."""

    CHILD = "child"
    PARENT = "parent"
    ANYONE = "anyone"


@dataclass(frozen=True)
class WordingFinding:
    """Words in a text that a wording rule flags.

    Attributes:
        rule_id: the rule's id.
        title: the rule's short title in plain words.
        start: where the words start in the text as typed.
        end: where they end (exclusive).
        words: the words themselves.
        severity: how strongly guidance advises against them here (a note inside quotes).
        about: whether they are about the child, a parent or carer, or anyone.
        reason: why the words are a problem, in plain words.
        alternatives: what to write instead, with [placeholders] to fill in.
        note: what changed the severity here (quoted words, the child's age), or ''.
        quoted: the words are inside quote marks.
        for_families: jargon that matters most in the family's own documents.
        mark: the key worker's mark that keeps these words on purpose, if any.
    """

    rule_id: str
    title: str
    start: int
    end: int
    words: str
    severity: Severity
    about: About
    reason: str
    alternatives: tuple[str, ...]
    note: str = ""
    quoted: bool = False
    for_families: bool = False
    mark: WordingMark | None = field(default=None, compare=False)

    @property
    def open(self) -> bool:
        """Whether the finding still needs looking at: not a note and not marked."""
        return self.severity is not Severity.NOTE and self.mark is None


_NAME_WORD = re.compile(r"\w[\w'’-]*")
_PARENT_ROLE = re.compile(
    r"mother|mum|mom|father|dad|parent|carer|guardian|step|grand|nan|foster|aunt|uncle",
    re.IGNORECASE,
)


def _names(full: str) -> list[str]:
    """A person's name as the check looks for it: the full name and the first name."""
    words = _NAME_WORD.findall(full)
    return [" ".join(words), words[0]] if words else []


@dataclass(frozen=True)
class CheckContext:
    """What the case tells the check.

    Attributes:
        child_names: the child's full name, first name and the name they like to be called.
        parent_names: the names of parents and carers in the family list.
        age: the child's age in whole years on the date of the event, if known.
    """

    child_names: tuple[str, ...] = ()
    parent_names: tuple[str, ...] = ()
    age: int | None = None

    @property
    def names_key(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The part of the context that changes how patterns compile."""
        return self.child_names, self.parent_names

    def at_age(self, age: int | None) -> CheckContext:
        """The same context for an event when the child was ``age``."""
        return CheckContext(self.child_names, self.parent_names, age)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Age in whole years on ``day`` (a birthday on 29 February counts from 1 March)."""
    years = day.year - birth.year
    return years - 1 if (day.month, day.day) < (birth.month, birth.day) else years


def context_for(case: CaseDraft, when: EventDate | None = None) -> CheckContext:
    """The check's context for an entry of ``case`` about an event ``when``.

    The age uses the earliest day the event could have been on: when a date is vague the
    younger age is taken, because the rules only ever become stricter for younger children.
    """
    child = _names(case.child_name) + _NAME_WORD.findall(case.known_as)
    parents = [
        name
        for member in case.family
        if _PARENT_ROLE.search(member.relationship)
        for name in _names(member.name)
    ]
    age = None
    if case.date_of_birth is not None and when is not None:
        age = max(age_on(case.date_of_birth, when.earliest), 0)
    return CheckContext(tuple(dict.fromkeys(child)), tuple(dict.fromkeys(parents)), age)
