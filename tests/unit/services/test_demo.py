"""The demo data covers every recording choice, is deterministic and is written respectfully."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from fftimeline.domain.dates import Certainty, Precision
from fftimeline.domain.entries import (
    EntryDraft,
    Handling,
    Impact,
    Kind,
    Nature,
    Significance,
)
from fftimeline.domain.errors import VaultExists
from fftimeline.domain.people import LinkKind
from fftimeline.domain.sharing import Audience
from fftimeline.domain.sources import WithheldReason
from fftimeline.domain.tasks import TaskStatus
from fftimeline.domain.views import ViewPosition
from fftimeline.services.demo import build_demo, demo_passphrase, write_demo
from fftimeline.services.vault import open_vault, passphrase_problems
from tests.factories import passphrase

# Wording the language guidance says to avoid (language-guidance.md, section b).
AVOID = (
    r"put(ting|s)? (him|her|them)sel(f|ves) at risk",
    r"risky behaviour",
    r"lifestyle",
    r"\bcho(o)?s(e|ing|en) to\b",
    r"\bconsent(ed|ing)?\b",
    r"sexually active",
    r"prostitut",
    r"in (exchange|return) for",
    r"relationship with",
    r"associat(es|ing) with",
    r"involved in",
    r"recruit",
    r"working for",
    r"drug dealer|dealing",
    r"\bmule\b",
    r"gang member",
    r"abscond",
    r"(refuses|refused|not) (to )?engag",
    r"hard to reach",
    r"attention seeking",
    r"streetwise",
    r"promiscu",
    r"\balleg(es|ed)\b",
    r"safe and well",
    r"lack of (parental control|boundaries)",
    r"did not attend",
    r"known to (police|services)",
)


def _drafts(seed: int = 7) -> list[EntryDraft]:
    return [e.draft for case in build_demo(seed) for e in case.entries]


def _texts(draft: EntryDraft) -> list[str]:
    return [
        draft.summary,
        draft.account,
        *(v.text for v in draft.views),
        draft.child_wish.text if draft.child_wish else "",
        draft.next_action,
        draft.no_action_reason,
        draft.outcome,
    ]


def test_two_cases_with_about_150_entries_over_two_years() -> None:
    cases = build_demo()
    drafts = _drafts()
    assert len(cases) >= 2
    assert 140 <= len(drafts) <= 160
    two_years_ago = dt.date.today() - dt.timedelta(days=2 * 365)
    assert all(d.event_date.latest >= two_years_ago for d in drafts)
    assert all(d.event_date.earliest <= dt.date.today() for d in drafts)


def test_every_kind_nature_position_significance_and_impact_is_used() -> None:
    drafts = _drafts()
    assert {d.kind for d in drafts} == set(Kind)
    assert {d.nature for d in drafts} == set(Nature)
    assert {v.position for d in drafts for v in d.views} == set(ViewPosition)
    assert {d.significance for d in drafts} == set(Significance)
    assert {d.impact for d in drafts} == set(Impact)
    opinions = [d for d in drafts if d.nature is Nature.OPINION]
    assert opinions and all(d.opinion_of for d in opinions)


def test_every_kind_of_date_certainty_is_used() -> None:
    dates = [d.event_date for d in _drafts()]
    assert {e.certainty for e in dates} == set(Certainty)
    exact = [e for e in dates if e.certainty is Certainty.EXACT]
    assert any(e.time for e in exact) and any(e.time is None for e in exact)
    assert any(e.certainty is Certainty.AROUND and e.precision is Precision.MONTH for e in dates)
    assert any(e.certainty is Certainty.AROUND and e.precision is Precision.DAY for e in dates)


def test_every_audience_is_used_and_left_out_audiences_have_reasons() -> None:
    drafts = _drafts()
    assert set().union(*(d.sharing.audiences for d in drafts)) == set(Audience)
    reasons = {a for d in drafts for a, why in d.sharing.reasons_not.items() if why}
    assert reasons == set(Audience) - {Audience.SAFEGUARDING_TEAM}


def test_withheld_sources_cover_every_reason_and_a_professional_override() -> None:
    withheld = [d.source for d in _drafts() if d.source is not None and d.source.withheld]
    assert {s.withheld_reason for s in withheld} == set(WithheldReason)
    assert any(s.professional and s.professional_override for s in withheld)


def test_serious_entries_have_an_owned_action_or_a_reason_for_none() -> None:
    serious = [d for d in _drafts() if d.significance is Significance.SERIOUS]
    assert any(d.next_action and d.next_action_owner for d in serious)
    assert any(d.no_action_reason and not d.next_action for d in serious)


def test_intelligence_is_graded_with_a_c_handling_code_and_conditions() -> None:
    grades = [d.grading for d in _drafts() if d.kind is Kind.INTELLIGENCE]
    assert grades and all(g is not None for g in grades)
    assert {g.source for g in grades if g} == {1, 2, 3}
    assert {g.information for g in grades if g} == set("ABCDE")
    assert any(g.handling is Handling.C and g.conditions for g in grades if g)


def test_register_tasks_family_team_and_allocation_history() -> None:
    for case in build_demo():
        kinds = {item.kind for item in case.links.values()}
        assert kinds == set(LinkKind)
        people = [i for i in case.links.values() if i.kind is LinkKind.PERSON]
        assert any(p.third_party and p.role and p.nicknames for p in people)
        phones = [i.name for i in case.links.values() if i.kind is LinkKind.PHONE]
        assert all(re.fullmatch(r"07700 900\d{3}", p) for p in phones)
        linked = {k for e in case.entries for k in e.links}
        assert linked == set(case.links), "every register item is linked from an entry"
        assert case.case.family and case.case.team and len(case.case.allocations) >= 2
        statuses = {t.draft.status for t in case.tasks}
        assert TaskStatus.DONE in statuses and TaskStatus.OPEN in statuses
        assert all(t.draft.outcome for t in case.tasks if t.draft.status is not TaskStatus.OPEN)
        overdue = [
            t
            for t in case.tasks
            if t.draft.status is TaskStatus.OPEN and t.draft.due and t.draft.due < dt.date.today()
        ]
        assert overdue
    assert any(
        e.links for case in build_demo() for e in case.entries if e.draft.kind is Kind.MISSING
    )


def test_same_seed_same_demo_and_another_seed_differs() -> None:
    assert build_demo(7) == build_demo(7)
    assert _drafts(7) != _drafts(8)
    day = dt.date(2026, 1, 15)
    assert build_demo(3, on=day) == build_demo(3, on=day)


def test_dates_follow_the_day_it_is_built() -> None:
    early = dt.date(2025, 6, 1)
    drafts = [e.draft for c in build_demo(on=early) for e in c.entries]
    assert max(d.event_date.earliest for d in drafts) <= early


PLANTED = (
    "Head of Year thinks Jordan is choosing to hang around with older boys and is putting "
    "himself at risk."
)
"""The one piece of victim-blaming wording the demo keeps on purpose, so a newcomer sees the
wording check at work (issue 10); it must appear exactly once."""


@pytest.mark.parametrize("pattern", AVOID)
def test_no_victim_blaming_wording(pattern: str) -> None:
    rx = re.compile(pattern, re.IGNORECASE)
    texts = [t for d in _drafts() for t in _texts(d)]
    assert sum(t.count(PLANTED) for t in texts) == 1
    found = [t for t in texts if rx.search(t.replace(PLANTED, ""))]
    assert not found, found


def test_demo_passphrase_is_random_words_strong_enough_for_a_vault() -> None:
    first, second = demo_passphrase(), demo_passphrase()
    assert first != second
    words = first.decode("ascii").split("-")
    assert len(words) == 5 and all(w.isalpha() for w in words)
    assert passphrase_problems(first.decode("ascii")) == []


def test_write_demo_saves_everything_through_the_services(tmp_path: Path) -> None:
    path = tmp_path / "demo.fft"
    write_demo(path, passphrase(), actor="Demo")
    vault = open_vault(path, passphrase(), actor="Tester")
    try:
        summaries = vault.cases.summaries()
        assert [s.entry_count for s in summaries] == [len(c.entries) for c in build_demo()]
        first = summaries[0].case.id
        assert summaries[0].overdue_tasks >= 1
        linked = [e for e in vault.entries.entries(first) if e.link_ids]
        register = {i.id: i for i in vault.links.items(first)}
        assert linked and all(i in register for e in linked for i in e.link_ids)
        bugsy = [i for i in register.values() if "Bugsy" in i.nicknames]
        assert bugsy and any(bugsy[0].id in e.link_ids for e in linked)
        tasks = vault.tasks.tasks(first)
        assert any(t.entry_ids for t in tasks)
        assert vault.check().ok
    finally:
        vault.close()


def test_write_demo_never_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "demo.fft"
    path.write_bytes(b"someone's file")
    with pytest.raises(VaultExists):
        write_demo(path, passphrase(), actor="Demo")
    assert path.read_bytes() == b"someone's file"


def test_the_app_replaces_its_own_earlier_demo_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "demo.fft"
    write_demo(path, passphrase("first demo passphrase here"), actor="Demo")
    write_demo(path, passphrase(), actor="Demo", replace=True)
    vault = open_vault(path, passphrase(), actor="Demo")
    try:
        assert len(vault.cases.summaries()) == 2
    finally:
        vault.close()


def test_no_supervision_notes_in_the_childs_chronology() -> None:
    """Supervision is the key worker's own record, not the child's (and these are shared)."""
    for draft in _drafts():
        assert not any("supervision" in text.casefold() for text in _texts(draft)), draft.summary


def test_jordans_wish_to_tell_donna_himself_is_recorded_as_a_wish() -> None:
    jordan = build_demo()[0]
    told = next(e.draft for e in jordan.entries if e.draft.child_wish is not None)
    assert told.child_wish is not None
    assert "tell Donna himself" in told.child_wish.text
    assert told.child_wish.not_told == {Audience.PARENTS}
    assert told.sharing.allows(Audience.PARENTS)  # so the parents' export must ask
    assert told.nature is Nature.CHILD_ACCOUNT
    assert all("tell Donna himself" not in v.text for v in told.views if v.holder.value != "child")


def test_views_are_per_person_with_the_childs_apart() -> None:
    drafts = _drafts()
    holders = {(v.holder.value, v.name) for d in drafts for v in d.views}
    assert ("family-member", "Donna Reid") in holders
    assert ("family-member", "Karen Morgan") in holders
    assert ("child", "") in holders
    child_disputes = [
        d for d in drafts if any(v.holder.value == "child" and v.disputed for v in d.views)
    ]
    assert child_disputes  # a child's disagreement is there to be found


def test_the_storys_serious_risks_have_their_actions_done(tmp_path: Path) -> None:
    path = tmp_path / "demo.fft"
    write_demo(path, passphrase(), actor="Demo")
    vault = open_vault(path, passphrase(), actor="Tester")
    try:
        for summary in vault.cases.summaries():
            actions = [t for t in vault.tasks.tasks(summary.case.id) if t.next_action_of]
            assert actions
            assert all(t.status is TaskStatus.DONE and t.outcome for t in actions)
    finally:
        vault.close()
