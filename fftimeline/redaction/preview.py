"""Side-by-side text for the export preview: the full entry and what the audience sees.

Pure functions over domain objects and redacted entries, so the dialog only lays out text.
"""

from __future__ import annotations

from dataclasses import dataclass

from fftimeline.domain.entries import KIND_LABELS, SIGNIFICANCE_LABELS, Entry
from fftimeline.domain.views import child_view
from fftimeline.domain.wording import child_view_words, family_views_words, source_words
from fftimeline.redaction.redact import RedactedChronology, nature_label
from fftimeline.redaction.values import Marks, RedactedEntry, as_text


@dataclass(frozen=True)
class PreviewRow:
    """One entry of the case in the preview list.

    Attributes:
        entry_id: the entry.
        date_words: when it happened, in words.
        summary: the key worker's own summary (the preview is the key worker's own screen).
        full: the whole entry as recorded.
        shown: what the audience will see, or None when the entry is left out.
        left_out_reason: why it is left out, or None when it goes.
        marks: where in ``shown`` each replacement sits (start, end), to highlight.
    """

    entry_id: int
    date_words: str
    summary: str
    full: str
    shown: str | None
    left_out_reason: str | None
    marks: Marks = ()


def full_text(entry: Entry) -> str:
    """The whole entry as recorded, for the left-hand side of the preview."""
    grading = entry.grading
    lines = [
        f"{entry.event_date.wording()} · {KIND_LABELS[entry.kind]}",
        f"How we know: {nature_label(entry)}",
        f"Source: {_source(entry)}",
        "",
        entry.summary,
        entry.account,
        "",
        f"Family's view: {family_views_words(entry.views)}",
    ]
    child = child_view_words(child_view(entry.views), entry.child_wish)
    if child:
        lines.append(f"Child's view: {child}")
    lines.append(f"Significance: {SIGNIFICANCE_LABELS[entry.significance]}")
    if entry.next_action:
        lines.append(f"Next: {entry.next_action} ({entry.next_action_owner})")
    if entry.outcome:
        lines.append(f"Outcome: {entry.outcome}")
    if grading is not None:
        lines.append(f"Grading: {grading.code} {grading.conditions}".rstrip())
    return "\n".join(lines)


def _source(entry: Entry) -> str:
    """Who told us, in full (the key worker's own screen), or why no source is recorded."""
    source = entry.source
    if source is None:
        reason = f" ({entry.no_source_reason})" if entry.no_source_reason else ""
        return source_words(None) + reason
    return source.described() + (" (withheld)" if source.withheld else "")


def shown_text(e: RedactedEntry) -> str:
    """What the audience will see of one entry, for the right-hand side of the preview."""
    return shown_with_marks(e)[0]


def shown_with_marks(e: RedactedEntry) -> tuple[str, Marks]:
    """`shown_text` and where each replacement sits in it, to highlight in the preview."""
    lines = _Lines()
    lines.add(f"{e.date_words} · {e.kind_label}")
    lines.add("How we know: ", e.nature, e.marks_for("nature"))
    lines.add("Source: ", as_text(e.source), e.marks_for("source"))
    lines.add("")
    lines.add("", e.what_happened, e.marks_for("what_happened"))
    lines.add("")
    lines.add("Family's view: ", as_text(e.family_view), e.marks_for("family_view"))
    child = as_text(e.child_view)
    if child:
        lines.add("Child's view: ", child, e.marks_for("child_view"))
    lines.add(f"Significance: {e.significance}")
    actions, grading = as_text(e.action_or_outcome), as_text(e.grading)
    if actions:
        lines.add("", actions, e.marks_for("action_or_outcome"))
    if grading:
        lines.add("Grading: ", grading, e.marks_for("grading"))
    return "\n".join(lines.text), tuple(lines.marks)


class _Lines:
    """Lines of text with the replacement spans of each, shifted to their place."""

    def __init__(self) -> None:
        self.text: list[str] = []
        self.marks: list[tuple[int, int]] = []
        self._length = 0

    def add(self, prefix: str, value: str = "", marks: Marks = ()) -> None:
        at = self._length + len(prefix)
        self.marks += [(at + s, at + e) for s, e in marks]
        line = prefix + value
        self.text.append(line)
        self._length += len(line) + 1


def preview_rows(entries: list[Entry], chron: RedactedChronology) -> list[PreviewRow]:
    """Every entry of the case with its full and audience text (or why it is left out)."""
    shown = {e.entry_id: e for e in chron.entries}
    rows = []
    for entry in entries:
        redacted = shown.get(entry.id)
        text, marks = shown_with_marks(redacted) if redacted else (None, ())
        rows.append(
            PreviewRow(
                entry_id=entry.id,
                date_words=entry.event_date.wording(),
                summary=entry.summary,
                full=full_text(entry),
                shown=text,
                left_out_reason=chron.reasons.get(entry.id),
                marks=marks,
            )
        )
    return rows


def counts_line(chron: RedactedChronology) -> str:
    """The counts under the preview: how many go, how many are left out and why."""
    text = f"{len(chron.entries)} included, {chron.left_out_total} left out"
    if chron.left_out_total:
        text += ": " + ", ".join(f"{n} {why}" for why, n in sorted(chron.left_out.items()))
    return text + f". {chron.replacements} names, sources or passages replaced."
