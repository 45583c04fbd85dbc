"""The wording check over real vaults: case-wide findings, counts for outputs, marks in history."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from fftimeline.domain.dates import EventDate
from fftimeline.domain.errors import NotFound
from fftimeline.domain.meetings import Challenge, Decision
from fftimeline.domain.safety_plans import Measure, MeasureReview, PlanReview, Working
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.support import SupportOffer
from fftimeline.domain.wording_check import MarkKind, WordingMark
from fftimeline.language import Severity, builtin_rules, with_organisation
from fftimeline.services.vault import OpenVault, open_vault
from tests.factories import (
    family_text,
    family_view,
    make_case,
    make_entry,
    make_meeting,
    make_meeting_entry,
    make_plan,
    make_review,
    make_support_entry,
)
from tests.fixtures.make_vault import PASSPHRASE, fixtures

ISSUE = (
    "Head of Year thinks Jayden is choosing to hang around with older boys "
    "and is putting himself at risk"
)


def _own_words(words: str = "boyfriend") -> WordingMark:
    return WordingMark(
        field="family-view",
        rule_id="boyfriend-adult",
        words=words,
        kind=MarkKind.OWN_WORDS,
        reason="Mum's word, she said it to me",
    )


@pytest.fixture
def case_id(vault: OpenVault) -> int:
    return vault.cases.add(make_case(date_of_birth=dt.date(2012, 6, 1))).id


def test_the_case_list_names_entry_date_field_rule_and_words(
    vault: OpenVault, case_id: int
) -> None:
    first = vault.entries.add(case_id, make_entry(summary=ISSUE))
    vault.entries.add(case_id, make_entry(summary="Seen near the park with friends"))
    third = vault.entries.add(
        case_id,
        make_entry(
            event_date=EventDate.exact(dt.date(2025, 4, 2)),
            summary="Meeting at school",
            views=family_view("Mum is hostile and in denial."),
        ),
    )
    found = vault.wording.case_findings(case_id)
    rows = [
        (f.entry_id, f.entry_date, f.field_label, f.finding.rule_id, f.finding.words) for f in found
    ]
    assert rows == [
        (first.id, "14 March 2025", "what happened", "chose-to", "choosing to hang"),
        (first.id, "14 March 2025", "what happened", "associating", "hang around with older boys"),
        (first.id, "14 March 2025", "what happened", "self-risk", "putting himself at risk"),
        (third.id, "2 April 2025", "the family's view", "hostile-parent", "hostile"),
        (third.id, "2 April 2025", "the family's view", "in-denial", "in denial"),
    ]


def test_withdrawn_entries_are_not_listed(vault: OpenVault, case_id: int) -> None:
    entry = vault.entries.add(case_id, make_entry(summary=ISSUE))
    vault.entries.retract(entry.id, "Recorded in the wrong case")
    assert vault.wording.case_findings(case_id) == []
    assert vault.wording.count_findings([entry.id]).findings == 0


def test_every_free_text_field_is_checked(vault: OpenVault, case_id: int) -> None:
    draft = make_entry(
        summary="Meeting held",
        account="She keeps putting herself at risk.",
        views=family_view("Dad says she is streetwise."),
        outcome="Agreed she is hard to reach.",
        next_action="Parents must ensure she stays away from the flat.",
        no_action_reason="",
        sharing=Sharing(
            audiences=frozenset({Audience.SAFEGUARDING_TEAM}),
            reasons_not={Audience.PARENTS: "Mum is in denial."},
        ),
    )
    entry = vault.entries.add(case_id, draft)
    fields = {f.field for f in vault.wording.case_findings(case_id) if f.entry_id == entry.id}
    assert fields == {"account", "family-view", "outcome", "next-action", "why-not:parents-carers"}


def test_a_meetings_and_a_support_offers_words_are_checked(vault: OpenVault, case_id: int) -> None:
    """Decisions, challenges, the team's responses, why not invited and support notes."""
    meeting = make_meeting(
        parents_invited=False,
        parents_not_invited_because="Mum is hostile to the police.",
        decisions=(
            Decision(text="A safety plan is agreed with the family"),
            Decision(
                text="Jayden must stop putting himself at risk",
                challenge=Challenge(
                    by="Grace Okafor",
                    on=dt.date(2024, 5, 4),
                    words="She says Jayden can look after himself.",
                    response="Grace is in denial about the risk.",
                    response_on=dt.date(2024, 5, 6),
                ),
            ),
        ),
    )
    held = vault.entries.add(case_id, make_meeting_entry(meeting=meeting, parents_told=False))
    offer = SupportOffer(
        organisation="Pace", offered_to="Grace Okafor", note="Mum is hard to reach."
    )
    offered = vault.entries.add(case_id, make_support_entry(support=offer))
    found = {
        (f.entry_id, f.field_label, f.finding.rule_id) for f in vault.wording.case_findings(case_id)
    }
    assert found == {
        (held.id, "why the parents were not invited", "hostile-parent"),
        (held.id, "decision 2", "self-risk"),
        (held.id, "the challenge to decision 2", "streetwise"),
        (held.id, "the team's response to decision 2", "in-denial"),
        (offered.id, "the note on the support offered", "hard-to-reach"),
    }
    assert vault.wording.count_findings([held.id, offered.id]).findings == 5


