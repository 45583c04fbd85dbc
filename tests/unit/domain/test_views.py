"""Views per person, the child's wishes, and the recording rules that came with them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError

from fftimeline.domain.cases import Allocation, record_allocation
from fftimeline.domain.entries import EntryDraft, check_before_saving
from fftimeline.domain.errors import DomainError
from fftimeline.domain.sharing import Audience
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.domain.views import (
    ChildWish,
    PersonView,
    ViewHolder,
    ViewPosition,
    child_view,
    family_views,
    strongest,
)
from tests.factories import make_case, make_entry

CHILD = PersonView(holder=ViewHolder.CHILD, position=ViewPosition.DISPUTE, text="It wasn't me.")
DONNA = PersonView(
    holder=ViewHolder.MEMBER, name="Donna Reid", position=ViewPosition.AGREE, text="It was."
)


def _saved_before_views(position: str, text: str) -> EntryDraft:
    """An entry as a version saved with one "family's view" reads back from the vault."""
    data = json.loads(make_entry(views=()).model_dump_json())
    data.pop("views")
    data["family_view"] = {"position": position, "text": text}
    return EntryDraft.model_validate_json(json.dumps(data))


def test_an_old_familys_view_reads_back_as_the_familys_view_as_a_whole() -> None:
    old = _saved_before_views("dispute", "Donna says he was at home.")
    assert old.views == (
        PersonView(
            holder=ViewHolder.FAMILY,
            position=ViewPosition.DISPUTE,
            text="Donna says he was at home.",
        ),
    )


def test_an_old_default_view_reads_back_as_no_view_at_all() -> None:
    assert _saved_before_views("not-yet-asked", "").views == ()


def test_the_childs_view_is_never_one_of_the_familys() -> None:
    entry = make_entry(views=(DONNA, CHILD))
    assert child_view(entry.views) == CHILD
    assert family_views(entry.views) == (DONNA,)
    assert strongest(entry.views) == CHILD  # a dispute shows before an agreement


def _rule(build: Callable[[], Any]) -> str:
    with pytest.raises(ValidationError) as caught:
        build()
    return str(caught.value.errors()[0]["type"])


@pytest.mark.parametrize(
    ("code", "build"),
    [
        ("view_twice", lambda: make_entry(views=(CHILD, CHILD))),
        ("view_needs_whose", lambda: PersonView(holder=ViewHolder.MEMBER)),
        ("view_name_not_member", lambda: PersonView(holder=ViewHolder.CHILD, name="Jordan")),
        ("wish_needs_words", lambda: ChildWish(not_told=frozenset({Audience.PARENTS}))),
        ("wish_needs_audience", lambda: ChildWish(text="I want to tell Mum myself")),
        (
            "wish_not_the_child",
            lambda: ChildWish(text="Not me", not_told=frozenset({Audience.CHILD})),
        ),
        ("unknown_not_withheld", lambda: Source(unknown=True)),
        ("source_needs_name", lambda: Source(name="")),
        ("source_and_no_source_reason", lambda: make_entry(no_source_reason="Not recorded")),
    ],
)
def test_each_new_rule_has_its_code(code: str, build: Callable[[], Any]) -> None:
    assert _rule(build) == code


def test_a_withheld_source_can_honestly_be_unknown_to_us() -> None:
    informant = Source(
        unknown=True,
        withheld=True,
        withheld_reason=WithheldReason.RISK_TO_SOURCE,
    )
    assert informant.name == ""
    assert informant.described().startswith("Unknown to us")


def test_an_entry_with_no_source_must_say_why_before_it_is_saved() -> None:
    rushed = make_entry(source=None)
    with pytest.raises(DomainError) as caught:
        check_before_saving(rushed)
    assert caught.value.code == "no_source_needs_reason"
    check_before_saving(make_entry(source=None, no_source_reason="Seen by the key worker"))


def test_a_wish_names_who_the_child_asked_us_not_to_tell() -> None:
    wish = ChildWish(
        text="I want to tell Mum myself", not_told=frozenset({Audience.PARENTS, Audience.POLICE})
    )
    assert wish.against(Audience.PARENTS) and not wish.against(Audience.SAFEGUARDING_TEAM)
    assert wish.audiences_words() == "Parents/carers and Police"


def test_correcting_the_key_workers_name_is_not_a_hand_over() -> None:
    start, fixed = dt.date(2025, 1, 6), dt.date(2025, 9, 1)
    first = record_allocation(make_case(key_worker="Sam Kye", allocations=()), None, start)
    typo_fixed = first.model_copy(update={"key_worker": "Sam Key"})
    corrected = record_allocation(typo_fixed, first, fixed, correction=True)
    assert corrected.allocations == (Allocation(worker="Sam Key", start=start),)
    handed_over = record_allocation(typo_fixed, first, fixed)
    assert len(handed_over.allocations) == 2
