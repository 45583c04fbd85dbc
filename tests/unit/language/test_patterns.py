"""The rule language: words, lists, stems, forms, names, bounded gaps, optional words, focus."""

from __future__ import annotations

import pytest

from fftimeline.language.patterns import PatternError, compile_pattern

FORMS = {"self": ["himself", "herself", "themselves"], "go": ["go", "goes", "went"]}
PLACES = {"child": ["Jordan", "she"], "parent": ["mum", "parents"]}


def match(pattern: str, text: str, *, match_case: bool = False) -> str | None:
    compiled = compile_pattern(pattern, FORMS, PLACES, match_case=match_case)
    found = compiled.regex.search(text)
    if found is None:
        return None
    start, end = compiled.span(found)
    return text[start:end]


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("putting @self ~2 at risk", "putting herself at risk", "putting herself at risk"),
        ("putting @self ~2 at risk", "putting herself very much more at risk", None),  # 3 words
        (
            "putting @self ~2 at risk",
            "putting herself, again, at risk",
            "putting herself, again, at risk",
        ),
        ("@go missing", "She went missing.", "went missing"),
        ("refus* to engage", "She refuses to engage", "refuses to engage"),
        ("older? boyfriend", "her older boyfriend", "older boyfriend"),
        ("older? boyfriend", "her boyfriend", "boyfriend"),
        ("risk-taking", "risk taking", "risk taking"),
        ("risk-taking", "risktaking", "risktaking"),
        ("in_return for", "in  return for", "in  return for"),
        ("{child} ~2 < refused to engage >", "Jordan has refused to engage", "refused to engage"),
        ("{parent} is hostile", "Mum's friend is hostile", None),
        ("{parent} demands", "Mum's demands", "Mum's demands"),
        ("LAC", "the lack of", None),
        ("LAC", "Jordan is LAC.", "LAC"),
    ],
)
def test_the_rule_language(pattern: str, text: str, expected: str | None) -> None:
    assert match(pattern, text, match_case=pattern == "LAC") == expected


def test_patterns_do_not_cross_a_sentence_in_a_gap() -> None:
    assert match("chose ~3 to go", "She chose. Then to go") is None


def test_an_anchor_word_is_chosen_to_skip_texts_quickly() -> None:
    compiled = compile_pattern("putting @self ~2 at risk", FORMS, PLACES)
    assert compiled.anchor is not None
    assert compiled.anchor.words in ({"putting"}, {"himself", "herself", "themselves"})
    assert compile_pattern("{child} ~3 engage", FORMS, PLACES).anchor is not None


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("@unknown word", "'@unknown' is not in the [forms] table."),
        ("{teacher} word", "'{teacher}' is not known"),
        ("~2 word", "cannot start with a gap"),
        ("word ~2", "cannot end with a gap"),
        ("word (bad)", "'(bad)' is not a word"),
        ("< word", "at most one pair of < and >"),
        ("> word <", "'<' must come before '>'"),
        ("word ~2 other?", "cannot come after a gap"),
        ("", "has no words"),
    ],
)
def test_mistakes_in_a_pattern_say_what_is_wrong(pattern: str, message: str) -> None:
    with pytest.raises(PatternError) as caught:
        compile_pattern(pattern, FORMS, PLACES)
    assert message in caught.value.message
