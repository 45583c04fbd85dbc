"""The current safety plan on paper: in plain words for the family, in full for the team.

The family's (or the child's) timeline can end with the safety plan agreed with them: who it
was agreed with and when, when it will be looked at again, what changed at the last review,
and each measure (what, who, by when). The professional chronology (a strategy meeting, the
safeguarding team) can end with the plan in full: the measures, and what the last review
found of each, what changed, and the family's and the child's views when the audience sees
the family's view. Every text it receives is already redacted for the audience (the
services redact it with the same redactor as the entries); those texts are read by the leak
scan at `PLACE`, and the fixed sentences are the document's own words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from fftimeline.domain.dates import today
from fftimeline.domain.wording import Voice
from fftimeline.export.document import Block, Heading, Paragraph, Part

PLACE = "the safety plan"
"""Where the plan's texts are, in the leak scan's findings."""


@dataclass(frozen=True)
class PlanMeasure:
    """One measure, redacted: what is done, by whom, by when."""

    what: str
    who: str
    by_when: dt.date | None = None


@dataclass(frozen=True)
class ReviewedMeasure:
    """What the last review found of one measure, redacted (``working`` in plain words)."""

    measure: str
    working: str
    note: str = ""


@dataclass(frozen=True)
class SharedPlan:
    """The current version of the plan, redacted for one audience.

    Attributes:
        measures: what, who and by when.
        agreed_with: who agreed it.
        agreed_on: when this version was agreed.
        review_on: when it will be looked at again.
        reviewed_on: the day of the review this version came from (None: the first plan).
        changes: what changed at that review.
        version: the version's number (every version is kept).
        reviewed: what that review found of each measure (the team's document only).
        family_view: the family's view at that review ('' when not for this audience).
        child_view: the child's view at that review (never merged into the family's).
    """

    measures: tuple[PlanMeasure, ...]
    agreed_with: str
    agreed_on: dt.date
    review_on: dt.date
    reviewed_on: dt.date | None = None
    changes: str = ""
    version: int = 1
    reviewed: tuple[ReviewedMeasure, ...] = ()
    family_view: str = ""
    child_view: str = ""


def _day(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def plan_blocks(voice: Voice, plan: SharedPlan) -> Iterator[Block]:
    """The plan as headings and paragraphs, in the family's or the child's words."""
    child = voice is Voice.CHILD
    yield Heading("Your safety plan", 1)
    yield Paragraph.of(
        "This is the plan to help keep you safe. We agreed it with "
        if child
        else "This is the plan to help keep your child safe. We agreed it with ",
        Part(plan.agreed_with, PLACE),
        f" on {_day(plan.agreed_on)}. We will look at it again together on {_day(plan.review_on)}.",
    )
    if plan.reviewed_on is not None:
        said = ("We looked at the plan together on ", f"{_day(plan.reviewed_on)}.")
        if plan.changes:
            yield Paragraph.of(*said, " What changed: ", Part(plan.changes, PLACE))
        else:
            yield Paragraph.of(*said)
    yield Heading("What each person will do", 3)
    for measure in plan.measures:
        when = f" By {_day(measure.by_when)}." if measure.by_when is not None else ""
        yield Paragraph.of(
            Part(measure.what, PLACE), " Who: ", Part(measure.who, PLACE), f".{when}"
        )
    yield Paragraph.of(
        "If part of the plan is not working, tell your key worker: we will change it with you."
        if not child
        else "If part of the plan is not working for you, tell your key worker."
    )


def _stop(text: str) -> str:
    """A full stop after ``text`` unless it ends with one (initials do: "J. O.")."""
    return "" if text.rstrip().endswith((".", "!", "?")) else "."


def team_plan_blocks(plan: SharedPlan) -> Iterator[Block]:
    """The plan in full for a professional audience, after their chronology."""
    yield Heading("Safety plan", 1)
    late = " The review is overdue." if plan.review_on < today() else ""
    yield Paragraph.of(
        f"Version {plan.version}, agreed on {_day(plan.agreed_on)}. "
        f"Next review: {_day(plan.review_on)}.{late}"
    )
    yield Paragraph.of("Agreed with: ", Part(plan.agreed_with, PLACE), _stop(plan.agreed_with))
    yield Heading("Measures", 3)
    for measure in plan.measures:
        when = f" By {_day(measure.by_when)}." if measure.by_when is not None else ""
        yield Paragraph.of(
            Part(measure.what, PLACE),
            _stop(measure.what) + " Who: ",
            Part(measure.who, PLACE),
            _stop(measure.who) + when,
        )
    if plan.reviewed_on is None:
        return
    yield Heading(f"The review on {_day(plan.reviewed_on)}", 3)
    for found in plan.reviewed:
        note = (" (", Part(found.note, PLACE), ")") if found.note else ()
        yield Paragraph.of(Part(found.measure, PLACE), f": {found.working}", *note, ".")
    said = (
        ("What changed: ", plan.changes),
        ("The family's view: ", plan.family_view),
        ("The child's view: ", plan.child_view),
    )
    for label, text in said:
        if text:
            yield Paragraph.of(label, Part(text, PLACE), _stop(text))
