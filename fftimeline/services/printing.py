"""Print, preview and save as PDF for every audience, and record each one (services layer).

The one path every printed output takes: load the case, redact it for the audience (the
same `redact_chronology` as the spreadsheet, so every printed word comes from the same
redacted data), build the document without Qt (the family's or the child's timeline for
those audiences, the landscape chronology for the others), and then either

* `export_pdf`: render it (with the renderer the composition root passes in), make its
  properties neutral, scan it fail-closed (`checked_pdf`, the independent leak scan of
  `print_scan.scan_pdf`), optionally protect it with AES-256, write it atomically and
  record the disclosure (format "pdf", pages); or
* `checked_pdf` before printing, then `record_print` after the UI has printed it (format
  "print").

An output with no entries stops before anything is written or recorded
(`NothingToPrint`). Long work reports progress through ``progress``, which may raise
`Cancelled` to stop it.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from fftimeline.collector import collector_paused
from fftimeline.domain.entries import Entry, Impact, Kind
from fftimeline.domain.errors import DomainError
from fftimeline.domain.records import PRINTED, Disclosure
from fftimeline.domain.sharing import AUDIENCE_LABELS, Audience
from fftimeline.domain.support import SupportOrganisation
from fftimeline.domain.views import ViewHolder
from fftimeline.domain.wording import Voice, period_words, whose_opinion
from fftimeline.export.document import Document
from fftimeline.export.family_document import (
    YOU,
    FamilyEntry,
    FirstPage,
    SourceShown,
    audience_phrase,
    build_family_document,
)
from fftimeline.export.files import sha256_hex
from fftimeline.export.meeting_document import build_meeting_document
from fftimeline.export.pdf_protect import encrypt_pdf, neutral_pdf
from fftimeline.export.plan_document import SharedPlan
from fftimeline.redaction.audiences import AudienceField
from fftimeline.redaction.redact import RedactedChronology
from fftimeline.redaction.values import RedactedEntry, as_text
from fftimeline.services.disclosure_log import Output, write_and_record
from fftimeline.services.export import (
    ExportRequest,
    audiences,
    disclosure_draft,
    make_cover,
    redact_for,
    rows_for,
)
from fftimeline.services.leak_check import prepare as prepare_leak_check
from fftimeline.services.plan_sharing import shared_plan
from fftimeline.services.print_scan import scan_pdf

if TYPE_CHECKING:
    from fftimeline.domain.cases import CaseDraft
    from fftimeline.services.vault import OpenVault as Vault

Progress = Callable[[int, int], None]
"""Told (steps done, steps in all); it may raise `Cancelled` to stop the work."""


class Renderer(Protocol):
    """Turns a document into PDF bytes (`fftimeline.printing.render_pdf`)."""

    def __call__(self, document: Document, progress: Progress | None = None) -> bytes:
        """The PDF's bytes."""
        ...


FAMILY_AUDIENCES = {Audience.PARENTS: Voice.FAMILY, Audience.CHILD: Voice.CHILD}


class NothingToPrint(DomainError):
    """The audience would get no entry at all; nothing was written or recorded."""

    def __init__(self, audience: str) -> None:
        super().__init__(
            "nothing_to_print",
            f"There is nothing to print for {audience}: no entry of this case is shared "
            "with them (or none passes the dates and kinds chosen). Nothing was written or "
            "recorded.",
        )


@dataclass(frozen=True)
class PrintRequest(ExportRequest):
    """What the key worker chose in the print dialog or on the command line.

    The export's choices (audience, recipients, purpose, filters, the child's full name,
    a password, which protects a PDF with AES-256), and large print: body text of at
    least 16 pt.
    """

    large_print: bool = False


@dataclass(frozen=True)
class Prepared:
    """A document ready to render, with the redacted chronology it came from."""

    document: Document
    chron: RedactedChronology
    request: PrintRequest

    @property
    def entry_ids(self) -> list[int]:
        """The entries it holds, in order."""
        return [e.entry_id for e in self.chron.entries]


@dataclass(frozen=True)
class PdfResult:
    """What was written and recorded."""

    path: Path
    sha256: str
    disclosure: Disclosure
    included: int
    pages: int
    protected: bool


