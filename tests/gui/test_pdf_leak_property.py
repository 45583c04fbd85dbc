"""Property: for random cases and every audience, nothing withheld reaches any text of the PDF.

The same random cases as the spreadsheet's property test (`test_export_leak_property`),
printed as each built-in audience's document (the family's and the child's timelines, the
professional chronology), rendered by Qt, read back by pypdf: every page, the properties and
every string in the file. No protected canary and no marker of an entry left out may be in
it; every entry that goes must be; and the independent fail-closed scan, from the raw
values, must pass it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings

from fftimeline.export.leak_records import EntryScope
from fftimeline.export.pdf_protect import neutral_pdf
from fftimeline.export.pdf_text import pdf_contents
from fftimeline.printing import render_pdf
from fftimeline.redaction.audiences import BUILT_IN_PROFILES
from fftimeline.redaction.redact import redact_chronology
from fftimeline.services.leak_check import LeakCheck, entitlements, records_from
from fftimeline.services.print_scan import scan_pdf
from fftimeline.services.printing import (
    FAMILY_AUDIENCES,
    PrintRequest,
    build_document,
    first_page,
)
from tests.unit.export.test_export_leak_property import forbidden, random_case

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@settings(
    max_examples=25,
    deadline=None,
    database=None,  # examples would hold case-like data on disk
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.large_base_example,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(random_case())
def test_no_withheld_value_in_any_text_of_the_pdf_for_any_audience(qapp, generated) -> None:
    case, people, entries = generated
    for profile in BUILT_IN_PROFILES.values():
        chron = redact_chronology(case, entries, people, profile)
        if not chron.entries:
            continue
        first = None
        if profile.base in FAMILY_AUDIENCES:
            first = first_page(case, chron, [("Strategy meeting", dt.date(2026, 3, 3))])
        request = PrintRequest(profile.slug, "Meeting members", "Strategy meeting")
        prepared = build_document(chron, request, first, produced_by="Key worker")
        data = neutral_pdf(render_pdf(prepared.document))
        text = " ".join(" ".join(u.text for u in pdf_contents(data).units).split()).casefold()
        included = {e.entry_id for e in chron.entries}
        leaked = {v for v in forbidden(case, people, entries, profile, included) if v in text}
        assert leaked == set(), profile.slug
        for e in chron.entries:
            assert f"mark{e.entry_id}x" in text
        check = LeakCheck(records_from(case, entries, people), entitlements(profile), EntryScope())
        assert scan_pdf(data, prepared.document, check, "timeline.pdf") >= 1
