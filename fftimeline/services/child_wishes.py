"""The child's wishes about sharing, honoured at every export and print (services layer).

A child may ask that someone is not told about an entry ("I want to tell Mum myself"). The
entry keeps that wish (`domain.views.ChildWish`). When an output goes to an audience the
child asked not to be told, it does not go unremarked: the export or print stops and names
each such entry, and goes ahead only when the key worker confirms with a reason. The
disclosure keeps the reason and the entries (`DisclosureDraft.child_wish_*`), so "What was
shared" shows that the child's wish was overridden, by whom and why.
"""

from __future__ import annotations

from dataclasses import dataclass

from fftimeline.domain.dates import EventDate
from fftimeline.domain.errors import DomainError
from fftimeline.domain.records import DisclosureDraft
from fftimeline.domain.sharing import AUDIENCE_LABELS
from fftimeline.export.family_document import audience_phrase
from fftimeline.redaction.redact import RedactedChronology


@dataclass(frozen=True)
class WishedEntry:
    """An entry going out although the child asked that this audience is not told.

    Attributes:
        entry_id: the entry.
        event_date: when it happened.
        summary: what happened, as recorded (for the key worker's own screen).
        wish: the child's wish, in their words.
    """

    entry_id: int
    event_date: EventDate
    summary: str
    wish: str

    @property
    def named(self) -> str:
        """The entry by its date and number, naming no one: 'entry 17 (3 May 2025)'."""
        return f"entry {self.entry_id} ({self.event_date.wording()})"


class ChildWishNotConfirmed(DomainError):
    """The child asked that this audience is not told about entries that would go out.

    Attributes:
        audience: the audience label.
        entries: the entries, each named.
    """

    def __init__(self, audience: str, entries: tuple[WishedEntry, ...]) -> None:
        self.audience = audience
        self.entries = entries
        names = ", ".join(e.named for e in entries)
        count = "1 entry" if len(entries) == 1 else f"{len(entries)} entries"
        super().__init__(
            "child_wish_not_confirmed",
            f"The child asked us not to tell {audience} about {count}: {names}. Nothing was "
            "shared. To share it anyway, confirm with the reason, which is recorded.",
        )


def wishes_against(chron: RedactedChronology) -> tuple[WishedEntry, ...]:
    """The entries going out to this audience although the child asked it is not told."""
    audience = chron.profile.base
    return tuple(
        WishedEntry(e.id, e.event_date, e.summary, e.child_wish.text)
        for e in chron.included
        if e.child_wish is not None and e.child_wish.against(audience)
    )


def unconfirmed(chron: RedactedChronology) -> ChildWishNotConfirmed | None:
    """What to ask before this output goes (None when no child's wish stands against it)."""
    wished = wishes_against(chron)
    return ChildWishNotConfirmed(_audience_words(chron), wished) if wished else None


def confirmed_draft(
    chron: RedactedChronology, draft: DisclosureDraft, reason: str
) -> DisclosureDraft:
    """The disclosure with the child's wishes it overrides and why; or stop.

    Args:
        chron: what goes out.
        draft: the disclosure as the key worker described it.
        reason: why the key worker shares entries the child asked this audience not to be
            told ('' when none was given).

    Raises:
        ChildWishNotConfirmed: such entries would go out and no reason was given.
    """
    stop = unconfirmed(chron)
    if stop is None:
        return draft
    why = reason.strip()
    if not why:
        raise stop
    ids = tuple(e.entry_id for e in stop.entries)
    return draft.model_copy(update={"child_wish_entries": ids, "child_wish_reason": why})


def _audience_words(chron: RedactedChronology) -> str:
    """The audience in a sentence ('the parents/carers').

    A custom label may name someone, so the audience it is built on is used.
    """
    return audience_phrase(AUDIENCE_LABELS[chron.profile.base])
