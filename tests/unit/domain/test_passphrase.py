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
