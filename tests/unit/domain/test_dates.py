"""Event dates: plain wording for every certainty, and a sensible chronological order."""

from __future__ import annotations

import datetime as dt

import pytest

from fftimeline.domain.dates import Certainty, EventDate, Precision

D = dt.date(2025, 3, 14)


@pytest.mark.parametrize(
    ("when", "words"),
    [
        (EventDate.exact(D), "14 March 2025"),
        (EventDate.exact(D, dt.time(15, 20)), "14 March 2025 at 15:20"),
        (EventDate.around(D), "around 14 March 2025"),
        (EventDate.around_month(2025, 3), "around March 2025"),
        (EventDate(certainty=Certainty.AROUND, start=D, precision=Precision.YEAR), "around 2025"),
        (EventDate.month(2025, 3), "March 2025"),
        (EventDate.year(2024), "2024"),
        (EventDate(certainty=Certainty.BEFORE, start=D), "before 14 March 2025"),
        (
            EventDate(certainty=Certainty.BEFORE, start=D, precision=Precision.YEAR),
            "before 2025",
        ),
        (EventDate(certainty=Certainty.AFTER, start=D), "after 14 March 2025"),
        (
            EventDate(
                certainty=Certainty.AFTER, start=dt.date(2025, 3, 1), precision=Precision.MONTH
            ),
            "after March 2025",
        ),
        (EventDate.between(dt.date(2025, 5, 3), dt.date(2025, 5, 5)), "between 3 and 5 May 2025"),
        (
            EventDate.between(dt.date(2025, 4, 28), dt.date(2025, 5, 2)),
            "between 28 April and 2 May 2025",
        ),
        (
            EventDate.between(dt.date(2024, 12, 30), dt.date(2025, 1, 2)),
            "between 30 December 2024 and 2 January 2025",
        ),
    ],
)
def test_wording(when: EventDate, words: str) -> None:
    assert when.wording() == words
    assert str(when) == words


def test_every_certainty_has_wording() -> None:
    worded = {
        Certainty.EXACT: EventDate.exact(D),
        Certainty.AROUND: EventDate.around(D),
        Certainty.MONTH: EventDate.month(2025, 3),
        Certainty.YEAR: EventDate.year(2025),
        Certainty.BEFORE: EventDate(certainty=Certainty.BEFORE, start=D),
        Certainty.AFTER: EventDate(certainty=Certainty.AFTER, start=D),
        Certainty.BETWEEN: EventDate.between(D, D),
    }
    assert set(worded) == set(Certainty)
    assert all(w.wording() for w in worded.values())


def test_sorting_puts_before_first_and_vaguer_dates_after_exact_ones() -> None:
    dates = [
        EventDate(certainty=Certainty.AFTER, start=dt.date(2025, 1, 1)),
        EventDate.year(2025),
        EventDate.month(2025, 1),
        EventDate.between(dt.date(2025, 1, 1), dt.date(2025, 1, 9)),
        EventDate.around(dt.date(2025, 1, 1)),
        EventDate.exact(dt.date(2025, 1, 1), dt.time(18, 0)),
        EventDate.exact(dt.date(2025, 1, 1), dt.time(9, 0)),
        EventDate(certainty=Certainty.BEFORE, start=dt.date(2025, 1, 1)),
        EventDate.exact(dt.date(2024, 12, 31)),
    ]
    ordered = sorted(dates, key=lambda d: d.sort_key)
    assert [d.certainty for d in ordered] == [
        Certainty.EXACT,
        Certainty.BEFORE,
        Certainty.EXACT,
        Certainty.EXACT,
        Certainty.AROUND,
        Certainty.BETWEEN,
        Certainty.MONTH,
        Certainty.YEAR,
        Certainty.AFTER,
    ]
    assert ordered[2].time == dt.time(9, 0)


def test_latest_day_of_vague_dates() -> None:
    assert EventDate.month(2024, 2).latest == dt.date(2024, 2, 29)
    assert EventDate.year(2024).latest == dt.date(2024, 12, 31)
    assert EventDate.around_month(2025, 4).latest == dt.date(2025, 4, 30)
    assert EventDate.exact(D).latest == D


def test_today_is_not_the_future() -> None:
    assert EventDate.exact(dt.date.today()).earliest == dt.date.today()


# Filters: an entry goes when it may have happened within the dates -----------------------
_Y, _M, _P = Precision.YEAR, Precision.MONTH, Precision.DAY


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.mark.parametrize(
    ("when", "first", "last"),
    [
        (EventDate.exact(D), "2025-03-14", "2025-03-14"),
        (EventDate.around(D), "2025-03-14", "2025-03-14"),
        (EventDate.around_month(2025, 3), "2025-03-01", "2025-03-31"),
        (EventDate(certainty=Certainty.AROUND, start=_d("2024-01-01"), precision=_Y),
         "2024-01-01", "2024-12-31"),
        (EventDate.month(2024, 2), "2024-02-01", "2024-02-29"),
        (EventDate.year(2024), "2024-01-01", "2024-12-31"),
        (EventDate.between(_d("2025-04-28"), _d("2025-05-02")), "2025-04-28", "2025-05-02"),
        (EventDate(certainty=Certainty.BEFORE, start=D), None, "2025-03-13"),
        (EventDate(certainty=Certainty.BEFORE, start=_d("2025-03-01"), precision=_M),
         None, "2025-02-28"),
        (EventDate(certainty=Certainty.BEFORE, start=_d("2025-01-01"), precision=_Y),
         None, "2024-12-31"),
        (EventDate(certainty=Certainty.AFTER, start=D), "2025-03-15", None),
        (EventDate(certainty=Certainty.AFTER, start=_d("2025-02-01"), precision=_M),
         "2025-03-01", None),
        (EventDate(certainty=Certainty.AFTER, start=_d("2024-01-01"), precision=_Y),
         "2025-01-01", None),
    ],
)  # fmt: skip
def test_every_certainty_at_the_edges_of_a_filter(
    when: EventDate, first: str | None, last: str | None
) -> None:
    lo = _d(first) if first else None
    hi = _d(last) if last else None
    assert when.bounds == (lo, hi)
    day = dt.timedelta(days=1)
    if lo is not None:
        assert when.may_fall_within(lo, lo)  # a filter that ends on the first day keeps it
        assert when.may_fall_within(None, lo)
        assert not when.may_fall_within(None, lo - day)  # one day earlier leaves it out
    else:
        assert when.may_fall_within(dt.date(1990, 1, 1), dt.date(1990, 1, 1))
    if hi is not None:
        assert when.may_fall_within(hi, hi)  # a filter that starts on the last day keeps it
        assert when.may_fall_within(hi, None)
        assert not when.may_fall_within(hi + day, None)  # one day later leaves it out
    else:
        assert when.may_fall_within(dt.date(2025, 6, 1), None)


def test_before_a_year_lies_in_the_year_before_not_in_it() -> None:
    before_2025 = EventDate(certainty=Certainty.BEFORE, start=_d("2025-01-01"), precision=_Y)
    assert before_2025.may_fall_within(_d("2024-01-01"), _d("2024-12-31"))
    assert not before_2025.may_fall_within(_d("2025-01-01"), _d("2025-12-31"))
    assert before_2025.earliest == _d("2025-01-01")  # sorting is unchanged
