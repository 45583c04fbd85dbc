"""Organisations a family can turn to, and the support offered to a family (domain layer).

The key worker keeps the list of organisations in the app's settings (it is not case data:
the same list serves every family); the app ships an editable example, printed at the end of
the family's timeline. Parsing is pure: reading the example file is `fftimeline.settings`' job.

Support *offered* is case data: an entry of kind "support offered" holds a `SupportOffer`
(which organisation, to whom, taken up or not), so it appears in the chronology at the day it
was offered, and a later "taken up" is an amendment that keeps the first version.
"""

from __future__ import annotations

import tomllib
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fftimeline.catalogue import Labels
from fftimeline.domain.errors import DomainError


class SupportOrganisation(BaseModel):
    """One organisation: its name, what it helps with, and how to reach it."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    helps_with: str = Field(default="", max_length=1000)
    phone: str = Field(default="", max_length=100)
    website: str = Field(default="", max_length=300)


class SupportListUnreadable(DomainError):
    """The support list file is not a list of organisations."""

    def __init__(self) -> None:
        super().__init__(
            "support_list_unreadable",
            "The list of support organisations could not be read. Check the file: each "
            "organisation needs at least a name.",
        )


def parse_support_list(text: str) -> tuple[SupportOrganisation, ...]:
    """The organisations in a TOML text of ``[[organisation]]`` tables.

    Raises:
        SupportListUnreadable: the text is not TOML, or an organisation is not valid.
    """
    try:
        raw = tomllib.loads(text).get("organisation", [])
        return tuple(SupportOrganisation.model_validate(item) for item in raw)
    except (tomllib.TOMLDecodeError, ValidationError, TypeError, AttributeError) as exc:
        raise SupportListUnreadable() from exc


class TakenUp(StrEnum):
    """Whether the family took up the support offered."""

    YES = "taken-up"
    NO = "not-taken-up"
    NOT_YET = "not-yet-known"


TAKEN_UP_LABELS: Labels[TakenUp] = Labels(
    {
        TakenUp.YES: "Taken up",
        TakenUp.NO: "Not taken up",
        TakenUp.NOT_YET: "Not known yet",
    }
)


class SupportOffer(BaseModel):
    """Support offered to the family: the structured part of a "support offered" entry.

    Attributes:
        organisation: the organisation (normally one from the settings' support list).
        offered_to: who it was offered to ("the family", a parent, the child).
        taken_up: whether it was taken up.
        note: anything worth knowing (why not, how it went).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    organisation: str = Field(min_length=1, max_length=200)
    offered_to: str = Field(min_length=1, max_length=200)
    taken_up: TakenUp = TakenUp.NOT_YET
    note: str = Field(default="", max_length=2000)


def support_words(offer: SupportOffer) -> str:
    """'Support offered: Pace, to Donna Reid (mother). Taken up.' (the professional voice)."""
    line = f"Support offered: {offer.organisation}, to {offer.offered_to}. "
    line += f"{TAKEN_UP_LABELS[offer.taken_up]}."
    return f"{line}\n{offer.note}" if offer.note else line
