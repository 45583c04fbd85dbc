"""The shape of the demo story files in ``resources/demo/`` (services layer).

Each model here is one table of a TOML file, checked strictly (an unknown or misspelt key is a
mistake) so an edit that would silently change the demo is caught when it is read. Dates are
"days ago" (a negative number is in the future, for tasks); `Dater` turns them into real dates
counted back from the day the demo vault is made. `demo_story` reads the files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fftimeline.domain.cases import Allocation, CaseDraft, FamilyMember, TeamMember
from fftimeline.domain.dates import Certainty, EventDate, Precision
from fftimeline.domain.entries import Grading, Impact, Kind, Nature, Significance
from fftimeline.domain.errors import rule_error
from fftimeline.domain.people import Linked
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source
from fftimeline.domain.tasks import TaskDraft, TaskStatus
from fftimeline.domain.views import ChildWish, PersonView, ViewHolder, ViewPosition


@dataclass(frozen=True)
class Dater:
    """Turns 'so many days ago' into dates, relative to the day the demo is made."""

    today: dt.date

    def day(self, ago: int) -> dt.date:
        """The date `ago` days before today (after it when `ago` is negative)."""
        return self.today - dt.timedelta(days=ago)

    def point(self, ago: int, precision: Precision) -> dt.date:
        """The day, or the first day of the month or year, that holds the day `ago` back."""
        d = self.day(ago)
        if precision is Precision.MONTH:
            return d.replace(day=1)
        if precision is Precision.YEAR:
            return d.replace(month=1, day=1)
        return d

    def birthday(self, years: int, extra_days: int) -> dt.date:
        """The first of this month `years` ago, less `extra_days`: the child's date of birth."""
        born = self.today.replace(year=self.today.year - years, day=1)
        return born - dt.timedelta(days=extra_days)


