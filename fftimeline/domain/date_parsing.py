"""Read the dates people type ("12/3/25", "around 2024", "before 5 May") (domain layer).

Key workers write dates the way they say them. This module turns that text into an
`EventDate` with its certainty, strictly: UK day-first order, no silent guesses for a day
when only a month was given, and a plain-words `DomainError` for anything it cannot read.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

from pydantic import ValidationError

from fftimeline.domain import dates
from fftimeline.domain.dates import Certainty, EventDate, Precision
from fftimeline.domain.errors import DomainError

_MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(calendar.month_name) if name},
    **{name.lower(): i for i, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
_ORD = r"(?:st|nd|rd|th)?"
_AROUND = r"(?:approximately|approx\.?|around|about|roughly|circa|ca\.?|c\.|c|~)"
_PART_OF = (
    r"(?:early|mid|middle of|late|(?:the )?(?:start|beginning|middle|end) of)"
    r"(?:\s+|\s*-\s*)(?:the\s+)?"
)
"""'early March 2025', 'mid-April', 'end of May 2025', 'late 2024': read as 'around'."""


class _Point(NamedTuple):
    """One date as typed: its first day, how precise it is, and an optional time."""

    day: dt.date
    precision: Precision
    time: dt.time | None = None

    @property
    def last(self) -> dt.date:
        """The last day this point covers (end of the month or year when vague)."""
        if self.precision is Precision.MONTH:
            return self.day.replace(day=calendar.monthrange(self.day.year, self.day.month)[1])
        if self.precision is Precision.YEAR:
            return dt.date(self.day.year, 12, 31)
        return self.day


class _Unreadable(Exception):
    """Internal: the text is not a date this module understands."""


def parse_event_date(text: str, *, today: dt.date | None = None) -> EventDate:
    """Turn typed text into an `EventDate`.

    Args:
        text: what the user typed, e.g. "12/3/25", "March 2025", "between 3 and 5 May 2025".
        today: the date to treat as today (tests); defaults to the real date.

    Returns:
        The event date with its certainty.

    Raises:
        DomainError: the text is empty, not a date, an impossible date, or in the future.
    """
    now = today or dates.today()
    cleaned = _clean(text)
    if not cleaned:
        raise DomainError(
            "date_missing", "Say when it happened, even roughly: for example March 2025."
        )
    try:
        result = _parse(cleaned, now)
    except _Unreadable:
        raise DomainError(
            "date_unreadable",
            f"I can't read '{text.strip()}' as a date. Try 12/3/25, March 2025 or around 2024.",
        ) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        raise DomainError(str(first["type"]), str(first["msg"])) from None
    if result.earliest > now:
        raise DomainError(
            "event_in_future", "This date is in the future. Record events once they have happened."
        )
    return result


def parse_day(text: str, *, today: dt.date | None = None, ahead: bool = False) -> dt.date:
    """Read one exact day typed into a date box (a due date, a date of birth, a filter).

    Unlike `parse_event_date`, a day in the future is fine here.

    Args:
        text: what the user typed, e.g. "12/3/25", "3 May 2025", "today".
        today: the date to treat as today (tests); defaults to the real date.
        ahead: a day typed without a year is the next one to come (due dates) rather
            than the last one past.

    Raises:
        DomainError: the text is empty, not a date, or not one single day.
    """
    now = today or dates.today()
    s = _clean(text)
    if not s:
        raise DomainError("date_missing", "Type a date, for example 12/3/25.")
    shifts = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if s in shifts:
        return now + dt.timedelta(days=shifts[s])
    try:
        point = _date_point(s, now, ahead=ahead)
    except _Unreadable:
        raise DomainError(
            "date_unreadable",
            f"I can't read '{text.strip()}' as a date. Try 12/3/25 or 3 May 2025.",
        ) from None
    if point.precision is not Precision.DAY:
        raise DomainError("date_not_a_day", "Give one day here, for example 12/3/25.")
    return point.day


def describe(event_date: EventDate) -> str:
    """How the date was understood, in plain words: 'understood as: around March 2025'."""
    match event_date.certainty:
        case Certainty.MONTH | Certainty.YEAR:
            return f"understood as: some time in {event_date.wording()}"
        case _:
            return f"understood as: {event_date.wording()}"


def _clean(text: str) -> str:
    """Lower-case, single spaces, dashes unified, trailing full stop dropped."""
    s = re.sub(r"\s+", " ", text.strip().lower())
    s = s.replace("–", "-").replace("—", "-")
    return s.rstrip(".").strip()


def _parse(s: str, now: dt.date) -> EventDate:
    """Dispatch on the leading word: around / before / after / between / a plain date."""
    if s in ("today", "yesterday"):
        delta = 0 if s == "today" else 1
        return EventDate.exact(now - dt.timedelta(days=delta))
    if m := re.fullmatch(_AROUND + r"\s*(.+)", s):
        return _relative(Certainty.AROUND, m.group(1), now)
    if m := re.fullmatch(_PART_OF + r"(.+)", s):
        return _part_of(m.group(1), now)
    if m := re.fullmatch(r"(?:before|by|prior to)\s+(.+)", s):
        return _relative(Certainty.BEFORE, m.group(1), now)
    if m := re.fullmatch(r"(?:after|since)\s+(.+)", s):
        return _relative(Certainty.AFTER, m.group(1), now)
    if m := re.fullmatch(r"(?:between|from)\s+(.+?)\s+(?:and|to|until|till|-)\s+(.+)", s):
        return _range(m.group(1), m.group(2), now)
    try:
        return _plain(s, now)
    except _Unreadable:
        pass
    if m := re.fullmatch(r"(.+?)\s*(?:\s-\s|\sto\s|\suntil\s)\s*(.+)", s):
        return _range(m.group(1), m.group(2), now)
    if m := re.fullmatch(r"(\d{1,2})" + _ORD + r"\s*-\s*(.+)", s):
        return _range(m.group(1), m.group(2), now)
    raise _Unreadable


def _plain(s: str, now: dt.date) -> EventDate:
    """A date on its own: exact day (maybe with a time), a month, or a year."""
    point = _point(s, now)
    if point.precision is Precision.YEAR:
        return EventDate.year(point.day.year)
    if point.precision is Precision.MONTH:
        return EventDate.month(point.day.year, point.day.month)
    return EventDate.exact(point.day, point.time)


def _relative(certainty: Certainty, rest: str, now: dt.date) -> EventDate:
    """'around …', 'before …', 'after …' with the precision of what follows."""
    point = _point(rest, now)
    if point.time is not None:
        raise DomainError("time_only_exact", "A time of day can only go with an exact date.")
    return EventDate(certainty=certainty, start=point.day, precision=point.precision)


def _part_of(rest: str, now: dt.date) -> EventDate:
    """'early/mid/late/end of' a month or year: around that month or year, never a day.

    The honest reading of "early March 2025" is "around March 2025": we do not invent
    the first ten days, and a single day ("early 12/3/25") makes no sense.
    """
    point = _point(rest, now)
    if point.precision is Precision.DAY:
        raise _Unreadable
    return EventDate(certainty=Certainty.AROUND, start=point.day, precision=point.precision)


def _range(left: str, right: str, now: dt.date) -> EventDate:
    """'between A and B': A may leave out the month or year B gives ('3-5 May 2025')."""
    end = _point(right, now)
    start = _partial_start(left.strip(), end, now)
    if start.time is not None or end.time is not None:
        raise DomainError("time_only_exact", "A time of day can only go with an exact date.")
    return EventDate.between(start.day, end.last)


def _partial_start(left: str, end: _Point, now: dt.date) -> _Point:
    """The start of a range, borrowing the month and year of its end when left out."""
    if m := re.fullmatch(r"(\d{1,2})" + _ORD, left):
        return _Point(_make_date(end.day.year, end.day.month, int(m.group(1))), Precision.DAY)
    if m := re.fullmatch(r"(\d{1,2})" + _ORD + r"\s+(?:of\s+)?([a-z]+)", left):
        month = _month(m.group(2))
        year = end.day.year - (1 if month > end.day.month else 0)
        return _Point(_make_date(year, month, int(m.group(1))), Precision.DAY)
    if (month_only := _MONTHS.get(left)) is not None:
        year = end.day.year - (1 if month_only > end.day.month else 0)
        return _Point(dt.date(year, month_only, 1), Precision.MONTH)
    return _point(left, now)


def _point(s: str, now: dt.date) -> _Point:
    """One date, optionally followed by a time of day ('14/8/25 15:30')."""
    s = s.strip().rstrip(",")
    time_match = re.fullmatch(r"(.*?\S),?\s+(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?", s)
    if time_match and (time_match.group(3) or time_match.group(4)):
        point = _date_point(time_match.group(1), now)
        if point.precision is not Precision.DAY:
            raise _Unreadable
        return point._replace(time=_time(*time_match.group(2, 3, 4)))
    return _date_point(s, now)


def _date_point(s: str, now: dt.date, *, ahead: bool = False) -> _Point:
    """A date with no time: the formats people use, tried strictly one by one."""
    s = s.strip().rstrip(",")
    if m := re.fullmatch(r"(\d{4})", s):
        return _Point(dt.date(_year(m.group(1), now), 1, 1), Precision.YEAR)
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s):
        return _day_point(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", s):
        return _month_point(int(m.group(1)), int(m.group(2)))
    if m := re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", s):
        return _day_point(_year(m.group(3), now), int(m.group(2)), int(m.group(1)))
    if m := re.fullmatch(r"(\d{1,2})[/.\-](\d{4})", s):
        return _month_point(int(m.group(2)), int(m.group(1)))
    if m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})", s):
        return _no_year(int(m.group(1)), int(m.group(2)), now, ahead=ahead)
    if m := re.fullmatch(r"(\d{1,2})" + _ORD + r"\s+(?:of\s+)?([a-z]+)\.?,?\s+'?(\d{4}|\d{2})", s):
        return _day_point(_year(m.group(3), now), _month(m.group(2)), int(m.group(1)))
    if m := re.fullmatch(r"(\d{1,2})" + _ORD + r"\s+(?:of\s+)?([a-z]+)\.?", s):
        return _no_year(int(m.group(1)), _month(m.group(2)), now, ahead=ahead)
    if m := re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2})" + _ORD + r",?\s+(\d{4})", s):
        return _day_point(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
    if m := re.fullmatch(r"([a-z]+)\.?,?\s+(\d{4}|'\d{2})", s):
        return _month_point(_year(m.group(2).lstrip("'"), now), _month(m.group(1)))
    if (month := _MONTHS.get(s)) is not None:
        year = now.year - (1 if month > now.month else 0)
        return _month_point(year, month)
    raise _Unreadable


def _month(name: str) -> int:
    """Month number from a name or abbreviation."""
    month = _MONTHS.get(name.rstrip("."))
    if month is None:
        raise _Unreadable
    return month


def _year(text: str, now: dt.date) -> int:
    """A four-digit year, or a two-digit one: 20yy up to five years ahead, else 19yy.

    "12/3/27" typed in 2025 is 2027 (so an event date gets the plain "in the future"
    message and a due date works), not 1927; "12/3/85" is 1985.
    """
    if len(text) == 4:
        return int(text)
    yy = int(text)
    return 2000 + yy if 2000 + yy <= now.year + 5 else 1900 + yy


def _make_date(year: int, month: int, day: int) -> dt.date:
    """A real calendar date, or unreadable (31 February, month 13)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _Unreadable from None


def _day_point(year: int, month: int, day: int) -> _Point:
    return _Point(_make_date(year, month, day), Precision.DAY)


def _month_point(year: int, month: int) -> _Point:
    return _Point(_make_date(year, month, 1), Precision.MONTH)


def _no_year(day: int, month: int, now: dt.date, *, ahead: bool = False) -> _Point:
    """A day and month with no year: the last one past (or, `ahead`, the next one to come)."""
    year = now.year
    if ahead and (month, day) < (now.month, now.day):
        year += 1
    elif not ahead and (month, day) > (now.month, now.day):
        year -= 1
    return _day_point(year, month, day)


def _time(hours: str, minutes: str | None, half: str | None) -> dt.time:
    """A time of day from '15:30', '3.30pm' or '3pm'."""
    h, mins = int(hours), int(minutes or 0)
    if half is not None:
        if not 1 <= h <= 12:
            raise _Unreadable
        h = h % 12 + (12 if half == "pm" else 0)
    if not (0 <= h <= 23 and 0 <= mins <= 59):
        raise _Unreadable
    return dt.time(h, mins)