def test_quoted_words_are_notes_and_marked_findings_are_closed(
    vault: OpenVault, case_id: int
) -> None:
    draft = make_entry(
        account='Jayden said "I chose to go back there".',
        views=family_view("Mum says the man (24) is her boyfriend."),
        wording_marks=(_own_words(),),
    )
    entry = vault.entries.add(case_id, draft)
    assert vault.wording.case_findings(case_id) == []
    everything = vault.wording.case_findings(case_id, include_closed=True)
    assert [(f.finding.rule_id, f.finding.severity, f.finding.mark) for f in everything] == [
        ("chose-to", Severity.NOTE, None),
        ("boyfriend-adult", Severity.HIGH, _own_words()),
    ]
    assert vault.wording.count_findings([entry.id]).findings == 0


def test_a_mark_is_kept_with_the_version_and_shown_in_its_history(
    vault: OpenVault, case_id: int
) -> None:
    text = "Mum says the man (24) is her boyfriend."
    first = vault.entries.add(case_id, make_entry(views=family_view(text)))
    assert vault.wording.count_findings([first.id]).findings == 1
    marked = first.draft().model_copy(update={"wording_marks": (_own_words(),)})
    vault.entries.amend(first.id, marked, "Marked Mum's own word")
    later = first.draft().model_copy(update={"summary": "Seen getting into a car at 15:20"})
    later = later.model_copy(update={"wording_marks": (_own_words(),)})
    vault.entries.amend(first.id, later, "Time added")
    history = vault.entries.history(first.id)
    assert [v.wording_marks for v in history] == [(), (_own_words(),), (_own_words(),)]
    assert vault.wording.count_findings([first.id]).findings == 0
    assert family_text(history[1]) == text  # the mark is beside the text, never in it


def test_the_count_for_outputs_covers_only_the_entries_going_out(
    vault: OpenVault, case_id: int
) -> None:
    going = vault.entries.add(case_id, make_entry(summary=ISSUE))
    jargon = vault.entries.add(case_id, make_entry(summary="CLA review held at school"))
    staying = vault.entries.add(case_id, make_entry(summary="Mum is hostile."))
    count = vault.wording.count_findings([going.id, jargon.id])
    assert (count.findings, count.entries) == (3, 1)
    assert count.sentence() == "3 wording findings in the entries going out."
    family = vault.wording.count_findings([going.id, jargon.id], for_family=True)
    assert (family.findings, family.entries) == (4, 2)
    assert vault.wording.count_findings([staying.id]).findings == 1
    assert vault.wording.count_findings([]).sentence() == (
        "No wording findings in the entries going out."
    )


def test_the_age_on_the_date_of_the_event_comes_from_the_case(
    vault: OpenVault, case_id: int
) -> None:
    at_12 = make_entry(
        event_date=EventDate.exact(dt.date(2025, 3, 1)), summary="Is sexually active"
    )
    at_17 = make_entry(
        event_date=EventDate.exact(dt.date(2025, 3, 1)), summary="Is sexually active"
    )
    older = vault.cases.add(make_case(date_of_birth=dt.date(2008, 1, 1))).id
    vault.entries.add(case_id, at_12)
    vault.entries.add(older, at_17)
    (young,) = vault.wording.case_findings(case_id)
    (old,) = vault.wording.case_findings(older)
    assert (young.finding.severity, old.finding.severity) == (Severity.HIGH, Severity.MEDIUM)


