"""Reading the rules: the built-in file, and an organisation's own changes (language, pure).

The built-in rules (``resources/language/en-GB.toml``) ship with the app; if they are broken
the test suite fails (`builtin_rules` raises), never the key worker's day.

An organisation may keep ``wording-rules.toml`` in the app's settings folder (beside
``settings.json``) to switch rules off, change a rule's severity, or add its own rules (a
rule with a built-in id replaces that rule)::

    off = ["contact-family-time"]

    [severity]
    placement = "medium"

    [[rule]]
    id = "our-term"
    ...                      # the same keys as a built-in rule

A broken organisation file never stops the check: `load_rules` returns the built-in rules
(plus whatever of the organisation's file could be used) and a plain message per problem,
naming the line.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from fftimeline.assets import resource_path
from fftimeline.domain.errors import DomainError
from fftimeline.language.book import RuleBook
from fftimeline.language.findings import CheckContext, Severity
from fftimeline.language.patterns import PatternError
from fftimeline.language.rules import RulesHeader, RuleSpec

BUILTIN = ("language", "en-GB.toml")
"""Where the built-in rules are, under the app's resources folder."""
ORGANISATION_FILE = "wording-rules.toml"
"""The organisation's own rules file, kept in the app's settings folder."""

_TOML_LINE = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)\s*$")
_RULE_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*rule[ \t]*\]\]", re.MULTILINE)


class RulesFileError(DomainError):
    """A rules file cannot be used; the message names the file and the line."""

    def __init__(self, message: str) -> None:
        super().__init__("wording_rules_broken", message)


@dataclass(frozen=True)
class LoadedRules:
    """The rules in force and any problems with the organisation's file.

    Attributes:
        book: the rules to check with (always usable).
        problems: one plain sentence per problem with the organisation's file.
    """

    book: RuleBook
    problems: tuple[str, ...] = ()


