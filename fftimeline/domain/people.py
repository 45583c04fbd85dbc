"""People, places, vehicles, phone numbers and online handles linked to a case (domain layer).

A case keeps a register of everything its entries link to. Third-party people (anyone who
is not the child, the family or a professional in role) are replaced by their role label
in redacted outputs, so the register keeps that label alongside the name and nicknames.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from fftimeline.catalogue import Labels
from fftimeline.domain.errors import rule_error


class LinkKind(StrEnum):
    """What a register item is."""

    PERSON = "person"
    PLACE = "place"
    VEHICLE = "vehicle"
    PHONE = "phone"
    HANDLE = "handle"


LINK_KIND_LABELS: Labels[LinkKind] = Labels(
    {
        LinkKind.PERSON: "Person",
        LinkKind.PLACE: "Place",
        LinkKind.VEHICLE: "Vehicle",
        LinkKind.PHONE: "Phone number",
        LinkKind.HANDLE: "Online handle",
    }
)


class Linked(BaseModel):
    """One item in a case's register: a person, place, vehicle, phone number or handle.

    Attributes:
        id: database id; ``None`` until saved.
        kind: what it is.
        name: the person's name, the place, the registration, the number or the handle.
        role: for a person, their role label used when the name must not be shown,
            e.g. "an adult male", "a friend of the child". For others, a short description.
        nicknames: other names a person is known by ('Bugsy').
        third_party: whether the person is a third party whose identity is protected.
        notes: anything else worth knowing.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: int | None = None
    kind: LinkKind
    name: str = Field(min_length=1, max_length=300)
    role: str = Field(default="", max_length=200)
    nicknames: tuple[str, ...] = ()
    third_party: bool = False
    notes: str = Field(default="", max_length=5000)

    @field_validator("nicknames")
    @classmethod
    def _clean_nicknames(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(n.strip() for n in v if n.strip())

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.kind is LinkKind.PERSON and self.third_party and not self.role:
            raise rule_error(
                "third_party_needs_role",
                "Give a role label (such as 'an adult male') to show instead of this "
                "person's name in shared outputs.",
            )
        if self.kind is not LinkKind.PERSON and (self.nicknames or self.third_party):
            raise rule_error(
                "nicknames_only_people", "Only people have nicknames or are third parties."
            )
        return self

    @property
    def label(self) -> str:
        """How the item is shown in full views: name plus nicknames in quotes."""
        if self.nicknames:
            return f"{self.name} ({', '.join(repr(n) for n in self.nicknames)})"
        return self.name

    @property
    def redaction_label(self) -> str:
        """What stands in for a protected person's name in redacted outputs."""
        return self.role or "a person"
