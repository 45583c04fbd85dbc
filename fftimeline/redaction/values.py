"""The sentinel for values an audience must not see (redaction layer, pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fftimeline.domain.entries import Kind
from fftimeline.domain.meetings import ShownDecision
from fftimeline.domain.views import ShownView


@dataclass(frozen=True)
class Redacted:
    """A value the audience must not see; only its ``label`` may be written.

    ``str()`` and f-strings raise, so a raw protected value cannot slip into an output
    through string formatting: writers must ask for ``label`` on purpose.
    """

    label: str

    def __str__(self) -> str:
        raise TypeError("A redacted value must be written through its label.")

    def __format__(self, spec: str) -> str:
        raise TypeError("A redacted value must be written through its label.")


Text = str | Redacted
Marks = tuple[tuple[int, int], ...]
"""Spans (start, end) of a text that are replacements, for highlighting in the preview."""


def as_text(value: Text) -> str:
    """What a writer prints for a cell value: the text itself or the redaction label."""
    return value.label if isinstance(value, Redacted) else value


@dataclass(frozen=True)
class RedactedEntry:
    """One entry as the audience will see it: every value already redacted."""

    entry_id: int
    kind: Kind
    date_words: str
    sort_date: dt.date
    kind_label: str
    nature: str
    what_happened: str
    source: Text
    impact: str
    action_or_outcome: Text
    family_view: Text
    significance: str
    grading: Text
    replacements: int
    marks: tuple[tuple[str, Marks], ...] = ()
    child_view: Text = ""
    """The child's own view and wishes about sharing ('' when none; never the family's)."""
    views: tuple[ShownView, ...] = ()
    """Each view the audience sees, cleaned: the family's, and the child's where it sees it."""
    child_wish: str = ""
    """The child's wish about sharing, cleaned ('' when none or not seen)."""
    decisions: tuple[ShownDecision, ...] = ()
    """A meeting's decisions, each with any challenge, as the audience may see them."""
    next_steps: str = ""
    """The next action, why none and the outcome, cleaned, without a meeting's decisions."""

    def marks_for(self, name: str) -> Marks:
        """Where replacements sit in the field called ``name`` ('what_happened', 'source'…)."""
        return dict(self.marks).get(name, ())
