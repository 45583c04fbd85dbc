"""The words the chronology table shows, as conditions on stored entries (store layer).

The table shows words the key worker never typed: the kind, how we know ("Opinion",
"Child's account"), "Source withheld", "Not recorded", how serious ("Serious risk"),
people's positions ("Disputes", "Partly agrees") and "Withdrawn". Searching for them must
find the entries that show them. Each label is read in English and in the language in use
(the catalogue's `Labels`), and a typed word matches a word of a label as a whole word, or
as its beginning when it is the last word typed (as the text search does).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from enum import StrEnum
from functools import cache
from typing import TypeVar

from fftimeline.catalogue import Labels, language
from fftimeline.domain.entries import (
    KIND_LABELS,
    NATURE_LABELS,
    SIGNIFICANCE_LABELS,
)
from fftimeline.domain.views import VIEW_POSITION_LABELS
from fftimeline.domain.wording import withheld_source

Condition = tuple[str, list[object]]
"""An SQL condition on ``v`` (the current entry version) and its parameters."""
Shown = tuple[str, Condition]
"""A label the table shows, and the condition that finds the entries showing it."""
K = TypeVar("K", bound=StrEnum)

WITHHELD = "json_extract(v.data, '$.source.withheld') = 1"
NO_SOURCE = "json_extract(v.data, '$.source') IS NULL"
WITHDRAWN = "v.retracted = 1"
_POSITION = (
    "EXISTS (SELECT 1 FROM json_each(v.data, '$.views') AS w"
    " WHERE json_extract(w.value, '$.position') = ?)"
    " OR (json_extract(v.data, '$.family_view.position') = ?"
    " AND (? != 'not-yet-asked' OR coalesce(json_extract(v.data, '$.family_view.text'), '') != ''))"
)
"""A view with this position; or, in a version saved before views were per person, the
family's view with it (where 'not yet asked' with no words meant nothing was recorded)."""


def fold(text: str) -> str:
    """Lower case without accents, as the text search compares words."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if not unicodedata.combining(c))


def _words(label: str) -> tuple[str, ...]:
    return tuple(w for w in "".join(c if c.isalnum() else " " for c in fold(label)).split())


def _each(labels: Labels[K], sql: str, value: Callable[[K], list[object]]) -> Iterator[Shown]:
    """Every label of ``labels`` in English and in the language in use, with its condition."""
    for key in labels:
        for label in {labels[key], labels.english(key)}:
            yield label, (sql, value(key))


def _labelled() -> Iterator[Shown]:
    """Every label the table shows, with the condition that finds the entries showing it."""
    yield from _each(KIND_LABELS, "v.kind = ?", lambda k: [k.value])
    yield from _each(NATURE_LABELS, "v.nature = ?", lambda k: [k.value])
    yield from _each(SIGNIFICANCE_LABELS, "v.significance = ?", lambda k: [k.value])
    yield from _each(VIEW_POSITION_LABELS, _POSITION, lambda k: [k.value] * 3)
    yield withheld_source(None), (WITHHELD, [])
    yield "Not recorded", (NO_SOURCE, [])
    yield "Withdrawn", (WITHDRAWN, [])


@cache
def _table(lang: str) -> tuple[tuple[tuple[str, ...], Condition], ...]:
    """The labels' words with their conditions, for one language (read once)."""
    del lang  # the labels read the language in use; the argument keys the cache
    return tuple((_words(label), condition) for label, condition in _labelled())


def shown_condition(word: str, *, prefix: bool) -> Condition | None:
    """The condition finding the entries whose shown words include ``word`` (None if none).

    Args:
        word: one typed word.
        prefix: the word may be the beginning of a shown word (the last word typed).
    """
    typed = fold(word)
    if not typed:
        return None
    found: list[Condition] = []
    for words, condition in _table(language()):
        hit = any(w.startswith(typed) if prefix else w == typed for w in words)
        if hit and condition not in found:
            found.append(condition)
    if not found:
        return None
    sql = " OR ".join(f"({c[0]})" for c in found)
    return sql, [p for c in found for p in c[1]]
