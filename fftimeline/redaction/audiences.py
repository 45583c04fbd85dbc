"""Audience profiles: what each audience may see (redaction layer, pure).

An entry's `Sharing` says which audiences it may go to; a profile says which *fields* an
audience sees of the entries it receives. The five built-in audiences come from practice
guidance; custom audiences are built on one of them (its sharing decides which entries go)
with their own choice of fields.

Some things are never shown to any audience in an export, whatever the profile says: the
names of withheld sources and of third-party people (and anyone linked to an entry). Those
are always replaced by "Source withheld" and by the person's role label.
"""

from __future__ import annotations

import json
import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fftimeline.domain.errors import DomainError
from fftimeline.domain.sharing import AUDIENCE_LABELS, Audience


class AudienceField(StrEnum):
    """A part of an entry (or of the case) that an audience may or may not see."""

    CHILD_NAME = "child-name"
    ACCOUNT = "account"
    FAMILY_VIEW = "family-view"
    CHILD_VIEW = "child-view"
    SOURCES = "sources"
    IDENTIFIERS = "identifiers"
    GRADING = "grading"
    HANDLING = "handling"
    ACTIONS = "actions"


AUDIENCE_FIELD_LABELS: dict[AudienceField, str] = {
    AudienceField.CHILD_NAME: "The child's full name (otherwise initials)",
    AudienceField.ACCOUNT: "The full account of what happened",
    AudienceField.FAMILY_VIEW: "The family's view",
    AudienceField.CHILD_VIEW: "The child's own view and wishes about sharing",
    AudienceField.SOURCES: "Names of sources that are not withheld",
    AudienceField.IDENTIFIERS: "Vehicles, phone numbers and online handles",
    AudienceField.GRADING: "Intelligence grading (3x5x2)",
    AudienceField.HANDLING: "Handling conditions of intelligence",
    AudienceField.ACTIONS: "Next actions and outcomes",
}

F = AudienceField


