"""Every recording rule of the domain gives its stable code and a plain-words message."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError

from fftimeline.domain.cases import Allocation
from fftimeline.domain.dates import Certainty, EventDate, Precision
from fftimeline.domain.entries import Grading, Handling, Kind, Nature, Significance
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.domain.tasks import TaskStatus
from tests.factories import make_case, make_entry, make_person, make_task

TOMORROW = dt.date.today() + dt.timedelta(days=1)
JARGON = re.compile(r"Traceback|pydantic|__|NoneType|validator|\bstr\b|\bint\b|Value error")


def _broken(build: Callable[[], Any]) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        build()
    error = caught.value.errors()[0]
    return str(error["type"]), str(error["msg"])


RULES: list[tuple[str, Callable[[], Any]]] = [
    ("opinion_needs_whose", lambda: make_entry(nature=Nature.OPINION)),
    ("whose_without_opinion", lambda: make_entry(opinion_of="Dr Shah")),
    ("withheld_needs_reason", lambda: Source(name="A neighbour", withheld=True)),
    (
        "reason_without_withholding",
        lambda: Source(name="A neighbour", withheld_reason=WithheldReason.THIRD_PARTY),
    ),
    (
        "professional_withheld_needs_override",
        lambda: Source(
            name="PC Jones",
            professional=True,
            withheld=True,
            withheld_reason=WithheldReason.RISK_TO_SOURCE,
        ),
    ),
    (
        "grading_only_intelligence",
        lambda: make_entry(grading=Grading(source=1, information="A", handling=Handling.P)),
    ),
    (
        "handling_c_needs_conditions",
        lambda: Grading(source=2, information="B", handling=Handling.C),
    ),
    (
        "range_end_before_start",
        lambda: EventDate.between(dt.date(2024, 5, 5), dt.date(2024, 5, 3)),
    ),
    ("range_needs_end", lambda: EventDate(certainty=Certainty.BETWEEN, start=dt.date(2024, 1, 1))),
    (
        "end_only_for_range",
        lambda: EventDate(
            certainty=Certainty.EXACT, start=dt.date(2024, 1, 1), end=dt.date(2024, 1, 2)
        ),
    ),
    (
        "time_only_exact",
        lambda: EventDate(certainty=Certainty.AROUND, start=dt.date(2024, 1, 1), time=dt.time(9)),
    ),
    (
        "precision_not_allowed",
        lambda: EventDate(
            certainty=Certainty.MONTH, start=dt.date(2024, 1, 1), precision=Precision.YEAR
        ),
    ),
    ("event_in_future", lambda: EventDate.exact(TOMORROW)),
    ("serious_needs_action", lambda: make_entry(significance=Significance.SERIOUS)),
    (
        "action_needs_owner",
        lambda: make_entry(significance=Significance.SERIOUS, next_action="Call police"),
    ),
    ("learned_in_future", lambda: make_entry(learned_on=TOMORROW)),
    ("learned_before_event", lambda: make_entry(learned_on=dt.date(2020, 1, 1))),
    ("third_party_needs_role", lambda: make_person(role="")),
    ("nicknames_only_people", lambda: Linked(kind=LinkKind.PLACE, name="Park", nicknames=("x",))),
    (
        "allocation_end_before_start",
        lambda: Allocation(worker="Sam", start=dt.date(2024, 2, 1), end=dt.date(2024, 1, 1)),
    ),
    ("birth_in_future", lambda: make_case(date_of_birth=TOMORROW)),
    ("closed_task_needs_outcome", lambda: make_task(status=TaskStatus.DONE)),
    (
        "reason_for_shared_audience",
        lambda: Sharing(
            audiences=frozenset({Audience.PARENTS}), reasons_not={Audience.PARENTS: "unsafe"}
        ),
    ),
]


@pytest.mark.parametrize(("code", "build"), RULES, ids=[code for code, _ in RULES])
def test_rule_gives_code_and_plain_words(code: str, build: Callable[[], Any]) -> None:
    got, message = _broken(build)
    assert got == code
    assert len(message) > 10 and message[0].isupper()
    assert not JARGON.search(message), message


def test_opinion_with_whose_is_fine() -> None:
    entry = make_entry(nature=Nature.OPINION, opinion_of="Dr Shah, CAMHS")
    assert entry.opinion_of == "Dr Shah, CAMHS"


def test_withheld_professional_with_override_is_fine() -> None:
    s = Source(
        name="PC Jones",
        professional=True,
        withheld=True,
        withheld_reason=WithheldReason.WOULD_ALERT,
        professional_override="Undercover operation",
    )
    assert s.withheld


def test_grading_on_intelligence_is_fine() -> None:
    g = Grading(source=2, information="C", handling=Handling.C, conditions="Police only")
    entry = make_entry(kind=Kind.INTELLIGENCE, nature=Nature.INTELLIGENCE, grading=g)
    assert entry.grading is not None and entry.grading.code == "2C C"


def test_serious_with_reason_for_no_action_is_fine() -> None:
    entry = make_entry(significance=Significance.SERIOUS, no_action_reason="Already in hand")
    assert entry.significance is Significance.SERIOUS


def test_grading_bounds_are_checked() -> None:
    with pytest.raises(ValidationError):
        Grading(source=4, information="A", handling=Handling.P)
    with pytest.raises(ValidationError):
        Grading(source=1, information="F", handling=Handling.P)


def test_third_party_label_replaces_the_name() -> None:
    person = make_person()
    assert person.redaction_label == "an adult male"
    assert person.label == "Marcus Bell ('Bugsy')"


def test_changing_the_key_worker_records_the_hand_over() -> None:
    from fftimeline.domain.cases import record_allocation

    start, handover = dt.date(2025, 1, 6), dt.date(2025, 9, 1)
    first = record_allocation(make_case(key_worker="Sam Key", allocations=()), None, start)
    assert first.allocations == (Allocation(worker="Sam Key", start=start),)
    same = record_allocation(first.model_copy(update={"pronouns": "they/them"}), first, handover)
    assert same.allocations == first.allocations
    moved = record_allocation(first.model_copy(update={"key_worker": "Ria Patel"}), first, handover)
    assert moved.allocations == (
        Allocation(worker="Sam Key", start=start, end=handover),
        Allocation(worker="Ria Patel", start=handover),
    )
