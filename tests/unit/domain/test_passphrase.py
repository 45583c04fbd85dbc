"""Rules for a new vault passphrase, in plain words."""

from __future__ import annotations

import pytest

from fftimeline.domain.passphrase import passphrase_problems


@pytest.mark.parametrize(
    "good",
    [
        "correct horse battery staple 42",
        "blue kettle on Tuesday",
        "my cat likes fish",
        "Tr0ub4dor&3-extended",
        "ünïcødé pässphrase wörds",
    ],
)
def test_good_passphrases_pass(good: str) -> None:
    assert passphrase_problems(good) == []


@pytest.mark.parametrize(
    ("weak", "says"),
    [
        ("", "Type a passphrase"),
        ("short", "at least 12 characters"),
        ("two words", "3 or more words"),
        ("aaaaaaaaaaaaaaaa", "one character over and over"),
        ("123456789012", "simple run"),
        ("abcdefghijklmnop", "simple run"),
        ("password123", "well-known password"),
        ("Password1!", "well-known password"),
        ("qwertyuiop", "well-known password"),
    ],
)
def test_weak_passphrases_say_why(weak: str, says: str) -> None:
    problems = passphrase_problems(weak)
    assert problems
    assert any(says in p for p in problems)
    assert all(p.endswith(".") and p[0].isupper() for p in problems)


def test_several_problems_are_all_listed() -> None:
    problems = passphrase_problems("aaaa")
    assert len(problems) == 2


@pytest.mark.parametrize(
    "weak", ["a b c", "1 2 3", "123123123123", "Summer2025!!", "jordanreid2025", "x" * 100]
)
def test_the_strength_estimator_refuses_guessable_passphrases(weak: str) -> None:
    problems = passphrase_problems(weak)
    assert problems
    assert all(p.endswith(".") and p[0].isupper() for p in problems)


@pytest.mark.parametrize(
    "good", ["kettle otter ribbon summit", "otter-maple-quill-harbour-ember", "y"]
)
def test_four_unrelated_words_and_long_text_are_accepted(good: str) -> None:
    if good.startswith("y"):
        good = "lantern walnut cobalt heron " * 4  # longer than the estimator rates
    assert passphrase_problems(good) == []


def test_names_from_the_cases_count_against_a_passphrase() -> None:
    names = ["Jayden Okafor", "JJ", "Grace Okafor", "Bugsy"]
    assert passphrase_problems("grace okafor key worker 99") == []
    problems = passphrase_problems("grace okafor key worker 99", names)
    assert "Do not use the name of anyone in your cases." in problems
    assert passphrase_problems("Bugsy lantern walnut cobalt", names)
    assert passphrase_problems("lantern walnut cobalt heron", names) == []


def test_the_demo_passphrase_generator_passes() -> None:
    from fftimeline.services.demo import demo_passphrase

    for _ in range(50):
        assert passphrase_problems(demo_passphrase().decode()) == []
