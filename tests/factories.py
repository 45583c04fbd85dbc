"""Factories for valid domain objects, shared by every test layer (no Qt, no I/O)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fftimeline.domain.cases import CaseDraft, FamilyMember, TeamMember
from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import EntryDraft, Kind, Nature
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source
from fftimeline.domain.tasks import TaskDraft
from fftimeline.domain.views import PersonView, ViewHolder, ViewPosition

PASSPHRASE = "correct horse battery staple 42"


def passphrase(text: str = PASSPHRASE) -> bytearray:
    """A fresh mutable passphrase buffer, as the UI and CLI hand them over."""
    return bytearray(text.encode("utf-8"))


def make_case(**overrides: Any) -> CaseDraft:
    """A valid case draft; override any field."""
    fields: dict[str, Any] = {
        "child_name": "Jayden Okafor",
        "known_as": "JJ",
        "date_of_birth": dt.date(2010, 4, 2),
        "pronouns": "he/him",
        "key_worker": "Sam Key",
        "family": (FamilyMember(name="Grace Okafor", relationship="Mother"),),
        "team": (TeamMember(name="Rita Hughes", agency="Park School", role="Head of Year"),),
    }
    fields.update(overrides)
    return CaseDraft(**fields)


def make_entry(**overrides: Any) -> EntryDraft:
    """A valid entry draft: a reported concern from a named professional; override any field."""
    fields: dict[str, Any] = {
        "kind": Kind.CONCERN,
        "event_date": EventDate.exact(dt.date(2025, 3, 14)),
        "summary": "Seen getting into a car outside school",
        "account": "At 15:20 Jayden was seen getting into a grey car outside the gates.",
        "nature": Nature.REPORTED,
        "source": Source(
            name="Rita Hughes", role="Head of Year", agency="Park School", professional=True
        ),
        "views": (
            PersonView(
                holder=ViewHolder.FAMILY,
                position=ViewPosition.AGREE,
                text="Mum says he told her it was a friend.",
            ),
        ),
        "sharing": Sharing(
            audiences=frozenset({Audience.SAFEGUARDING_TEAM, Audience.STRATEGY_MEETING})
        ),
    }
    fields.update(overrides)
    return EntryDraft(**fields)


def make_person(**overrides: Any) -> Linked:
    """A third-party adult linked to a case; override any field."""
    fields: dict[str, Any] = {
        "kind": LinkKind.PERSON,
        "name": "Marcus Bell",
        "role": "an adult male",
        "nicknames": ("Bugsy",),
        "third_party": True,
    }
    fields.update(overrides)
    return Linked(**fields)


def make_task(**overrides: Any) -> TaskDraft:
    """An open task with an owner and due date; override any field."""
    fields: dict[str, Any] = {
        "what": "Return home interview",
        "owner": "R. Hughes",
        "due": dt.date(2025, 3, 20),
    }
    fields.update(overrides)
    return TaskDraft(**fields)


def family_view(
    text: str = "", position: ViewPosition = ViewPosition.NOT_ASKED
) -> tuple[PersonView, ...]:
    """An entry's views holding one view of the family as a whole (as views were before)."""
    view = PersonView(holder=ViewHolder.FAMILY, position=position, text=text)
    return (view,) if view.is_recorded else ()


def family_text(entry: EntryDraft) -> str:
    """The words of the family's view as a whole ('' when none)."""
    return next((v.text for v in entry.views if v.holder is ViewHolder.FAMILY), "")
