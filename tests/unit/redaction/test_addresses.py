"""A registered place is hidden by its postcode and its street, however they are written.

"Flat 4, 27 Willow Street, Westbridge WB3 9QZ": its postcode ("WB3 9QZ", "WB39QZ",
"wb3 9qz") and its street with the usual abbreviations ("Willow St", "27 Willow Rd") are
parts of the place; the town alone and the ordinary word ("willow") are not.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fftimeline.domain.people import LinkKind
from tests.unit.redaction.redactor_builder import PARENTS, POLICE, redact, thing

FLAT = thing(30, LinkKind.PLACE, "Flat 4, 27 Willow Street, Westbridge WB3 9QZ", "a flat")
SETTINGS = settings(max_examples=100, deadline=None, database=None)
STREET_TYPES = ["Street", "St", "St.", "Road", "Rd", "Rd.", "Avenue", "Ave", "Lane", "Ln",
                "Close", "Cl", "Drive", "Dr"]  # fmt: skip


@st.composite
def postcode(draw: st.DrawFn) -> str:
    sep = draw(st.sampled_from([" ", "", "  ", "-"]))
    code = f"WB3{sep}9QZ"
    typed: str = draw(st.sampled_from([code, code.lower()]))
    return typed


@st.composite
def street(draw: st.DrawFn) -> str:
    number = draw(st.sampled_from(["", "27 ", "27, "]))
    name = f"{number}Willow {draw(st.sampled_from(STREET_TYPES))}"
    typed: str = draw(st.sampled_from([name, name.upper()]))
    return typed


@SETTINGS
@given(st.one_of(postcode(), street()), st.sampled_from(["She was at {}.", "Traced to {} today."]))
def test_a_postcode_or_street_of_a_place_is_hidden(typed: str, sentence: str) -> None:
    out = redact(sentence.format(typed), FLAT, profile=PARENTS)
    assert "a flat" in out, out
    assert "9QZ" not in out.upper() and "WILLOW" not in out.upper(), out


def test_the_house_number_goes_with_the_street() -> None:
    assert redact("She was at 27 Willow Rd.", FLAT, profile=PARENTS) == "She was at a flat."


def test_the_town_and_ordinary_words_stay() -> None:
    text = "A willow tree in Westbridge. Willow is a tree. St Mary's church on Mill Road."
    assert redact(text, FLAT, profile=PARENTS) == text


def test_audiences_that_see_identifiers_see_the_postcode() -> None:
    assert redact("Traced to WB3 9QZ.", FLAT, profile=POLICE) == "Traced to WB3 9QZ."
