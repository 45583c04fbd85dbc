"""The leak scan reads look-alike and styled letters: "Вugsy" (Cyrillic В), "Μarcus" (Greek
Μ), "ʙᴜɢꜱʏ" (small capitals), "🇧🇺🇬🇸🇾" (regional indicators), "Ⓑⓤⓖⓢⓨ" (circled) are stopped.

The look-alike letters are written here by hand per Latin letter (what people use in
messages), not read from the scan's table; hypothesis puts them at any places of a name,
one letter or many, and the text is planted in a real workbook.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fftimeline.export.leak_readings import lookalike_letters, styled_to_letters
from tests.lookalike_typing import disguised
from tests.unit.export.leak_builders import findings, found_values

LOOKALIKES = {
    "a": "аɑα",
    "A": "АΑ",
    "B": "ВΒвʙ",
    "c": "сϲ",
    "e": "еεҽ",
    "E": "ЕΕᴇ",
    "g": "ɡ",
    "h": "һ",
    "H": "НΗнʜ",
    "i": "іι",
    "J": "Јᴊ",
    "k": "кκ",
    "K": "КΚᴋ",
    "l": "ӏ",
    "M": "МΜᴍ",
    "n": "п",
    "o": "оο",
    "O": "ОΟᴏ",
    "p": "рρ",
    "P": "РΡᴘ",
    "r": "гʀ",
    "R": "ʀ",
    "s": "ѕ",
    "T": "ТΤтᴛ",
    "u": "υ",
    "w": "ԝ",
    "x": "хχ",
    "y": "уү",
    "Z": "Ζᴢ",
}
NAMES = ["Bugsy", "Zoë Hart", "Dex Marlow", "T-Bone", "Mary-Jane", "Linda Hale", "José"]
SETTINGS = settings(max_examples=150, deadline=None, database=None)


@SETTINGS
@given(
    disguised(NAMES, LOOKALIKES),
    st.sampled_from(["She said {} gave her a lift.", "{}'s phone.", "Met '{}'."]),
)
def test_a_name_with_look_alike_letters_is_stopped(typed: str, sentence: str) -> None:
    assert findings(sentence.format(typed)), typed


def _regional(word: str) -> str:
    return "".join(chr(0x1F1E6 + ord(c) - ord("a")) for c in word.lower())


def _circled(word: str) -> str:
    return "".join(chr((0x24B6 if c.isupper() else 0x24D0) + ord(c.lower()) - 97) for c in word)


SMALL_CAPS = dict(zip("abcdeghijklmnoprstuvwyz", "ᴀʙᴄᴅᴇɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", strict=True))


@SETTINGS
@given(
    st.sampled_from(["Bugsy", "Dex Marlow", "Linda Hale", "Marlow"]),
    st.sampled_from(["regional", "circled", "small capitals", "bold", "script", "monospace"]),
)
def test_a_name_in_styled_letters_is_stopped(name: str, style: str) -> None:
    styled = " ".join(_style(word, style) for word in name.split())
    assert findings(f"Messages from {styled} on her phone."), styled


def _style(word: str, style: str) -> str:
    if style == "regional":
        return _regional(word)
    if style == "circled":
        return _circled(word)
    if style == "small capitals":
        return "".join(SMALL_CAPS.get(c, c) for c in word.lower())  # no small capital x
    base = {
        "bold": (0x1D400, 0x1D41A),
        "script": (0x1D4D0, 0x1D4EA),
        "monospace": (0x1D670, 0x1D68A),
    }
    upper, lower = base[style]
    return "".join(chr((upper if c.isupper() else lower) + ord(c.lower()) - 97) for c in word)


def test_the_hostile_examples_are_stopped_and_shown_as_written() -> None:
    for typed in ("Вugsy", "Dех Marlow", "Нart", "Zоë Hart"):
        assert findings(f"She said {typed} gave her a lift."), typed
    assert found_values("She said Вugsy gave her a lift.") == {"Вugsy"}


def test_ordinary_words_and_foreign_text_are_not_stopped() -> None:
    assert findings("Мама сказала: всё хорошо. Η μητέρα είπε ναι. The rоse bush.") == []


def test_the_tables_keep_every_character_in_its_place() -> None:
    assert lookalike_letters("Вugsy ʙell") == "Bugsy Bell"
    assert styled_to_letters("🇧🇺 Ⓑⓤ") == "BU Bu"
    assert styled_to_letters("plain") == "plain"


RLO, PDF = "\u202e", "\u202c"


@SETTINGS
@given(
    st.sampled_from(["Dex Marlow", "Marlow", "Bugsy", "T-Bone", "Linda Hale"]),
    st.sampled_from(["", " gave her a lift"]),
    st.sampled_from([PDF, ""]),
)
def test_a_name_reversed_in_a_right_to_left_override_is_stopped(
    name: str, inside: str, close: str
) -> None:
    assert findings(f"She said {RLO}{(name + inside)[::-1]}{close} then left."), name


@SETTINGS
@given(
    st.sampled_from(["Dex Marlow", "Marlow", "Bugsy", "T-Bone", "Linda Hale"]),
    st.data(),
    st.sampled_from(["<b>", "<i>", "<u>", "<span style='x'>", "<em>", "<strong>"]),
)
def test_a_name_split_by_markup_is_stopped(name: str, data: st.DataObject, tag: str) -> None:
    at = data.draw(st.integers(1, len(name) - 1))
    close = "</" + tag[1:].split(" ")[0].rstrip(">") + ">"
    assert findings(f"She said {name[:at]}{tag}{name[at:]}{close} gave her a lift."), name


def test_a_name_split_by_a_slash_is_stopped() -> None:
    for typed in ("T/Bone", "t/bone", "Dex/Marlow"):
        assert findings(f"She said {typed} gave her a lift."), typed


def test_direction_marks_and_comparisons_without_a_name_are_not_stopped() -> None:
    assert findings(f"Mum said {RLO}olleh{PDF}; 3 < 4 and 5 > 2, <b>fine</b>.") == []
