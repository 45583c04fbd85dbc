"""The built-in wording rules: they load, cover the guidance, and every rule's examples hold.

Each rule in ``resources/language/en-GB.toml`` carries sentences it must flag and similar
sentences it must not; this file runs every one of them, so a new rule brings its own tests
and a broken rules file fails here, never on a key worker's laptop.
"""

from __future__ import annotations

import pytest

from fftimeline.assets import resource_path
from fftimeline.language import Severity, builtin_rules, check
from fftimeline.language.loader import BUILTIN
from fftimeline.language.rules import RuleSpec

BOOK = builtin_rules()
RULES = {rule.id: rule for rule in BOOK.rules}


def _findings_of(rule: RuleSpec, text: str, age: int | None = None) -> list[Severity]:
    found = check(text, BOOK, BOOK.example_context(age))
    return [f.severity for f in found if f.rule_id == rule.id]


def test_the_built_in_file_is_shipped_and_versioned() -> None:
    assert resource_path(*BUILTIN).is_file()
    assert BOOK.version
    assert BOOK.header.language == "en-GB"


def test_there_are_at_least_80_rules_about_children_and_about_parents() -> None:
    about = [r.about.value for r in BOOK.rules]
    assert len(BOOK.rules) >= 80
    assert about.count("child") >= 40
    assert about.count("parent") >= 15
    assert sum(r.for_families for r in BOOK.rules) >= 5  # jargon for the family's documents


@pytest.mark.parametrize(
    ("rule_id", "sentence"),
    [
        ("chose-to", "Jordan is choosing to stay at the flat."),
        ("consent", "She consented."),
        ("risky-behaviour", "Concerns about risky behaviour."),
        ("streetwise", "He is streetwise."),
        ("lifestyle", "It is her chosen lifestyle."),
        ("boyfriend-adult", "Her boyfriend is 25."),
        ("sexually-active", "She is sexually active."),
        ("child-not-engaging", "Jordan is non-engaging."),
        ("hostile-parent", "Mum was hostile."),
        ("in-denial", "Dad is in denial."),
        ("irrational-parent", "Mum is irrational."),
        ("over-anxious-parent", "Mum is over-protective."),
        ("failure-to-protect", "Mum is failing to protect him."),
        ("chaotic", "It is a chaotic family."),
        ("jargon-looked-after", "Jordan is LAC."),
    ],
)
def test_the_terms_named_in_the_issue_are_covered(rule_id: str, sentence: str) -> None:
    assert _findings_of(RULES[rule_id], sentence), f"{rule_id} does not flag {sentence!r}"


def test_every_rule_has_what_a_reviewer_needs() -> None:
    for rule in BOOK.rules:
        assert rule.reason.endswith((".", ")")), rule.id
        assert rule.alternatives or rule.severity is Severity.NOTE, rule.id
        assert rule.sources and all(s in BOOK.header.sources for s in rule.sources), rule.id
        assert rule.flags or rule.examples, rule.id
        assert rule.passes, rule.id


@pytest.mark.parametrize("rule", BOOK.rules, ids=lambda r: r.id)
def test_every_rule_flags_its_own_examples(rule: RuleSpec) -> None:
    for sentence in rule.flags:
        assert rule.severity in _findings_of(rule, sentence), f"not flagged: {sentence!r}"


@pytest.mark.parametrize("rule", BOOK.rules, ids=lambda r: r.id)
def test_every_rule_passes_its_similar_sentences(rule: RuleSpec) -> None:
    for sentence in rule.passes:
        found = [s for s in _findings_of(rule, sentence) if s is not Severity.NOTE]
        assert not found, f"flagged although it should not be: {sentence!r}"


@pytest.mark.parametrize("rule", [r for r in BOOK.rules if r.examples], ids=lambda r: r.id)
def test_every_rule_example_gets_its_severity(rule: RuleSpec) -> None:
    for example in rule.examples:
        got = {s.value for s in _findings_of(rule, example.text, example.age)} or {"none"}
        assert example.severity in got, f"{example.text!r} at {example.age}: {got}"


def test_alternatives_keep_placeholders_for_the_facts() -> None:
    with_placeholder = [r.id for r in BOOK.rules if any("[" in a for a in r.alternatives)]
    assert len(with_placeholder) >= 0.8 * len(BOOK.rules)
