"""Reading typed dates: every form the editor promises, strictly, with plain errors."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fftimeline.domain.date_parsing import describe, parse_day, parse_event_date
from fftimeline.domain.dates import Certainty, EventDate, Precision
from fftimeline.domain.errors import DomainError

TODAY = dt.date(2025, 9, 1)
D = dt.date


def parse(text: str) -> EventDate:
    return parse_event_date(text, today=TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/3/25", EventDate.exact(D(2025, 3, 12))),
        ("12/03/2025", EventDate.exact(D(2025, 3, 12))),
        ("12.03.2025", EventDate.exact(D(2025, 3, 12))),
        ("12-03-2025", EventDate.exact(D(2025, 3, 12))),
        ("2025-03-12", EventDate.exact(D(2025, 3, 12))),
        ("12 March 2025", EventDate.exact(D(2025, 3, 12))),
        ("12th of March 2025", EventDate.exact(D(2025, 3, 12))),
        ("12 Mar 2025", EventDate.exact(D(2025, 3, 12))),
        ("March 12, 2025", EventDate.exact(D(2025, 3, 12))),
        ("  12 march 2025. ", EventDate.exact(D(2025, 3, 12))),
        ("12/3/99", EventDate.exact(D(1999, 3, 12))),
        ("5 May", EventDate.exact(D(2025, 5, 5))),
        ("5 December", EventDate.exact(D(2024, 12, 5))),
        ("14/8/25 15:30", EventDate.exact(D(2025, 8, 14), dt.time(15, 30))),
        ("14/8/25 at 3pm", EventDate.exact(D(2025, 8, 14), dt.time(15, 0))),
        ("14 August 2025 at 9.05am", EventDate.exact(D(2025, 8, 14), dt.time(9, 5))),
        ("today", EventDate.exact(TODAY)),
        ("Yesterday", EventDate.exact(D(2025, 8, 31))),
        ("March 2025", EventDate.month(2025, 3)),
        ("Sept 2024", EventDate.month(2024, 9)),
        ("3/2025", EventDate.month(2025, 3)),
        ("2024", EventDate.year(2024)),
        (
            "around 2024",
            EventDate(certainty=Certainty.AROUND, start=D(2024, 1, 1), precision=Precision.YEAR),
        ),
        ("about March 2025", EventDate.around_month(2025, 3)),
        ("c. May 2025", EventDate.around_month(2025, 5)),
        (
            "approximately 2024",
            EventDate(certainty=Certainty.AROUND, start=D(2024, 1, 1), precision=Precision.YEAR),
        ),
        ("around 12/3/25", EventDate.around(D(2025, 3, 12))),
        ("before 5 May", EventDate(certainty=Certainty.BEFORE, start=D(2025, 5, 5))),
        (
            "after June 2024",
            EventDate(certainty=Certainty.AFTER, start=D(2024, 6, 1), precision=Precision.MONTH),
        ),
        ("between 3 and 5 May 2025", EventDate.between(D(2025, 5, 3), D(2025, 5, 5))),
        ("between 28 April and 2 May 2025", EventDate.between(D(2025, 4, 28), D(2025, 5, 2))),
        (
            "between 28 December and 2 January 2025",
            EventDate.between(D(2024, 12, 28), D(2025, 1, 2)),
        ),
        ("3-5 May 2025", EventDate.between(D(2025, 5, 3), D(2025, 5, 5))),
        ("3–5 May 2025", EventDate.between(D(2025, 5, 3), D(2025, 5, 5))),
        ("3/5/25 - 7/5/25", EventDate.between(D(2025, 5, 3), D(2025, 5, 7))),
        ("between March and May 2025", EventDate.between(D(2025, 3, 1), D(2025, 5, 31))),
        ("between 2022 and 2023", EventDate.between(D(2022, 1, 1), D(2023, 12, 31))),
    ],
)
def test_reads_what_people_type(text: str, expected: EventDate) -> None:
    assert parse(text) == expected


def test_before_a_day_still_to_come_means_last_year() -> None:
    assert parse_event_date("before 5 May", today=D(2025, 3, 1)).start == D(2024, 5, 5)


@pytest.mark.parametrize(
    "text",
    ["31/2/25", "32/1/25", "12/13/25", "soon", "March 25th", "12//25", "29/2/23", "1 Smarch 2024"],
)
def test_unreadable_text_gets_a_plain_message_with_examples(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse(text)
    assert caught.value.code == "date_unreadable"
    assert caught.value.message == (
        f"I can't read '{text}' as a date. Try 12/3/25, March 2025 or around 2024."
    )


def test_empty_text_asks_for_a_date() -> None:
    with pytest.raises(DomainError) as caught:
        parse("   ")
    assert caught.value.code == "date_missing"


@pytest.mark.parametrize("text", ["2/9/25", "October 2025", "2026", "after 3/9/25"])
def test_future_dates_are_refused(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse(text)
    assert caught.value.code == "event_in_future"
    assert "future" in caught.value.message


def test_range_the_wrong_way_round_says_so() -> None:
    with pytest.raises(DomainError) as caught:
        parse("between 5 May 2025 and 3 May 2025")
    assert caught.value.code == "range_end_before_start"
    assert "earlier date first" in caught.value.message


@pytest.mark.parametrize(
    "text", ["around 14/8/25 15:30", "before 14/8/25 9am", "August 2025 15:30"]
)
def test_a_time_only_goes_with_an_exact_day(text: str) -> None:
    with pytest.raises(DomainError):
        parse(text)


def test_bad_time_is_unreadable() -> None:
    with pytest.raises(DomainError):
        parse("14/8/25 25:30")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("around March 2025", "understood as: around March 2025"),
        ("March 2025", "understood as: some time in March 2025"),
        ("2024", "understood as: some time in 2024"),
        ("12/3/25", "understood as: 12 March 2025"),
        ("3-5 May 2025", "understood as: between 3 and 5 May 2025"),
    ],
)
def test_describe_says_how_it_was_understood(text: str, shown: str) -> None:
    assert describe(parse(text)) == shown


_PAST_DAYS = st.dates(min_value=D(1990, 1, 1), max_value=TODAY)
_TIMES = st.none() | st.times().map(lambda t: dt.time(t.hour, t.minute))


@given(_PAST_DAYS, _TIMES)
def test_exact_wording_reads_back_the_same(day: dt.date, time: dt.time | None) -> None:
    original = EventDate.exact(day, time)
    assert parse(original.wording()) == original


@given(_PAST_DAYS)
def test_month_and_year_wording_read_back_the_same(day: dt.date) -> None:
    for original in (EventDate.month(day.year, day.month), EventDate.year(day.year)):
        assert parse(original.wording()) == original


@given(
    _PAST_DAYS,
    st.sampled_from(list(Precision)),
    st.sampled_from([Certainty.AROUND, Certainty.BEFORE, Certainty.AFTER]),
)
def test_vague_wording_reads_back_the_same(
    day: dt.date, precision: Precision, certainty: Certainty
) -> None:
    start = {
        Precision.DAY: day,
        Precision.MONTH: day.replace(day=1),
        Precision.YEAR: D(day.year, 1, 1),
    }[precision]
    original = EventDate(certainty=certainty, start=start, precision=precision)
    assert parse(original.wording()) == original


@given(_PAST_DAYS, st.integers(min_value=0, max_value=400))
def test_range_wording_reads_back_the_same(start: dt.date, days: int) -> None:
    end = min(start + dt.timedelta(days=days), TODAY)
    original = EventDate.between(start, end)
    assert parse(original.wording()) == original


# Two-digit years: 20yy up to five years ahead, else 19yy ------------------------------
@pytest.mark.parametrize(
    ("text", "year"),
    [("12/3/25", 2025), ("12/3/30", 2030), ("12/3/31", 1931), ("12/3/99", 1999)],
)
def test_two_digit_years_run_up_to_five_years_ahead(text: str, year: int) -> None:
    assert parse_day(text, today=TODAY) == D(year, 3, 12)


def test_a_two_digit_year_just_ahead_is_the_future_not_last_century() -> None:
    with pytest.raises(DomainError) as caught:
        parse("12/3/27")
    assert caught.value.code == "event_in_future"


# "early March 2025", "mid-April", "end of May", "late 2024" --------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("early March 2025", EventDate.around_month(2025, 3)),
        ("mid-April 2025", EventDate.around_month(2025, 4)),
        ("mid April 2025", EventDate.around_month(2025, 4)),
        ("end of May 2025", EventDate.around_month(2025, 5)),
        ("the end of May 2025", EventDate.around_month(2025, 5)),
        ("beginning of June 2025", EventDate.around_month(2025, 6)),
        ("late July", EventDate.around_month(2025, 7)),
        (
            "late 2024",
            EventDate(certainty=Certainty.AROUND, start=D(2024, 1, 1), precision=Precision.YEAR),
        ),
        (
            "middle of 2024",
            EventDate(certainty=Certainty.AROUND, start=D(2024, 1, 1), precision=Precision.YEAR),
        ),
    ],
)
def test_part_of_a_month_or_year_reads_as_around(text: str, expected: EventDate) -> None:
    result = parse(text)
    assert result == expected
    assert describe(result).startswith("understood as: around")


@pytest.mark.parametrize("text", ["early 12/3/25", "late", "end of", "mid-nowhere 2025"])
def test_part_of_needs_a_month_or_year(text: str) -> None:
    with pytest.raises(DomainError):
        parse(text)


# One exact day for a date box (due dates, dates of birth, filters) --------------------
@pytest.mark.parametrize(
    ("text", "ahead", "expected"),
    [
        ("12/3/25", False, D(2025, 3, 12)),
        ("3 May 2027", False, D(2027, 5, 3)),
        ("12/3/27", False, D(2027, 3, 12)),
        ("today", False, TODAY),
        ("tomorrow", True, D(2025, 9, 2)),
        ("5/8", False, D(2025, 8, 5)),
        ("5/8", True, D(2026, 8, 5)),
        ("5 October", True, D(2025, 10, 5)),
    ],
)
def test_parse_day_reads_one_day_and_allows_the_future(
    text: str, ahead: bool, expected: dt.date
) -> None:
    assert parse_day(text, today=TODAY, ahead=ahead) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "date_missing"), ("soon", "date_unreadable"), ("March 2025", "date_not_a_day")],
)
def test_parse_day_explains_what_it_cannot_use(text: str, code: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_day(text, today=TODAY)
    assert caught.value.code == code
