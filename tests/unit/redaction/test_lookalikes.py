"""Look-alike letters: a protected name typed with Cyrillic or Greek letters inside is found.

The letters below are the ones people use for each Latin letter (written here by hand from
what is seen in messages, not read from the shipped table), substituted by hypothesis at any
places of a name, one letter or many.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fftimeline.redaction.lookalikes import to_latin
from tests.lookalike_typing import disguised
from tests.unit.redaction.redactor_builder import PARENTS, redact, third, withheld

LOOKALIKES = {
    "a": "аɑα",
    "A": "АΑ",
    "B": "ВΒв",
    "c": "сϲ",
    "C": "С",
    "d": "ԁ",
    "e": "еεҽ",
    "E": "ЕΕ",
    "g": "ɡ",
    "h": "һ",
    "H": "НΗн",
    "i": "іι",
    "I": "ІΙ",
    "j": "ј",
    "J": "Ј",
    "k": "кκ",
    "K": "КΚ",
    "l": "ӏ",
    "M": "МΜ",
    "n": "п",
    "N": "Ν",
    "o": "оο",
    "O": "ОΟ",
    "p": "рρ",
    "P": "РΡ",
    "r": "гʀ",
    "s": "ѕ",
    "S": "Ѕ",
    "T": "ТΤт",
    "u": "υ",
    "v": "νѵ",
    "w": "ԝ",
    "x": "хχ",
    "X": "ХΧ",
    "y": "уү",
    "Y": "ҮΥ",
    "Z": "Ζ",
}

MARCUS = third(1, "Marcus Bell", "an adult male", "Bugsy", "K-Dog")
HOPE = third(2, "Hope Dawson", "a girl")
DAWN = withheld("Dawn Young")
NAMES = ["Marcus", "Bell", "Marcus Bell", "Bugsy", "K-Dog", "Hope", "Dawson", "Dawn Young"]
SETTINGS = settings(max_examples=150, deadline=None, database=None)


@SETTINGS
@given(
    disguised(NAMES, LOOKALIKES),
    st.sampled_from(["She said {} gave her a lift.", "{}'s phone.", "Met '{}'."]),
)
def test_a_name_with_look_alike_letters_is_replaced(typed: str, sentence: str) -> None:
    out = redact(sentence.format(typed), MARCUS, HOPE, sources=(DAWN,), profile=PARENTS)
    assert typed not in out, out
    assert any(label in out.lower() for label in ("an adult male", "a girl", "a source")), out


def test_the_hostile_examples_are_replaced() -> None:
    for typed in ("Вugsy", "Маrcus Bell", "Marcus Веll", "Μarcus Βell", "Нope", "Hoрe"):
        out = redact(f"She said {typed} gave her a lift.", MARCUS, HOPE, profile=PARENTS)
        assert typed not in out, out


def test_text_in_cyrillic_or_greek_is_left_as_it_is() -> None:
    text = "Мама сказала: всё хорошо. Η μητέρα είπε ναι."
    assert redact(text, MARCUS, HOPE, sources=(DAWN,), profile=PARENTS) == text


def test_to_latin_keeps_every_character_in_its_place() -> None:
    assert to_latin("Plain text") is None
    assert to_latin("Μarcus Веll") == "Marcus Bell"
    assert to_latin("Zoë") is None


def test_names_in_styled_letters_are_replaced() -> None:
    for typed in ("𝐁𝐮𝐠𝐬𝐲", "𝓑𝓾𝓰𝓼𝔂", "Ⓑⓤⓖⓢⓨ", "ʙᴜɢꜱʏ", "🇧🇺🇬🇸🇾", "𝙼𝚊𝚛𝚌𝚞𝚜 𝙱𝚎𝚕𝚕", "ᴍᴀʀᴄᴜꜱ ʙᴇʟʟ"):
        out = redact(f"Messages from {typed} on her phone.", MARCUS, profile=PARENTS)
        assert out == "Messages from an adult male on her phone.", typed
