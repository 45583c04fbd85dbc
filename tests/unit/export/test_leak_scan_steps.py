"""Every normalisation step of the leak scan is needed: without it, a real-typing variant
that the scan stops today would go through. Each test takes one step out and shows that.
"""

from __future__ import annotations

import re

import pytest

from fftimeline.export import leak_scan, leak_text
from fftimeline.export.leak_needles import NeedleTable
from tests.unit.export.leak_builders import findings

STEPS = {
    "decompose": "met Zoe",  # registered "Zoë": the precomposed letter must decompose
    "fold_case": "met ZOE",
    "map_letters": "met Lukasz",  # registered "Łukasz": no decomposition for "Ł"
    "keep_letters_and_digits": "met Zoe",  # the combining mark of the registered "Zoë" must go
}


@pytest.mark.parametrize(("step", "text"), STEPS.items())
def test_without_each_skeleton_step_a_variant_is_missed(monkeypatch, step, text):
    assert findings(text)
    kept = [s for s in leak_text.SKELETON_STEPS if s.__name__ != step]
    assert len(kept) == len(leak_text.SKELETON_STEPS) - 1
    monkeypatch.setattr(leak_text, "SKELETON_STEPS", kept)
    assert findings(text) == []


def test_without_invisible_characters_inside_tokens_a_variant_is_missed(monkeypatch):
    text = "met Zo\u200be and Bug\u00adsy"
    assert len(findings(text)) == 2
    plain = re.compile(r"([^\W\d_]+|\d+)")
    monkeypatch.setattr(leak_text, "token_pattern", lambda: plain)
    assert findings(text) == []


@pytest.mark.parametrize(("dropped", "text"), [("-", "the T-Bone car"), ("\n", "T-\nBone")])
def test_without_each_joiner_a_variant_is_missed(monkeypatch, dropped, text):
    assert findings(text)
    monkeypatch.setattr(leak_text, "JOINER_CHARS", leak_text.JOINER_CHARS - {dropped})
    leak_text.is_joiner.cache_clear()
    try:
        assert findings(text) == []
    finally:
        monkeypatch.undo()
        leak_text.is_joiner.cache_clear()


def test_without_the_registered_split_points_a_one_letter_part_is_missed(monkeypatch):
    assert findings("with O Neil") and findings("with T Bone")
    monkeypatch.setattr(
        NeedleTable, "may_split", lambda self, prefix, before, after: len(before) >= 2 <= len(after)
    )
    assert findings("with O Neil") == [] and findings("with T Bone") == []


def test_without_the_uk_prefix_rule_an_international_number_is_missed(monkeypatch):
    assert findings("rang +44 7700 900123")
    monkeypatch.setattr(leak_scan, "phone_digits", leak_text.digits_only)
    assert findings("rang +44 7700 900123") == []
