"""The short glossary at the end of the family's timeline (export layer, Qt-free).

The terms and their plain meanings are data, shipped in ``resources/print/glossary.toml``.
A term is printed only when the timeline uses it, so the glossary stays short.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from fftimeline.assets import resource_path


@dataclass(frozen=True)
class Term:
    """One term: its name, the words that show it is used, and what it means."""

    name: str
    words: tuple[str, ...]
    meaning: str
    child_meaning: str = ""

    def meaning_for(self, child: bool) -> str:
        """The meaning as the child's own timeline says it (to them), or as the family's."""
        return (self.child_meaning or self.meaning) if child else self.meaning


@cache
def all_terms() -> tuple[Term, ...]:
    """Every term in the shipped glossary."""
    raw = tomllib.loads(resource_path("print", "glossary.toml").read_text(encoding="utf-8"))
    return tuple(
        Term(
            t["name"], tuple(t.get("words", [t["name"]])), t["meaning"], t.get("child_meaning", "")
        )
        for t in raw["term"]
    )


def _pattern(term: Term) -> re.Pattern[str]:
    # Acronyms (all capitals) match only in capitals: "MASH" is a term, "mash" is not.
    parts = [
        re.escape(w) if w.isupper() else f"(?i:{re.escape(w)})"
        for w in sorted(term.words, key=len, reverse=True)
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


def terms_used(texts: Iterable[str], terms: Iterable[Term] | None = None) -> list[Term]:
    """The terms that appear in ``texts``, in the glossary's order."""
    body = "\n".join(texts)
    return [t for t in (all_terms() if terms is None else terms) if _pattern(t).search(body)]
