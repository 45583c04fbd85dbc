"""Rules for a new vault passphrase (domain layer).

The vault is only as safe as its passphrase, and the key derivation cannot make a
guessable one strong. A passphrase must be long (12 characters or more) or made of three
or more words, and must not be a repeated character, a simple run such as
``123456789012``, or a well-known password. Past those rules, the zxcvbn strength
estimator (Dropbox's, pinned) must rate it "very hard to guess" (`MIN_SCORE`: about
10^10 guesses or more), counting the names of the people in the vault's cases against
it. Reasons are plain words for the user.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

MIN_LENGTH = 12
MIN_WORDS = 3
MIN_SCORE = 4
"""zxcvbn's highest score: at least 10^10 guesses."""
MIN_NAME_LENGTH = 3
ESTIMATE_LENGTH = 72

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


def passphrase_problems(passphrase: str, names: Sequence[str] = ()) -> list[str]:
    """Plain-words reasons why a new passphrase is too weak; an empty list means it is fine.

    Args:
        passphrase: the passphrase typed.
        names: names of people in the vault's cases (children, family, register people),
            which must not be part of it.
    """
    if not passphrase:
        return ["Type a passphrase."]
    problems = _rule_problems(passphrase)
    if _uses_a_name(passphrase, names):
        problems.append("Do not use the name of anyone in your cases.")
    if not problems:
        problems = _estimator_problems(passphrase, names)
    return problems


def _rule_problems(passphrase: str) -> list[str]:
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


def _name_parts(names: Iterable[str]) -> set[str]:
    parts: set[str] = set()
    for name in names:
        parts |= {p for p in re.split(r"[^0-9a-z]+", name.casefold()) if len(p) >= MIN_NAME_LENGTH}
    return parts


def _uses_a_name(passphrase: str, names: Sequence[str]) -> bool:
    squashed = _squashed(passphrase)
    return any(part in squashed for part in _name_parts(names))


_PATTERN_REASONS = {
    "repeat": "Repeated words or characters are easy to guess.",
    "sequence": "Runs such as abc or 6543 are easy to guess.",
    "spatial": "Rows of neighbouring keys are easy to guess.",
    "date": "Dates and years are easy to guess.",
    "regex": "Dates and years are easy to guess.",
}
_NAME_LISTS = frozenset({"male_names", "female_names", "surnames"})


def _estimator_problems(passphrase: str, names: Sequence[str]) -> list[str]:
    """The strength estimator's verdict, as plain reasons ([] when strong enough)."""
    from zxcvbn import zxcvbn  # large word lists: loaded only when a passphrase is checked

    # zxcvbn refuses text longer than it can rate quickly; a long passphrase is at least as
    # strong as its first ESTIMATE_LENGTH characters, so those are rated.
    result = zxcvbn(passphrase[:ESTIMATE_LENGTH], user_inputs=sorted(_name_parts(names)))
    if int(result["score"]) >= MIN_SCORE:
        return []
    reasons: list[str] = []
    for match in result["sequence"]:
        reason = _PATTERN_REASONS.get(str(match.get("pattern")))
        if match.get("dictionary_name") in _NAME_LISTS:
            reason = "Names of people are easy to guess."
        elif match.get("pattern") == "dictionary" and match.get("rank", 0) < 1000:
            reason = "Common words on their own are easy to guess."
        if reason and reason not in reasons:
            reasons.append(reason)
    reasons.append(
        "This passphrase would be too easy to guess. Use four or more words that do not "
        "belong together."
    )
    return reasons
