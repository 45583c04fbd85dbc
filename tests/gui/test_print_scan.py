"""The PDF's independent leak scan, on a real vault with the real renderer.

The key worker here shares a name with a protected third party ("Dex Marlow"), on purpose:
the document's own words must pass where the writer put them and nowhere else. A support
organisation's name holds a withheld source's surname ("Wexford"): the support list is
typed in the settings, so it is redacted and read like any typed text. Each test
changes what is printed the way a bug could (a leaky renderer, a leaky document, odd
objects in the file) and shows the scan stops it, naming the entry and place as the
spreadsheet's scan does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from fftimeline.domain.dates import EventDate
from fftimeline.domain.leaks import Finding, LeakFound
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.domain.support import SupportOrganisation
from fftimeline.export.document import Document, EntryCard, Line, Paragraph
from fftimeline.export.leak_pdf import read_pdf
from fftimeline.export.leak_policy import LEFT_OUT, NOT_GOING
from fftimeline.export.xlsx import build_xlsx_with_layout
from fftimeline.printing import render_pdf
from fftimeline.redaction.audiences import find_profile
from fftimeline.services.export import ExportRequest, make_cover, redact_for, rows_for
from fftimeline.services.leak_check import check_xlsx
from fftimeline.services.leak_check import prepare as prepare_check
from fftimeline.services.print_scan import scan_pdf
from fftimeline.services.printing import (
    Prepared,
    PrintRequest,
    Progress,
    checked_pdf,
    export_pdf,
    prepare,
)
from fftimeline.services.vault import OpenVault, create_vault
from tests.factories import make_case, make_entry, make_person, passphrase

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("qapp")]

WORKER = "Dex Marlow"
EVERYONE = Sharing(audiences=frozenset(Audience))
TEAM_ONLY = Sharing(audiences=frozenset({Audience.SAFEGUARDING_TEAM}))
SUPPORT = (
    SupportOrganisation(
        name="Wexford Family Centre", helps_with="Support for parents", phone="0113 496 0000"
    ),
)
LEFT_OUT_TEXT = "Police intelligence about the stash flat on Mill Road"
PARENTS_MUST_NOT = "a person the parents must not see"


@pytest.fixture
def vault(tmp_path: Path):
    v = create_vault(tmp_path / "work.fft", passphrase(), actor=WORKER)
    yield v
    v.close()


@pytest.fixture
def case_id(vault: OpenVault) -> int:
    case = vault.cases.add(
        make_case(
            key_worker=WORKER, key_worker_phone="01632 960 100", key_worker_email="d@x.example"
        )
    )
    vault.links.save(case.id, make_person(name=WORKER, nicknames=()))  # same name, on purpose
    bugsy = vault.links.save(case.id, make_person())
    tina = Source(name="Tina Wexford", withheld=True, withheld_reason=WithheldReason.THIRD_PARTY)
    vault.entries.add(
        case.id,
        make_entry(
            account="Bugsy picked him up. County lines were discussed.",
            source=tina,
            sharing=EVERYONE,
            link_ids=frozenset({bugsy.id or 0}),
        ),
    )
    for n in range(40):
        vault.entries.add(
            case.id,
            make_entry(
                event_date=EventDate.exact(dt.date(2025, 4, 1) + dt.timedelta(days=n)),
                summary=f"Visit number {n} went well",
                sharing=EVERYONE,
            ),
        )
    vault.entries.add(case.id, make_entry(summary=LEFT_OUT_TEXT, sharing=TEAM_ONLY))
    return case.id


def _prepared(vault: OpenVault, case_id: int, audience: str = "parents-carers") -> Prepared:
    return prepare(vault, case_id, PrintRequest(audience, "Grace Okafor", "Informing"), SUPPORT)


def _stopped(vault: OpenVault, case_id: int, prepared: Prepared, render=render_pdf) -> LeakFound:
    with pytest.raises(LeakFound) as stop:
        checked_pdf(vault, case_id, prepared, render, file_name="timeline.pdf")
    return stop.value


def _adding(*blocks: Paragraph):
    """A renderer that prints more than the document: ``blocks`` at its end."""

    def render(document: Document, progress: Progress | None = None) -> bytes:
        return render_pdf(dataclasses.replace(document, blocks=(*document.blocks, *blocks)))

    return render


def _with_card(prepared: Prepared, change) -> Prepared:
    """``prepared`` with its first entry card changed by ``change`` (a builder's bug)."""
    blocks = list(prepared.document.blocks)
    n = next(i for i, b in enumerate(blocks) if isinstance(b, EntryCard))
    blocks[n] = change(blocks[n])
    document = dataclasses.replace(prepared.document, blocks=tuple(blocks))
    return dataclasses.replace(prepared, document=document)


def test_the_documents_own_words_pass_where_the_writer_put_them(
    vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    """The worker's name on the first page, the support list (redacted), glossary, footer."""
    for audience in ("parents-carers", "child", "strategy-meeting", "police"):
        prepared = _prepared(vault, case_id, audience)
        out = tmp_path / f"timeline-{audience}.pdf"
        result = export_pdf(vault, case_id, prepared, out, render_pdf)
        assert result.pages >= 2 and out.exists()
    words = "\n".join(_prepared(vault, case_id).document.texts())
    assert f"{WORKER} wrote it on" in words and "Family Centre" in words
    assert "Wexford" not in words  # the support list is typed text: redacted
    assert "County lines" in words  # a glossary term


def test_a_protected_name_a_renderer_adds_is_found_on_its_page(
    vault: OpenVault, case_id: int
) -> None:
    """The writer's own sentence with the worker's name, printed again out of place, is read."""
    prepared = _prepared(vault, case_id)
    assert f"How to reach {WORKER}:" in prepared.document.texts()  # on the first page
    leaky = _adding(Paragraph(f"How to reach {WORKER}:"))
    stop = _stopped(vault, case_id, prepared, leaky)
    last = len(PdfReader(io.BytesIO(leaky(prepared.document))).pages)  # printed at the end
    assert stop.findings == (Finding(WORKER, PARENTS_MUST_NOT, f"the text of page {last}"),)
    assert stop.places == (f"the text of page {last}",)  # its words are all the document's


def test_a_name_left_in_an_entry_is_named_by_its_entry_once_as_in_the_spreadsheet(
    vault: OpenVault, case_id: int
) -> None:
    def leaky(card: EntryCard) -> EntryCard:
        lines = (Line("What happened", "Seen with Marcus Bell"), *card.lines[1:])
        return dataclasses.replace(card, lines=lines)

    prepared = _with_card(_prepared(vault, case_id), leaky)
    entry = prepared.document.blocks[next(
        i for i, b in enumerate(prepared.document.blocks) if isinstance(b, EntryCard)
    )]  # fmt: skip
    assert isinstance(entry, EntryCard)
    [finding] = _stopped(vault, case_id, prepared).findings
    sentence = (
        f"A person the parents must not see is in the entry of 14 March 2025 "
        f"(entry {entry.entry_id}), what happened."
    )
    assert finding.sentence() == sentence and finding.value == "Marcus Bell"
    # The spreadsheet's scan says the same of the same words in the same entry.
    request = ExportRequest("parents-carers", "Grace Okafor", "Informing")
    chron = redact_for(vault, case_id, request)
    rows = [
        dataclasses.replace(r, entry_id=e.entry_id, what_happened="Seen with Marcus Bell")
        for r, e in zip(rows_for(chron.entries), chron.entries, strict=True)
        if e.entry_id == entry.entry_id
    ]
    cover = make_cover(chron, request, WORKER, dt.datetime(2026, 3, 3, 9, 0))
    data, layout = build_xlsx_with_layout(cover, rows)
    check = prepare_check(vault, case_id, find_profile("parents-carers"))
    found, _ = check_xlsx(check, data, layout, "chronology.xlsx")
    assert [f.sentence() for f in found] == [sentence]


def test_an_entry_that_must_not_go_is_stopped_where_it_is_printed(
    vault: OpenVault, case_id: int
) -> None:
    team_only = next(e for e in vault.entries.entries(case_id) if e.summary == LEFT_OUT_TEXT)
    prepared = _with_card(
        _prepared(vault, case_id), lambda card: dataclasses.replace(card, entry_id=team_only.id)
    )
    found = {(f.description, f.entry_id) for f in _stopped(vault, case_id, prepared).findings}
    assert (NOT_GOING, team_only.id) in found


def test_the_text_of_an_entry_left_out_is_stopped_wherever_it_is_printed(
    vault: OpenVault, case_id: int
) -> None:
    stop = _stopped(vault, case_id, _prepared(vault, case_id), _adding(Paragraph(LEFT_OUT_TEXT)))
    assert any(f.description == LEFT_OUT for f in stop.findings)
    assert all(f.place.startswith("the text of page ") for f in stop.findings)


def _file(prepared: Prepared, change) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(render_pdf(prepared.document))))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_the_files_properties_and_structure_are_read_whatever_wrote_them(
    vault: OpenVault, case_id: int
) -> None:
    prepared = _prepared(vault, case_id)
    check = prepare_check(vault, case_id, find_profile("parents-carers"))
    named = _file(prepared, lambda w: w.add_metadata({"/Author": "Marcus Bell"}))
    with pytest.raises(LeakFound) as stop:
        scan_pdf(named, prepared.document, check, "timeline.pdf")
    assert "the file's properties" in {f.place for f in stop.value.findings}

    def on_opening(writer: PdfWriter) -> None:
        writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("")}
        )

    with pytest.raises(LeakFound) as stop:
        scan_pdf(_file(prepared, on_opening), prepared.document, check, "timeline.pdf")
    assert "an action run on opening" in stop.value.places and stop.value.findings == ()
    with pytest.raises(LeakFound, match="the PDF could not be read back"):
        scan_pdf(b"%PDF-1.7 broken", prepared.document, check, "timeline.pdf")


def test_a_name_in_the_file_name_is_found_there(
    vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "for-marcus-bell.pdf"
    with pytest.raises(LeakFound) as stop:
        export_pdf(vault, case_id, _prepared(vault, case_id), out, render_pdf)
    assert [(f.value, f.place) for f in stop.value.findings] == [("marcus-bell", "the file name")]
    assert not out.exists() and vault.disclosures.disclosures(case_id) == []


def test_the_marking_page_numbers_and_repeated_headings_are_passed_over_where_they_stand(
    vault: OpenVault, case_id: int
) -> None:
    """What is left of each page of the meeting's table once its own words are passed over."""
    document = _prepared(vault, case_id, "strategy-meeting").document
    reading = read_pdf(render_pdf(document), document)
    assert reading.pages >= 3 and reading.problems == []
    pages = [u.text for u in reading.units if u.place.startswith("the text of page ")]
    assert pages and not any("OFFICIAL-SENSITIVE" in t or "Page 2 of" in t for t in pages)
    assert not any(t.startswith(("Date", "Kind")) for t in pages)
    assert not any(WORKER in t for t in pages)  # "Produced by Dex Marlow", where it stands
