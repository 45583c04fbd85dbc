"""Saved-entry helpers for redaction and export tests (no Qt, no I/O)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fftimeline.domain.entries import Entry
from fftimeline.domain.people import Linked
from tests.factories import make_entry, make_person

RECORDED = dt.datetime(2025, 6, 1, 9, 0, tzinfo=dt.UTC)


def saved(entry_id: int, **overrides: Any) -> Entry:
    """A saved version of `make_entry(**overrides)` with the given id."""
    draft = make_entry(**overrides)
    return Entry(**dict(draft), id=entry_id, case_id=1, recorded_at=RECORDED)


def saved_person(item_id: int, **overrides: Any) -> Linked:
    """A register person with an id."""
    return make_person(**overrides).model_copy(update={"id": item_id})
