"""The rule book: the rules in force, compiled and indexed for speed (language layer, pure).

Compiling ~100 rules takes a moment, so a `RuleBook` compiles each pattern once (and once
more per case for patterns naming {child} or {parent}) and indexes every pattern by a word
it cannot match without. Checking a text then only tries the patterns whose word appears,
on the sentences where it appears: a 2,000-word account is checked in a few milliseconds.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from fftimeline.language.findings import CheckContext
from fftimeline.language.patterns import CompiledPattern, compile_pattern, compile_regex
from fftimeline.language.rules import RulesHeader, RuleSpec
from fftimeline.language.text import PreparedText

_CACHED_CASES = 8
"""How many cases' compiled rules are kept (a key worker moves between a few cases)."""

Key = tuple[int, int]
"""(rule number, pattern number) in a `CompiledRules`."""


@dataclass(frozen=True)
class CompiledRule:
    """One rule with its patterns compiled for one case."""

    spec: RuleSpec
    patterns: tuple[CompiledPattern, ...]
    needs: tuple[CompiledPattern, ...]
    unless: tuple[CompiledPattern, ...]
    not_with: tuple[CompiledPattern, ...]


@dataclass
class CompiledRules:
    """Every rule compiled for one case, with the index of anchor words."""

    rules: list[CompiledRule]
    exempt: tuple[CompiledPattern, ...]
    by_word: dict[str, list[Key]] = field(default_factory=lambda: defaultdict(list))
    by_prefix: dict[str, list[tuple[str, Key]]] = field(default_factory=lambda: defaultdict(list))
    unanchored: list[Key] = field(default_factory=list)

    def __post_init__(self) -> None:
        for r, rule in enumerate(self.rules):
            for p, pattern in enumerate(rule.patterns):
                anchor = pattern.anchor
                if anchor is None:
                    self.unanchored.append((r, p))
                    continue
                for word in anchor.words:
                    self.by_word[word].append((r, p))
                for prefix in anchor.prefixes:
                    self.by_prefix[prefix[:3]].append((prefix, (r, p)))

    def candidates(self, text: PreparedText) -> list[Key]:
        """(rule, pattern) pairs worth trying on ``text``: those whose anchor word is in it."""
        keys: set[Key] = set(self.unanchored)
        by_word, by_prefix = self.by_word, self.by_prefix
        for word in text.words:
            found = by_word.get(word)
            if found:
                keys.update(found)
            for prefix, key in by_prefix.get(word[:3], ()):
                if word.startswith(prefix):
                    keys.add(key)
        return sorted(keys)


class RuleBook:
    """The rules in force (built-in, less those switched off, plus an organisation's own).

    Attributes:
        header: the built-in file's version, forms, places, exemptions and sources.
        rules: the rules, in file order.
    """

    def __init__(self, header: RulesHeader, rules: Sequence[RuleSpec]) -> None:
        self.header = header
        self.rules: tuple[RuleSpec, ...] = tuple(rules)
        self._by_id = {r.id: r for r in self.rules}
        self._compiled: OrderedDict[object, CompiledRules] = OrderedDict()
        self._patterns: dict[tuple[str, bool, object], CompiledPattern] = {}

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, rule_id: str) -> RuleSpec | None:
        """The rule with this id, if it is in force."""
        return self._by_id.get(rule_id)

    def example_context(self, age: int | None = None) -> CheckContext:
        """The context the rules' example sentences are checked in (the file's example case)."""
        case = self.header.example_case
        child = [case.child, case.child.split()[0], *([case.known_as] if case.known_as else [])]
        parents = [n for p in case.parents for n in (p, p.split()[0])]
        return CheckContext(tuple(dict.fromkeys(child)), tuple(dict.fromkeys(parents)), age)

    @property
    def version(self) -> str:
        """The version of the built-in rules."""
        return self.header.version

    def places(self, context: CheckContext) -> dict[str, list[str]]:
        """What {child} and {parent} stand for in this case: names first, then usual words."""
        base = self.header.places
        return {
            "child": [*context.child_names, *base.get("child", ())],
            "parent": [*context.parent_names, *base.get("parent", ())],
        }

    def pattern(self, text: str, *, match_case: bool, context: CheckContext) -> CompiledPattern:
        """One pattern compiled (cached; per case only when it names {child} or {parent})."""
        names = context.names_key if "{" in text else None
        key = (text, match_case, names)
        found = self._patterns.get(key)
        if found is None:
            if text.startswith("re:"):
                found = compile_regex(text[3:], match_case=match_case)
            else:
                forms: Mapping[str, list[str]] = {k: list(v) for k, v in self.header.forms.items()}
                found = compile_pattern(text, forms, self.places(context), match_case=match_case)
            self._patterns[key] = found
        return found

    def compile_rule(self, spec: RuleSpec, context: CheckContext) -> CompiledRule:
        """A rule compiled for a case.

        Raises:
            PatternError: one of its patterns cannot be understood.
        """

        def each(texts: Iterable[str]) -> tuple[CompiledPattern, ...]:
            return tuple(
                self.pattern(t, match_case=spec.match_case, context=context) for t in texts
            )

        raw = tuple(compile_regex(r, match_case=spec.match_case) for r in spec.regex)
        return CompiledRule(
            spec,
            each(spec.patterns) + raw,
            each(spec.needs),
            each(spec.unless),
            each(spec.not_with),
        )

    def compiled(self, context: CheckContext) -> CompiledRules:
        """Every rule compiled for the case ``context`` is about (cached for a few cases)."""
        key = context.names_key
        found = self._compiled.get(key)
        if found is not None:
            self._compiled.move_to_end(key)
            return found
        exempt = tuple(
            self.pattern(" ".join(p.split()), match_case=False, context=context)
            for p in self.header.exempt
        )
        found = CompiledRules([self.compile_rule(r, context) for r in self.rules], exempt)
        self._compiled[key] = found
        if len(self._compiled) > _CACHED_CASES:
            self._compiled.popitem(last=False)
        return found
