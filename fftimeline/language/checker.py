"""The wording check: find words guidance advises against, with where and why (language, pure).

`check` reads a text once (`language.text`), tries only the rules whose words appear
(`language.book`), and judges each match in its sentence:

- **innocent senses**: a rule may need a nearby cue (a "DNA" rule needs an appointment) or
  be cancelled by an overlapping phrase ("police contacted mum" is not "contact"); names
  of organisations, teams and laws in the file's ``exempt`` list are never flagged;
- **negation**: "had no choice", "cannot consent", "not a lifestyle choice" are right, so a
  negation in the three words before clears the finding, unless the rule says the negated
  form is itself the problem ("not engaging");
- **quotes**: words inside quote marks are the child's or someone's own words, so they
  become a gentle note rather than a warning;
- **age**: a rule may be stricter for a younger child on the date of the event.

The check never changes the text; `apply_marks` only attaches the key worker's marks.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from fftimeline.domain.wording_check import WordingMark
from fftimeline.language.book import CompiledRule, RuleBook
from fftimeline.language.findings import CheckContext, Severity, WordingFinding
from fftimeline.language.patterns import CompiledPattern, word_set
from fftimeline.language.text import PreparedText

NEGATIONS = word_set(
    "not no never cannot can't couldn't unable without nor isn't wasn't aren't weren't "
    "doesn't don't didn't hasn't haven't hadn't won't wouldn't shouldn't neither nobody "
    "none lack lacked lacking absence"
)
"""Words that, just before a flagged term, usually mean the writer is saying it is not so."""
_NEGATION_PAIRS = (("rather", "than"), ("instead", "of"), ("far", "from"), ("free", "from"))
_NEGATION_WINDOW = 3
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\s-\s|\bbut\b", re.IGNORECASE)
_WORDS = re.compile(r"[\w']+")
QUOTED_NOTE = (
    "These words are in quotes: if they are someone's own words, say whose, "
    "and mark them as their own words."
)
NO_CONTEXT = CheckContext()
_LONG = 1500
"""From this length a text's words are indexed, so patterns are tried only at their words."""


