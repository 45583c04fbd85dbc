"""Gathering the names of the whole vault for one case's outputs (services layer, Qt-free).

Every export, preview and "Hide names" view protects the people of every case in the vault,
not only the case shown. `PeopleService.gather` reads them in one read transaction with a
handful of queries (cases, register items, earlier details, withheld sources of every entry
version), so it costs the same however many entries the vault holds beyond its sources.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TypeVar

from fftimeline.domain.errors import NotFound
from fftimeline.redaction.people import CasePeople, Former, VaultPeople
from fftimeline.redaction.screen import ScreenMask
from fftimeline.store import cases, people
from fftimeline.store.vault import VaultStore


class PeopleService:
    """Who is named anywhere in the vault, for redaction and for hiding names on screen."""

    def __init__(self, store: VaultStore) -> None:
        self._store = store

    def gather(self, case_id: int) -> VaultPeople:
        """Case ``case_id``'s history and every other case's names.

        Raises:
            NotFound: there is no such case.
        """
        with self._store.read() as conn:
            every = cases.all_cases(conn)
            links = _grouped(people.all_links(conn))
            earlier_links = _grouped(people.earlier_links(conn))
            earlier_cases = _grouped(people.earlier_cases(conn))
            withheld = _grouped(people.withheld_sources(conn))
        by_case = {
            c.id: CasePeople(
                case_id=c.id,
                case=c,
                register=tuple(links[c.id]),
                former=Former(cases=tuple(earlier_cases[c.id]), items=tuple(earlier_links[c.id])),
                withheld=tuple(dict.fromkeys(withheld[c.id])),
            )
            for c in every
        }
        if case_id not in by_case:
            raise NotFound("case")
        return VaultPeople(
            this=by_case[case_id],
            others=tuple(p for cid, p in by_case.items() if cid != case_id),
        )

    def screen_mask(self, case_id: int) -> ScreenMask:
        """A mask that shows every person's names as initials, for "Hide names"."""
        return ScreenMask(self.gather(case_id))


_T = TypeVar("_T")


def _grouped(pairs: list[tuple[int, _T]]) -> defaultdict[int, list[_T]]:
    """Values grouped by case id (a missing case gives an empty list)."""
    out: defaultdict[int, list[_T]] = defaultdict(list)
    for case_id, value in pairs:
        out[case_id].append(value)
    return out
