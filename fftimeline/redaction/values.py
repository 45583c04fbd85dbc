"""The sentinel for values an audience must not see (redaction layer, pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fftimeline.domain.entries import Kind


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

    def marks_for(self, name: str) -> Marks:
        """Where replacements sit in the field called ``name`` ('what_happened', 'source'…)."""
        return dict(self.marks).get(name, ())
