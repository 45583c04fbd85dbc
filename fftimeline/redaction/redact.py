"""Turn a case's entries into what one audience may see (redaction layer, pure).

`redact_chronology` picks the entries an audience receives (their sharing includes it,
they are not withdrawn, they pass the filters), replaces every protected term in every text
(a meeting's attendance, support offered and "the parents were told" with what happened,
its decisions with the actions, challenges and the team's responses with the family's view),
shows withheld sources as "Source withheld" with their reason category, labels opinions with
whose they are, and keeps grading and handling only for audiences that see them. It also
counts what was left out and why. (The leak scan that checks every output before it is
written does not use anything of this module: see `fftimeline.export.leak_scan`.)

Withheld values never reach the writer: a field the audience may not see holds a
`Redacted` sentinel whose ``label`` is what to print, and which refuses to be turned into a
string by accident.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from fftimeline.collector import collector_paused
from fftimeline.domain.cases import CaseDraft
from fftimeline.domain.entries import (
    KIND_LABELS,
    SIGNIFICANCE_LABELS,
    Entry,
    Kind,
)
from fftimeline.domain.meetings import decision_words
from fftimeline.domain.people import Linked
from fftimeline.domain.sources import Source
from fftimeline.domain.wording import how_we_know, part_words, withheld_source
from fftimeline.redaction.audiences import AudienceField, AudienceProfile
from fftimeline.redaction.decisions import decisions_shown
from fftimeline.redaction.manual import ManualRedactions, manual_spans
from fftimeline.redaction.people import Former, VaultPeople
from fftimeline.redaction.person_views import views_shown
from fftimeline.redaction.redactor import Redactor
from fftimeline.redaction.terms import build_redactor
from fftimeline.redaction.values import Marks, Redacted, RedactedEntry, Text
from fftimeline.redaction.wording import Replaced

F = AudienceField
_Clean = Callable[[str], str]


@dataclass(frozen=True)
class Filters:
    """Which entries the key worker wants in this output (before sharing is applied)."""

    start: dt.date | None = None
    end: dt.date | None = None
    kinds: frozenset[Kind] | None = None

    def keeps(self, entry: Entry) -> str | None:
        """None when the entry passes, else the left-out reason.

        An entry passes the dates when it may have happened inside them: "before 2026"
        passes a filter for 2025, "after March 2025" one that starts in April.
        """
        if not entry.event_date.may_fall_within(self.start, self.end):
            return LEFT_OUT_DATES
        if self.kinds is not None and entry.kind not in self.kinds:
            return LEFT_OUT_KIND
        return None


LEFT_OUT_SHARING = "not shared with this audience"
LEFT_OUT_RETRACTED = "withdrawn"
LEFT_OUT_DATES = "outside the dates chosen"
LEFT_OUT_KIND = "of a kind not chosen"


@dataclass
class RedactedChronology:
    """Everything an output needs for one audience.

    Attributes:
        profile: the audience.
        child: the child's name or initials, as the audience may see them.
        entries: the entries the audience gets, redacted, in chronological order.
        left_out: how many entries were left out, by reason.
        reasons: for each left-out entry id, why.
        included: the recorded entries the audience gets (the printed documents word
            them from their recorded facts).
        redactor: the redactor of this output, for other texts it carries (the purpose).
    """

    profile: AudienceProfile
    child: str
    entries: list[RedactedEntry]
    left_out: Counter[str] = field(default_factory=Counter)
    reasons: dict[int, str] = field(default_factory=dict)
    included: list[Entry] = field(default_factory=list)
    redactor: Redactor | None = None

    def redact_text(self, text: str) -> str:
        """Another text of this output (purpose, recipients) with protected names replaced."""
        if self.redactor is None:
            return text
        return self.redactor.redact(text).text

    @property
    def left_out_total(self) -> int:
        """How many entries of the case this audience will not get."""
        return sum(self.left_out.values())

    @property
    def replacements(self) -> int:
        """How many names, sources and spans were replaced in the included entries."""
        return sum(e.replacements for e in self.entries)


def redact_chronology(
    case: CaseDraft,
    entries: list[Entry],
    register: list[Linked],
    profile: AudienceProfile,
    filters: Filters | None = None,
    manual: ManualRedactions | None = None,
    former: Former | None = None,
    *,
    people: VaultPeople | None = None,
) -> RedactedChronology:
    """What ``profile`` may see of ``entries``, with counts of what was left out.

    ``people`` are the names of the whole vault (this case's history and every other case,
    gathered by the services).
    """
    with collector_paused():
        return _redact_all(case, entries, register, profile, filters, manual, former, people)


def _redact_all(
    case: CaseDraft,
    entries: list[Entry],
    register: list[Linked],
    profile: AudienceProfile,
    filters: Filters | None,
    manual: ManualRedactions | None,
    former: Former | None,
    people: VaultPeople | None,
) -> RedactedChronology:
    filters = filters or Filters()
    manual = manual or ManualRedactions()
    red = build_redactor(case, register, entries, profile, former, people)
    out = RedactedChronology(
        profile=profile,
        child=case.child_name if profile.sees(F.CHILD_NAME) else case.initials,
        entries=[],
    )
    for entry in entries:
        reason = _left_out_reason(entry, profile, filters)
        if reason is not None:
            out.left_out[reason] += 1
            out.reasons[entry.id] = reason
            continue
        out.included.append(entry)
        out.entries.append(redact_entry(entry, profile, red, manual))
    out.redactor = red
    return out


def _left_out_reason(entry: Entry, profile: AudienceProfile, filters: Filters) -> str | None:
    if entry.retracted:
        return LEFT_OUT_RETRACTED
    if not entry.sharing.allows(profile.base):
        return LEFT_OUT_SHARING
    return filters.keeps(entry)


def redact_entry(
    entry: Entry, profile: AudienceProfile, red: Redactor, manual: ManualRedactions
) -> RedactedEntry:
    """One entry as ``profile`` sees it (the entry must already be one the audience gets)."""
    before = red.replaced
    hidden = manual.spans_for(entry.id, profile.slug)
    marks: dict[str, Marks] = {}

    def piece(text: str) -> Replaced:
        return red.redact(text, manual_spans(text, hidden) if hidden else ())

    def cleaner(name: str) -> _Clean:
        def clean(text: str) -> str:
            result = piece(text)
            if result.marks:
                marks[name] = result.marks
            return result.text

        return clean

    views = views_shown(entry, profile, piece)
    for name, found in (("family_view", views.family_marks), ("child_view", views.child_marks)):
        if found:
            marks[name] = found
    what = entry.summary
    if profile.sees(F.ACCOUNT) and entry.account:
        what = f"{entry.summary}\n\n{entry.account}"
    parts = part_words(entry)  # a meeting's attendance, support offered, parents told
    if parts:
        what = f"{what}\n\n{parts}"

    def again(text: str) -> str:
        """A piece that repeats text cleaned for a field (decisions): not counted twice."""
        counted = red.replaced
        text = piece(text).text
        red.replaced = counted
        return text

    actions = profile.sees(F.ACTIONS)
    return RedactedEntry(
        entry_id=entry.id,
        kind=entry.kind,
        date_words=entry.event_date.wording(),
        sort_date=entry.event_date.earliest,
        kind_label=KIND_LABELS[entry.kind],
        nature=cleaner("nature")(nature_label(entry)),
        what_happened=cleaner("what_happened")(what),
        source=_source(entry.source, profile, cleaner("source")),
        impact=entry.impact.value.capitalize(),
        action_or_outcome=_actions(entry, profile, cleaner("action_or_outcome")),
        family_view=views.family,
        significance=SIGNIFICANCE_LABELS[entry.significance],
        grading=_grading(entry, profile, cleaner("grading")),
        replacements=red.replaced - before,
        marks=tuple(marks.items()),
        child_view=views.child,
        views=views.views,
        child_wish=views.child_wish,
        decisions=decisions_shown(entry, profile, again),
        next_steps=again("\n".join(_steps(entry))) if actions else "",
    )


def nature_label(entry: Entry) -> str:
    """How we know it; an opinion always says whose it is (`domain.wording`'s words)."""
    return how_we_know(entry.nature, entry.opinion_of)


def _source(source: Source | None, profile: AudienceProfile, clean: _Clean) -> Text:
    if source is None:
        return "Not recorded"
    if source.withheld:
        assert source.withheld_reason is not None
        return Redacted(withheld_source(source.withheld_reason))
    if not profile.sees(F.SOURCES):
        return Redacted("A professional" if source.professional else "Not named here")
    return clean(source.described())


def _actions(entry: Entry, profile: AudienceProfile, clean: _Clean) -> Text:
    if not profile.sees(F.ACTIONS):
        return Redacted("")
    parts = [decision_words(entry.meeting)] if entry.meeting is not None else []
    return clean("\n".join(parts + _steps(entry)))


def _steps(entry: Entry) -> list[str]:
    """The next action, why none, and the outcome, a line each (never a meeting's decisions)."""
    parts = []
    if entry.next_action:
        owner = f" ({entry.next_action_owner})" if entry.next_action_owner else ""
        parts.append(f"Next: {entry.next_action}{owner}")
    if entry.no_action_reason:
        parts.append(f"No action because: {entry.no_action_reason}")
    if entry.outcome:
        parts.append(f"Outcome: {entry.outcome}")
    return parts


def _grading(entry: Entry, profile: AudienceProfile, clean: _Clean) -> Text:
    grading = entry.grading
    if grading is None:
        return ""
    if not profile.sees(F.GRADING):
        return Redacted("")
    if grading.conditions and profile.sees(F.HANDLING):
        return clean(f"{grading.code}: {grading.conditions}")
    return grading.code
