"""Lines a wrapped cell takes: enough for the text, not twice what it needs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fftimeline.export.cell_lines import text_width, wrapped_lines

ACCOUNT = (
    "The child's mother told the school that J. R.'s dad had moved out earlier that "
    "year. J. R. was upset and his sleep was poor for some months."
)


def test_a_short_text_takes_one_line_and_each_paragraph_starts_a_new_one() -> None:
    assert wrapped_lines("Routine", 13) == 1
    assert wrapped_lines("one\ntwo\nthree", 40) == 3
    assert wrapped_lines("Summary\n\nAccount", 40) == 3  # the blank line between counts


def test_an_account_wraps_as_a_spreadsheet_lays_it_out() -> None:
    # LibreOffice lays this account out in three lines in a 39-wide column (Carlito 11 pt);
    # the estimate may add one for safety, never double it.
    assert 3 <= wrapped_lines(ACCOUNT, 39) <= 4


def test_a_word_longer_than_the_column_breaks_over_several_lines() -> None:
    assert wrapped_lines("x" * 100, 10) >= 100 * 0.95 // 9


def test_headings_fit_their_columns_in_bold() -> None:
    from fftimeline.export.xlsx import HEADERS

    for heading, width in HEADERS:
        assert wrapped_lines(heading, width, bold=True) <= 2, heading
        if " " not in heading:  # a single word must never break in the middle
            assert wrapped_lines(heading, width, bold=True) == 1, heading


@given(st.lists(st.sampled_from(["a", "mum", "WWW", "phone", "I", "Mäkinen"]), max_size=60))
def test_never_fewer_lines_than_the_text_needs_at_full_width(words: list[str]) -> None:
    text = " ".join(words)
    width = 20
    assert wrapped_lines(text, width) >= text_width(text) / width


def test_full_width_letters_and_emoji_count_double() -> None:
    assert wrapped_lines("电话" * 10, 20) >= 2  # 20 full-width letters need 40 widths
    assert text_width("😀") >= 2 * text_width("a")
