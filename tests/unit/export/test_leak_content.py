"""Recorded text left out: the words an entry that goes says are not a leak, whatever
possessive 's' the redaction wrote after a replaced name ("Marlow'" -> "an adult's")."""

from __future__ import annotations

from tests.unit.export.leak_builders import entries, findings, leak_check


def _check(shown_account: str, left_out_account: str):
    shown = entries()[0].model_copy(update={"account": shown_account})
    left = entries()[1].model_copy(update={"account": left_out_account})
    return leak_check(all_entries=[shown, left])


def test_a_possessive_s_after_a_replacement_is_not_text_left_out() -> None:
    check = _check(
        "She said Dex Marlow' had given her a lift home.",
        "She said Dex Marlow’s had given her a lift home.",
    )
    assert findings("She said an adult's had given her a lift home.", check=check) == []


def test_left_out_words_no_entry_that_goes_says_still_stop() -> None:
    check = _check(
        "She said she was fine.",
        "Marlow’s friends took her to the stash flat on the estate late at night.",
    )
    out = "An adult's friends took her to the stash flat on the estate late at night."
    assert {f.description for f in findings(out, check=check)} == {
        "text left out for this audience"
    }


def test_words_running_from_an_entrys_summary_into_its_account_are_its_own() -> None:
    """What happened is the summary then the account: a run across both is the entry's."""
    shown = entries()[0].model_copy(
        update={"summary": "Mark1 was seen near the shops", "account": "was seen near the shops"}
    )
    left = entries()[1].model_copy(
        update={"summary": "was seen near the shops was seen near the shops again"}
    )
    check = leak_check(all_entries=[shown, left])
    text = "Mark1 was seen near the shops\n\nwas seen near the shops"
    assert findings(text, check=check) == []
