"""Event dates with their certainty, ordering and human wording (domain layer).

People rarely know exactly when something happened to a child. An `EventDate` says how
sure we are ("around March 2025", "between 3 and 5 May 2025") and still sorts sensibly.
"""

from __future__ import annotations

import calendar
import datetime as dt
from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, model_validator

from fftimeline.catalogue import gettext, month_name
from fftimeline.domain.errors import rule_error


class Certainty(StrEnum):
    """How precisely the date of an event is known."""

    EXACT = "exact"
    AROUND = "around"
    MONTH = "month"
    YEAR = "year"
    BEFORE = "before"
    AFTER = "after"
    BETWEEN = "between"


class Precision(StrEnum):
    """How finely an 'around', 'before' or 'after' date is given."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


def today() -> dt.date:
    """Today's date; one place so rules about 'the future' agree."""
    return dt.date.today()


def day_words(d: dt.date) -> str:
    """One day in words, '3 May 2025' (also a day still to come, such as a due date)."""
    return _day(d)


def _day(d: dt.date) -> str:
    return gettext("{day} {month} {year}").format(day=d.day, month=month_name(d.month), year=d.year)


def _month(d: dt.date) -> str:
    return f"{month_name(d.month)} {d.year}"


def _month_end(d: dt.date) -> dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


