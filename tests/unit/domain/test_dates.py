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
