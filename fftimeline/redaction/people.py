"""Everyone in the vault whose names an output may have to protect (redaction layer, pure).

A child's chronology mentions people of other cases too: a sister's case, a friend's case,
the same adult exploiting several children. So an output of one case protects the names of
the whole vault: each case's child and family, every person in its register, every withheld
source of every version of its entries, its places and identifiers, and the earlier names
kept in the vault's history. The services gather these once per output (`VaultPeople`);
the redaction decides who is protected from whom (`terms`).
"""

from __future__ import annotations

from dataclasses import dataclass

from fftimeline.domain.cases import CaseDraft
from fftimeline.domain.people import Linked
from fftimeline.domain.sources import Source


@dataclass(frozen=True)
class Former:
    """Earlier details of a case and of its register items (from the vault's history)."""

    cases: tuple[CaseDraft, ...] = ()
    items: tuple[Linked, ...] = ()


@dataclass(frozen=True)
class CasePeople:
    """The names one case brings to the vault.

    Attributes:
        case_id: the case.
        case: its details now (child, known-as, family, team).
        register: its people, places, vehicles, phone numbers and handles now.
        former: earlier details of the case and of its register items.
        withheld: the withheld sources of every version of every entry.
    """

    case_id: int
    case: CaseDraft
    register: tuple[Linked, ...] = ()
    former: Former = Former()
    withheld: tuple[Source, ...] = ()


@dataclass(frozen=True)
class VaultPeople:
    """The exported case's own history, and every other case of the vault."""

    this: CasePeople | None = None
    others: tuple[CasePeople, ...] = ()
