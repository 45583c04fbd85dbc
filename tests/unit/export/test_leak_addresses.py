"""The leak scan stops a registered place's postcode and street, however they are written,
for audiences that do not see places; the town alone and ordinary words pass.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fftimeline.domain.people import LinkKind
from tests.unit.export.leak_builders import REGISTER, findings, leak_check, thing

FLAT = thing(30, LinkKind.PLACE, "Flat 4, 27 Willow Street, Westbridge WB3 9QZ")
SETTINGS = settings(max_examples=100, deadline=None, database=None)
STREET_TYPES = ["Street", "St", "St.", "Road", "Rd", "Rd.", "Avenue", "Ave", "Lane", "Ln",
                "Close", "Cl", "Drive", "Dr"]  # fmt: skip


def _found(text: str, slug: str = "parents-carers") -> list[object]:
    check = leak_check(slug, register=(*REGISTER, FLAT))
    return list(findings(text, slug, check=check))


@st.composite
def typed_place_part(draw: st.DrawFn) -> str:
    sep = draw(st.sampled_from([" ", "", "  ", "-"]))
    number = draw(st.sampled_from(["", "27 "]))
    forms = [f"WB3{sep}9QZ", f"{number}Willow {draw(st.sampled_from(STREET_TYPES))}"]
    typed: str = draw(st.sampled_from([*forms, *(f.upper() for f in forms)]))
    return typed


@SETTINGS
@given(typed_place_part(), st.sampled_from(["She was at {}.", "Traced to {} today."]))
def test_a_postcode_or_street_of_a_place_is_stopped(typed: str, sentence: str) -> None:
    assert _found(sentence.format(typed)), typed


def test_the_town_and_ordinary_words_pass() -> None:
    assert _found("A willow tree in Westbridge. St John's church on Mill Road.") == []


def test_police_may_see_the_postcode() -> None:
    assert _found("Traced to WB3 9QZ.", "police") == []
