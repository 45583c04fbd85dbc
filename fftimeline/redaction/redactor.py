"""The redactor of one output: find protected terms, replace them and count them.

A `Redactor` wraps the `Matcher` of one output. It replaces what the matcher finds (and any
span the key worker hid by hand) with wording that fits the sentence and counts the
replacements. (The leak scan that checks the output does not use its list: it reads the
policy from the vault itself, see `fftimeline.export.leak_scan`.)
"""

from __future__ import annotations

from collections.abc import Sequence

from fftimeline.redaction.manual import REDACTED_MARK
from fftimeline.redaction.matcher import Matcher
from fftimeline.redaction.wording import Replaced, render

A_PERSON = "a person"
_REMEMBER = 20_000
"""How many distinct short texts to remember the redaction of, in one output."""
_SHORT = 200
"""Texts shorter than this (sources, opinions, family views) often repeat across entries."""


class Redactor:
    """Replaces the protected terms of one output in any text given to it."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self.replaced = 0
        self._relabel()
        self._seen: dict[str, Replaced] = {}

    def redact(self, text: str, hidden: Sequence[tuple[int, int]] = ()) -> Replaced:
        """``text`` with every protected term replaced; ``hidden`` spans become '[redacted]'."""
        if not text:
            return Replaced(text)
        result = None if hidden else self._seen.get(text)
        if result is None:
            found = self.matcher.find(text)
            result = render(text, found, [(s, e, REDACTED_MARK) for s, e in hidden])
            if not hidden and len(text) < _SHORT and len(self._seen) < _REMEMBER:
                self._seen[text] = result  # sources and labels repeat across entries
        self.replaced += len(result.marks)
        return result

    def _relabel(self) -> None:
        """Labels that quote a protected name ("Kai's girlfriend") are redacted too."""
        labels = {t.label for t in self.matcher.terms.values() if t.label}
        fixed: dict[str, str] = {}
        for label in labels:
            if not self.matcher.find(label):
                continue
            found = self.matcher.find(label)
            new = render(label, found).text
            if found[0].start == 0 and found[0].term.label[:1].islower():
                new = new[:1].lower() + new[1:]  # a label is used mid-sentence
            fixed[label] = A_PERSON if self.matcher.find(new) else new
        if fixed:
            self.matcher.relabel(fixed)
