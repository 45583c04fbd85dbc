"""What changed between two versions of an entry, field by field (domain layer, pure).

An amendment never overwrites: the history keeps every version. To read how a record came
to say what it says now, the key worker (or an auditor) needs to see what each version
changed, not only its "What happened": how serious, who told us, someone's view, who it is
safe to share with. Each field is compared in the words the key worker's screens use, and
its name goes through the catalogue (`FIELD_LABELS`), so a translation names it too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from fftimeline.catalogue import Labels, gettext
from fftimeline.domain.entries import KIND_LABELS, SIGNIFICANCE_LABELS, EntryDraft
from fftimeline.domain.sharing import AUDIENCE_LABELS, Audience
from fftimeline.domain.views import PersonView, ViewHolder
from fftimeline.domain.wording import (
    date_words,
    how_we_know,
    source_words,
    view_line,
    wish_words,
)

NOTHING = "(nothing)"
"""How an empty field reads in a change ('Outcome: (nothing) → Referral made')."""


@dataclass(frozen=True)
class Change:
    """One field that differs between two versions, in words."""

    field: str
    before: str
    after: str

    def wording(self, longest: int = 120) -> str:
        """'How serious: Routine → Serious risk' (long texts cut short with '…')."""
        return f"{self.field}: {_short(self.before, longest)} → {_short(self.after, longest)}"


def _short(text: str, longest: int) -> str:
    text = " ".join(text.split()) or gettext(NOTHING)
    return text if len(text) <= longest else text[: longest - 1].rstrip() + "…"


def _source(d: EntryDraft) -> str:
    if d.source is None:
        reason = f": {d.no_source_reason}" if d.no_source_reason else ""
        return source_words(None) + reason
    withheld = " (withheld)" if d.source.withheld else ""
    return d.source.described() + withheld


def _next(d: EntryDraft) -> str:
    if not d.next_action:
        return ""
    due = f", due {d.next_action_due.isoformat()}" if d.next_action_due else ""
    return f"{d.next_action} (owner: {d.next_action_owner}{due})"


def _sharing(d: EntryDraft) -> str:
    parts = []
    for audience in Audience:
        if d.sharing.allows(audience):
            parts.append(AUDIENCE_LABELS[audience])
        elif why := d.sharing.reasons_not.get(audience, ""):
            parts.append(f"not {AUDIENCE_LABELS[audience]} ({why})")
    return "; ".join(parts)


def _grading(d: EntryDraft) -> str:
    g = d.grading
    return "" if g is None else f"{g.code} {g.conditions}".strip()


_FIELDS: tuple[tuple[str, Callable[[EntryDraft], str]], ...] = (
    ("When", lambda d: date_words(d.event_date)),
    ("Kind", lambda d: KIND_LABELS[d.kind]),
    ("What happened", lambda d: d.summary),
    ("Full account", lambda d: d.account),
    ("How we know", lambda d: how_we_know(d.nature, d.opinion_of)),
    ("Who told us", _source),
    ("The child's wishes about sharing", lambda d: wish_words(d.child_wish)),
    ("How serious", lambda d: SIGNIFICANCE_LABELS[d.significance]),
    ("Next action", _next),
    ("Why no action", lambda d: d.no_action_reason),
    ("Effect on the child", lambda d: d.impact.value.capitalize()),
    ("Outcome", lambda d: d.outcome),
    ("Safe to share with", _sharing),
    ("Grading", _grading),
    ("Date we learned of it", lambda d: d.learned_on.isoformat() if d.learned_on else ""),
)


_VIEWS_AFTER = "Who told us"
_LINKED, _MARKS = "Linked", "Wording kept on purpose"
_CHILD_VIEW, _FAMILY_VIEW, _MEMBER_VIEW = "The child's view", "The family's view", "{name}'s view"

FIELD_LABELS: Labels[str] = Labels(
    {
        name: name
        for name in (
            *(n for n, _ in _FIELDS),
            _LINKED,
            _MARKS,
            _CHILD_VIEW,
            _FAMILY_VIEW,
            _MEMBER_VIEW,
        )
    }
)
"""The name of each field a change can be in, by its English name, in the language in use."""


def _whose(view: PersonView) -> str:
    if view.holder is ViewHolder.CHILD:
        return FIELD_LABELS[_CHILD_VIEW]
    if view.holder is ViewHolder.FAMILY:
        return FIELD_LABELS[_FAMILY_VIEW]
    return FIELD_LABELS[_MEMBER_VIEW].format(name=view.name)


def _views(old: EntryDraft, new: EntryDraft) -> list[Change]:
    before = {v.key: v for v in old.views}
    after = {v.key: v for v in new.views}
    found = []
    for key in dict.fromkeys([*before, *after]):
        was, now = before.get(key), after.get(key)
        if was != now:
            view = now or was
            assert view is not None
            found.append(
                Change(_whose(view), view_line(was) if was else "", view_line(now) if now else "")
            )
    return found


def changes(
    old: EntryDraft, new: EntryDraft, links: Mapping[int, str] | None = None
) -> list[Change]:
    """Every field that differs from ``old`` to ``new``, in the order the editor asks them.

    Args:
        old: the earlier version.
        new: the later version.
        links: names of register items by id, to word the linked people and places.
    """
    found = []
    for name, words in _FIELDS:
        if (was := words(old)) != (now := words(new)):
            found.append(Change(FIELD_LABELS[name], was, now))
        if name == _VIEWS_AFTER:  # where the editor asks for everyone's view
            found += _views(old, new)
    if old.link_ids != new.link_ids:
        names = links or {}

        def linked(d: EntryDraft) -> str:
            return ", ".join(names.get(i, f"#{i}") for i in sorted(d.link_ids))

        found.append(Change(FIELD_LABELS[_LINKED], linked(old), linked(new)))
    if old.wording_marks != new.wording_marks:
        found.append(
            Change(
                FIELD_LABELS[_MARKS],
                str(len(old.wording_marks)),
                str(len(new.wording_marks)),
            )
        )
    return found
