"""A small redacted export built without a vault, for export tests."""

from __future__ import annotations

import datetime as dt

from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import Kind, Nature
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.export.leak_records import EntryScope
from fftimeline.redaction.audiences import find_profile
from fftimeline.redaction.redact import RedactedChronology, redact_chronology
from fftimeline.services.export import ExportRequest, make_cover, render_checked
from fftimeline.services.leak_check import LeakCheck, entitlements, records_from
from tests.factories import make_case
from tests.unit.redaction.case_builder import saved, saved_person

WHEN = dt.datetime(2025, 6, 3, 10, 30)
STRATEGY_ONLY = Sharing(
    audiences=frozenset({Audience.SAFEGUARDING_TEAM, Audience.STRATEGY_MEETING})
)
TEAM_ONLY = Sharing(audiences=frozenset({Audience.SAFEGUARDING_TEAM}))


def sample_entries():
    """Three entries: one with a withheld source, one missing episode, one not shared."""
    withheld = Source(
        name="Tina Wexford", withheld=True, withheld_reason=WithheldReason.RISK_TO_SOURCE
    )
    return [
        saved(1, account="Bugsy picked him up.", source=withheld),
        saved(
            2,
            kind=Kind.MISSING,
            summary="Missing overnight, found in Leeds",
            nature=Nature.FACT,
            event_date=EventDate.exact(dt.date(2025, 4, 2)),
        ),
        saved(3, summary="Police intelligence about the flat", sharing=TEAM_ONLY),
    ]


def sample_chronology(audience: str = "strategy-meeting") -> RedactedChronology:
    """The sample entries redacted for ``audience``."""
    return redact_chronology(
        make_case(), sample_entries(), [saved_person(7)], find_profile(audience)
    )


def sample_check(audience: str = "strategy-meeting") -> LeakCheck:
    """The leak check of the sample, from its raw values."""
    records = records_from(make_case(), sample_entries(), [saved_person(7)])
    return LeakCheck(records, entitlements(find_profile(audience)), EntryScope())


def sample_bytes(audience: str = "strategy-meeting") -> tuple[bytes, RedactedChronology]:
    """The checked workbook bytes and the chronology they came from."""
    chron = sample_chronology(audience)
    request = ExportRequest(audience, "Members of the strategy meeting", "Strategy meeting")
    cover = make_cover(chron, request, "Sam Key", WHEN)
    return render_checked(cover, chron, "chronology.xlsx", sample_check(audience)), chron
