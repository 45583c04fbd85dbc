"""Replacements that read as English: articles, possessives, quotes, no doubled role."""

from __future__ import annotations

import pytest

from fftimeline.domain.people import LinkKind
from fftimeline.redaction.wording import NICKNAME_HIDDEN
from tests.unit.redaction.redactor_builder import PARENTS, redact, redactor, thing, third

BUGSY = third(1, "Marcus Bell", "an older male", "Bugsy")


@pytest.mark.parametrize("typed", ["Bugsy's", "Bugsy’s", "Bugsy'", "BUGSY'S"])
def test_possessives_stay_possessive(typed: str) -> None:
    assert redact(f"{typed} car was there.", BUGSY) == "An older male's car was there."


@pytest.mark.parametrize("quoted", ["'Bugsy'", "‘Bugsy’", '"Bugsy"', "“Bugsy”"])
def test_a_quoted_nickname_is_not_a_possessive(quoted: str) -> None:
    out = redact(f"An adult known as {quoted} approached him.", BUGSY)
    assert out == f"An adult {NICKNAME_HIDDEN} approached him."
    assert "'s" not in out


def test_a_quoted_name_elsewhere_loses_its_quotes_not_its_sense() -> None:
    assert redact("He said 'Bugsy' was angry.", BUGSY) == "He said an older male was angry."


def test_two_names_of_one_person_make_one_label() -> None:
    assert redact("Marcus Bell (Bugsy) was there.", BUGSY) == "An older male was there."
    assert redact("Marcus Bell, known as 'Bugsy', was there.", BUGSY) == (
        "An older male was there."
    )
    assert redact("Marcus 'Bugsy' Bell left.", BUGSY) == "An older male left."


def test_a_role_already_written_is_not_said_twice() -> None:
    assert redact("Marcus Bell (an older male) was there.", BUGSY) == ("An older male was there.")
    assert redact("Grace Okafor, Mother, said no.") == "The child's mother said no."
    assert redact("Source: Grace Okafor, Mother") == "Source: the child's mother"


def test_but_two_different_people_stay_two() -> None:
    dex = third(2, "Dex Marlow", "an older male")
    assert redact("Bugsy and Dex left.", BUGSY, dex) == "An older male and an older male left."


def test_a_label_is_not_glued_onto_a_kept_word() -> None:
    plate = thing(3, LinkKind.VEHICLE, "VX19 ABC")
    assert redact("He sat in the grey Audi VX19 ABC.", plate, profile=PARENTS) == (
        "He sat in the grey Audi (registration not shown)."
    )
    assert redact("He got into VX19 ABC.", plate, profile=PARENTS) == "He got into a vehicle."
    assert redact("He was in the VX19 ABC.", plate, profile=PARENTS) == "He was in a vehicle."
    phone = thing(4, LinkKind.PHONE, "07700 900123")
    assert redact("Texts on his 07700 900123.", phone, profile=PARENTS) == (
        "Texts on his phone number."
    )
    kai = third(5, "Kai Varga", "a boy")
    assert redact("He met his friend Kai.", kai) == "He met his friend (a boy)."


def test_a_role_label_that_quotes_a_name_is_redacted_too() -> None:
    kai = third(5, "Kai Varga", "a boy")
    leah = third(6, "Leah Dunmore", "Kai's girlfriend")
    assert redact("Leah phoned.", kai, leah) == "A boy's girlfriend phoned."
    assert redact("Kai's girlfriend Leah phoned.", kai, leah) == "A boy's girlfriend phoned."
    child = third(7, "Tia Varga", "Jayden's friend")  # Jayden is the child
    assert redact("Tia called.", child) == "J. O.'s friend called."
    assert redact("Tia called.", child, profile=PARENTS) == "Jayden's friend called."


def test_sentence_starts_take_a_capital_and_the_middle_does_not() -> None:
    assert redact("He met Bugsy. Bugsy left.", BUGSY) == "He met an older male. An older male left."


def test_replacements_are_marked_where_they_are() -> None:
    result = redactor((BUGSY,)).redact("He met Bugsy near Marcus Bell's car.")
    assert result.text == "He met an older male near an older male's car."
    assert [result.text[s:e] for s, e in result.marks] == ["an older male", "an older male's"]


def test_a_nickname_in_quotes_in_brackets_goes_with_the_name() -> None:
    assert redact("Marcus Bell ('Bugsy') and friends.", BUGSY) == "An older male and friends."
    assert (
        redact(
            "Marcus Bell ('Bugsy', 'Bugs') left.",
            third(1, "Marcus Bell", "an older male", "Bugsy", "Bugs"),
        )
        == "An older male left."
    )


def test_a_role_written_before_the_name_is_taken_in() -> None:
    assert redact("Frightened for his sister Mia.", third(8, "Mia Reid", "the child's sister")) == (
        "Frightened for the child's sister."
    )
    assert redact("He told his mum Grace.") == "He told the child's mother."


def test_called_keeps_its_verb_and_that_is_not_a_determiner() -> None:
    lee = third(9, "Leon Carter", "an older teenager", "Lee")
    assert redact("A teenager he calls 'Lee' gave him a lift.", lee) == (
        "A teenager he calls (nickname not shown) gave him a lift."
    )
    assert redact("Information that 'Lee' uses the flat.", lee) == (
        "Information that an older teenager uses the flat."
    )


def test_a_name_next_to_a_hand_redacted_span_is_still_replaced() -> None:
    red = redactor((BUGSY,))
    text = "An adult known as 'Bugsy' came."
    hidden = [(text.index("known"), text.index("known") + len("known as"))]
    out = red.redact(text, hidden).text
    assert "Bugsy" not in out and "[redacted]" in out


def test_two_names_of_one_person_joined_by_or_are_one_replacement() -> None:
    marcus = third(1, "Marcus Bell", "an adult male", "Bugsy")
    out = redact("She said Marcus Bell or Bugsy would pick her up.", marcus)
    assert out == "She said an adult male would pick her up."


@pytest.mark.parametrize(
    "typed",
    ["instagram.com/kdog_99", "https://www.instagram.com/kdog_99", "www.tiktok.com/@kdog_99"],
)
def test_a_handle_in_a_web_address_is_replaced_with_its_address(typed: str) -> None:
    handle = thing(9, LinkKind.HANDLE, "Instagram: kdog_99")
    out = redact(f"Messages from {typed} every night.", handle, profile=PARENTS)
    assert out == "Messages from an online handle every night."


def test_a_line_broken_mid_sentence_does_not_capitalise_the_label() -> None:
    hope = third(2, "Hope Dawson", "a girl of about 16")
    assert redact("The girl who rang was\nHope from the estate.", hope) == (
        "The girl who rang was\na girl of about 16 from the estate."
    )
    assert redact("Seen today.\nHope rang.", hope) == "Seen today.\nA girl of about 16 rang."
    assert redact("Notes\r\n\r\nHope rang.", hope) == "Notes\r\n\r\nA girl of about 16 rang."