class AudienceProfile(BaseModel):
    """One audience and the fields it sees.

    Attributes:
        slug: stable id used in files, preferences and the command line.
        label: the name shown to the key worker and on the cover sheet.
        base: the built-in audience whose sharing decides which entries go.
        fields: the parts of entries this audience sees.
        custom: whether the key worker added this audience.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    slug: str = Field(min_length=1, max_length=80, pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str = Field(min_length=1, max_length=100)
    base: Audience
    fields: frozenset[AudienceField] = frozenset()
    custom: bool = False

    def sees(self, field: AudienceField) -> bool:
        """Whether this audience sees the given field."""
        return field in self.fields

    @property
    def family_facing(self) -> bool:
        """Whether the family reads this output: parents/carers, the child, or built on them.

        A family output never counts what was kept from it.
        """
        return self.base in (Audience.PARENTS, Audience.CHILD)

    def with_grading(self, shown: bool) -> AudienceProfile:
        """This profile with intelligence grading shown (the key worker's choice).

        Only a strategy meeting is offered the choice; an audience that sees grading anyway
        keeps it.

        Raises:
            GradingNotForAudience: grading asked for an audience that may not have it.
        """
        if not shown or self.sees(F.GRADING):
            return self
        if self.base is not Audience.STRATEGY_MEETING:
            raise GradingNotForAudience(self.label)
        return self.model_copy(update={"fields": self.fields | {F.GRADING}})

    def with_child_name(self, shown: bool) -> AudienceProfile:
        """This profile with the child's full name switched on or off (the key worker's choice)."""
        fields = self.fields | {F.CHILD_NAME} if shown else self.fields - {F.CHILD_NAME}
        return self.model_copy(update={"fields": frozenset(fields)})


_ALL = frozenset(AudienceField)

BUILT_IN_PROFILES: dict[str, AudienceProfile] = {
    p.slug: p
    for p in (
        AudienceProfile(
            slug=Audience.SAFEGUARDING_TEAM.value,
            label=AUDIENCE_LABELS[Audience.SAFEGUARDING_TEAM],
            base=Audience.SAFEGUARDING_TEAM,
            fields=_ALL,
        ),
        # Multi-agency: initials unless the key worker chooses names; grading only when the
        # key worker chooses it for the export; never handling conditions.
        AudienceProfile(
            slug=Audience.STRATEGY_MEETING.value,
            label=AUDIENCE_LABELS[Audience.STRATEGY_MEETING],
            base=Audience.STRATEGY_MEETING,
            fields=_ALL - {F.CHILD_NAME, F.HANDLING, F.GRADING},
        ),
        # The child's own view is theirs: the parents do not see it unless the key worker
        # builds an audience that does (what the child said to us is not repeated to the
        # parents by default; their wishes about sharing are honoured at every export).
        AudienceProfile(
            slug=Audience.PARENTS.value,
            label=AUDIENCE_LABELS[Audience.PARENTS],
            base=Audience.PARENTS,
            fields=frozenset({F.CHILD_NAME, F.ACCOUNT, F.FAMILY_VIEW, F.SOURCES, F.ACTIONS}),
        ),
        AudienceProfile(
            slug=Audience.CHILD.value,
            label=AUDIENCE_LABELS[Audience.CHILD],
            base=Audience.CHILD,
            fields=frozenset({F.CHILD_NAME, F.ACCOUNT, F.FAMILY_VIEW, F.CHILD_VIEW, F.ACTIONS}),
        ),
        AudienceProfile(
            slug=Audience.POLICE.value,
            label=AUDIENCE_LABELS[Audience.POLICE],
            base=Audience.POLICE,
            fields=_ALL,
        ),
    )
}

CUSTOM_AUDIENCES_KEY = "custom-audiences"
"""Preference key under which custom audiences are kept in the vault, as JSON."""


class UnknownAudience(DomainError):
    """The audience asked for does not exist."""

    def __init__(self, slug: str) -> None:
        super().__init__(
            "unknown_audience",
            f"There is no audience called '{slug}'. Choose one of the audiences listed.",
        )


class GradingNotForAudience(DomainError):
    """Intelligence grading was asked for an audience that may not see it."""

    def __init__(self, label: str) -> None:
        super().__init__(
            "grading_not_for_audience",
            f"Intelligence grading can only be added for a strategy meeting, not for {label}.",
        )


def custom_slug(label: str) -> str:
    """A stable slug for a custom audience named ``label``: 'custom-youth-offending-team'."""
    words = re.sub(r"[^a-z0-9]+", "-", label.casefold()).strip("-")
    return f"custom-{words or 'audience'}"


def make_custom(label: str, base: Audience, fields: frozenset[AudienceField]) -> AudienceProfile:
    """Build a custom audience on a built-in base audience with its own fields."""
    return AudienceProfile(
        slug=custom_slug(label), label=label, base=base, fields=fields, custom=True
    )


def all_profiles(custom: list[AudienceProfile] | None = None) -> list[AudienceProfile]:
    """Built-in audiences first, then custom ones, each slug once."""
    seen = dict(BUILT_IN_PROFILES)
    for profile in custom or []:
        seen.setdefault(profile.slug, profile)
    return list(seen.values())


def find_profile(slug: str, custom: list[AudienceProfile] | None = None) -> AudienceProfile:
    """The profile with this slug; raises `UnknownAudience` when there is none."""
    for profile in all_profiles(custom):
        if profile.slug == slug:
            return profile
    raise UnknownAudience(slug)


def custom_to_json(profiles: list[AudienceProfile]) -> str:
    """Serialise custom audiences for the vault's preferences."""
    return json.dumps([p.model_dump(mode="json") for p in profiles if p.custom])


def custom_from_json(text: str | None) -> list[AudienceProfile]:
    """Read custom audiences back from preferences; unreadable data gives none."""
    if not text:
        return []
    try:
        raw = json.loads(text)
        return [AudienceProfile.model_validate(item) for item in raw]
    except (ValueError, TypeError, ValidationError):
        return []
