"""Free-text needles: content an audience must not see (redaction layer, pure).

Names and identifiers are always needles (see `terms`). Content is harder: an entry left out
may share words with one that goes. So a content needle is only kept when it is long enough
to be distinctive and does not also appear, legitimately, in what the audience receives.
"""

from __future__ import annotations

from collections.abc import Iterable

from fftimeline.domain.entries import Entry
from fftimeline.redaction.audiences import AudienceField, AudienceProfile
from fftimeline.redaction.manual import ManualRedactions
from fftimeline.redaction.values import RedactedEntry, as_text

MIN_CONTENT = 12
"""Content shorter than this is too likely to be ordinary words shared with other entries."""

F = AudienceField


def content_needles(
    included: list[Entry],
    shown: list[RedactedEntry],
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
    corpus = "\n".join(_texts(shown)).casefold()
    return {
        c.strip()
        for c in candidates
        if len(c.strip()) >= MIN_CONTENT and c.strip().casefold() not in corpus
    }


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


def _texts(shown: list[RedactedEntry]) -> Iterable[str]:
    for e in shown:
        yield from (e.nature, e.what_happened, e.impact, e.significance)
        yield from (as_text(v) for v in (e.source, e.action_or_outcome, e.family_view, e.grading))
