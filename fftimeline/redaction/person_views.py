"""Everyone's views of an entry, as one audience may see them (redaction layer, pure).

The family's views (each member's, or the family's as a whole) go to audiences that see the
family's view; the child's own view, and the child's wishes about sharing, only to those that
see the child's view: the two are never merged. A family member's name is the family's own
name, so it is protected as the case's family is (initials and "the child's mother" for
audiences that see no names): it is cleaned like any other text of the entry.

Each piece is cleaned once; the one-line-per-person text the spreadsheet and the preview
show is joined from the cleaned pieces, with the replacement marks shifted to their place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from fftimeline.domain.entries import Entry
from fftimeline.domain.views import (
    VIEW_POSITION_LABELS,
    ShownView,
    ViewHolder,
    ViewPosition,
    child_view,
    family_views,
)
from fftimeline.domain.wording import FAMILY, NOT_YET_ASKED
from fftimeline.redaction.audiences import AudienceField, AudienceProfile
from fftimeline.redaction.values import Marks, Redacted, Text
from fftimeline.redaction.wording import Replaced

Clean = Callable[[str], Replaced]
"""Cleans one piece of text for the audience (names replaced, hidden spans marked)."""

NOT_SHOWN = "Not shown"


@dataclass
class _Joined:
    """Pieces of text joined into one, with each piece's marks shifted to its place."""

    parts: list[str] = field(default_factory=list)
    marks: list[tuple[int, int]] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, marks: Marks = ()) -> None:
        self.marks += [(self.length + s, self.length + e) for s, e in marks]
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass(frozen=True)
class ViewsShown:
    """The views of one entry for one audience.

    Attributes:
        family: the family's views in one text (one line a person), or a sentinel.
        family_marks: where replacements sit in ``family``.
        child: the child's view and wishes about sharing in one text, or a sentinel.
        child_marks: where replacements sit in ``child``.
        views: each view the audience sees, cleaned (the child's only if it sees it).
        child_wish: the child's wish about sharing, cleaned ('' when none or not seen).
    """

    family: Text
    family_marks: Marks
    child: Text
    child_marks: Marks
    views: tuple[ShownView, ...]
    child_wish: str = ""


def views_shown(entry: Entry, profile: AudienceProfile, clean: Clean) -> ViewsShown:
    """What ``profile`` sees of the views of ``entry``."""
    views: list[ShownView] = []
    family, family_marks = _family(entry, profile, clean, views)
    child, child_marks, wish = _child(entry, profile, clean, views)
    return ViewsShown(family, family_marks, child, child_marks, tuple(views), wish)


def _piece(text: str, clean: Clean) -> Replaced:
    return clean(text) if text else Replaced("")


def _line(joined: _Joined, position: ViewPosition, words: Replaced) -> None:
    joined.add(VIEW_POSITION_LABELS[position])
    if words.text:
        joined.add(": ")
        joined.add(words.text, words.marks)


def _family(
    entry: Entry, profile: AudienceProfile, clean: Clean, out: list[ShownView]
) -> tuple[Text, Marks]:
    if not profile.sees(AudienceField.FAMILY_VIEW):
        return Redacted(NOT_SHOWN), ()
    family = family_views(entry.views)
    if not family:
        return NOT_YET_ASKED, ()
    alone = len(family) == 1 and family[0].holder is ViewHolder.FAMILY
    joined = _Joined()
    for n, view in enumerate(family):
        name, words = _piece(view.name, clean), _piece(view.text, clean)
        out.append(ShownView(view.holder, name.text, view.position, words.text))
        if n:
            joined.add("\n")
        if not alone:
            joined.add(name.text or FAMILY, name.marks)
            joined.add(": ")
        _line(joined, view.position, words)
    return joined.text, tuple(joined.marks)


def _child(
    entry: Entry, profile: AudienceProfile, clean: Clean, out: list[ShownView]
) -> tuple[Text, Marks, str]:
    if not profile.sees(AudienceField.CHILD_VIEW):
        return Redacted(""), (), ""
    joined = _Joined()
    view = child_view(entry.views)
    if view is not None:
        words = _piece(view.text, clean)
        out.append(ShownView(view.holder, "", view.position, words.text))
        _line(joined, view.position, words)
    wish_text = ""
    if entry.child_wish is not None:
        wish = _piece(entry.child_wish.text, clean)
        wish_text = wish.text
        if view is not None:
            joined.add("\n")
        joined.add("Wishes about sharing: ")
        joined.add(wish.text, wish.marks)
        joined.add(f" (not to be told: {entry.child_wish.audiences_words()})")
    return joined.text, tuple(joined.marks), wish_text