def default_pdf_name(audience: str, today: dt.date | None = None) -> str:
    """'timeline-parents-carers-2026-03-03-3fa9c1.pdf': no personal data in it.

    A custom audience's slug is made of its name, which may name someone: its file is
    'timeline-custom-…' (like the spreadsheet's, never by its name).
    """
    day = (today or dt.date.today()).isoformat()
    kind = "custom" if audience.startswith("custom-") else audience
    return f"timeline-{kind}-{day}-{secrets.token_hex(3)}.pdf"


@collector_paused()
def prepare(
    vault: Vault,
    case_id: int,
    request: PrintRequest,
    support: tuple[SupportOrganisation, ...] = (),
) -> Prepared:
    """Redact the case for the audience and build its document (no Qt, nothing written).

    Raises:
        NothingToPrint: the audience would get no entry.
        UnknownAudience: the audience does not exist.
    """
    chron = redact_for(vault, case_id, request)
    first = None
    if chron.profile.base in FAMILY_AUDIENCES and chron.entries:
        case = vault.cases.get(case_id)
        shared = _shared(vault, case_id, chron)
        first = first_page(case, chron, shared)
    plan = None
    if request.safety_plan:
        plan = shared_plan(vault.safety_plans.current(case_id), chron)
    return build_document(chron, request, first, support, produced_by=vault.actor, plan=plan)


def build_document(
    chron: RedactedChronology,
    request: PrintRequest,
    first: FirstPage | None,
    support: tuple[SupportOrganisation, ...] = (),
    *,
    produced_by: str = "",
    plan: SharedPlan | None = None,
) -> Prepared:
    """The document for an already redacted chronology, chosen by its audience.

    The family's or the child's timeline when ``first`` is given (their first page's
    facts), else the professional chronology; either ends with ``plan``, the safety plan,
    when asked for.

    Raises:
        NothingToPrint: the audience would get no entry.
    """
    if not chron.entries:
        raise NothingToPrint(audience_phrase(chron.profile.label))
    if first is None:
        when = dt.datetime.now().replace(microsecond=0)
        cover = make_cover(chron, request, produced_by, when)
        ids = [e.entry_id for e in chron.entries]
        document = build_meeting_document(
            cover, rows_for(chron.entries), ids, large_print=request.large_print, plan=plan
        )
    else:
        entries = family_entries(chron)
        typed = tuple(_redacted_support(chron, org) for org in support)
        document = build_family_document(
            first, entries, typed, large_print=request.large_print, plan=plan
        )
    return Prepared(document, chron, request)


def _redacted_support(chron: RedactedChronology, org: SupportOrganisation) -> SupportOrganisation:
    """A support organisation redacted like any typed text (the list is kept in settings)."""
    return SupportOrganisation(
        name=chron.redact_text(org.name),
        helps_with=chron.redact_text(org.helps_with),
        phone=chron.redact_text(org.phone),
        website=chron.redact_text(org.website),
    )


def family_entries(chron: RedactedChronology) -> list[FamilyEntry]:
    """The redacted entries with the facts the family's words need (never their text)."""
    raw = {e.id: e for e in chron.included}
    return [_family_entry(e, raw[e.entry_id], chron) for e in chron.entries]


def _family_entry(e: RedactedEntry, entry: Entry, chron: RedactedChronology) -> FamilyEntry:
    sees = chron.profile.sees
    family = tuple(v for v in e.views if v.holder is not ViewHolder.CHILD)
    child = next((v for v in e.views if v.holder is ViewHolder.CHILD), None)
    return FamilyEntry(
        entry_id=e.entry_id,
        sort_date=e.sort_date,
        period=period_words(entry.event_date),
        date_words=e.date_words,
        kind=e.kind,
        positive=entry.kind is Kind.POSITIVE or entry.impact is Impact.POSITIVE,
        what_happened=e.what_happened,
        nature=entry.nature,
        whose=whose_opinion(e.nature),
        source=_source_shown(entry, sees(AudienceField.SOURCES)),
        source_text=as_text(e.source),
        family_views=family if sees(AudienceField.FAMILY_VIEW) else None,
        next_steps=e.next_steps,
        child_view=child,
        child_wish=e.child_wish,
        decisions=e.decisions,
    )


def _source_shown(entry: Entry, sees_sources: bool) -> SourceShown:
    if entry.source is None:
        return SourceShown.NONE
    if entry.source.withheld:
        return SourceShown.WITHHELD
    return SourceShown.NAMED if sees_sources else SourceShown.NOT_SHOWN


