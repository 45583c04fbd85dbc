"""The Qt-free catalogue: labels, exported words and dates follow the chosen language."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterator

import pytest

from fftimeline import catalogue
from fftimeline.assets import resource_path
from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import KIND_LABELS, SIGNIFICANCE_LABELS, Kind, Significance
from fftimeline.domain.sharing import AUDIENCE_LABELS, Audience
from fftimeline.export.xlsx import HEADERS


@pytest.fixture
def welsh() -> Iterator[None]:
    assert catalogue.set_language("cy") == "cy"
    yield
    catalogue.set_language("en")


def test_english_is_the_default_and_needs_no_file() -> None:
    assert catalogue.language() == "en"
    assert KIND_LABELS[Kind.MISSING] == "Missing episode"
    assert EventDate.around_month(2025, 3).wording() == "around March 2025"


def test_domain_labels_come_out_in_welsh(welsh: None) -> None:
    assert KIND_LABELS[Kind.INCIDENT] == "Digwyddiad"
    assert SIGNIFICANCE_LABELS[Significance.SERIOUS] == "Risg difrifol"
    assert AUDIENCE_LABELS[Audience.PARENTS] == "Rhieni/gofalwyr"
    assert dict(AUDIENCE_LABELS.items())[Audience.POLICE] == "Yr heddlu"
    assert AUDIENCE_LABELS.english(Audience.POLICE) == "Police"


@pytest.mark.parametrize(
    ("date", "english", "welsh_words"),
    [
        (EventDate.exact(dt.date(2025, 5, 3), dt.time(23, 15)), "3 May 2025 at 23:15",
         "3 Mai 2025 am 23:15"),
        (EventDate.around_month(2025, 3), "around March 2025", "tua Mawrth 2025"),
        (EventDate.month(2024, 12), "December 2024", "Rhagfyr 2024"),
        (EventDate.between(dt.date(2025, 5, 3), dt.date(2025, 5, 5)),
         "between 3 and 5 May 2025", "rhwng 3 a 5 Mai 2025"),
        (EventDate.between(dt.date(2025, 4, 28), dt.date(2025, 5, 2)),
         "between 28 April and 2 May 2025", "rhwng 28 Ebrill a 2 Mai 2025"),
    ],
)  # fmt: skip
def test_dates_follow_the_language(date: EventDate, english: str, welsh_words: str) -> None:
    assert date.wording() == english
    catalogue.set_language("cy")
    try:
        assert date.wording() == welsh_words
    finally:
        catalogue.set_language("en")
    assert date.wording() == english


def test_every_exported_column_heading_has_a_welsh_word(welsh: None) -> None:
    for heading, _width in HEADERS:
        assert catalogue.gettext(heading) != heading, heading


def test_an_unknown_language_falls_back_to_english() -> None:
    assert catalogue.set_language("xx_YY") == "en"
    assert catalogue.gettext("Incident") == "Incident"
    assert catalogue.month_name(2) == "February"


def test_the_welsh_file_keeps_every_placeholder() -> None:
    with resource_path("translations", "cy.toml").open("rb") as handle:
        data = tomllib.load(handle)
    assert len(data["months"]) == 12
    for english, welsh in data["messages"].items():
        assert sorted(re.findall(r"\{\w+\}", welsh)) == sorted(re.findall(r"\{\w+\}", english))
