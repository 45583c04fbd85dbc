"""One wording of an entry, in the key worker's voice and in the family's and child's."""

from __future__ import annotations

import datetime as dt

import pytest

from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import Kind, Nature
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.domain.views import ViewPosition, is_disputed
from fftimeline.domain.wording import (
    SOURCE_NOT_NAMED,
    Voice,
    date_words,
    family_view,
    how_we_know,
    kind_words,
    period_words,
    source_words,
    whose_opinion,
    withheld_source,
)


def test_dates_read_in_words_with_their_certainty() -> None:
    assert date_words(EventDate.around_month(2025, 3)) == "Around March 2025"
    assert date_words(EventDate.between(dt.date(2025, 5, 3), dt.date(2025, 5, 5))) == (
        "Between 3 and 5 May 2025"
    )
    assert date_words(EventDate.exact(dt.date(2025, 8, 14), dt.time(15, 20))) == (
        "14 August 2025 at 15:20"
    )


def test_an_entry_known_only_by_its_year_goes_under_the_year() -> None:
    assert period_words(EventDate.year(2024)) == "2024"
    assert period_words(EventDate.exact(dt.date(2025, 3, 9))) == "March 2025"
    assert period_words(EventDate.around_month(2025, 6)) == "June 2025"


def test_an_opinion_says_whose_in_every_voice() -> None:
    assert how_we_know(Nature.OPINION, "Dr Shah") == "Opinion of Dr Shah"
    assert how_we_know(Nature.OPINION, "Dr Shah", Voice.FAMILY) == "The opinion of Dr Shah"
    assert how_we_know(Nature.OPINION, "Dr Shah", Voice.CHILD) == "What Dr Shah thinks"
    assert whose_opinion(how_we_know(Nature.OPINION, "Dr Shah")) == "Dr Shah"
    assert whose_opinion("Fact") == ""


@pytest.mark.parametrize("nature", list(Nature))
def test_every_nature_has_plain_words_for_the_family_and_the_child(nature: Nature) -> None:
    professional = how_we_know(nature, "Dr Shah")
    for voice in (Voice.FAMILY, Voice.CHILD):
        plain = how_we_know(nature, "Dr Shah", voice)
        assert plain and plain != professional


def test_the_family_reads_plain_words_not_labels() -> None:
    assert how_we_know(Nature.FACT, voice=Voice.FAMILY) == "A fact we checked"
    assert how_we_know(Nature.FAMILY_ACCOUNT, voice=Voice.FAMILY) == "What your family told us"
    assert kind_words(Kind.POSITIVE, Voice.FAMILY) == "Something good"
    assert kind_words(Kind.POSITIVE) == "Positive or protective event"


def test_a_withheld_source_is_never_named() -> None:
    source = Source(
        name="Tina Wexford", withheld=True, withheld_reason=WithheldReason.RISK_TO_SOURCE
    )
    assert source_words(source) == ("Source withheld (Naming them would put the source at risk)")
    assert withheld_source(source.withheld_reason, Voice.FAMILY) == SOURCE_NOT_NAMED
    assert "Tina" not in source_words(source)
    assert source_words(None) == "Not recorded"
    named = Source(name="Westbridge Police", agency="Westbridge Police")
    assert source_words(named) == "Westbridge Police"


def test_the_familys_view_in_each_voice() -> None:
    assert family_view(ViewPosition.DISPUTE, "He was at home.") == "Disputes: He was at home."
    assert family_view(ViewPosition.AGREE, "") == "Agrees"
    plain = family_view(ViewPosition.DISPUTE, "He was at home.", Voice.FAMILY)
    assert plain.startswith("Your family does not agree with this.")
    assert "He was at home." in plain
    # The family is never told that it was not safe to ask them.
    not_safe = family_view(ViewPosition.NOT_SAFE, "", Voice.FAMILY)
    assert "safe" not in not_safe
    assert is_disputed(ViewPosition.PARTLY) and not is_disputed(ViewPosition.AGREE)