def _shared(vault: Vault, case_id: int, chron: RedactedChronology) -> list[tuple[str, dt.date]]:
    """Earlier disclosures of the case as (who, day); the family's own audience is 'you'."""
    profiles = {p.slug: p for p in audiences(vault)}
    shared = []
    for d in vault.disclosures.disclosures(case_id):
        profile = profiles.get(d.audience)
        if profile is not None:
            who = YOU if profile.base is chron.profile.base else chron.redact_text(profile.label)
            shared.append((who, d.at.astimezone().date()))
    return shared


def first_page(
    case: CaseDraft, chron: RedactedChronology, shared: list[tuple[str, dt.date]]
) -> FirstPage:
    """The first page's facts for the family's or the child's timeline."""
    voice = FAMILY_AUDIENCES[chron.profile.base]
    others = {a for e in chron.included for a in e.sharing.audiences}
    others -= {chron.profile.base, Audience.PARENTS, Audience.CHILD}
    return FirstPage(
        voice=voice,
        child=chron.child,
        key_worker=case.key_worker,
        organisation=case.key_worker_organisation,
        phone=case.key_worker_phone,
        email=case.key_worker_email,
        written_on=dt.date.today(),
        something_left_out=chron.left_out_total > 0 or chron.replacements > 0,
        may_go_to=tuple(AUDIENCE_LABELS[a] for a in Audience if a in others),
        shared=tuple(dict.fromkeys(shared)),
    )


@collector_paused()
def export_pdf(
    vault: Vault,
    case_id: int,
    prepared: Prepared,
    out: Path,
    render: Renderer,
    progress: Progress | None = None,
) -> PdfResult:
    """Render, scan (fail closed), protect if asked, write ``out`` atomically, and record it.

    Raises:
        ChildWishNotConfirmed: entries the child asked this audience not to be told would
            go, and the request gives no reason; nothing written.
        LeakFound: the scan found something the audience must not see; nothing written.
        ProtectionFailed: the password protection did not work; nothing written.
        ExportNotWritten: the file could not be written there.
        Cancelled: ``progress`` stopped the work; nothing written.
    """
    request = prepared.request
    draft = disclosure_draft(prepared.chron, request)
    plain, pages = checked_pdf(vault, case_id, prepared, render, progress, out.name)
    password = request.password
    data = encrypt_pdf(plain, password.decode("utf-8")) if password else plain
    # Recorded as pending, written, placed, then marked done: file and record always agree.
    disclosure = write_and_record(
        vault,
        case_id,
        draft,
        out,
        Output(data=data),
        entry_ids=prepared.entry_ids,
        protected=bool(password),
        format="pdf",
        pages=pages,
    )
    return PdfResult(
        out, disclosure.sha256, disclosure, len(prepared.entry_ids), pages, bool(password)
    )


@collector_paused()
def checked_pdf(
    vault: Vault,
    case_id: int,
    prepared: Prepared,
    render: Renderer,
    progress: Progress | None = None,
    file_name: str = "",
) -> tuple[bytes, int]:
    """The PDF of ``prepared`` (neutral properties) and its pages, only if the scan passes it.

    The independent leak scan gathers its own values from the vault (`leak_check.prepare`),
    never from the redaction. Nothing is written. Used before saving a PDF, before printing
    (what goes to the printer is the same document), and to check again after a fix.

    Raises:
        LeakFound: the scan found something the audience must not see.
        Cancelled: ``progress`` stopped the work.
    """
    plain = neutral_pdf(render(prepared.document, progress))
    request = prepared.request
    check = prepare_leak_check(vault, case_id, prepared.chron.profile, request.filters)
    return plain, scan_pdf(plain, prepared.document, check, file_name)


def record_print(vault: Vault, case_id: int, prepared: Prepared, pages: int) -> Disclosure:
    """Record that ``prepared`` was printed: audience, recipients, entries, pages.

    Raises:
        ChildWishNotConfirmed: the child asked this audience not to be told about an entry
            printed, and no reason was given (ask before printing: `child_wishes`).
    """
    draft = disclosure_draft(prepared.chron, prepared.request)
    printed = "\n".join(prepared.document.texts()).encode("utf-8")
    return vault.disclosures.record(
        case_id,
        draft,
        entry_ids=prepared.entry_ids,
        file_name=PRINTED,
        sha256=sha256_hex(printed),
        protected=False,
        format="print",
        pages=pages,
    )
