"""The redactor of one output: find protected terms, replace them, count and list them.

A `Redactor` wraps the `Matcher` of one output. It replaces what the matcher finds (and any
span the key worker hid by hand) with wording that fits the sentence, counts the
replacements, and lists the protected texts as *needles* for the leak check of today's
scanner: only texts that are protected wherever they stand (an ordinary word such as
"Will", protected only where used as a name, is not a needle).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from fftimeline.redaction.folding import skeleton, words
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

    def needles(self, cover: Iterable[str] = ()) -> set[str]:
        """Protected texts that must not appear anywhere in the output.

        Ordinary-word names, texts seen kept inside another name ("Ann" of "Ann-Marie",
        "Rita" of a professional "Rita Hughes"), and the words of the document's own cover
        (the author, the audience's label) are left out: those may stand legitimately.
        """
        own = {skeleton(w) for text in cover for w in words(text)}
        own |= {s for s, t in self.matcher.terms.items() if t.keep}
        spared = {t.skeleton for t in self.matcher.spared}
        return {
            t.raw
            for s, t in self.matcher.terms.items()
            if not t.keep and not t.common and s not in spared and s not in own
        }

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
        self.matcher.spared.clear()
