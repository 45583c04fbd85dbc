"""Full-text search finds entries by what the key person remembers, as they type."""

from __future__ import annotations

import pytest

from fftimeline.domain.sources import Source
from fftimeline.domain.views import ViewPosition
from fftimeline.services.vault import OpenVault
from tests.factories import family_view, make_case, make_entry, make_person


@pytest.fixture
def case_id(vault: OpenVault) -> int:
    return vault.cases.add(make_case()).id


def test_finds_by_summary_account_family_view_and_source(vault: OpenVault, case_id: int) -> None:
    a = vault.entries.add(case_id, make_entry(summary="Seen near the railway arches"))
    b = vault.entries.add(
        case_id,
        make_entry(
            summary="Call from school",
            views=family_view("Mum says grandmother", ViewPosition.DISPUTE),
        ),
    )
    c = vault.entries.add(
        case_id,
        make_entry(summary="Police note", source=Source(name="PC Okonjo", agency="Westshire")),
    )
    d = vault.entries.add(case_id, make_entry(summary="Visit", account="Talked about trainers"))
    assert vault.entries.search("railway") == [a.id]
    assert vault.entries.search("grandmother") == [b.id]
    assert vault.entries.search("okonjo") == [c.id]
    assert vault.entries.search("westshire") == [c.id]
    assert vault.entries.search("trainers") == [d.id]


def test_finds_by_linked_name_and_nickname_and_follows_a_rename(
    vault: OpenVault, case_id: int
) -> None:
    person = vault.links.save(case_id, make_person(name="Marcus Bell", nicknames=("Bugsy",)))
    linked = vault.entries.add(case_id, make_entry(link_ids=frozenset({person.id or 0})))
    vault.entries.add(case_id, make_entry(summary="Unrelated"))
    assert vault.entries.search("bugsy") == [linked.id]
    assert vault.entries.search("marcus") == [linked.id]
    vault.links.save(case_id, person.model_copy(update={"nicknames": ("Tiny",)}))
    assert vault.entries.search("bugsy") == []
    assert vault.entries.search("tiny") == [linked.id]


def test_updates_after_amend_and_keeps_retracted(vault: OpenVault, case_id: int) -> None:
    e = vault.entries.add(case_id, make_entry(summary="Seen with older boys"))
    vault.entries.amend(e.id, make_entry(summary="Seen with older youths"), "Wording")
    assert vault.entries.search("boys") == []
    assert vault.entries.search("youths") == [e.id]
    vault.entries.retract(e.id, "Wrong child")
    assert vault.entries.search("youths") == [e.id]


def test_prefix_on_last_word_only(vault: OpenVault, case_id: int) -> None:
    e = vault.entries.add(case_id, make_entry(summary="Missing overnight from home"))
    assert vault.entries.search("miss") == [e.id]
    assert vault.entries.search("missing overn") == [e.id]
    assert vault.entries.search("miss overnight") == []


def test_user_text_is_never_search_syntax(vault: OpenVault, case_id: int) -> None:
    e = vault.entries.add(case_id, make_entry(summary="He said NEAR the OR shop"))
    for typed in ['"', "AND", "OR (", "summary:", "*", "NEAR(", "'; DROP TABLE entries; --", ""]:
        vault.entries.search(typed)
    assert vault.entries.search("near the or") == [e.id]
    assert vault.entries.search("   ") == []


def test_accents_and_case_do_not_matter(vault: OpenVault, case_id: int) -> None:
    e = vault.entries.add(case_id, make_entry(summary="Met Zoë at the café"))
    assert vault.entries.search("zoe cafe") == [e.id]
    assert vault.entries.search("ZOË") == [e.id]


def test_limited_to_one_case_and_best_first(vault: OpenVault, case_id: int) -> None:
    other = vault.cases.add(make_case(child_name="Other Child")).id
    weak = vault.entries.add(
        case_id, make_entry(summary="Bus", account="long account " * 40 + "moped")
    )
    strong = vault.entries.add(case_id, make_entry(summary="Moped moped moped", account=""))
    elsewhere = vault.entries.add(other, make_entry(summary="Moped seen"))
    assert vault.entries.search("moped", case_id=case_id) == [strong.id, weak.id]
    assert set(vault.entries.search("moped")) == {strong.id, weak.id, elsewhere.id}
    assert len(vault.entries.search("moped", limit=1)) == 1


def test_a_word_in_the_summary_ranks_above_the_same_word_in_the_account(
    vault: OpenVault, case_id: int
) -> None:
    in_account = vault.entries.add(
        case_id, make_entry(summary="Phone call", account="Mentioned the canal path twice")
    )
    in_summary = vault.entries.add(
        case_id, make_entry(summary="Seen by the canal path", account="Mentioned a friend too")
    )
    assert vault.entries.search("canal") == [in_summary.id, in_account.id]


def test_finds_the_words_the_table_shows_not_only_what_was_typed(
    vault: OpenVault, case_id: int
) -> None:
    from fftimeline.domain.entries import Significance
    from fftimeline.domain.sources import WithheldReason

    withheld = vault.entries.add(
        case_id,
        make_entry(
            summary="Car seen by the flats",
            source=Source(
                name="A neighbour", withheld=True, withheld_reason=WithheldReason.RISK_TO_SOURCE
            ),
        ),
    )
    serious = vault.entries.add(
        case_id,
        make_entry(
            summary="Missing overnight",
            account="Not home until the morning.",
            significance=Significance.SERIOUS,
            no_action_reason="Police already acting",
        ),
    )
    disputed = vault.entries.add(
        case_id, make_entry(summary="Report", views=family_view("No", ViewPosition.DISPUTE))
    )
    assert vault.entries.search("withheld") == [withheld.id]
    assert vault.entries.search("serious") == [serious.id]
    assert vault.entries.search("disputes") == [disputed.id]
    assert vault.entries.search("disput") == [disputed.id]  # as it is being typed
    assert vault.entries.search("serious missing") == [serious.id]  # shown and typed words
    assert vault.entries.search("serious flats") == []  # every word must be found
