"""services.printing on a real vault with the real renderer: what is written and recorded."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import Kind, Nature
from fftimeline.domain.leaks import LeakFound
from fftimeline.domain.safety_plans import Measure
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.domain.support import SupportOrganisation
from fftimeline.domain.views import ViewPosition
from fftimeline.export.document import Document, Paragraph
from fftimeline.export.family_document import build_family_document
from fftimeline.export.files import part_files
from fftimeline.export.pdf_text import pdf_contents
from fftimeline.printing import render_pdf
from fftimeline.redaction.audiences import (
    CUSTOM_AUDIENCES_KEY,
    AudienceField,
    custom_to_json,
    make_custom,
)
from fftimeline.services.export import save_custom_audience
from fftimeline.services.plan_sharing import PlanNotIncluded, shared_plan
from fftimeline.services.printing import (
    NothingToPrint,
    PrintRequest,
    Progress,
    build_document,
    export_pdf,
    family_entries,
    first_page,
    prepare,
    record_print,
)
from fftimeline.services.vault import OpenVault
from tests.factories import (
    family_view,
    make_case,
    make_entry,
    make_meeting_entry,
    make_person,
    make_plan,
    make_review,
)

pytestmark = pytest.mark.gui

WITHHELD = "Tina Wexford"
EVERYONE = Sharing(audiences=frozenset(Audience))


def trailer(reader: PdfReader) -> Any:
    """The file's trailer, untyped (pypdf types its values loosely)."""
    return reader.trailer


@pytest.fixture
def case_id(vault: OpenVault) -> int:
    case = vault.cases.add(
        make_case(
            key_worker_organisation="Westbridge Children's Services",
            key_worker_phone="01632 960 100",
            key_worker_email="sam.key@westbridge.example",
        )
    )
    bugsy = vault.links.save(case.id, make_person())
    vault.entries.add(
        case.id,
        make_entry(
            account="Bugsy picked him up from the park.",
            source=Source(
                name=WITHHELD, withheld=True, withheld_reason=WithheldReason.RISK_TO_SOURCE
            ),
            views=family_view("He was at home.", ViewPosition.DISPUTE),
            sharing=EVERYONE,
            link_ids=frozenset({bugsy.id or 0}),
        ),
    )
    vault.entries.add(
        case.id,
        make_entry(
            kind=Kind.POSITIVE,
            event_date=EventDate.exact(dt.date(2025, 4, 2)),
            summary="Started a college taster course and enjoyed it",
            account="",
            nature=Nature.FACT,
            sharing=EVERYONE,
        ),
    )
    vault.entries.add(
        case.id,
        make_entry(summary="Police intelligence about the flat on Mill Road", sharing=Sharing()),
    )
    return case.id


def _request(audience: str, **changes: object) -> PrintRequest:
    fields: dict[str, object] = {
        "recipients": "Jayden's mum and dad",
        "purpose": "Keeping the family informed",
    }
    fields.update(changes)
    return PrintRequest(audience, **fields)  # type: ignore[arg-type]


def _all_text(path: Path) -> str:
    return " ".join(" ".join(u.text for u in pdf_contents(path.read_bytes()).units).split())


