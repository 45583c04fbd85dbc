"""Free-text needles: content an audience must not see (redaction layer, pure).

Names and identifiers are always needles (see `terms`). Content is harder: an entry left out
may share words with one that goes. So a content needle must be long enough to be
distinctive, and a hit on one only counts when the same text is not also, legitimately, in
what the audience receives (`legitimately_shown`, checked only for hits, since it is costly).
"""

from __future__ import annotations

from collections.abc import Iterable

from fftimeline.domain.entries import Entry
from fftimeline.domain.text import fold
from fftimeline.redaction.audiences import AudienceField, AudienceProfile
from fftimeline.redaction.manual import ManualRedactions, apply_manual

MIN_CONTENT = 12
"""Content shorter than this is too likely to be ordinary words shared with other entries."""

F = AudienceField


def content_needles(
    included: list[Entry],
    excluded: list[Entry],
    manual: ManualRedactions,
    profile: AudienceProfile,
) -> set[str]:
    """Distinctive texts that must not appear in the output for ``profile``."""
    candidates: set[str] = set()
    for entry in excluded:
        candidates.update((entry.summary, entry.account))
    for entry in included:
        candidates.update(_hidden_fields(entry, profile))
        candidates.update(manual.spans_for(entry.id, profile.slug))
    return {c.strip() for c in candidates if len(c.strip()) >= MIN_CONTENT}


def legitimately_shown(
    included: list[Entry],
    profile: AudienceProfile,
    hits: set[str],
    manual: ManualRedactions | None = None,
) -> set[str]:
    """Those of ``hits`` (folded content needles, see `domain.text.fold`) an included entry says.

    Judged on the *recorded* text of the entries the audience gets, in the fields it sees,
    less what the key worker redacted by hand, never on the output itself: a leak into the
    output must not excuse itself, and a hand-redacted span is never excused by its own entry.
    """
    if not hits:
        return set()
    manual = manual or ManualRedactions()
    texts = (
        apply_manual(t, manual.spans_for(e.id, profile.slug))[0]
        for e in included
        for t in _visible_fields(e, profile)
    )
    corpus = fold("\n".join(texts))
    return {h for h in hits if h in corpus}


def _visible_fields(entry: Entry, profile: AudienceProfile) -> Iterable[str]:
    """The recorded texts of an included entry that this audience sees."""
    yield entry.summary
    if profile.sees(F.ACCOUNT):
        yield entry.account
    if profile.sees(F.FAMILY_VIEW):
        yield entry.family_view.text
    if profile.sees(F.ACTIONS):
        yield from (entry.next_action, entry.no_action_reason, entry.outcome)


def _hidden_fields(entry: Entry, profile: AudienceProfile) -> Iterable[str]:
    """The texts of an included entry that this audience does not see."""
    if not profile.sees(F.ACCOUNT):
        yield entry.account
    if not profile.sees(F.FAMILY_VIEW):
        yield entry.family_view.text
    if not profile.sees(F.ACTIONS):
        yield from (entry.next_action, entry.no_action_reason, entry.outcome)
    if entry.grading is not None and not profile.sees(F.HANDLING):
        yield entry.grading.conditions
