"""The small word lists the redaction reads a sentence with (redaction layer, pure).

Which words are ordinary English words (so a name like "Will" or "Rose" is replaced only
where it is used as a name), which are courtesy titles (never protected on their own),
which are articles and possessive determiners (so a replacement fits its sentence), and
which words before an identifier describe it ("the grey Audi VX19 ABC").
"""

from __future__ import annotations

from functools import lru_cache

from fftimeline.assets import resource_path

COURTESY_TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lady", "lord", "master"}
)
"""Courtesy titles: never a protected word alone, but a name after one is used as a name."""

FAMILY_TITLES = frozenset(
    {"aunt", "auntie", "aunty", "uncle", "nan", "nana", "nanna", "gran", "granny", "grandad"}
)
"""Family words used as titles ("Aunt Rose"): a name after one is used as a name."""

TITLES = COURTESY_TITLES | FAMILY_TITLES

ARTICLES = frozenset({"a", "an", "the"})
"""An article before a name is replaced with it: the label brings its own."""

POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "my", "your", "our", "its", "whose"})
"""After these the label drops its article: "his a phone number" reads "his phone number"."""

MONTHS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)
"""Month names: "June" next to a day or a year, or after "in", is the month, not a person."""

TIME_WORDS = frozenset(
    {"in", "since", "until", "till", "during", "from", "early", "late", "mid", "last", "next"}
    | {"this", "of", "by", "before", "after", "every", "each", "through", "throughout"}
)
"""Words that make a following month name a month ("in June", "since May")."""

SENTENCE_OPENERS = frozenset(
    {"will", "may", "can", "could", "shall", "should", "must", "might", "would", "miss"}
)
"""Ordinary words that often open a sentence capitalised: there a name only when no
subject follows (a capitalised family name at a sentence start is a name: "Will rang")."""

QUESTION_SUBJECTS = frozenset(
    {"you", "i", "we", "he", "she", "it", "they", "there", "this", "that", "these", "those",
     "someone", "anyone", "everyone", "somebody", "anybody", "everybody", "not", "the", "a",
     "an", "your", "his", "her", "our", "their", "my", "its", "any", "all", "each"}
)  # fmt: skip
"""Words that follow a modal opening a question ("Will you…", "May I…"): the word is a word."""

DESCRIBING_NOUNS = frozenset(
    {
        "car",
        "van",
        "vehicle",
        "taxi",
        "cab",
        "moped",
        "bike",
        "motorbike",
        "scooter",
        "registration",
        "reg",
        "plate",
        "phone",
        "mobile",
        "number",
        "handle",
        "account",
        "profile",
        "username",
        "snapchat",
        "instagram",
        "tiktok",
        "whatsapp",
        "telegram",
        "facebook",
        "address",
        "flat",
        "house",
        "friend",
        "boyfriend",
        "girlfriend",
        "mate",
        "cousin",
        "associate",
        "man",
        "woman",
        "male",
        "female",
        "neighbour",
        "partner",
    }
)
"""Nouns that an identifier or a name stands beside ("his car VX19 ABC", "friend Kai").

A replacement after one of these, or after a capitalised word ("the grey Audi VX19 ABC"),
goes in brackets so it does not glue onto the kept word: "the grey Audi (registration not
shown)", "his friend (an adult male)".
"""

KINSHIP = {
    "mum": "mother",
    "mom": "mother",
    "mam": "mother",
    "dad": "father",
    "nan": "grandmother",
    "nana": "grandmother",
    "gran": "grandmother",
    "grandma": "grandmother",
    "grandad": "grandfather",
    "grandpa": "grandfather",
}
"""Everyday words for a relationship, as the family's labels say it ("his mum Donna")."""

FUNCTION_WORDS = (
    ARTICLES
    | POSSESSIVE_DETERMINERS
    | TIME_WORDS
    | frozenset(
        {"at", "to", "with", "near", "on", "into", "onto", "for", "about", "via", "and", "or"}
        | {"but", "was", "were", "is", "are", "be", "been", "saw", "met", "called", "rang"}
        | {"texted", "messaged", "used", "uses", "drove", "told", "said", "asked", "says"}
        | {"he", "she", "they", "we", "i", "it", "as", "than", "outside", "inside", "behind"}
    )
)
"""Words after which a replacement reads well without brackets ("in a vehicle")."""


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary English words in lower case (SCOWL size 50; see resources/redaction).

    Month names count too: "June" may be a person or the month.
    """
    text = resource_path("redaction", "common-words.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#")) | MONTHS
