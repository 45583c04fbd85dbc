"""The current safety plan, in plain words, for the family's printed timeline (export layer).

The family's (or the child's) timeline can end with the safety plan agreed with them: who it
was agreed with and when, when it will be looked at again, what changed at the last review,
and each measure (what, who, by when). Every text it receives is already redacted for the
audience (the services redact it with the same redactor as the entries); those texts are
read by the leak scan at `PLACE`, and the fixed sentences are the document's own words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

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
class FamilyPlan:
    """The current version of the plan, redacted for the family or the child.

    Attributes:
        measures: what, who and by when.
        agreed_with: who agreed it.
        agreed_on: when this version was agreed.
        review_on: when it will be looked at again.
        reviewed_on: the day of the review this version came from (None: the first plan).
        changes: what changed at that review.
    """

    measures: tuple[PlanMeasure, ...]
    agreed_with: str
    agreed_on: dt.date
    review_on: dt.date
    reviewed_on: dt.date | None = None
    changes: str = ""


def _day(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def plan_blocks(voice: Voice, plan: FamilyPlan) -> Iterator[Block]:
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
