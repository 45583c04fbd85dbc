"""What changed between two versions of an entry, named in the language in use."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fftimeline import catalogue
from fftimeline.domain.entries import Kind
from fftimeline.domain.entry_changes import FIELD_LABELS, changes
from fftimeline.domain.views import PersonView, ViewHolder, ViewPosition
from tests.factories import make_entry


@pytest.fixture
def welsh() -> Iterator[None]:
    catalogue.set_language("cy")
    try:
        yield
    finally:
        catalogue.set_language("en")


def test_each_change_names_its_field_as_the_editor_does() -> None:
    old = make_entry()
    view = PersonView(holder=ViewHolder.MEMBER, name="Donna Reid", position=ViewPosition.AGREE)
    new = make_entry(summary="Seen at the bus station", outcome="", views=(view,))
    found = [c.field for c in changes(old, new)]
    assert found[0] == "What happened" and "Donna Reid's view" in found


def test_field_names_and_empty_values_follow_the_language_in_use(welsh: None) -> None:
    old = make_entry()
    new = make_entry(kind=Kind.INCIDENT, summary="Seen at the bus station", account="")
    [kind, what, account] = changes(old, new)[:3]
    assert (kind.field, what.field) == ("Math", "Beth ddigwyddodd")
    assert kind.before == "Pryder" and kind.after == "Digwyddiad"
    assert account.field == FIELD_LABELS["Full account"]  # no Welsh yet: English, never blank
    assert account.wording().endswith("→ (nothing)")
