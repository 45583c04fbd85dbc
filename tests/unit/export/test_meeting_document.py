"""The professional chronology as a printable document: its first lines read as sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from fftimeline.export.document import Paragraph
from fftimeline.export.meeting_document import build_meeting_document
from fftimeline.export.xlsx import Cover


def _first_lines(case_label: str) -> str:
    cover = Cover(
        case_label, "Strategy meeting", "Strategy meeting", "Members", "Sam Key",
        dt.datetime(2026, 3, 3, 10, 0), 0, (),
    )  # fmt: skip
    return "\n".join(build_meeting_document(cover, [], []).texts())


@pytest.mark.parametrize("label", ["J. O.", "Jordan Reid"])
def test_the_case_line_has_one_full_stop_after_the_name(label: str) -> None:
    text = _first_lines(label)
    assert f"Case: {label}. For:" in text or f"Case: {label} For:" in text
    assert ".." not in text


def test_the_audience_name_is_read_by_the_scan_not_passed_over() -> None:
    cover = Cover(
        "J. O.", "Zoe Hart's panel", "Members", "Review", "Sam Key",
        dt.datetime(2026, 3, 3, 10, 0), 0, (),
    )  # fmt: skip
    document = build_meeting_document(cover, [], [])
    facts = document.blocks[1]
    assert isinstance(facts, Paragraph)
    assert any(p.text == "Zoe Hart's panel" and p.place for p in facts.parts)
