"""Text that shows otherwise than it is stored: a name reversed inside a right-to-left override
("\u202elleB sucraM\u202c" shows as "Marcus Bell"), split by markup ("Bu<b>gsy</b>"), or by a
slash ("K/Dog"), is found and replaced, wherever it stands in the sentence.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.redaction.redactor_builder import PARENTS, redact, third

MARCUS = third(1, "Marcus Bell", "an adult male", "Bugsy", "K-Dog")
NAMES = ["Marcus Bell", "Marcus", "Bell", "Bugsy", "K-Dog"]
SETTINGS = settings(max_examples=120, deadline=None, database=None)
RLO, PDF, LRO = "\u202e", "\u202c", "\u202d"


@SETTINGS
@given(
    st.sampled_from(NAMES),
    st.sampled_from(["", "gave her a lift "]),
    st.sampled_from([PDF, ""]),
)
def test_a_name_reversed_in_a_right_to_left_override_is_replaced(
    name: str, inside: str, close: str
) -> None:
    text = f"She said {RLO}{(name + ' ' + inside).strip()[::-1]}{close} then left."
    out = redact(text, MARCUS, profile=PARENTS)
    assert name[::-1] not in out and name not in out, out
    assert "an adult male" in out, out


@SETTINGS
@given(
    st.sampled_from(NAMES),
    st.data(),
    st.sampled_from(["<b>", "<i>", "<u>", "<span style='x'>", "<em>", "<strong>"]),
)
def test_a_name_split_by_markup_is_replaced(name: str, data: st.DataObject, tag: str) -> None:
    at = data.draw(st.integers(1, len(name) - 1))
    close = "</" + tag[1:].split(" ")[0].rstrip(">") + ">"
    typed = f"{name[:at]}{tag}{name[at:]}{close}"
    out = redact(f"She said {typed} gave her a lift.", MARCUS, profile=PARENTS)
    assert out == "She said an adult male gave her a lift.", (typed, out)


def test_a_name_split_by_a_slash_is_replaced() -> None:
    for typed in ("K/Dog", "k/dog", "Marcus/Bell"):
        out = redact(f"She said {typed} gave her a lift.", MARCUS, profile=PARENTS)
        assert out == "She said an adult male gave her a lift.", out


def test_text_with_direction_marks_but_no_name_is_kept() -> None:
    text = f"Mum said {RLO}olleh{PDF} and {LRO}fine{PDF}; 3 < 4 and 5 > 2."
    assert redact(text, MARCUS, profile=PARENTS) == text
