"""Export a case for one audience, and record what went to whom (services layer, Qt-free).

The one path every export takes: load the case from the vault, redact it for the audience,
build the spreadsheet in memory, scan its bytes for anything the audience must not see (a
hit stops the export and nothing is written), optionally protect it with a password, write
it atomically, and record the disclosure (which is also an audit row).

Public entry points: `export_xlsx` (the dialog and ``fftimeline export``), `preview` (the
dialog's side-by-side view), `audiences`, `save_custom_audience` and `add_manual_redaction`.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from fftimeline.collector import collector_paused
from fftimeline.domain.entries import Entry, Kind
from fftimeline.domain.leaks import LeakFound
from fftimeline.domain.records import Disclosure, DisclosureDraft
from fftimeline.export.plan_document import SharedPlan
from fftimeline.export.protect import PASSWORD_REMINDER, encrypt_xlsx, password_problems
from fftimeline.export.xlsx import ChronologyRow, Cover, build_xlsx_with_layout
from fftimeline.redaction.audiences import (
    AUDIENCE_FIELD_LABELS,
    CUSTOM_AUDIENCES_KEY,
    AudienceField,
    AudienceProfile,
    all_profiles,
    custom_from_json,
    custom_to_json,
    find_profile,
    make_custom,
)
from fftimeline.redaction.manual import MANUAL_REDACTIONS_KEY, ManualRedactions, ManualSpan
from fftimeline.redaction.preview import PreviewRow, counts_line, preview_rows
from fftimeline.redaction.redact import Filters, RedactedChronology, redact_chronology
from fftimeline.redaction.values import Marks, RedactedEntry, as_text
from fftimeline.services.audience_labels import check_label
from fftimeline.services.child_wishes import ChildWishNotConfirmed, confirmed_draft
from fftimeline.services.disclosure_log import Output, write_and_record
from fftimeline.services.leak_check import LeakCheck, check_xlsx
from fftimeline.services.leak_check import prepare as prepare_leak_check
from fftimeline.services.plan_sharing import shared_plan

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault as Vault

__all__ = [
    "AUDIENCE_FIELD_LABELS",
    "PASSWORD_REMINDER",
    "AudienceProfile",
    "ChildWishNotConfirmed",
    "ExportRequest",
    "ExportResult",
    "Filters",
    "LeakFound",
    "ManualSpan",
    "Marks",
    "PreviewRow",
    "RedactionPreview",
    "add_manual_redaction",
    "audiences",
    "check_export",
    "default_file_name",
    "export_xlsx",
    "make_custom",
    "password_problems",
    "preview",
    "save_custom_audience",
]


@dataclass(frozen=True)
class ExportRequest:
    """What the key worker chose in the export dialog or on the command line.

    Attributes:
        audience: the audience slug ("strategy-meeting" or a custom one).
        recipients: who the file goes to (recorded in the disclosure register).
        purpose: the purpose or lawful basis for sharing.
        filters: date range and kinds.
        show_child_name: show the child's full name to an audience that otherwise sees initials.
        show_grading: show intelligence grading to a strategy meeting (it sees none unless
            the key worker chooses it for this export).
        password: protect the file with this password (None = not protected). The caller
            owns the buffer and should zero it afterwards.
        safety_plan: add the case's current safety plan (only when it is shared with the
            audience: `plan_sharing.shared_plan`).
        child_wish_reason: why entries the child asked this audience not to be told go
            anyway ('' = none given: such an export stops with `ChildWishNotConfirmed`).
    """

    audience: str
    recipients: str
    purpose: str
    filters: Filters = field(default_factory=Filters)
    show_child_name: bool = False
    password: bytearray | None = None
    show_grading: bool = False
    safety_plan: bool = False
    child_wish_reason: str = ""


@dataclass(frozen=True)
class ExportResult:
    """What was written and recorded."""

    path: Path
    sha256: str
    disclosure: Disclosure
    included: int
    left_out: int
    protected: bool


@dataclass(frozen=True)
class RedactionPreview:
    """What the dialog shows before saving: every entry, full and as the audience sees it."""

    profile: AudienceProfile
    rows: list[PreviewRow]
    counts: str
    included: int
    left_out: int


def default_file_name(audience: AudienceProfile, today: dt.date | None = None) -> str:
    """'chronology-strategy-meeting-2025-06-01-3fa9c1.xlsx': no personal data in it.

    A custom audience is named by the kind it is built on, never by its label, whose words
    may name someone ("Jayden's grandparents" -> 'chronology-custom-parents-carers-…').
    """
    day = (today or dt.date.today()).isoformat()
    kind = f"custom-{audience.base.value}" if audience.custom else audience.base.value
    return f"chronology-{kind}-{day}-{secrets.token_hex(3)}.xlsx"


def audiences(vault: Vault) -> list[AudienceProfile]:
    """Built-in audiences, then the custom ones kept in this vault."""
    return all_profiles(_custom(vault))


def save_custom_audience(vault: Vault, profile: AudienceProfile) -> None:
    """Add or replace a custom audience in the vault's preferences.

    Raises:
        LabelNamesSomeone: its name names someone protected (see `audience_labels`).
    """
    check_label(vault, profile)
    kept = [p for p in _custom(vault) if p.slug != profile.slug]
    vault.preferences.set(CUSTOM_AUDIENCES_KEY, custom_to_json([*kept, profile]))


def manual_redactions(vault: Vault, case_id: int) -> ManualRedactions:
    """The spans the key worker has redacted by hand in this case."""
    return ManualRedactions.from_json(vault.preferences.get(_manual_key(case_id)))


def add_manual_redaction(vault: Vault, case_id: int, span: ManualSpan) -> None:
    """Hide ``span.text`` in one entry from one audience, from now on."""
    updated = manual_redactions(vault, case_id).added(span)
    vault.preferences.set(_manual_key(case_id), updated.to_json())


def remove_manual_redaction(vault: Vault, case_id: int, span: ManualSpan) -> bool:
    """Stop hiding ``span.text`` in that entry from that audience; False if it was not hidden."""
    current = manual_redactions(vault, case_id)
    kept = tuple(s for s in current.spans if s != span)
    if len(kept) == len(current.spans):
        return False
    vault.preferences.set(_manual_key(case_id), ManualRedactions(spans=kept).to_json())
    return True


@collector_paused()
def preview(
    vault: Vault,
    case_id: int,
    audience: str,
    filters: Filters | None = None,
    *,
    show_child_name: bool = False,
    show_grading: bool = False,
) -> RedactionPreview:
    """Every entry of the case beside what ``audience`` would see, with counts."""
    entries = vault.entries.entries(case_id, include_retracted=True)
    choice = ExportRequest(
        audience, "", "", filters or Filters(), show_child_name, show_grading=show_grading
    )
    chron = _redact(vault, case_id, entries, choice)
    return RedactionPreview(
        profile=chron.profile,
        rows=preview_rows(entries, chron),
        counts=counts_line(chron),
        included=len(chron.entries),
        left_out=chron.left_out_total,
    )


@collector_paused()
def export_xlsx(vault: Vault, case_id: int, request: ExportRequest, out: Path) -> ExportResult:
    """Write the strategy-meeting spreadsheet of a case for one audience, and record it.

    Redacts, builds the workbook in memory, scans it (fail closed), protects it when
    ``request.password`` is given, then writes ``out`` and records the disclosure through
    `disclosure_log.write_and_record`, so file and record agree even after a crash.

    Raises:
        ChildWishNotConfirmed: entries the child asked this audience not to be told would
            go, and ``request.child_wish_reason`` is empty; nothing written.
        LeakFound: the scan found something the audience must not see; nothing written.
        UnknownAudience: ``request.audience`` is not a known audience.
        ProtectionFailed: the password protection did not work; nothing written.
        ExportNotWritten: the file could not be written there.
        VaultError: the case could not be read or the disclosure not recorded.
    """
    entries = vault.entries.entries(case_id, include_retracted=True)
    chron = _redact(vault, case_id, entries, request)
    # Validated before anything is written: a file on disk must always have its record.
    draft = disclosure_draft(chron, request)
    cover = _cover(vault, chron, request)
    plan = _plan(vault, case_id, chron, request)
    check = prepare_leak_check(vault, case_id, chron.profile, request.filters, entries)
    plain = render_checked(cover, chron, out.name, check, plan)
    data = encrypt_xlsx(plain, request.password.decode("utf-8")) if request.password else plain
    # Recorded as pending, written, placed, then marked done: file and record always agree.
    disclosure = write_and_record(
        vault,
        case_id,
        draft,
        out,
        Output(data=data),
        entry_ids=[e.entry_id for e in chron.entries],
        protected=bool(request.password),
    )
    return ExportResult(
        out,
        disclosure.sha256,
        disclosure,
        len(chron.entries),
        chron.left_out_total,
        bool(request.password),
    )


@collector_paused()
def check_export(vault: Vault, case_id: int, request: ExportRequest, file_name: str) -> None:
    """Run an export's leak check without writing or recording anything.

    Used after the key worker fixed what stopped an export (hid a word, changed the entry),
    so the dialog can say at once whether the export would now go.

    Raises:
        LeakFound: something the audience must not see is still there.
    """
    entries = vault.entries.entries(case_id, include_retracted=True)
    chron = _redact(vault, case_id, entries, request)
    check = prepare_leak_check(vault, case_id, chron.profile, request.filters, entries)
    plan = _plan(vault, case_id, chron, request)
    render_checked(_cover(vault, chron, request), chron, file_name, check, plan)


def _plan(
    vault: Vault, case_id: int, chron: RedactedChronology, request: ExportRequest
) -> SharedPlan | None:
    """The current safety plan for this audience, when asked for (refused if not shared)."""
    if not request.safety_plan:
        return None
    return shared_plan(vault.safety_plans.current(case_id), chron)


def disclosure_draft(chron: RedactedChronology, request: ExportRequest) -> DisclosureDraft:
    """What the disclosure records of this output, with any child's wish it overrides.

    Raises:
        ChildWishNotConfirmed: the child asked this audience not to be told about an entry
            that goes, and no reason was given.
    """
    draft = DisclosureDraft(
        audience=chron.profile.slug, recipients=request.recipients, purpose=request.purpose
    )
    return confirmed_draft(chron, draft, request.child_wish_reason)


def render_checked(
    cover: Cover,
    chron: RedactedChronology,
    file_name: str,
    check: LeakCheck,
    plan: SharedPlan | None = None,
) -> bytes:
    """The workbook bytes for ``chron``, only if the independent leak scan finds nothing.

    The scan (`services.leak_check`) works from the vault's raw values in ``check``, not
    from the redaction, and is told by the writer which cells hold which entry's field and
    which hold the document's own words.

    Raises:
        LeakFound: something the audience must not see, or a structural problem; the
            findings say what and where (the value is shown only when asked).
    """
    rows = [
        replace(row, entry_id=e.entry_id)
        for row, e in zip(rows_for(chron.entries), chron.entries, strict=True)
    ]
    data, layout = build_xlsx_with_layout(cover, rows, plan)
    findings, places = check_xlsx(check, data, layout, file_name)
    if findings or places:
        raise LeakFound(places, findings)
    return data


def rows_for(entries: list[RedactedEntry]) -> list[ChronologyRow]:
    """Spreadsheet rows from redacted entries: sentinels become their labels here."""
    return [
        ChronologyRow(
            date_words=e.date_words,
            sort_date=e.sort_date,
            kind=e.kind_label,
            what_happened=e.what_happened,
            nature=e.nature,
            source=as_text(e.source),
            impact=e.impact,
            action_or_outcome=as_text(e.action_or_outcome),
            family_view=as_text(e.family_view),
            child_view=as_text(e.child_view),
            significance=e.significance,
            grading=as_text(e.grading),
            missing_episode=e.kind is Kind.MISSING,
        )
        for e in entries
    ]


def make_cover(
    chron: RedactedChronology, request: ExportRequest, produced_by: str, when: dt.datetime
) -> Cover:
    """The cover sheet's facts for this export."""
    return Cover(
        case_label=chron.child,
        audience=chron.redact_text(chron.profile.label),  # a custom name saved before checks
        purpose=chron.redact_text(request.purpose),
        recipients=chron.redact_text(request.recipients),
        produced_by=produced_by,
        produced_at=when,
        included=len(chron.entries),
        left_out=tuple(sorted(chron.left_out.items())),
        shows_grading=chron.profile.sees(AudienceField.GRADING),
        family=chron.profile.family_facing,
    )