class EventDate(BaseModel):
    """When an event happened, with how sure we are.

    Attributes:
        certainty: how precisely the date is known.
        start: the date (exact/around/before/after), the first day of the month (month),
            the first day of the year (year), or the start of a range (between).
        end: the end of a range; only for ``between``.
        time: time of day; only for ``exact``.
        precision: for around/before/after, whether ``start`` names a day, a month or a
            year ("around March 2025", "before 2024").
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    certainty: Certainty
    start: dt.date
    end: dt.date | None = None
    time: dt.time | None = None
    precision: Precision = Precision.DAY

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.certainty is Certainty.BETWEEN:
            if self.end is None:
                raise rule_error("range_needs_end", "Give the last date of the range too.")
            if self.end < self.start:
                raise rule_error(
                    "range_end_before_start",
                    "The range ends before it starts: put the earlier date first.",
                )
        elif self.end is not None:
            raise rule_error("end_only_for_range", "Only a 'between' date has an end date.")
        if self.time is not None and self.certainty is not Certainty.EXACT:
            raise rule_error("time_only_exact", "A time of day can only go with an exact date.")
        if self.precision is not Precision.DAY and self.certainty not in _PRECISE_ABLE:
            raise rule_error(
                "precision_not_allowed", "Only around, before and after dates can be vague."
            )
        if self.earliest > today():
            raise rule_error(
                "event_in_future",
                "This date is in the future. Record events once they have happened.",
            )
        return self

    # Convenience constructors -------------------------------------------------
    @classmethod
    def exact(cls, d: dt.date, time: dt.time | None = None) -> EventDate:
        """An exact date, optionally with a time of day."""
        return cls(certainty=Certainty.EXACT, start=d, time=time)

    @classmethod
    def around(cls, d: dt.date) -> EventDate:
        """A date that is roughly right."""
        return cls(certainty=Certainty.AROUND, start=d)

    @classmethod
    def around_month(cls, year: int, month: int) -> EventDate:
        """Roughly in a given month ("around March 2025")."""
        return cls(
            certainty=Certainty.AROUND, start=dt.date(year, month, 1), precision=Precision.MONTH
        )

    @classmethod
    def month(cls, year: int, month: int) -> EventDate:
        """Some time in a given month."""
        return cls(certainty=Certainty.MONTH, start=dt.date(year, month, 1))

    @classmethod
    def year(cls, year: int) -> EventDate:
        """Some time in a given year."""
        return cls(certainty=Certainty.YEAR, start=dt.date(year, 1, 1))

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> EventDate:
        """Some time in an inclusive range of dates."""
        return cls(certainty=Certainty.BETWEEN, start=start, end=end)

    # Ordering -----------------------------------------------------------------
    @property
    def earliest(self) -> dt.date:
        """The first day the event could have happened (used for sorting and range filters)."""
        return self.start

    @property
    def latest(self) -> dt.date:
        """The last day the event could have happened."""
        match self.certainty:
            case Certainty.BETWEEN:
                assert self.end is not None
                return self.end
            case Certainty.MONTH:
                return _month_end(self.start)
            case Certainty.YEAR:
                return dt.date(self.start.year, 12, 31)
            case _ if self.precision is Precision.MONTH:
                return _month_end(self.start)
            case _ if self.precision is Precision.YEAR:
                return dt.date(self.start.year, 12, 31)
            case _:
                return self.start

    @property
    def bounds(self) -> tuple[dt.date | None, dt.date | None]:
        """The first and last day the event may have happened; None where open-ended.

        Unlike `earliest` and `latest` (which place a vague date for sorting), this takes
        "before" and "after" at their word: "before 2026" may be any day up to 31 December
        2025, "after March 2025" any day from 1 April 2025. Date filters use it, so such
        an entry is never left out of a range it may belong to.
        """
        match self.certainty:
            case Certainty.BEFORE:
                return None, self.start - dt.timedelta(days=1)
            case Certainty.AFTER:
                return self.latest + dt.timedelta(days=1), None
            case _:
                return self.earliest, self.latest

    def may_fall_within(self, start: dt.date | None, end: dt.date | None) -> bool:
        """Whether the event may have happened between ``start`` and ``end`` (inclusive)."""
        first, last = self.bounds
        if start is not None and last is not None and last < start:
            return False
        return not (end is not None and first is not None and first > end)

    @property
    def sort_key(self) -> tuple[dt.date, int, dt.time]:
        """Chronological key: by earliest day, 'before' first and vaguer dates after exact ones."""
        rank = {
            Certainty.BEFORE: 0,
            Certainty.EXACT: 1,
            Certainty.AROUND: 2,
            Certainty.BETWEEN: 3,
            Certainty.MONTH: 4,
            Certainty.YEAR: 5,
            Certainty.AFTER: 6,
        }[self.certainty]
        return (self.start, rank, self.time or dt.time(0, 0))

    # Wording ------------------------------------------------------------------
    def wording(self) -> str:
        """The date in plain words, e.g. 'around March 2025' or 'between 3 and 5 May 2025'."""
        s = self.start
        match self.certainty:
            case Certainty.EXACT:
                if self.time is None:
                    return _day(s)
                return gettext("{date} at {time}").format(
                    date=_day(s), time=self.time.strftime("%H:%M")
                )
            case Certainty.AROUND:
                return gettext("around {date}").format(date=self._point())
            case Certainty.MONTH:
                return _month(s)
            case Certainty.YEAR:
                return str(s.year)
            case Certainty.BEFORE:
                return gettext("before {date}").format(date=self._point())
            case Certainty.AFTER:
                return gettext("after {date}").format(date=self._point())
            case Certainty.BETWEEN:
                assert self.end is not None
                return _range_wording(s, self.end)

    def _point(self) -> str:
        """The start date worded at its precision."""
        match self.precision:
            case Precision.YEAR:
                return str(self.start.year)
            case Precision.MONTH:
                return _month(self.start)
            case _:
                return _day(self.start)

    def __str__(self) -> str:
        return self.wording()


_PRECISE_ABLE = frozenset({Certainty.AROUND, Certainty.BEFORE, Certainty.AFTER})


def _range_wording(s: dt.date, e: dt.date) -> str:
    """Word a range compactly: 'between 3 and 5 May 2025', 'between 28 April and 2 May 2025'."""
    between = gettext("between {first} and {last}")
    if (s.year, s.month) == (e.year, e.month):
        return between.format(first=s.day, last=_day(e))
    if s.year == e.year:
        return between.format(first=f"{s.day} {month_name(s.month)}", last=_day(e))
    return between.format(first=_day(s), last=_day(e))
