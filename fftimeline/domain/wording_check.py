"""Which words of an entry the wording check reads, and the marks a key worker leaves (domain).

The wording check (``fftimeline.language``) flags words that guidance advises against.
Sometimes the flagged words are right where they are: they are the child's or a parent's
own words, or the term is accurate in this entry. The key worker can then mark the finding,
with a short reason. A `WordingMark` is stored with the entry version (never in the text),
so it survives amendments only when it is carried into the new version, and the history
shows who marked what, and why.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from fftimeline.domain.sharing import AUDIENCE_LABELS, Audience
from fftimeline.domain.views import PersonView, ViewHolder

if TYPE_CHECKING:
    from fftimeline.domain.entries import EntryDraft
    from fftimeline.domain.safety_plans import SafetyPlanDraft


class MarkKind(StrEnum):
    """Why a finding is left as it is."""

    OWN_WORDS = "their-own-words"
    ACCURATE = "accurate-here"


MARK_LABELS: dict[MarkKind, str] = {
    MarkKind.OWN_WORDS: "Their own words",
    MarkKind.ACCURATE: "Accurate here",
}


class WordingMark(BaseModel):
    """One finding the key worker has looked at and kept, with the reason.

    Attributes:
        field: the checked field it is in (a key of `CHECKED_FIELDS`, or ``why-not:<audience>``).
        rule_id: the wording rule that flagged it.
        words: the flagged words as they read when marked; the mark covers those words
            under that rule in that field, wherever they move to as the text is edited.
        kind: their own words, or accurate here.
        reason: the short reason the key worker gave.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    field: str = Field(min_length=1, max_length=260)
    rule_id: str = Field(min_length=1, max_length=80)
    words: str = Field(min_length=1, max_length=500)
    kind: MarkKind
    reason: str = Field(min_length=1, max_length=300)

    def covers(self, field: str, rule_id: str, words: str) -> bool:
        """Whether this mark is for these words under this rule in this field."""
        return (
            self.field == field
            and self.rule_id == rule_id
            and " ".join(self.words.casefold().split()) == " ".join(words.casefold().split())
        )

    def wording(self) -> str:
        """'Their own words (“boyfriend”, what happened): she calls him that'."""
        where = field_label(self.field)
        return f"{MARK_LABELS[self.kind]} (“{self.words}”, {where}): {self.reason}"


_MARKS = TypeAdapter(tuple[WordingMark, ...])


def marks_to_json(marks: tuple[WordingMark, ...]) -> str:
    """Marks as JSON text, for an editor's kept draft ('' for none)."""
    return _MARKS.dump_json(marks).decode() if marks else ""


def marks_from_json(text: str) -> tuple[WordingMark, ...]:
    """Marks from `marks_to_json` text; unreadable text (a damaged draft) gives none."""
    if not text:
        return ()
    try:
        return _MARKS.validate_json(text)
    except (ValidationError, ValueError):
        return ()


CHECKED_FIELDS: dict[str, str] = {
    "summary": "what happened",
    "account": "the full account",
    "family-view": "the family's view",
    "child-view": "the child's view",
    "child-wish": "the child's wishes about sharing",
    "no-source-reason": "why no source is recorded",
    "outcome": "the outcome",
    "next-action": "the next action",
    "no-action-reason": "the reason for no action",
    "withheld-professional": "the reason a professional is not named",
    "not-invited-because": "why the parents were not invited",
    "support-note": "the note on the support offered",
    "plan-agreed-with": "who agreed the safety plan",
    "plan-reason": "why the safety plan changed",
    "review-changes": "what changes after the review",
    "review-family-view": "the family's view at the review",
    "review-child-view": "the child's view at the review",
}
"""The free-text fields the wording check reads, with their names in plain words."""

WHY_NOT = "why-not:"
"""Prefix of the field key for a reason not to share with an audience: ``why-not:police``."""

