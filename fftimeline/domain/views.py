"""Views per person on an entry, and the child's wishes about sharing (domain layer).

An entry can hold several views: the child's own, each parent's or carer's (named as in the
case's family), and, for entries written before views were per person, the family's as a
whole. Each has a position (agrees, partly, disputes, not yet asked, not safe to ask) and
the person's words. The child's view is never merged into "the family's": it is its own
view, shown, exported and checked apart.

The child may also say who they do not want us to tell ("I want to tell Mum myself"). That
wish is recorded with the entry (`ChildWish`) and honoured whenever an output goes to an
audience the child named: the key worker is warned by name of the entry and must confirm
with a reason, which the disclosure keeps (`services.child_wishes`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fftimeline.catalogue import Labels
from fftimeline.domain.errors import rule_error
from fftimeline.domain.sharing import AUDIENCE_LABELS, Audience


class ViewPosition(StrEnum):
    """A person's position on an entry."""

    AGREE = "agree"
    DISPUTE = "dispute"
    PARTLY = "partly-agree"
    NOT_ASKED = "not-yet-asked"
    NOT_SAFE = "not-safe-to-ask"


VIEW_POSITION_LABELS: Labels[ViewPosition] = Labels(
    {
        ViewPosition.AGREE: "Agrees",
        ViewPosition.DISPUTE: "Disputes",
        ViewPosition.PARTLY: "Partly agrees",
        ViewPosition.NOT_ASKED: "Not yet asked",
        ViewPosition.NOT_SAFE: "Not safe to ask",
    }
)

_WEIGHT = {  # which position a one-word summary of several views shows first
    ViewPosition.DISPUTE: 4,
    ViewPosition.PARTLY: 3,
    ViewPosition.NOT_SAFE: 2,
    ViewPosition.AGREE: 1,
    ViewPosition.NOT_ASKED: 0,
}


class ViewHolder(StrEnum):
    """Whose view it is."""

    CHILD = "child"
    MEMBER = "family-member"
    """One parent, carer or relative, named as in the case's family."""
    FAMILY = "family"
    """The family as a whole: how views were recorded before they were per person."""


class PersonView(BaseModel):
    """One person's view of an entry.

    Attributes:
        holder: the child, a named family member, or the family as a whole.
        name: the family member's name as in the case ('' for the child and the family).
        position: agrees, partly agrees, disputes, not yet asked or not safe to ask.
        text: what they said, in their words.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    holder: ViewHolder
    name: str = Field(default="", max_length=200)
    position: ViewPosition = ViewPosition.NOT_ASKED
    text: str = Field(default="", max_length=10_000)

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.holder is ViewHolder.MEMBER and not self.name:
            raise rule_error("view_needs_whose", "Say whose view this is.")
        if self.holder is not ViewHolder.MEMBER and self.name:
            raise rule_error("view_name_not_member", "Only a family member's view carries a name.")
        return self

    @property
    def key(self) -> str:
        """Stable key of whose view it is: 'child', 'family' or 'member:Donna Reid'."""
        if self.holder is ViewHolder.MEMBER:
            return f"member:{self.name}"
        return self.holder.value

    @property
    def is_recorded(self) -> bool:
        """Whether anything is recorded (a position other than 'not yet asked', or words)."""
        return self.position is not ViewPosition.NOT_ASKED or bool(self.text)

    @property
    def disputed(self) -> bool:
        """Whether this person disagrees with some or all of the entry."""
        return is_disputed(self.position)


@dataclass(frozen=True)
class ShownView:
    """One person's view as an output shows it: name and words already fit for its audience.

    Attributes:
        holder: the child, a family member or the family as a whole.
        name: a family member's name as the audience may see it ('' for the others).
        position: their position.
        text: their words as the audience may see them.
    """

    holder: ViewHolder
    name: str
    position: ViewPosition
    text: str

    @property
    def disputed(self) -> bool:
        """Whether this person disagrees with some or all of the entry."""
        return is_disputed(self.position)


def is_disputed(position: ViewPosition) -> bool:
    """Whether a position disagrees with some or all of an entry (shown as prominently)."""
    return position in (ViewPosition.DISPUTE, ViewPosition.PARTLY)


def child_view(views: Iterable[PersonView]) -> PersonView | None:
    """The child's own view, if recorded."""
    return next((v for v in views if v.holder is ViewHolder.CHILD), None)


def family_views(views: Iterable[PersonView]) -> tuple[PersonView, ...]:
    """The views of the family (each member, and the family as a whole), never the child's."""
    return tuple(v for v in views if v.holder is not ViewHolder.CHILD)


def strongest(views: Iterable[PersonView]) -> PersonView | None:
    """The view a one-word summary shows: a dispute before partly, then the rest."""
    return max(views, key=lambda v: _WEIGHT[v.position], default=None)


def check_unique(views: tuple[PersonView, ...]) -> None:
    """Each person has at most one view on an entry.

    Raises:
        PydanticCustomError: someone's view is recorded twice.
    """
    keys = [v.key for v in views]
    if len(set(keys)) != len(keys):
        raise rule_error("view_twice", "Someone's view is recorded twice. Keep one.")


def legacy_views(old: Any) -> list[Any]:
    """The views of an entry saved with one "family's view" (before views were per person).

    That view was the family's as a whole; "not yet asked" with no words was the default
    and meant nothing was recorded, so it reads as no view at all.
    """
    if isinstance(old, BaseModel):
        old = old.model_dump()
    if not isinstance(old, dict):
        return []
    position = old.get("position", ViewPosition.NOT_ASKED.value)
    text = str(old.get("text", "") or "").strip()
    if str(position) == ViewPosition.NOT_ASKED.value and not text:
        return []
    return [{"holder": ViewHolder.FAMILY.value, "position": position, "text": text}]


class ChildWish(BaseModel):
    """What the child asked about sharing an entry ("I want to tell Mum myself").

    Attributes:
        text: the child's wish, in their words.
        not_told: the audiences the child asked us not to tell.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    text: str = Field(default="", max_length=2000)
    not_told: frozenset[Audience] = frozenset()

    @model_validator(mode="after")
    def _check(self) -> Self:
        if not self.text:
            raise rule_error(
                "wish_needs_words", "Write the child's wish about sharing, in their words."
            )
        if not self.not_told:
            raise rule_error("wish_needs_audience", "Tick who the child asked us not to tell.")
        if Audience.CHILD in self.not_told:
            raise rule_error(
                "wish_not_the_child", "The child cannot ask that they themselves are not told."
            )
        return self

    def against(self, audience: Audience) -> bool:
        """Whether the child asked that this audience is not told."""
        return audience in self.not_told

    def audiences_words(self) -> str:
        """'Parents/carers and Police': who the child asked us not to tell."""
        names = [AUDIENCE_LABELS[a] for a in Audience if a in self.not_told]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
