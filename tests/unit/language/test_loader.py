"""Reading rules files: a broken built-in file fails loudly; an organisation's file never does.

An organisation keeps ``wording-rules.toml`` in the app's settings folder to switch rules
off, change severities or add its own. Whatever is wrong with it, the built-in rules still
work and the key worker sees one plain sentence naming the line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fftimeline.assets import resource_path
from fftimeline.language import (
    ORGANISATION_FILE,
    RulesFileError,
    Severity,
    builtin_rules,
    check,
    load_rules,
    with_organisation,
)
from fftimeline.language.loader import BUILTIN, parse_builtin

BUILTIN_TEXT = resource_path(*BUILTIN).read_text(encoding="utf-8")
BOOK = builtin_rules()
JARGON = re.compile(r"Traceback|pydantic|Value error|\bdict\b|\bstr\b|tomllib")

OWN_RULE = """
[[rule]]
id = "our-word"
title = "Our own word"
about = "anyone"
category = ["jargon"]
severity = "medium"
patterns = ["frobnicated"]
reason = "Our practice lead asked us not to use this word."
alternatives = ["[what happened]"]
"""


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# The built-in file ----------------------------------------------------------------------
def test_the_built_in_file_parses_with_every_rule() -> None:
    assert len(parse_builtin(BUILTIN_TEXT)) == len(BOOK) >= 80


def test_a_toml_mistake_in_the_built_in_file_names_the_line() -> None:
    broken = BUILTIN_TEXT.replace('id = "self-risk"', 'id = "self-risk', 1)
    with pytest.raises(RulesFileError) as caught:
        parse_builtin(broken)
    line = _line_of(broken, 'id = "self-risk')
    assert f"en-GB.toml, line {line}:" in caught.value.message


def test_a_bad_pattern_in_the_built_in_file_names_the_rule_and_line() -> None:
    broken = BUILTIN_TEXT.replace('"@put @self to ~2', '"@put @nonsense to ~2', 1)
    with pytest.raises(RulesFileError) as caught:
        parse_builtin(broken)
    line = _line_of(broken, 'id = "self-risk"') - 1  # the [[rule]] line above the id
    assert caught.value.message.startswith(f"en-GB.toml, line {line}, rule 'self-risk'")
    assert "@nonsense" in caught.value.message


def test_a_built_in_rule_without_examples_is_refused() -> None:
    start = BUILTIN_TEXT.index('id = "toxic-trio"')
    end = BUILTIN_TEXT.index("[[rule]]", start)
    section = BUILTIN_TEXT[start:end]
    without = section.replace('passes = ["A toxic gas leak closed the school."]\n', "")
    assert without != section
    with pytest.raises(RulesFileError) as caught:
        parse_builtin(BUILTIN_TEXT.replace(section, without))
    assert "toxic-trio" in caught.value.message
    assert "must not" in caught.value.message


def test_a_built_in_rule_citing_an_unknown_source_is_refused() -> None:
    broken = BUILTIN_TEXT.replace('sources = ["NSPCC", "TT"]', 'sources = ["NSPCC", "XX"]', 1)
    with pytest.raises(RulesFileError, match="toxic-trio"):
        parse_builtin(broken)


def test_two_built_in_rules_with_one_id_are_refused() -> None:
    broken = BUILTIN_TEXT.replace('id = "toxic-trio"', 'id = "chaotic"', 1)
    with pytest.raises(RulesFileError, match="used by an earlier rule"):
        parse_builtin(broken)


# The organisation's file ----------------------------------------------------------------
def test_without_an_organisation_file_the_built_in_rules_are_used(tmp_path: Path) -> None:
    loaded = load_rules(tmp_path / ORGANISATION_FILE)
    assert loaded.problems == ()
    assert loaded.book is BOOK
    assert load_rules(None).book is BOOK


def test_an_organisation_can_switch_rules_off_change_severity_and_add_rules(
    tmp_path: Path,
) -> None:
    path = tmp_path / ORGANISATION_FILE
    path.write_text(
        'off = ["contact-family-time"]\n\n[severity]\nplacement = "high"\n' + OWN_RULE,
        encoding="utf-8",
    )
    loaded = load_rules(path)
    assert loaded.problems == ()
    book = loaded.book
    assert book.get("contact-family-time") is None
    assert len(book) == len(BOOK)  # one off, one added
    text = "Supervised contact with Mum. Her placement broke down. The form was frobnicated."
    found = {f.rule_id: f.severity for f in check(text, book)}
    assert found == {"placement": Severity.HIGH, "our-word": Severity.MEDIUM}
    assert BOOK.get("contact-family-time") is not None  # the built-in book is unchanged


def test_an_organisation_rule_with_a_built_in_id_replaces_it() -> None:
    replacement = OWN_RULE.replace('id = "our-word"', 'id = "toxic-trio"')
    loaded = with_organisation(BOOK, replacement)
    assert loaded.problems == ()
    assert check("The toxic trio is present.", loaded.book) == []
    assert [f.rule_id for f in check("It was frobnicated.", loaded.book)] == ["toxic-trio"]


def test_broken_toml_gives_one_plain_message_with_the_line_and_the_built_in_rules_work() -> None:
    text = 'off = ["placement"]\n\n[severity\nchaotic = "low"\n'
    loaded = with_organisation(BOOK, text)
    (problem,) = loaded.problems
    assert problem.startswith(f"{ORGANISATION_FILE}, line 3:")
    assert "built-in rules are" in problem
    assert not JARGON.search(problem)
    assert loaded.book is BOOK
    assert [f.rule_id for f in check("Jordan is LAC.", loaded.book)] == ["jargon-looked-after"]


def test_a_broken_rule_is_left_out_naming_its_line_and_the_rest_is_used() -> None:
    bad = OWN_RULE.replace('id = "our-word"', 'id = "bad-one"').replace(
        'severity = "medium"', 'severity = "urgent"'
    )
    text = 'off = ["placement"]\n' + bad + OWN_RULE
    loaded = with_organisation(BOOK, text)
    (problem,) = loaded.problems
    assert problem.startswith(f"{ORGANISATION_FILE}, line 3, rule 'bad-one': severity:")
    assert "left out" in problem
    assert loaded.book.get("bad-one") is None
    assert loaded.book.get("our-word") is not None
    assert loaded.book.get("placement") is None


def test_a_rule_with_a_bad_pattern_is_left_out_with_its_line() -> None:
    text = OWN_RULE.replace('"frobnicated"', '"frob ~"')
    (problem,) = with_organisation(BOOK, text).problems
    assert problem.startswith(f"{ORGANISATION_FILE}, line 2, rule 'our-word':")
    assert "gap" in problem


def test_switching_off_an_unknown_rule_names_the_line() -> None:
    loaded = with_organisation(BOOK, '# ours\noff = ["no-such-rule"]\n')
    assert loaded.problems == (f"{ORGANISATION_FILE}, line 2: there is no rule 'no-such-rule'.",)
    assert len(loaded.book) == len(BOOK)


def test_an_unknown_setting_is_reported_plainly() -> None:
    loaded = with_organisation(BOOK, 'colour = "blue"\n')
    (problem,) = loaded.problems
    assert problem.startswith(f"{ORGANISATION_FILE}, line 1: colour:")
    assert not JARGON.search(problem)


def test_an_unreadable_file_is_reported_and_the_built_in_rules_are_used(tmp_path: Path) -> None:
    path = tmp_path / ORGANISATION_FILE
    path.write_bytes(b"off = [\xff\xfe]\n")
    loaded = load_rules(path)
    assert loaded.book is BOOK
    assert loaded.problems == (
        f"{ORGANISATION_FILE} could not be read. None of it is used; the built-in rules are.",
    )
