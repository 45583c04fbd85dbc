"""The leak scan's own tokens: the fast path for plain ASCII text splits exactly as the rest."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fftimeline.export.leak_text import split_tokens, token_pattern


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_ascii_text_splits_as_any_text_would(text: str) -> None:
    parts = token_pattern().split(text)
    assert split_tokens(text) == (parts[1::2], parts[0::2])


def test_a_mark_or_an_invisible_character_keeps_a_name_in_one_token() -> None:
    tokens, _ = split_tokens("Zoe\u0308 Ma\u200bry said")
    assert tokens == ["Zoe\u0308", "Ma\u200bry", "said"]