def _cover(vault: Vault, chron: RedactedChronology, request: ExportRequest) -> Cover:
    return make_cover(chron, request, vault.actor, dt.datetime.now().replace(microsecond=0))


def redact_for(vault: Vault, case_id: int, request: ExportRequest) -> RedactedChronology:
    """The case redacted for the request: what the spreadsheet and every print are made of."""
    entries = vault.entries.entries(case_id, include_retracted=True)
    return _redact(vault, case_id, entries, request)


def _redact(
    vault: Vault, case_id: int, entries: list[Entry], request: ExportRequest
) -> RedactedChronology:
    profile = chosen_profile(vault, request)
    return redact_chronology(
        vault.cases.get(case_id),
        entries,
        vault.links.items(case_id),
        profile,
        request.filters,
        manual_redactions(vault, case_id),
        people=vault.people.gather(case_id),
    )


def chosen_profile(vault: Vault, request: ExportRequest) -> AudienceProfile:
    """The audience with the key worker's choices for this export (names, grading).

    Raises:
        UnknownAudience: no such audience.
        GradingNotForAudience: grading asked for an audience that is not a strategy meeting.
    """
    profile = find_profile(request.audience, _custom(vault))
    if request.show_child_name:
        profile = profile.with_child_name(True)
    if request.show_grading:
        profile = profile.with_grading(True)
    return profile


def _custom(vault: Vault) -> list[AudienceProfile]:
    return custom_from_json(vault.preferences.get(CUSTOM_AUDIENCES_KEY))


def _manual_key(case_id: int) -> str:
    return f"{MANUAL_REDACTIONS_KEY}:{case_id}"
