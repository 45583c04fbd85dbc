"""What the leak scan is told about the vault and the audience (export layer, pure values).

The leak scan works from the vault's *raw* values, never from what the redaction produced,
so a miss in the redaction is not a miss in the scan. These plain values carry them: every
case with its earlier details, its register with each item's earlier details, every version
of its entries, the spans the key worker hid by hand, what the audience is entitled to see
(`Entitlements`, mapped from the audience profile by the services layer, since the export
layer may not import the redaction) and the key worker's choice of dates and kinds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from fftimeline.domain.cases import CaseDraft
from fftimeline.domain.entries import Entry, Kind
from fftimeline.domain.people import Linked
from fftimeline.domain.sharing import Audience
from fftimeline.domain.sources import Source


@dataclass(frozen=True)
class Entitlements:
    """What one audience is entitled to see, in the leak scan's own terms.

    Attributes:
        audience: the built-in audience whose sharing decides which entries go.
        who: the audience in words for findings ("the parents", "this audience"); never a
            custom label, which may hold a name.
        child_name: sees the child's and the family's names.
        identifiers: sees places, vehicles, phone numbers and online handles.
        sources: sees the names of sources that are not withheld.
        account: sees the full account of an entry.
        family_view: sees the family's views.
        child_view: sees the child's own view and wishes about sharing.
        actions: sees next actions and outcomes.
        handling: sees the handling conditions of intelligence.
    """

    audience: Audience
    who: str
    child_name: bool = False
    identifiers: bool = False
    sources: bool = False
    account: bool = False
    family_view: bool = False
    child_view: bool = False
    actions: bool = False
    handling: bool = False


@dataclass(frozen=True)
class EntryScope:
    """The key worker's choice of dates and kinds for one output (None = no limit)."""

    start: dt.date | None = None
    end: dt.date | None = None
    kinds: frozenset[Kind] | None = None


@dataclass(frozen=True)
class RegisterRecord:
    """One register item as it is now and as it read before each change."""

    item: Linked
    earlier: tuple[Linked, ...] = ()

    @property
    def versions(self) -> tuple[Linked, ...]:
        """The item now and every earlier version."""
        return (self.item, *self.earlier)


@dataclass(frozen=True)
class CaseRecord:
    """One case of the vault, with everything it ever said.

    Attributes:
        case: the case's details now.
        earlier: the case's details before each change.
        register: its register items with their history.
        entries: the current version of every entry, withdrawn ones included.
        earlier_entries: every earlier version of its entries.
        sources: withheld sources known without their entries (another case's, read
            straight from the vault so its entries need not be loaded).
    """

    case: CaseDraft
    earlier: tuple[CaseDraft, ...] = ()
    register: tuple[RegisterRecord, ...] = ()
    entries: tuple[Entry, ...] = ()
    earlier_entries: tuple[Entry, ...] = ()
    sources: tuple[Source, ...] = ()

    @property
    def all_versions(self) -> tuple[Entry, ...]:
        """Every version of every entry."""
        return (*self.entries, *self.earlier_entries)

    @property
    def linked_ids(self) -> frozenset[int]:
        """Register items any version of any entry links to."""
        return frozenset(i for e in self.all_versions for i in e.link_ids)


@dataclass(frozen=True)
class HiddenSpan:
    """Text the key worker hid by hand in one entry from this audience."""

    entry_id: int
    text: str


@dataclass(frozen=True)
class VaultRecords:
    """Everything the leak scan of one output needs from the vault.

    Attributes:
        case: the case being exported.
        others: every other case in the vault.
        hidden: the spans hidden by hand from this audience in this case.
    """

    case: CaseRecord
    others: tuple[CaseRecord, ...] = ()
    hidden: tuple[HiddenSpan, ...] = field(default_factory=tuple)
