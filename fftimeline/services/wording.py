"""The wording check on entries and cases: for the editor, the findings list and outputs.

The language layer checks one text; this service knows which texts make an entry (what
happened, the full account, the family's view, outcome, next action, reasons), whose case
it is (names, the child's age on the date of the event) and which findings the key worker
has marked as their own words or accurate here. It never changes an entry.

The rules in force are the built-in ones until the app (which knows the settings folder)
or the command line passes an organisation's rules to `use_rules`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fftimeline.domain.cases import CaseDraft
from fftimeline.domain.dates import EventDate, day_words
from fftimeline.domain.entries import Entry, EntryDraft
from fftimeline.domain.errors import NotFound
from fftimeline.domain.safety_plans import SafetyPlanDraft
from fftimeline.domain.sharing import Audience
from fftimeline.domain.wording_check import checked_texts, field_label, plan_checked_texts
from fftimeline.language import (
    CheckContext,
    RuleBook,
    WordingFinding,
    age_on,
    apply_marks,
    builtin_rules,
    check,
    context_for,
)
from fftimeline.store import cases, safety_plans
from fftimeline.store import entries as repo
from fftimeline.store.vault import VaultStore


@dataclass(frozen=True)
class FieldFinding:
    """A finding in one field of an entry.

    Attributes:
        field: the field's key (see `fftimeline.domain.wording_check.CHECKED_FIELDS`).
        finding: what was found there (with the key worker's mark, if any).
    """

    field: str
    finding: WordingFinding

    @property
    def field_label(self) -> str:
        """The field's name in plain words ("the family's view")."""
        return field_label(self.field)


@dataclass(frozen=True)
class EntryFinding(FieldFinding):
    """A finding in an entry of a case, for the case-wide list and the command line.

    Attributes:
        entry_id: the entry it is in.
        entry_date: the entry's event date in words ("around March 2025").
    """

    entry_id: int = 0
    entry_date: str = ""

    @property
    def in_plan(self) -> bool:
        """Whether it is in the case's safety plan (no entry: `IN_THE_PLAN`)."""
        return self.entry_id == IN_THE_PLAN


IN_THE_PLAN = 0
"""The entry id of a finding in the current safety plan, which is not an entry."""


@dataclass(frozen=True)
class WordingCount:
    """How many findings are still open in some entries.

    Attributes:
        findings: open findings (not quoted-words notes, not marked by the key worker).
        entries: how many entries hold at least one of them.
        for_family: the count includes jargon a family would not understand (for a parents'
            or child's document).
    """

    findings: int
    entries: int
    for_family: bool = False

    def sentence(self) -> str:
        """'3 wording findings in the entries going out' (or 'No wording findings …')."""
        if not self.findings:
            return "No wording findings in the entries going out."
        noun = "finding" if self.findings == 1 else "findings"
        return f"{self.findings} wording {noun} in the entries going out."


class WordingService:
    """Checks entries' wording against the rules in force."""

    def __init__(self, store: VaultStore, rules: RuleBook | None = None) -> None:
        self._store = store
        self._rules = rules

    @property
    def rules(self) -> RuleBook:
        """The rules in force (the built-in ones are read the first time they are needed)."""
        if self._rules is None:
            self._rules = builtin_rules()
        return self._rules

    def use_rules(self, rules: RuleBook) -> None:
        """Check with these rules from now on (the built-in ones changed by an organisation)."""
        self._rules = rules

    # One text or one entry -------------------------------------------------------------
    @staticmethod
    def context(case: CaseDraft, when: EventDate | None) -> CheckContext:
        """What the check needs to know about a case for an event on ``when``."""
        return context_for(case, when)

    def check_text(self, text: str, context: CheckContext) -> list[WordingFinding]:
        """The findings in one text (the editor checks each field as it is typed)."""
        return check(text, self.rules, context)

    def check_entry(self, draft: EntryDraft, case: CaseDraft) -> list[FieldFinding]:
        """Every finding in an entry's free-text fields, with its marks attached."""
        context = context_for(case, draft.event_date)
        found: list[FieldFinding] = []
        for field, text in checked_texts(draft):
            findings = apply_marks(check(text, self.rules, context), draft.wording_marks, field)
            found += [FieldFinding(field, f) for f in findings]
        return found

    # A case or a selection of entries ----------------------------------------------------
    def case_findings(self, case_id: int, *, include_closed: bool = False) -> list[EntryFinding]:
        """Findings in every entry of a case that is not withdrawn, in chronological order.

        Then those in the current version of the case's safety plan (`IN_THE_PLAN`): it
        goes out with the parents' document and the team's chronology.

        Args:
            case_id: the case.
            include_closed: also list quoted-words notes and marked findings.

        Raises:
            NotFound: there is no such case.
        """
        with self._store.read() as conn:
            case = cases.get(conn, case_id)
            if case is None:
                raise NotFound("case")
            entries = repo.list_current(conn, case_id, include_retracted=False)
            plan = safety_plans.current(conn, case_id)
        found = self._findings(entries, case, include_closed=include_closed)
        if plan is not None:
            found += self.plan_findings(plan, case, include_closed=include_closed)
        return found

    def plan_findings(
        self, plan: SafetyPlanDraft, case: CaseDraft, *, include_closed: bool = False
    ) -> list[EntryFinding]:
        """Findings in a safety plan version, with its marks (open ones only unless asked)."""
        context = context_for(case, EventDate.exact(plan.agreed_on))
        when = day_words(plan.agreed_on)
        out = []
        for field, text in plan_checked_texts(plan):
            for finding in apply_marks(check(text, self.rules, context), plan.wording_marks, field):
                if include_closed or finding.open:
                    out.append(EntryFinding(field, finding, IN_THE_PLAN, when))
        return out

    def entry_findings(self, entry_ids: Iterable[int]) -> list[EntryFinding]:
        """Open findings in the current versions of these entries (withdrawn ones skipped)."""
        with self._store.read() as conn:
            entries = [e for e in repo.current_many(conn, entry_ids) if not e.retracted]
            by_case = {c: cases.get(conn, c) for c in {e.case_id for e in entries}}
        found: list[EntryFinding] = []
        for case_id, case in by_case.items():
            if case is not None:
                mine = [e for e in entries if e.case_id == case_id]
                found += self._findings(mine, case, include_closed=False)
        return found

    def ids_going_to(self, case_id: int, audience: Audience) -> list[int]:
        """Entries of a case a whole-case output for ``audience`` holds (shared, not withdrawn).

        The print dialog counts findings before the document is made; an export with filters
        takes its entries from its own preview instead.
        """
        with self._store.read() as conn:
            entries = repo.list_current(conn, case_id, include_retracted=False)
        return [e.id for e in entries if e.sharing.allows(audience)]

    def count_findings(
        self, entry_ids: Sequence[int], *, for_family: bool = False, plan_of: int | None = None
    ) -> WordingCount:
        """How many open findings are in these entries (those about to go out).

        Jargon that matters in a family's own document is counted only ``for_family``.
        ``plan_of``: the case whose current safety plan goes out too (its findings count).
        """
        found = self.entry_findings(entry_ids)
        if plan_of is not None:
            found += self.current_plan_findings(plan_of)
        found = [f for f in found if for_family or not f.finding.for_families]
        return WordingCount(len(found), len({f.entry_id for f in found}), for_family)

    def current_plan_findings(self, case_id: int) -> list[EntryFinding]:
        """Open findings in the current version of a case's safety plan (none without one)."""
        with self._store.read() as conn:
            case = cases.get(conn, case_id)
            plan = safety_plans.current(conn, case_id)
        return [] if case is None or plan is None else self.plan_findings(plan, case)

    def _findings(
        self, entries: Sequence[Entry], case: CaseDraft, *, include_closed: bool
    ) -> list[EntryFinding]:
        base = context_for(case, None)
        birth = case.date_of_birth
        out: list[EntryFinding] = []
        for entry in entries:
            age = max(age_on(birth, entry.event_date.earliest), 0) if birth else None
            context = base.at_age(age)
            when = entry.event_date.wording()
            for field, text in checked_texts(entry):
                findings = check(text, self.rules, context)
                for finding in apply_marks(findings, entry.wording_marks, field):
                    if include_closed or finding.open:
                        out.append(EntryFinding(field, finding, entry.id, when))
        return out
