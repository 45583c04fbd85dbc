"""Spans the key worker redacts by hand, per entry and audience (redaction layer, pure).

A manual redaction is kept as the exact text selected, not as character offsets, so it
still applies when the entry is amended. Every occurrence of that text in the entry's
fields is replaced by "[redacted]" in outputs for that audience.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fftimeline.domain.text import flexible_pattern

REDACTED_MARK = "[redacted]"

MANUAL_REDACTIONS_KEY = "manual-redactions"
"""Preference key under which manual redactions are kept in the vault, as JSON."""


class ManualSpan(BaseModel):
    """One piece of text the key worker chose to hide from one audience in one entry."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    entry_id: int
    audience: str = Field(min_length=1)
    text: str = Field(min_length=1, max_length=5000)


class ManualRedactions(BaseModel):
    """All manual redactions of a case."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    spans: tuple[ManualSpan, ...] = ()

    def spans_for(self, entry_id: int, audience: str) -> list[str]:
        """The texts hidden in this entry for this audience."""
        return [s.text for s in self.spans if s.entry_id == entry_id and s.audience == audience]

    def added(self, span: ManualSpan) -> ManualRedactions:
        """These redactions plus ``span`` (no duplicates)."""
        if span in self.spans:
            return self
        return ManualRedactions(spans=(*self.spans, span))

    def to_json(self) -> str:
        """Serialise for the vault's preferences."""
        return self.model_dump_json()

    @classmethod
    def from_json(cls, text: str | None) -> ManualRedactions:
        """Read back from preferences; nothing stored gives none."""
        if not text:
            return cls()
        try:
            return cls.model_validate_json(text)
        except (ValueError, ValidationError):
            return cls()


def manual_spans(text: str, spans: list[str]) -> list[tuple[int, int]]:
    """Where each hidden span occurs in ``text`` (any case, apostrophe, dash or spacing).

    Longer spans first; a shorter one inside a longer one is already hidden.
    """
    found: list[tuple[int, int]] = []
    for span in sorted(spans, key=len, reverse=True):
        for m in re.finditer(flexible_pattern(span), text, flags=re.IGNORECASE):
            if m.end() > m.start() and not any(m.start() < e and s < m.end() for s, e in found):
                found.append(m.span())
    return sorted(found)