_NUMBERED = {
    "decision:": "decision {n}",
    "challenge:": "the challenge to decision {n}",
    "response:": "the team's response to decision {n}",
    "measure:": "measure {n} of the safety plan",
    "review-note:": "the review's note on measure {n}",
}
"""Numbered fields: a meeting's decisions, challenges and the team's responses
(``decision:2``), a safety plan's measures and the review's notes on them (``measure:1``)."""

VIEW_OF = "view:"
"""Prefix of the field key for a family member's view: ``view:Donna Reid``."""


def view_field(view: PersonView) -> str:
    """The checked field of one person's view: 'child-view', 'family-view', 'view:Donna Reid'.

    The family's view as a whole keeps the key it always had, so marks left on it before
    views were per person still cover it.
    """
    if view.holder is ViewHolder.CHILD:
        return "child-view"
    if view.holder is ViewHolder.FAMILY:
        return "family-view"
    return f"{VIEW_OF}{view.name}"


def field_label(field: str) -> str:
    """A checked field's name in plain words ('the family's view')."""
    if field.startswith(WHY_NOT):
        slug = field.removeprefix(WHY_NOT)
        audience = next((a for a in Audience if a.value == slug), None)
        name = AUDIENCE_LABELS[audience] if audience else slug
        return f"why not shared with {name.lower()}"
    if field.startswith(VIEW_OF):
        return f"{field.removeprefix(VIEW_OF)}'s view"
    for prefix, label in _NUMBERED.items():
        if field.startswith(prefix):
            return label.format(n=field.removeprefix(prefix))
    return CHECKED_FIELDS.get(field, field)


def checked_texts(draft: EntryDraft) -> list[tuple[str, str]]:
    """Every free-text field of an entry the check reads, as (field key, text), non-empty only."""
    source = draft.source
    texts = [
        ("summary", draft.summary),
        ("account", draft.account),
        *((view_field(v), v.text) for v in draft.views),
        ("child-wish", draft.child_wish.text if draft.child_wish else ""),
        ("no-source-reason", draft.no_source_reason),
        ("outcome", draft.outcome),
        ("next-action", draft.next_action),
        ("no-action-reason", draft.no_action_reason),
        ("withheld-professional", source.professional_override if source else ""),
    ]
    texts += [
        (f"{WHY_NOT}{audience.value}", reason)
        for audience, reason in sorted(draft.sharing.reasons_not.items())
    ]
    texts += _part_texts(draft)
    return [(field, text) for field, text in texts if text.strip()]


def _part_texts(draft: EntryDraft) -> list[tuple[str, str]]:
    """The free text of a meeting or support offer, which goes out with the entry.

    A challenge is the family's words, checked like the family's view (a finding there can
    be marked as their own words).
    """
    texts = [("support-note", draft.support.note if draft.support else "")]
    meeting = draft.meeting
    if meeting is None:
        return texts
    texts.append(("not-invited-because", meeting.parents_not_invited_because))
    for n, decision in enumerate(meeting.decisions, start=1):
        texts.append((f"decision:{n}", decision.text))
        if decision.challenge is not None:
            texts.append((f"challenge:{n}", decision.challenge.words))
            texts.append((f"response:{n}", decision.challenge.response))
    return texts


def plan_checked_texts(plan: SafetyPlanDraft) -> list[tuple[str, str]]:
    """Every free-text field of a safety plan version the check reads, non-empty only.

    The measures, who agreed it, why it changed without a review, and its review: each
    measure's note, what changes, and the family's and the child's views (each their own
    field, so a finding in the family's words can be marked as their own words).
    """
    texts = [(f"measure:{n}", m.what) for n, m in enumerate(plan.measures, start=1)]
    texts += [("plan-agreed-with", plan.agreed_with), ("plan-reason", plan.reason)]
    review = plan.review
    if review is not None:
        texts += [(f"review-note:{n}", m.note) for n, m in enumerate(review.measures, start=1)]
        texts += [
            ("review-changes", review.changes),
            ("review-family-view", review.family_view),
            ("review-child-view", review.child_view),
        ]
    return [(field, text) for field, text in texts if text.strip()]
