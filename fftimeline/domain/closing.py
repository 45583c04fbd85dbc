"""The end of a case: closing it, how long it is kept, and purging it (domain layer).

A closed case is read-only and listed apart. It is kept until its retention date; after
that the key worker may purge it, which removes every trace of it from the vault. The audit
log keeps a record of the purge (case id, counts, who and why as a fixed reason) but no
content, so the purge reason is a choice from a short list, never free text.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fftimeline.domain.dates import today
from fftimeline.domain.errors import DomainError, rule_error

KEEP_YEARS_AFTER_CLOSING = 6
KEEP_UNTIL_AGE = 25


class PurgeReason(StrEnum):
    """Why a case is purged: recorded in the audit log, so never free text."""

    RETENTION_ENDED = "retention-ended"
    ERASURE_AGREED = "erasure-agreed"


PURGE_REASON_LABELS: dict[PurgeReason, str] = {
    PurgeReason.RETENTION_ENDED: "The time to keep it has ended",
    PurgeReason.ERASURE_AGREED: "An erasure request was agreed",
}


class ClosureDraft(BaseModel):
    """What the key worker says when closing a case."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    reason: str = Field(min_length=1, max_length=2000)
    retain_until: dt.date

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.retain_until < today():
            raise rule_error("retention_in_past", "The date to keep the case until is in the past.")
        return self


class CaseClosure(BaseModel):
    """A closed case: when, by whom, why, and until when it is kept.

    Unlike a `ClosureDraft`, a saved closure may be long past its retention date.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    case_id: int
    closed_at: dt.datetime
    closed_by: str
    reason: str
    retain_until: dt.date

    def purge_allowed(self, on: dt.date | None = None) -> bool:
        """Whether the retention date has come, so the case may be purged."""
        return (on or today()) >= self.retain_until


class PurgeReport(BaseModel):
    """What a purge removed: counts only."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    case_id: int
    reason: PurgeReason
    counts: dict[str, int]

    def detail(self) -> str:
        """The audit detail: 'reason=retention-ended entries=3 versions=4 ...' (no content)."""
        parts = [f"reason={self.reason.value}"]
        parts += [f"{name}={count}" for name, count in self.counts.items()]
        return " ".join(parts)


class CaseClosed(DomainError):
    """A change was asked of a closed case."""

    def __init__(self) -> None:
        super().__init__(
            "case_closed", "This case is closed, so it cannot be changed. Nothing was changed."
        )


class PurgeNotAllowed(DomainError):
    """The case is open, or its retention date has not come yet."""

    def __init__(self, closure: CaseClosure | None) -> None:
        if closure is None:
            message = "Only a closed case can be purged. Close the case first."
        else:
            day = f"{closure.retain_until.day} {closure.retain_until.strftime('%B %Y')}"
            message = f"This case is kept until {day}. It can be purged from that day."
        super().__init__("purge_not_allowed", message + " Nothing was changed.")


def suggested_retention(date_of_birth: dt.date | None, closing_day: dt.date) -> dt.date:
    """A suggested date to keep a case until.

    The later of the child's 25th birthday and six years after closing; the organisation's
    own retention schedule decides, so the key worker can change it.
    """
    later = _add_years(closing_day, KEEP_YEARS_AFTER_CLOSING)
    if date_of_birth is None:
        return later
    return max(later, _add_years(date_of_birth, KEEP_UNTIL_AGE))


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
