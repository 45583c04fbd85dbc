"""Where information came from, and when a source must be withheld (domain layer).

Practice asks that facts carry their source, and that a source is withheld only for a
recorded reason. Professionals acting in their role are normally named, so withholding a
professional needs an explicit override reason as well.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fftimeline.catalogue import Labels
from fftimeline.domain.errors import rule_error


class SourceKind(StrEnum):
    """What sort of thing a source is."""

    PERSON = "person"
    AGENCY = "agency"
    DOCUMENT = "document"


class WithheldReason(StrEnum):
    """Why a source's identity is not shown."""

    RISK_TO_SOURCE = "risk-to-source"
    ANONYMITY_ASKED = "anonymity-asked"
    THIRD_PARTY = "third-party"
    WOULD_ALERT = "would-alert"


WITHHELD_REASON_LABELS: Labels[WithheldReason] = Labels(
    {
        WithheldReason.RISK_TO_SOURCE: "Naming them would put the source at risk",
        WithheldReason.ANONYMITY_ASKED: "The source asked not to be named",
        WithheldReason.THIRD_PARTY: "Third-party information",
        WithheldReason.WOULD_ALERT: "Would alert those harming the child",
    }
)


class Source(BaseModel):
    """Who or what information came from.

    Attributes:
        kind: person, agency or document.
        name: the person's name, the agency, or the document's title.
        agency: the agency a person works for, if any.
        role: the person's role ("Head of Year").
        professional: whether the source is a professional.
        withheld: whether the source must not be named in outputs.
        unknown: we do not know who the source is (police intelligence from an informant
            the key worker was never told of); only a withheld source can be unknown, and
            it needs no name.
        withheld_reason: why it is withheld (required when withheld).
        professional_override: why a professional acting in role is withheld
            (required when a professional is withheld).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    kind: SourceKind = SourceKind.PERSON
    name: str = Field(default="", max_length=300)
    agency: str = Field(default="", max_length=200)
    role: str = Field(default="", max_length=200)
    professional: bool = False
    withheld: bool = False
    unknown: bool = False
    withheld_reason: WithheldReason | None = None
    professional_override: str = Field(default="", max_length=1000)

    @model_validator(mode="after")
    def _check(self) -> Self:
        _check_name(self)
        if self.withheld and self.withheld_reason is None:
            raise rule_error("withheld_needs_reason", "Say why the source must be withheld.")
        if not self.withheld and self.withheld_reason is not None:
            raise rule_error(
                "reason_without_withholding",
                "A reason for withholding is given but the source is not withheld.",
            )
        if self.withheld and self.professional and not self.professional_override:
            raise rule_error(
                "professional_withheld_needs_override",
                "Professionals acting in their role are normally named. Explain why this "
                "professional must be withheld.",
            )
        return self

    def described(self) -> str:
        """Full description for the key person's own views: 'R. Hughes, Head of Year'."""
        parts = [p for p in (self.name, self.role, self.agency) if p]
        if self.unknown:
            parts.insert(0, UNKNOWN_TO_US)
        return ", ".join(dict.fromkeys(parts))  # "Westbridge Police" once, not twice


UNKNOWN_TO_US = "Unknown to us"
"""How the key worker's own screens describe a source nobody told us the name of."""


def _check_name(source: Source) -> None:
    """A source is named, unless it is withheld and unknown to us."""
    if source.unknown and not source.withheld:
        raise rule_error(
            "unknown_not_withheld",
            "Only a withheld source can be 'unknown to us'. Tick 'Withhold', or if no one "
            "told us, clear 'Who told us' and say why there is no source.",
        )
    if source.unknown and source.name:
        raise rule_error(
            "unknown_with_name",
            "The source is marked 'unknown to us' but has a name. Clear one of them.",
        )
    if not source.unknown and not source.name:
        raise rule_error(
            "source_needs_name",
            "Give the name, role or agency of who told us, or clear 'Who told us'.",
        )