class _Table(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AllocationSpec(_Table):
    """A key worker's time on the case."""

    worker: str
    from_days_ago: int
    until_days_ago: int | None = None


class CaseSpec(_Table):
    """The [case] table: the child, family, team and key-worker history."""

    child_name: str
    known_as: str = ""
    born_years_ago: int = Field(ge=0, le=25)
    born_days_earlier: int = 0
    pronouns: str = ""
    key_worker: str = ""
    key_worker_organisation: str = ""
    key_worker_phone: str = ""
    key_worker_email: str = ""
    family: tuple[FamilyMember, ...] = ()
    team: tuple[TeamMember, ...] = ()
    allocations: tuple[AllocationSpec, ...] = ()

    def draft(self, d: Dater) -> CaseDraft:
        """The case as the case dialog would make it."""
        allocations = tuple(
            Allocation(
                worker=a.worker,
                start=d.day(a.from_days_ago),
                end=None if a.until_days_ago is None else d.day(a.until_days_ago),
            )
            for a in self.allocations
        )
        return CaseDraft(
            child_name=self.child_name,
            known_as=self.known_as,
            date_of_birth=d.birthday(self.born_years_ago, self.born_days_earlier),
            pronouns=self.pronouns,
            key_worker=self.key_worker,
            key_worker_organisation=self.key_worker_organisation,
            key_worker_phone=self.key_worker_phone,
            key_worker_email=self.key_worker_email,
            family=self.family,
            team=self.team,
            allocations=allocations,
        )


class EverydayPeople(_Table):
    """The [everyday] table: who a case's everyday entries are about and come from."""

    child: str
    parent: str
    parent_source: str
    school: str
    key_worker: str
    support: str

    def source_keys(self) -> tuple[str, ...]:
        """The source keys named here."""
        return (self.parent_source, self.school, self.key_worker, self.support)


class EntrySpec(_Table):
    """One [[entries]] table: a storyline entry."""

    summary: str
    kind: Kind
    certainty: Certainty = Certainty.EXACT
    precision: Precision = Precision.DAY
    days_ago: int = Field(ge=0)
    until_days_ago: int | None = Field(default=None, ge=0)
    time: dt.time | None = None
    learned_days_ago: int | None = Field(default=None, ge=0)
    account: str = ""
    nature: Nature
    opinion_of: str = ""
    source: str | None = None
    links: tuple[str, ...] = ()
    significance: Significance = Significance.ROUTINE
    impact: Impact = Impact.NEUTRAL
    family_view: ViewPosition = ViewPosition.NOT_ASKED
    family_says: str = ""
    view_by: str = ""
    """The family member whose view ``family_view`` is (their name); '' for the whole family."""
    child_view: ViewPosition = ViewPosition.NOT_ASKED
    child_says: str = ""
    wish: str = ""
    """The child's wish about sharing, in their words."""
    wish_not_told: frozenset[Audience] = frozenset()
    no_source_reason: str = ""
    next_action: str = ""
    next_action_owner: str = ""
    action_done: str = ""
    """What came of a serious risk's next action: its task is then done, with this outcome."""
    no_action_reason: str = ""
    outcome: str = ""
    sharing: str = "professionals"
    grading: Grading | None = None

    def views(self) -> tuple[PersonView, ...]:
        """The child's view and the family's (one member's, or the family's as a whole)."""
        views = [
            PersonView(holder=ViewHolder.CHILD, position=self.child_view, text=self.child_says),
            PersonView(
                holder=ViewHolder.MEMBER if self.view_by else ViewHolder.FAMILY,
                name=self.view_by,
                position=self.family_view,
                text=self.family_says,
            ),
        ]
        return tuple(v for v in views if v.is_recorded)

    def child_wish(self) -> ChildWish | None:
        """The child's wish about sharing, if the story gives one."""
        if not self.wish and not self.wish_not_told:
            return None
        return ChildWish(text=self.wish, not_told=self.wish_not_told)

    def action_due(self, d: Dater) -> dt.date | None:
        """A serious risk's next action is due the day after it happened."""
        if self.significance is not Significance.SERIOUS or not self.next_action:
            return None
        return d.day(self.days_ago - 1)

    def event_date(self, d: Dater) -> EventDate:
        """When it happened, with its certainty, counted back from the demo's day."""
        precision = {Certainty.MONTH: Precision.MONTH, Certainty.YEAR: Precision.YEAR}.get(
            self.certainty, self.precision
        )
        end = None if self.until_days_ago is None else d.day(self.until_days_ago)
        return EventDate(
            certainty=self.certainty,
            start=d.point(self.days_ago, precision),
            end=end,
            time=self.time,
            precision=self.precision,
        )


class TaskSpec(_Table):
    """One [[tasks]] table; `arises_from` names storyline entries by their summary."""

    what: str
    owner: str
    due_days_ago: int | None = None
    status: TaskStatus = TaskStatus.OPEN
    outcome: str = ""
    arises_from: tuple[str, ...] = ()

    def draft(self, d: Dater) -> TaskDraft:
        """The task as the task dialog would make it (entry ids are added once saved)."""
        due = None if self.due_days_ago is None else d.day(self.due_days_ago)
        return TaskDraft(
            what=self.what, owner=self.owner, due=due, status=self.status, outcome=self.outcome
        )


class CaseFile(_Table):
    """One case file: every key an entry, task or everyday table names must be defined."""

    case: CaseSpec
    everyday: EverydayPeople
    sources: dict[str, Source] = {}
    register_: dict[str, Linked] = Field(default={}, alias="register")
    entries: tuple[EntrySpec, ...] = ()
    tasks: tuple[TaskSpec, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Self:
        sources = {e.source for e in self.entries if e.source} | set(self.everyday.source_keys())
        _known("source", sources, self.sources)
        _known("register key", {k for e in self.entries for k in e.links}, self.register_)
        summaries = [e.summary for e in self.entries]
        _known("entry summary", {s for t in self.tasks for s in t.arises_from}, summaries)
        if len(set(summaries)) != len(summaries):
            raise rule_error("summary_twice", "Two entries have the same summary.")
        return self

    def positions(self, summaries: tuple[str, ...]) -> tuple[int, ...]:
        """Where the entries with these summaries are in the storyline."""
        order = [e.summary for e in self.entries]
        return tuple(order.index(s) for s in summaries)


def _known(what: str, used: set[str], defined: Collection[str]) -> None:
    missing = sorted(k for k in used if k not in defined)
    if missing:
        raise rule_error("unknown_key", f"There is no {what} called {missing[0]!r}.")


class SharingSpec(_Table):
    """One table of sharing.toml: who may see an entry, and why not the others."""

    audiences: frozenset[Audience]
    reasons_not: dict[Audience, str] = Field(default={}, alias="not")

    def sharing(self) -> Sharing:
        """The entry's sharing as the editor would set it."""
        return Sharing(audiences=self.audiences, reasons_not=self.reasons_not)


class EverydayKind(_Table):
    """One [[kinds]] table of everyday.toml: one way an everyday entry is made."""

    kind: Kind
    summary: str
    account: str
    nature: Nature
    source: Literal["parent_source", "school", "key_worker", "support"]
    sharing: str
    family_view: tuple[ViewPosition, ...] = Field(min_length=1)
    impact: Impact = Impact.NEUTRAL
    significance: Significance = Significance.ROUTINE
    learned_up_to_days_later: int | None = Field(default=None, ge=0)
    phrases: tuple[str, ...] = Field(min_length=1)


class EverydayFile(_Table):
    """everyday.toml: how many entries a case has in all, and the kinds to fill it with."""

    entries_per_case: int = Field(ge=0, le=2000)
    kinds: tuple[EverydayKind, ...] = Field(min_length=1)