def _negated(text: str, start: int, sentence_start: int) -> bool:
    """Whether a negation comes within three words before ``start``, in the same clause."""
    before = text[sentence_start:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    words = [w.casefold() for w in _WORDS.findall(before)][-_NEGATION_WINDOW:]
    if any(w in NEGATIONS or w.endswith("n't") for w in words):
        return True
    return any(pair in _NEGATION_PAIRS for pair in itertools.pairwise(words))


class _Judge:
    """Decides, for one text and one case, whether a match is a finding and how strong."""

    def __init__(self, text: PreparedText, context: CheckContext) -> None:
        self.text = text
        self.context = context
        self._exempt: dict[int, list[tuple[int, int]]] = {}

    def exempt(
        self, patterns: Sequence[CompiledPattern], sentence: int, span: tuple[int, int]
    ) -> bool:
        """Whether the span is part of a name that is never flagged ("Gang Injunction")."""
        spans = self._exempt.get(sentence)
        if spans is None:
            s = self.text.sentences[sentence]
            spans = [
                m.span() for p in patterns for m in p.regex.finditer(self.text.text, s.start, s.end)
            ]
            self._exempt[sentence] = spans
        return any(a < span[1] and span[0] < b for a, b in spans)

    def _nearby(self, rule: CompiledRule, sentence: int) -> bool:
        sentences = self.text.sentences
        first = max(sentence - rule.spec.needs_near, 0)
        last = min(sentence + rule.spec.needs_near, len(sentences) - 1)
        start, end = sentences[first].start, sentences[last].end
        return any(p.regex.search(self.text.text, start, end) for p in rule.needs)

    def _cancelled(self, rule: CompiledRule, sentence: int, span: tuple[int, int]) -> bool:
        s = self.text.sentences[sentence]
        if any(p.regex.search(self.text.text, s.start, s.end) for p in rule.not_with):
            return True
        for pattern in rule.unless:
            for match in pattern.regex.finditer(self.text.text, s.start, s.end):
                if match.start() < span[1] and span[0] < match.end():
                    return True
        return False

    def finding(
        self, rule: CompiledRule, sentence: int, span: tuple[int, int]
    ) -> WordingFinding | None:
        """The finding for a match of ``rule`` at ``span``, or None if it is innocent."""
        spec = rule.spec
        if rule.needs and not self._nearby(rule, sentence):
            return None
        if (rule.unless or rule.not_with) and self._cancelled(rule, sentence, span):
            return None
        start_of_sentence = self.text.sentences[sentence].start
        if spec.negation == "clears" and _negated(self.text.text, span[0], start_of_sentence):
            return None
        severity, note, alternatives = spec.severity, "", spec.alternatives
        band = spec.band(self.context.age)
        if band is not None:
            if band.severity == "off":
                return None
            severity, note = band.severity, band.note
            alternatives = tuple(dict.fromkeys(band.alternatives + alternatives))
        quoted = self.text.quoted(*span)
        if quoted and spec.in_quotes == "skip":
            return None
        if quoted and spec.in_quotes == "note":
            severity, note = Severity.NOTE, QUOTED_NOTE
        return WordingFinding(
            rule_id=spec.id,
            title=spec.title,
            start=span[0],
            end=span[1],
            words=self.text.original[span[0] : span[1]],
            severity=severity,
            about=spec.about,
            reason=spec.reason,
            alternatives=alternatives,
            note=note,
            quoted=quoted,
            for_families=spec.for_families,
        )


def check(text: str, book: RuleBook, context: CheckContext = NO_CONTEXT) -> list[WordingFinding]:
    """Every finding in ``text``, in order of position (strongest first where they overlap).

    Args:
        text: the text as typed (positions in findings refer to it).
        book: the rules in force.
        context: the case's names and the child's age on the date of the event.
    """
    if not text or text.isspace():
        return []
    prepared = PreparedText(text)
    compiled = book.compiled(context)
    judge = _Judge(prepared, context)
    found: dict[tuple[str, int, int], WordingFinding] = {}
    for r, p in compiled.candidates(prepared):
        rule = compiled.rules[r]
        pattern = rule.patterns[p]
        for match in _matches(prepared, pattern):
            span = pattern.span(match)
            sentence = prepared.sentence_of(span[0])
            if judge.exempt(compiled.exempt, sentence, span):
                continue
            finding = judge.finding(rule, sentence, span)
            if finding is not None:
                found[(finding.rule_id, *span)] = finding
    return _one_per_place(found.values())


def _matches(text: PreparedText, pattern: CompiledPattern) -> Iterator[re.Match[str]]:
    """The pattern's matches; in a long text, tried only where one of its first words starts."""
    if pattern.starts is None or len(text.text) < _LONG:
        yield from pattern.regex.finditer(text.text)
        return
    for at in text.starts_of(pattern.starts.words, pattern.starts.prefixes):
        match = pattern.regex.match(text.text, at)
        if match is not None:
            yield match


def _one_per_place(findings: Iterable[WordingFinding]) -> list[WordingFinding]:
    """Drop a rule's finding that lies inside a longer finding of the same rule."""
    ordered = sorted(findings, key=lambda f: (f.start, -f.end, -f.severity.rank))
    kept: list[WordingFinding] = []
    for finding in ordered:
        inside = any(
            k.rule_id == finding.rule_id and k.start <= finding.start and finding.end <= k.end
            for k in kept
        )
        if not inside:
            kept.append(finding)
    return kept


def apply_marks(
    findings: Sequence[WordingFinding], marks: Sequence[WordingMark], field: str
) -> list[WordingFinding]:
    """The findings of one field with the key worker's marks attached where they apply."""
    out: list[WordingFinding] = []
    for finding in findings:
        mark = next((m for m in marks if m.covers(field, finding.rule_id, finding.words)), None)
        out.append(replace(finding, mark=mark) if mark is not None else finding)
    return out
