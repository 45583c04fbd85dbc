"""Audiences and per-entry sharing decisions (domain layer).

Every entry says who it is safe to share with. The five built-in audiences are the
ones practice guidance names; custom audiences (issue 4) build on one of these.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fftimeline.catalogue import Labels
from fftimeline.domain.errors import rule_error


class Audience(StrEnum):
    """Who an output is for. Values are stable slugs used in files and the command line."""

    SAFEGUARDING_TEAM = "safeguarding-team"
    STRATEGY_MEETING = "strategy-meeting"
    PARENTS = "parents-carers"
    CHILD = "child"
    POLICE = "police"


AUDIENCE_LABELS: Labels[Audience] = Labels(
    {
        Audience.SAFEGUARDING_TEAM: "Safeguarding team",
        Audience.STRATEGY_MEETING: "Strategy meeting",
        Audience.PARENTS: "Parents/carers",
        Audience.CHILD: "The child",
        Audience.POLICE: "Police",
    }
)


class Sharing(BaseModel):
    """Which audiences an entry may go to, and why not where it may not.

    Attributes:
        audiences: the audiences the entry may be shared with.
        reasons_not: for an audience left out, why (e.g. "would alert those harming the child").
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    audiences: frozenset[Audience] = Field(
        default_factory=lambda: frozenset({Audience.SAFEGUARDING_TEAM})
    )
    reasons_not: dict[Audience, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check(self) -> Self:
        both = [a for a in self.reasons_not if a in self.audiences]
        if both:
            raise rule_error(
                "reason_for_shared_audience",
                f"{AUDIENCE_LABELS[both[0]]} is ticked as safe to share with, so it needs no "
                "reason for not sharing. Untick it or clear the reason.",
            )
        return self

    def allows(self, audience: Audience) -> bool:
        """Whether the entry may go to this audience."""
        return audience in self.audiences

    def __hash__(self) -> int:
        return hash((self.audiences, tuple(sorted(self.reasons_not.items()))))
