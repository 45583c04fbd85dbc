"""Rules for a new vault passphrase (domain layer).

The vault is only as safe as its passphrase, and the key derivation cannot make a
guessable one strong. A passphrase is accepted when it is long (12 characters or more)
or made of three or more words, and is not a repeated character, a simple run such as
``123456789012``, or a well-known password. Reasons are plain words for the user.
"""

from __future__ import annotations

import re

MIN_LENGTH = 12
MIN_WORDS = 3

_COMMON = frozenset(
    {
        "password",
        "passw0rd",
        "password1",
        "password123",
        "passwordpassword",
        "qwerty",
        "qwertyuiop",
        "qwerty123",
        "letmein",
        "welcome",
        "welcome1",
        "iloveyou",
        "admin",
        "administrator",
        "monkey",
        "dragon",
        "football",
        "baseball",
        "sunshine",
        "princess",
        "trustno1",
        "abc123",
        "changeme",
        "secret",
        "master",
        "default",
        "starwars",
        "whatever",
        "superman",
        "liverpool",
        "chelsea",
        "arsenal",
        "fftimeline",
        "chronology",
        "123456",
        "12345678",
        "123456789",
        "1234567890",
        "123456789012",
        "111111",
        "000000",
        "654321",
        "987654321",
    }
)

_SEQUENCES = (
    "0123456789012345678901234567890123456789",
    "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
    "qwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjklzxcvbnm",
)


def _squashed(text: str) -> str:
    """Lower-case letters and digits only, for comparing with known passwords."""
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def _is_common(text: str) -> bool:
    squashed = _squashed(text)
    if squashed in _COMMON:
        return True
    core = squashed.rstrip("0123456789!")
    return bool(core) and core in _COMMON and len(squashed) - len(core) <= 4


def _is_run(text: str) -> bool:
    squashed = _squashed(text)
    if len(squashed) < 4:
        return False
    return any(squashed in seq or squashed in seq[::-1] for seq in _SEQUENCES)


def passphrase_problems(passphrase: str) -> list[str]:
    """Plain-words reasons why a new passphrase is too weak; an empty list means it is fine."""
    if not passphrase:
        return ["Type a passphrase."]
    problems: list[str] = []
    words = [w for w in re.split(r"\s+", passphrase.strip()) if w]
    if len(passphrase) < MIN_LENGTH and len(words) < MIN_WORDS:
        problems.append(
            f"Use at least {MIN_LENGTH} characters, or {MIN_WORDS} or more words "
            "with spaces between them."
        )
    if len(set(passphrase)) == 1:
        problems.append("Do not use one character over and over.")
    elif _is_run(passphrase):
        problems.append("Do not use a simple run of keys such as 12345 or abcde.")
    if _is_common(passphrase):
        problems.append("This is a well-known password that is easy to guess. Choose another.")
    return problems
