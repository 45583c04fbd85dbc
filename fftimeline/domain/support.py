"""Organisations a family can turn to, printed at the end of their timeline (domain layer).

The key worker keeps the list in the app's settings (it is not case data: the same list
serves every family); the app ships an editable example. Parsing is pure: reading the
example file is `fftimeline.settings`' job.
"""

from __future__ import annotations

import tomllib

from pydantic import BaseModel, ConfigDict, Field, ValidationError

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
