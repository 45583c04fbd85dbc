"""The wording check (language layer, pure: no Qt, no I/O beyond reading rules files).

It flags wording that guidance on child exploitation advises against (victim-blaming,
judgemental or jargon words about children and their families) with the reason and
alternatives, and never changes a word itself. The rules are data in
``resources/language/en-GB.toml``; an organisation can switch rules off or add its own.

- `check(text, book, context)` → findings with character positions (`language.checker`);
- `load_rules(path)` / `builtin_rules()` → the rules in force (`language.loader`);
- `context_for(case, event_date)` → the names and the child's age the check needs.
"""

from fftimeline.language.book import RuleBook
from fftimeline.language.checker import apply_marks, check
from fftimeline.language.findings import (
    SEVERITY_LABELS,
    About,
    CheckContext,
    Severity,
    WordingFinding,
    age_on,
    context_for,
)
from fftimeline.language.loader import (
    ORGANISATION_FILE,
    LoadedRules,
    RulesFileError,
    builtin_rules,
    load_rules,
    no_rules,
    with_organisation,
)

__all__ = [
    "ORGANISATION_FILE",
    "SEVERITY_LABELS",
    "About",
    "CheckContext",
    "LoadedRules",
    "RuleBook",
    "RulesFileError",
    "Severity",
    "WordingFinding",
    "age_on",
    "apply_marks",
    "builtin_rules",
    "check",
    "context_for",
    "load_rules",
    "no_rules",
    "with_organisation",
]
