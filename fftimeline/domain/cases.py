"""A case: one child or young person, their family and the team around them (domain layer)."""

from __future__ import annotations

import datetime as dt
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fftimeline.domain.closing import CaseClosure
from fftimeline.domain.dates import today
from fftimeline.domain.errors import rule_error


class FamilyMember(BaseModel):
    """A member of the child's family or household."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    relationship: str = Field(min_length=1, max_length=100)
    contact: str = Field(default="", max_length=500)


class TeamMember(BaseModel):
    """A professional in the team around the child."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    agency: str = Field(default="", max_length=200)
    role: str = Field(default="", max_length=200)


class Allocation(BaseModel):
    """A period during which a worker was the child's nominated key person."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    worker: str = Field(min_length=1, max_length=200)
    start: dt.date
    end: dt.date | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.end is not None and self.end < self.start:
            raise rule_error("allocation_end_before_start", "The allocation ends before it starts.")
        return self

    def wording(self) -> str:
        """'Sam Okoro, from 6 January 2025 to 1 September 2025' or '…, since 1 September 2025'."""
        start = f"{self.start.day} {self.start.strftime('%B %Y')}"
        if self.end is None:
            return f"{self.worker}, since {start}"
        return f"{self.worker}, from {start} to {self.end.day} {self.end.strftime('%B %Y')}"


class CaseDraft(BaseModel):
    """A case as the key person writes it.

    Attributes:
        child_name: the child's full name.
        known_as: what the child likes to be called.
        date_of_birth: the child's date of birth, if known.
        pronouns: the child's pronouns.
        key_worker: the nominated key person now.
        key_worker_organisation: who the key person works for (on the family's timeline).
        key_worker_phone: how the family can phone the key person.
        key_worker_email: how the family can email the key person.
        family: family members with their relationship to the child.
        team: professionals in the team around the child.
        allocations: who has been the key person, and when.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    child_name: str = Field(min_length=1, max_length=200)
    known_as: str = Field(default="", max_length=100)
    date_of_birth: dt.date | None = None
    pronouns: str = Field(default="", max_length=50)
    key_worker: str = Field(default="", max_length=200)
    key_worker_organisation: str = Field(default="", max_length=200)
    key_worker_phone: str = Field(default="", max_length=50)
    key_worker_email: str = Field(default="", max_length=200)
    family: tuple[FamilyMember, ...] = ()
    team: tuple[TeamMember, ...] = ()
    allocations: tuple[Allocation, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.date_of_birth is not None and self.date_of_birth > today():
            raise rule_error("birth_in_future", "The date of birth is in the future.")
        email = self.key_worker_email
        if email and ("@" not in email or " " in email):
            raise rule_error(
                "email_not_an_address",
                "The key worker's email does not look like an address: check it "
                "(for example sam.key@council.example).",
            )
        return self

    @property
    def display_name(self) -> str:
        """Name as shown in the case list: 'Jayden Okafor (JJ)'."""
        return f"{self.child_name} ({self.known_as})" if self.known_as else self.child_name

    @property
    def initials(self) -> str:
        """Initials for working in public places: 'J. O.'."""
        return " ".join(f"{p[0].upper()}." for p in self.child_name.split() if p)


class Case(CaseDraft):
    """A saved case."""

    id: int
    created_at: dt.datetime


class CaseSummary(BaseModel):
    """What the case list shows for one case, computed by the store."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    case: Case
    entry_count: int = 0
    open_tasks: int = 0
    overdue_tasks: int = 0
    last_serious: dt.date | None = None
    disputed: int = 0
    """Entries the child or a family member disputes, in whole or in part."""
    closure: CaseClosure | None = None
    """Set when the case is closed (read-only, listed apart)."""


def record_allocation(
    draft: CaseDraft, previous: CaseDraft | None, on: dt.date, *, correction: bool = False
) -> CaseDraft:
    """The draft with its key-person history brought up to date.

    When a case gets its first key worker, or the key worker changes, the open allocation
    (if any) ends on ``on`` and a new one starts that day, so hand-overs are on record
    without the key person having to keep the history by hand.

    With ``correction`` the change of name corrects how the same key worker's name was
    written (a typo): the open allocation keeps its start and takes the corrected name, and
    no hand-over is recorded.
    """
    before = previous.key_worker if previous is not None else ""
    if not draft.key_worker or (draft.key_worker == before and draft.allocations):
        return draft
    if (
        correction
        and before
        and any(a.end is None and a.worker == before for a in draft.allocations)
    ):
        corrected = tuple(
            a.model_copy(update={"worker": draft.key_worker})
            if a.end is None and a.worker == before
            else a
            for a in draft.allocations
        )
        return draft.model_copy(update={"allocations": corrected})
    history = [
        a.model_copy(update={"end": on}) if a.end is None and a.worker != draft.key_worker else a
        for a in draft.allocations
    ]
    if not any(a.end is None and a.worker == draft.key_worker for a in history):
        history.append(Allocation(worker=draft.key_worker, start=on))
    return draft.model_copy(update={"allocations": tuple(history)})