def test_parents_pdf_holds_their_timeline_and_nothing_withheld(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "timeline.pdf"
    result = export_pdf(
        vault, case_id, prepare(vault, case_id, _request("parents-carers")), out, render_pdf
    )
    text = _all_text(out)
    assert "Your family's timeline" in text and "01632 960 100" in text
    assert "The person who told us is not named, to keep them safe." in text
    assert "Your family does not agree with this." in text and "He was at home." in text
    assert "Good news" in text and "college taster course" in text
    for secret in (WITHHELD, "Tina", "Wexford", "Marcus", "Bugsy", "Mill Road"):
        assert secret not in text
    [disclosure] = vault.disclosures.disclosures(case_id)
    assert disclosure.format == "pdf" and disclosure.pages == result.pages >= 2
    assert disclosure.audience == "parents-carers" and len(disclosure.entry_ids) == 2


def test_a_pdf_is_recorded_pending_then_done_like_every_output(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF goes through `disclosure_log.write_and_record`: a crash leaves no lone file."""
    out = tmp_path / "timeline.pdf"
    seen: list[str] = []
    begin = vault.disclosures.begin

    def noting_begin(*args: Any, **kwargs: Any) -> Any:
        seen.append("pending before the file" if not out.exists() else "file first")
        return begin(*args, **kwargs)

    monkeypatch.setattr(vault.disclosures, "begin", noting_begin)
    export_pdf(vault, case_id, prepare(vault, case_id, _request("parents-carers")), out, render_pdf)
    [disclosure] = vault.disclosures.disclosures(case_id)
    assert seen == ["pending before the file"]
    assert disclosure.folder == str(tmp_path) and disclosure.format == "pdf"
    assert out.exists() and part_files(tmp_path) == []


def test_a_name_in_the_file_name_stops_the_pdf(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    """Names typed into the recipients are replaced; a name in the file name stops it."""
    out = tmp_path / "Marcus-Bell-meeting.pdf"
    leaky = _request("strategy-meeting", recipients="Marcus Bell's solicitor")
    with pytest.raises(LeakFound) as stopped:
        export_pdf(vault, case_id, prepare(vault, case_id, leaky), out, render_pdf)
    assert "Marcus" not in stopped.value.message
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".fft-*")) == []
    assert vault.disclosures.disclosures(case_id) == []


def test_text_the_renderer_adds_is_caught_in_the_file_itself(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    """A renderer that prints more than the document (here: a protected name) is stopped."""

    def leaky_render(document: Document, progress: Progress | None = None) -> bytes:
        extra = Document(blocks=(*document.blocks, Paragraph("Seen with Marcus Bell")))
        return render_pdf(extra, progress)

    out = tmp_path / "timeline.pdf"
    with pytest.raises(LeakFound):
        export_pdf(
            vault, case_id, prepare(vault, case_id, _request("parents-carers")), out, leaky_render
        )
    assert not out.exists() and vault.disclosures.disclosures(case_id) == []


def test_nothing_shared_with_the_child_says_so_before_anything_is_written(
    qapp, vault: OpenVault, tmp_path: Path
) -> None:
    case = vault.cases.add(make_case())
    vault.entries.add(case.id, make_entry())  # shared with the team and the meeting only
    with pytest.raises(NothingToPrint, match="nothing to print for the child"):
        prepare(vault, case.id, _request("child"))
    assert list(tmp_path.glob("*.pdf")) == [] and vault.disclosures.disclosures(case.id) == []


def test_a_password_protects_the_pdf_with_aes_256(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "timeline.pdf"
    request = _request("parents-carers", password=bytearray(b"a long password"))
    result = export_pdf(vault, case_id, prepare(vault, case_id, request), out, render_pdf)
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert result.protected and reader.is_encrypted
    assert trailer(reader)["/Encrypt"]["/R"] == 6
    assert reader.decrypt("a long password")
    assert "Your family's timeline" in reader.pages[0].extract_text().replace("\t", " ")
    assert vault.disclosures.disclosures(case_id)[0].protected


def test_a_print_is_recorded_with_its_pages(qapp, vault: OpenVault, case_id: int) -> None:
    prepared = prepare(vault, case_id, _request("strategy-meeting"))
    disclosure = record_print(vault, case_id, prepared, pages=3)
    assert disclosure.format == "print" and disclosure.pages == 3
    assert disclosure.file_name == "(printed)"
    assert disclosure.entry_ids == tuple(prepared.entry_ids)


def test_the_family_is_told_what_was_shared_and_with_whom(
    qapp, vault: OpenVault, case_id: int
) -> None:
    record_print(vault, case_id, prepare(vault, case_id, _request("strategy-meeting")), pages=2)
    words = "\n".join(prepare(vault, case_id, _request("parents-carers")).document.texts())
    today = dt.date.today()
    assert f"We shared this chronology with the strategy meeting on {today.day} " in words
    assert (
        "may also be shared with the safeguarding team, the strategy meeting and the police"
        in words
    )


def test_words_the_document_does_not_hold_stop_the_pdf(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    """Not a known name, but not the document's either: the file is not what was meant."""

    def adding_render(document: Document, progress: Progress | None = None) -> bytes:
        extra = Document(blocks=(*document.blocks, Paragraph("Zanzibar quokka")))
        return render_pdf(extra, progress)

    out = tmp_path / "timeline.pdf"
    with pytest.raises(LeakFound, match="words in the file that are not in the document"):
        export_pdf(
            vault, case_id, prepare(vault, case_id, _request("parents-carers")), out, adding_render
        )
    assert not out.exists()


def test_a_name_hidden_in_the_files_objects_stops_the_pdf(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    """Text no page shows (a string tucked into the file's objects) is scanned too."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    def hiding_render(document: Document, progress: Progress | None = None) -> bytes:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(render_pdf(document, progress))))
        writer.root_object[NameObject("/Note")] = TextStringObject("Marcus Bell")
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    out = tmp_path / "timeline.pdf"
    with pytest.raises(LeakFound, match="the file's structure"):
        export_pdf(
            vault, case_id, prepare(vault, case_id, _request("parents-carers")), out, hiding_render
        )
    assert not out.exists()


def test_the_parents_document_can_end_with_the_safety_plan_in_plain_words(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    plan = vault.safety_plans.save(case_id, make_plan())
    vault.safety_plans.save(case_id, make_review(plan))
    out = tmp_path / "timeline.pdf"
    prepared = prepare(vault, case_id, _request("parents-carers", safety_plan=True))
    export_pdf(vault, case_id, prepared, out, render_pdf)
    text = _all_text(out)
    assert "Your safety plan" in text
    assert "We agreed it with Grace Okafor and Jayden on 1 June 2024." in text
    assert "What changed: Home by 8pm on school nights" in text
    assert "Jayden home by 8pm Who: Grace Okafor." in text
    assert "School checks in each morning Who: Rita Hughes." in text
    without = prepare(vault, case_id, _request("parents-carers"))
    assert "Your safety plan" not in "\n".join(without.document.texts())


def test_a_safety_plan_not_shared_with_an_audience_is_not_printed_for_it(
    qapp, vault: OpenVault, case_id: int
) -> None:
    team_only = Sharing(audiences=frozenset({Audience.SAFEGUARDING_TEAM}))
    vault.safety_plans.save(case_id, make_plan(sharing=team_only))
    with pytest.raises(PlanNotIncluded) as refused:
        prepare(vault, case_id, _request("parents-carers", safety_plan=True))
    assert refused.value.code == "plan_not_shared"
    with pytest.raises(PlanNotIncluded) as professional:
        prepare(vault, case_id, _request("strategy-meeting", safety_plan=True))
    assert professional.value.code == "plan_not_shared"
    team = prepare(vault, case_id, _request("safeguarding-team", safety_plan=True))
    assert "Jayden home by 9pm" in "\n".join(team.document.texts())


def test_the_strategy_meetings_chronology_can_end_with_the_plan_in_full(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    """The measures, what the review found of each, what changed and both views, redacted."""
    plan = vault.safety_plans.save(case_id, make_plan(sharing=EVERYONE))
    vault.safety_plans.save(case_id, make_review(plan))
    out = tmp_path / "meeting.pdf"
    request = _request("strategy-meeting", safety_plan=True)
    export_pdf(vault, case_id, prepare(vault, case_id, request), out, render_pdf)
    text = _all_text(out)
    assert "Safety plan Version 2, agreed on 1 June 2024. Next review: 29 June 2024." in text
    assert "The review is overdue." in text
    assert "Agreed with: The child's mother and J. O. Measures" in text
    assert "J. O. home by 8pm. Who: The child's mother." in text
    assert "The review on 1 June 2024 J. O. home by 9pm: Not working (Late twice)." in text
    assert "School checks in each morning: Working (Late twice)." in text
    assert "What changed: Home by 8pm on school nights." in text
    assert "The family's view: The child's mother thinks 8pm is fair." in text
    assert "The child's view: J. O. says 8pm is too early." in text
    assert "Grace" not in text and "Okafor" not in text
    [disclosure] = vault.disclosures.disclosures(case_id)
    assert disclosure.format == "pdf"


def test_the_scan_stops_a_safety_plan_the_audience_may_not_see(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    """The independent scan knows the plan's sharing itself.

    A plan slipped into the parents' document when it is for the team only is stopped,
    whatever the printing service did.
    """
    team_only = Sharing(audiences=frozenset({Audience.SAFEGUARDING_TEAM}))
    draft = make_plan(
        sharing=team_only,
        measures=(Measure(what="Police watch the house at night", who="DS Price"),),
    )
    plan = vault.safety_plans.save(case_id, draft)
    chron = prepare(vault, case_id, _request("parents-carers")).chron
    shared = plan.model_copy(update={"sharing": EVERYONE})  # as a faulty service would
    first = first_page(vault.cases.get(case_id), chron, [])
    leaky = build_document(
        chron, _request("parents-carers"), first, plan=shared_plan(shared, chron)
    )
    out = tmp_path / "timeline.pdf"
    with pytest.raises(LeakFound) as stopped:
        export_pdf(vault, case_id, leaky, out, render_pdf)
    found = stopped.value.findings
    assert {f.place for f in found} == {"the safety plan"}
    assert "Police watch the house at night" in {f.value for f in found}
    assert {f.description for f in found} == {"text left out for this audience"}
    assert not out.exists() and vault.disclosures.disclosures(case_id) == []


def test_the_parents_pdf_shows_a_meetings_decisions_and_their_challenge_answered(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    """Parents asked for their views *and challenges* to be recorded and seen."""
    vault.entries.add(case_id, make_meeting_entry(sharing=EVERYONE))
    out = tmp_path / "timeline.pdf"
    export_pdf(vault, case_id, prepare(vault, case_id, _request("parents-carers")), out, render_pdf)
    text = _all_text(out)
    assert "What was decided: Jayden stays with his aunt at weekends" in text
    assert (
        "Challenge to this decision: Grace Okafor challenged this decision on 4 May 2024. "
        "They said: She wants Jayden home at weekends. The team answered on 6 May 2024: "
        "The team will look again at the next review."
    ) in text
    assert "What was decided: A safety plan is agreed with the family" in text
    assert "Decided:" not in text  # in the family's words, once


def test_the_scan_stops_a_challenge_slipped_to_an_audience_without_the_familys_view(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    """The independent scan knows a challenge goes with the family's view, whatever is printed."""
    vault.entries.add(case_id, make_meeting_entry(sharing=EVERYONE))
    fields = frozenset({AudienceField.CHILD_NAME, AudienceField.ACCOUNT, AudienceField.ACTIONS})
    grandparents = make_custom("Grandparents", Audience.PARENTS, fields)
    save_custom_audience(vault, grandparents)
    honest = prepare(vault, case_id, _request(grandparents.slug))
    assert "She wants Jayden home" not in "\n".join(honest.document.texts())
    parents = prepare(vault, case_id, _request("parents-carers")).chron
    leaked = {e.entry_id: e.decisions for e in parents.entries}  # as a faulty redaction would
    rows = [dataclasses.replace(e, decisions=leaked[e.entry_id]) for e in honest.chron.entries]
    chron = dataclasses.replace(honest.chron, entries=rows)
    first = first_page(vault.cases.get(case_id), chron, [])
    leaky = build_document(chron, honest.request, first)
    out = tmp_path / "timeline.pdf"
    with pytest.raises(LeakFound) as stopped:
        export_pdf(vault, case_id, leaky, out, render_pdf)
    found = stopped.value.findings
    assert "She wants Jayden home at weekends" in {f.value for f in found}
    assert {f.description for f in found} == {"text left out for this audience"}
    assert not out.exists() and vault.disclosures.disclosures(case_id) == []


def test_an_audience_name_saved_before_the_check_is_redacted_where_printed(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    """A custom name naming the withheld source (saved before names were checked) is
    redacted on its own document and on every later family timeline, which still prints."""
    old = make_custom(f"{WITHHELD}'s panel", Audience.STRATEGY_MEETING, frozenset())
    vault.preferences.set(CUSTOM_AUDIENCES_KEY, custom_to_json([old]))
    own = tmp_path / "panel.pdf"
    export_pdf(vault, case_id, prepare(vault, case_id, _request(old.slug)), own, render_pdf)
    family = tmp_path / "family.pdf"
    export_pdf(
        vault, case_id, prepare(vault, case_id, _request("parents-carers")), family, render_pdf
    )
    for path in (own, family):
        text = _all_text(path)
        assert "Tina" not in text and "Wexford" not in text, path.name
    assert "We shared this chronology with" in _all_text(family)


SUPPORT = (
    SupportOrganisation(
        name=f"Parents against exploitation (ask for {WITHHELD})",
        helps_with="Support for parents, run by Marcus Bell",
        phone="0800 1111",
        website="https://example.org/marcus.bell",
    ),
    SupportOrganisation(name="Childline", helps_with="Help for young people", phone="0800 1111"),
)


def test_the_support_list_is_redacted_like_typed_text(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    """The support list comes from settings, typed by someone: it is never trusted."""
    out = tmp_path / "timeline.pdf"
    prepared = prepare(vault, case_id, _request("parents-carers"), SUPPORT)
    export_pdf(vault, case_id, prepared, out, render_pdf)
    text = _all_text(out)
    assert "Childline" in text and "Parents against exploitation" in text
    for secret in ("Tina", "Wexford", "Marcus", "marcus"):
        assert secret not in text


def test_a_support_list_naming_someone_stops_the_pdf(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path
) -> None:
    """Were the support list printed unredacted, the scan reads it and stops the file."""
    prepared = prepare(vault, case_id, _request("parents-carers"))
    first = first_page(vault.cases.get(case_id), prepared.chron, [])
    raw = build_family_document(first, family_entries(prepared.chron), SUPPORT)
    out = tmp_path / "timeline.pdf"
    with pytest.raises(LeakFound, match="the support list"):
        export_pdf(vault, case_id, replace(prepared, document=raw), out, render_pdf)
    assert not out.exists()


@pytest.mark.parametrize("grading", [False, True])
def test_no_heading_of_the_professional_table_breaks_inside_a_word(
    qapp, vault: OpenVault, case_id: int, tmp_path: Path, grading: bool
) -> None:
    out = tmp_path / "meeting.pdf"
    request = _request("strategy-meeting", show_grading=grading)
    export_pdf(vault, case_id, prepare(vault, case_id, request), out, render_pdf)
    words = _all_text(out).split()
    for heading in ("Significance", "Date", "Kind", "Source", "Grading" if grading else "Kind"):
        assert heading in words, heading
