"""The wording rules as data: what one rule says, and the book of them (language layer, pure).

Rules live in ``resources/language/en-GB.toml`` (and optionally in an organisation's own
file, see `language.loader`). Each rule says who it is about, why the words are a problem
and what to write instead, and carries sentences it must flag and similar ones it must
not, which the test suite runs, so a new rule brings its own tests.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fftimeline.language.findings import About, Severity

Category = Literal[
    "choice",
    "blame-child",
    "blame-parent",
    "adultifies",
    "minimises",
    "criminalises",
    "normalises",
    "dehumanises",
    "disbelief",
    "engagement",
    "jargon",
    "accuracy",
    "preference",
]
"""Why a rule's words are a problem; see the rules file's header for what each means."""

_SPEC = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class AgeBand(BaseModel):
    """How a rule changes for a child of a given age on the date of the event.

    Attributes:
        below: the band is for children younger than this.
        from_: the band is for children this age or older (``from`` in the file).
        severity: the severity in this band; "off" means the words are fine at this age.
        note: a sentence shown with the finding ("At 12, the law treats this as rape.").
        alternatives: alternatives offered first in this band.
    """

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, populate_by_name=True
    )

    below: int | None = Field(default=None, ge=1, le=25)
    from_: int | None = Field(default=None, alias="from", ge=0, le=25)
    severity: Severity | Literal["off"]
    note: str = ""
    alternatives: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _one_bound(self) -> Self:
        if (self.below is None) == (self.from_ is None):
            raise ValueError("give an age band either 'below' or 'from', not both or neither")
        return self

    def fits(self, age: int) -> bool:
        """Whether a child of ``age`` is in this band."""
        return age < self.below if self.below is not None else age >= (self.from_ or 0)


class Example(BaseModel):
    """A sentence with what the rule should make of it (for the test suite).

    Attributes:
        text: the sentence.
        age: the child's age on the date of the event, if it matters.
        severity: the finding expected ("none" for no finding of this rule).
    """

    model_config = _SPEC

    text: str = Field(min_length=1)
    age: int | None = Field(default=None, ge=0, le=25)
    severity: Severity | Literal["none"]


class RuleSpec(BaseModel):
    """One wording rule as written in a rules file.

    Attributes:
        id: stable id (lower case words joined by hyphens); marks and scripts refer to it.
        title: a short name in plain words ("Puts the risk on the child").
        about: who the words are about.
        category: why they are a problem.
        severity: how strongly guidance advises against them.
        patterns: what to look for (see `language.patterns`).
        regex: raw regular expressions, for organisations' own rules.
        match_case: capitals must match (acronyms such as "LAC").
        needs: patterns one of which must be found nearby for the rule to apply.
        needs_near: how many sentences before and after count as nearby (0 = same sentence).
        unless: patterns that cancel a finding when they overlap it (innocent senses).
        not_with: patterns that cancel the rule anywhere in the same sentence (legal uses).
        negation: "clears" when a negation just before the words makes them right ("had no
            choice"); "kept" when the negated words are the problem ("not engaging").
        in_quotes: inside quotes: "note" (a gentle note), "skip" (nothing) or "flag" (as usual).
        for_families: jargon counted before a parents' or child's document goes out.
        reason: why the words are a problem, in our own words.
        alternatives: what to write instead, with [placeholders].
        sources: codes of the guidance behind the rule (the file's [sources] table).
        flags: sentences the rule must flag.
        passes: similar sentences it must not flag.
        examples: sentences with an age and an expected severity.
        age: how the rule changes with the child's age.
    """

    model_config = _SPEC

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)
    title: str = Field(min_length=3, max_length=80)
    about: About
    category: tuple[Category, ...] = Field(min_length=1)
    severity: Severity
    patterns: tuple[str, ...] = ()
    regex: tuple[str, ...] = ()
    match_case: bool = False
    needs: tuple[str, ...] = ()
    needs_near: int = Field(default=0, ge=0, le=3)
    unless: tuple[str, ...] = ()
    not_with: tuple[str, ...] = ()
    negation: Literal["clears", "kept"] = "clears"
    in_quotes: Literal["note", "skip", "flag"] = "note"
    for_families: bool = False
    reason: str = Field(min_length=10)
    alternatives: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()
    examples: tuple[Example, ...] = Field(default=(), alias="example")
    age: tuple[AgeBand, ...] = ()

    @model_validator(mode="after")
    def _has_patterns(self) -> Self:
        if not self.patterns and not self.regex:
            raise ValueError("a rule needs at least one pattern")
        return self

    def band(self, age: int | None) -> AgeBand | None:
        """The age band that applies to a child of ``age``, if any."""
        if age is None:
            return None
        return next((b for b in self.age if b.fits(age)), None)


class ExampleCase(BaseModel):
    """The made-up case every rule's example sentences are checked against."""

    model_config = _SPEC

    child: str = "Jordan Ellis"
    known_as: str = ""
    parents: tuple[str, ...] = ()


class RulesHeader(BaseModel):
    """Everything in a built-in rules file except the rules themselves.

    Attributes:
        format: the file format's version (1).
        version: the rules' own version, raised whenever a rule changes.
        language: the language the rules are for ("en-GB").
        last_reviewed: when someone last checked the rules against the guidance.
        places: what {child} and {parent} stand for before the case's names are added.
        forms: named word lists used as ``@name`` in patterns.
        exempt: names of organisations, teams and laws that are never flagged.
        sources: the guidance cited, by code.
        example_case: the case the example sentences are checked against.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal[1]
    version: str = Field(min_length=1)
    language: str = Field(min_length=2)
    last_reviewed: dt.date
    places: dict[str, tuple[str, ...]]
    forms: dict[str, tuple[str, ...]] = {}
    exempt: tuple[str, ...] = ()
    sources: dict[str, str] = {}
    example_case: ExampleCase = ExampleCase()