def test_an_organisations_rules_change_what_is_found(vault: OpenVault, case_id: int) -> None:
    entry = vault.entries.add(case_id, make_entry(summary="Mum is hostile."))
    changed = with_organisation(builtin_rules(), 'off = ["hostile-parent"]\n')
    vault.wording.use_rules(changed.book)
    assert vault.wording.count_findings([entry.id]).findings == 0
    assert vault.wording.rules is changed.book


def test_an_unknown_case_is_not_found(vault: OpenVault) -> None:
    with pytest.raises(NotFound):
        vault.wording.case_findings(999)


@pytest.mark.parametrize("fixture", fixtures(), ids=lambda p: p.stem)
def test_entries_written_before_marks_existed_open_with_none(fixture: Path, tmp_path: Path) -> None:
    copy = tmp_path / "old.fft"
    shutil.copyfile(fixture, copy)
    v = open_vault(copy, bytearray(PASSPHRASE.encode()), actor="Sam Key")
    try:
        case = v.cases.summaries()[0].case
        entries = v.entries.entries(case.id)
        assert entries and all(e.wording_marks == () for e in entries)
        assert isinstance(v.wording.case_findings(case.id), list)
        amended = v.entries.amend(
            entries[0].id,
            entries[0].draft().model_copy(update={"wording_marks": (_own_words(),)}),
            "Marked",
        )
        assert v.entries.get(amended.id).wording_marks == (_own_words(),)
    finally:
        v.close()


def _worded_plan(vault: OpenVault, case_id: int) -> None:
    """A plan, then its review, with guidance-flagged words in each free-text field."""
    plan = vault.safety_plans.save(
        case_id,
        make_plan(
            measures=(
                Measure(what="Jayden stops putting himself at risk", who="Jayden"),
                Measure(what="School checks in each morning", who="Rita Hughes"),
            ),
            agreed_with="Grace, who is hard to reach",
        ),
    )
    review = PlanReview(
        reviewed_on=dt.date(2024, 6, 1),
        measures=(
            MeasureReview(measure=plan.measures[0].what, working=Working.YES),
            MeasureReview(
                measure=plan.measures[1].what,
                working=Working.NO,
                note="Mum is hostile to the school.",
            ),
        ),
        changes="Jayden is streetwise: fewer checks.",
        family_view="Grace is in denial about the risk.",
        child_view="He says he is putting himself at risk by going.",
    )
    vault.safety_plans.save(case_id, make_review(plan, review=review, measures=plan.measures))


def test_the_current_safety_plans_words_are_in_the_case_findings(
    vault: OpenVault, case_id: int
) -> None:
    """Measures, who agreed it, the review's notes, what changes and both views."""
    _worded_plan(vault, case_id)
    found = vault.wording.case_findings(case_id)
    assert all(f.in_plan and f.entry_date == "1 June 2024" for f in found)
    assert {(f.field_label, f.finding.rule_id) for f in found} == {
        ("measure 1 of the safety plan", "self-risk"),
        ("who agreed the safety plan", "hard-to-reach"),
        ("the review's note on measure 2", "hostile-parent"),
        ("what changes after the review", "streetwise"),
        ("the family's view at the review", "in-denial"),
        ("the child's view at the review", "self-risk"),
    }


def test_a_plan_finding_kept_on_purpose_is_closed_in_its_version(
    vault: OpenVault, case_id: int
) -> None:
    plan = vault.safety_plans.save(case_id, make_plan(agreed_with="Grace, who is hard to reach"))
    [open_] = vault.wording.case_findings(case_id)
    mark = WordingMark(
        field=open_.field,
        rule_id=open_.finding.rule_id,
        words=open_.finding.words,
        kind=MarkKind.OWN_WORDS,
        reason="Grace's own words about herself",
    )
    changed = plan.draft().model_copy(update={"wording_marks": (mark,), "reason": "Marked"})
    vault.safety_plans.save(case_id, changed)
    assert vault.wording.case_findings(case_id) == []
    [kept] = vault.wording.case_findings(case_id, include_closed=True)
    assert kept.finding.mark == mark and kept.in_plan