def _parse_toml(text: str, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_LINE.search(message)
        last = f"{text.rstrip().count(chr(10)) + 1} (the end of the file)"
        where = f"line {found.group(1) or last}: " if found else ""
        detail = _TOML_LINE.sub("", message).rstrip(".")
        raise RulesFileError(f"{name}, {where}{detail}.") from exc


def _rule_lines(text: str) -> list[int]:
    """The line number of each ``[[rule]]`` header, in order."""
    return [text.count("\n", 0, m.start()) + 1 for m in _RULE_HEADER.finditer(text)]


def _line_of(text: str, needle: str) -> int:
    """The first line mentioning ``needle`` (1 when it cannot be found)."""
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _plain(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def _rule(
    raw: object, line: int, name: str, compile_with: Callable[[RuleSpec], object]
) -> RuleSpec:
    """One rule validated and compiled, or a RulesFileError naming its line."""
    rule_id = raw.get("id", "?") if isinstance(raw, dict) else "?"
    where = f"{name}, line {line}, rule '{rule_id}'"
    try:
        spec = RuleSpec.model_validate(raw)
        compile_with(spec)
    except ValidationError as exc:
        raise RulesFileError(f"{where}: {_plain(exc)}.") from exc
    except PatternError as exc:
        raise RulesFileError(f"{where}: {exc.message}") from exc
    return spec


def parse_builtin(text: str, name: str = "en-GB.toml") -> RuleBook:
    """The built-in rules from the text of their file.

    Raises:
        RulesFileError: anything wrong, naming the line; built-in rules must be perfect.
    """
    data = _parse_toml(text, name)
    raw_rules = data.pop("rule", [])
    try:
        header = RulesHeader.model_validate(data)
    except ValidationError as exc:
        raise RulesFileError(f"{name}: {_plain(exc)}.") from exc
    book = RuleBook(header, [])
    lines = _rule_lines(text)
    rules: list[RuleSpec] = []
    for number, raw in enumerate(raw_rules):
        line = lines[number] if number < len(lines) else 1
        spec = _rule(raw, line, name, lambda r: book.compile_rule(r, CheckContext()))
        _check_builtin(spec, header, rules, f"{name}, line {line}, rule '{spec.id}'")
        rules.append(spec)
    return RuleBook(header, rules)


def _check_builtin(
    spec: RuleSpec, header: RulesHeader, earlier: list[RuleSpec], where: str
) -> None:
    if any(r.id == spec.id for r in earlier):
        raise RulesFileError(f"{where}: the id is used by an earlier rule.")
    unknown = [s for s in spec.sources if s not in header.sources]
    if unknown or not spec.sources:
        raise RulesFileError(f"{where}: cite its sources by a code from [sources].")
    if not (spec.flags or spec.examples) or not spec.passes:
        raise RulesFileError(
            f"{where}: give at least one sentence it must flag and one it must not."
        )


def no_rules(reason: str) -> LoadedRules:
    """No rules at all, with the reason: the app keeps working if the built-in file is broken."""
    header = RulesHeader(
        format=1, version="none", language="en-GB", last_reviewed=dt.date(2000, 1, 1), places={}
    )
    return LoadedRules(RuleBook(header, []), (reason,))


@functools.cache
def builtin_rules() -> RuleBook:
    """The built-in rules (read once per run).

    Raises:
        RulesFileError: the built-in file is broken (a packaging or editing mistake).
    """
    path = resource_path(*BUILTIN)
    return parse_builtin(path.read_text(encoding="utf-8"), path.name)


class _OrganisationFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal[1] = 1
    off: tuple[str, ...] = ()
    severity: dict[str, Severity | Literal["off"]] = {}
    rule: tuple[dict[str, Any], ...] = ()


def with_organisation(book: RuleBook, text: str, name: str = ORGANISATION_FILE) -> LoadedRules:
    """The built-in ``book`` changed by an organisation's file; problems in plain words."""
    try:
        data = _parse_toml(text, name)
        changes = _OrganisationFile.model_validate(data)
    except RulesFileError as exc:
        return LoadedRules(book, (_unused(exc.message),))
    except ValidationError as exc:
        line = _line_of(text, str(exc.errors()[0]["loc"][0]))
        return LoadedRules(book, (_unused(f"{name}, line {line}: {_plain(exc)}."),))
    problems: list[str] = []
    rules = {r.id: r for r in book.rules}
    for rule_id, severity in [*((r, "off") for r in changes.off), *changes.severity.items()]:
        if rule_id not in rules:
            problems.append(
                f"{name}, line {_line_of(text, rule_id)}: there is no rule '{rule_id}'."
            )
        elif severity == "off":
            del rules[rule_id]
        else:
            rules[rule_id] = rules[rule_id].model_copy(update={"severity": Severity(severity)})
    lines = _rule_lines(text)
    for number, raw in enumerate(changes.rule):
        line = lines[number] if number < len(lines) else 1
        try:
            spec = _rule(raw, line, name, lambda r: book.compile_rule(r, CheckContext()))
        except RulesFileError as exc:
            problems.append(exc.message + " That rule was left out.")
            continue
        rules[spec.id] = spec
    return LoadedRules(RuleBook(book.header, list(rules.values())), tuple(problems))


def _unused(message: str) -> str:
    return f"{message} None of it is used; the built-in rules are."


def load_rules(organisation_file: Path | None = None) -> LoadedRules:
    """The rules in force: the built-in ones, changed by the organisation's file if there is one.

    A missing organisation file is normal (no problems); an unreadable or broken one is
    reported in `LoadedRules.problems` and the built-in rules are used.

    Raises:
        RulesFileError: the built-in rules themselves are broken.
    """
    book = builtin_rules()
    if organisation_file is None or not organisation_file.exists():
        return LoadedRules(book)
    try:
        text = organisation_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return LoadedRules(book, (_unused(f"{organisation_file.name} could not be read."),))
    return with_organisation(book, text, organisation_file.name)
