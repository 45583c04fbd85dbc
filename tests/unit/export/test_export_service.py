"""Exporting from a real vault: the file, its hash, the disclosure register and the audit."""

from __future__ import annotations

import hashlib
import io
from typing import Any

import pytest
from openpyxl import load_workbook

from fftimeline.domain.meetings import Attendee, AttendeeKind
from fftimeline.domain.records import AuditAction
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.export.protect import decrypt_xlsx
from fftimeline.redaction.audiences import AudienceField, find_profile, make_custom
from fftimeline.redaction.manual import ManualSpan
from fftimeline.redaction.redact import RedactedChronology
from fftimeline.services.export import (
    ExportRequest,
    LeakFound,
    add_manual_redaction,
    audiences,
    default_file_name,
    export_xlsx,
    manual_redactions,
    preview,
    remove_manual_redaction,
    save_custom_audience,
)
from fftimeline.services.vault import create_vault
from tests.factories import (
    make_case,
    make_entry,
    make_meeting,
    make_meeting_entry,
    make_person,
    make_support_entry,
    passphrase,
)

TEAM_ONLY = Sharing(audiences=frozenset({Audience.SAFEGUARDING_TEAM}))


@pytest.fixture
def vault(tmp_path):
    v = create_vault(tmp_path / "work.fft", passphrase(), actor="Sam Key")
    yield v
    v.close()


@pytest.fixture
def case_id(vault):
    case = vault.cases.add(make_case())
    person = vault.links.save(case.id, make_person())
    vault.entries.add(
        case.id, make_entry(account="Bugsy drove the grey car.", link_ids=frozenset({person.id}))
    )
    vault.entries.add(
        case.id, make_entry(summary="Told us about the stash flat", sharing=TEAM_ONLY)
    )
    return case.id


def _request(**kw):
    fields: dict[str, Any] = {
        "audience": "strategy-meeting",
        "recipients": "Strategy meeting members",
        "purpose": "Strategy meeting under s.47",
    }
    fields.update(kw)
    return ExportRequest(**fields)


def test_export_writes_file_and_records_disclosure(vault, case_id, tmp_path):
    out = tmp_path / default_file_name(find_profile("strategy-meeting"))
    result = export_xlsx(vault, case_id, _request(), out)
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert (result.included, result.left_out) == (1, 1)
    ws = load_workbook(out)["Chronology"]
    assert "An adult male drove the grey car." in ws["D2"].value
    [disclosure] = vault.disclosures.disclosures(case_id)
    assert disclosure.audience == "strategy-meeting"
    assert disclosure.sha256 == result.sha256 and disclosure.file_name == out.name
    assert len(disclosure.entry_ids) == 1 and not disclosure.protected
    assert AuditAction.EXPORTED in [r.action for r in vault.audit.records(case_id)]
    assert vault.audit.verify() is None


def test_protected_export_needs_the_password(vault, case_id, tmp_path):
    out = tmp_path / "chronology.xlsx"
    result = export_xlsx(vault, case_id, _request(password=bytearray(b"harbour-kettle-9")), out)
    assert result.protected and vault.disclosures.disclosures(case_id)[0].protected
    plain = decrypt_xlsx(out.read_bytes(), "harbour-kettle-9")
    assert plain is not None
    assert load_workbook(io.BytesIO(plain))["Cover"]["B3"].value == "J. O."
    assert decrypt_xlsx(out.read_bytes(), "wrong password") is None


def test_recipients_and_purpose_are_redacted_on_the_cover(vault, case_id, tmp_path):
    out = tmp_path / "chronology.xlsx"
    request = _request(recipients="Marcus Bell's solicitor", purpose="About Jayden and Bugsy")
    export_xlsx(vault, case_id, request, out)
    cover = [c.value for row in load_workbook(out)["Cover"].iter_rows() for c in row]
    assert "An adult male's solicitor" in cover
    assert "About J. O. and an adult male" in cover


def test_leak_stops_the_export_and_nothing_is_written(vault, case_id, tmp_path, monkeypatch):
    # A redaction that missed the recipients: the scan of the written bytes must stop it.
    monkeypatch.setattr(RedactedChronology, "redact_text", lambda self, text: text)
    out = tmp_path / "chronology.xlsx"
    with pytest.raises(LeakFound) as err:
        export_xlsx(vault, case_id, _request(recipients="Marcus Bell's solicitor"), out)
    assert "Nothing was written" in err.value.message and "Marcus" not in err.value.message
    assert "the cover sheet" in err.value.message
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("work.fft")] == []
    assert vault.disclosures.disclosures(case_id) == []


def test_file_name_with_a_protected_name_is_refused(vault, case_id, tmp_path):
    with pytest.raises(LeakFound, match="file name"):
        export_xlsx(vault, case_id, _request(), tmp_path / "bugsy-chronology.xlsx")


def test_preview_counts_and_shows_both_sides(vault, case_id):
    view = preview(vault, case_id, "strategy-meeting")
    assert view.counts.startswith("1 included, 1 left out: 1 not shared with this audience")
    shown, hidden = view.rows
    assert "Bugsy" in shown.full and shown.shown is not None and "Bugsy" not in shown.shown
    assert hidden.shown is None and hidden.left_out_reason == "not shared with this audience"


def test_custom_audience_and_manual_redaction_are_kept_in_the_vault(vault, case_id, tmp_path):
    yot = make_custom(
        "Youth justice", Audience.STRATEGY_MEETING, frozenset({AudienceField.ACCOUNT})
    )
    save_custom_audience(vault, yot)
    assert yot.slug in [a.slug for a in audiences(vault)]
    entry_id = vault.entries.entries(case_id)[0].id
    add_manual_redaction(
        vault, case_id, ManualSpan(entry_id=entry_id, audience=yot.slug, text="grey car")
    )
    out = tmp_path / "yj.xlsx"
    export_xlsx(vault, case_id, _request(audience=yot.slug), out)
    ws = load_workbook(out)["Chronology"]
    assert "[redacted]" in ws["D2"].value and "grey car" not in ws["D2"].value
    assert ws["F2"].value == "A professional"


def test_a_manual_redaction_can_be_removed_again(vault, case_id):
    entry_id = vault.entries.entries(case_id)[0].id
    car = ManualSpan(entry_id=entry_id, audience="strategy-meeting", text="grey car")
    other = ManualSpan(entry_id=entry_id, audience="police", text="grey car")
    add_manual_redaction(vault, case_id, car)
    add_manual_redaction(vault, case_id, other)
    hidden = next(
        r for r in preview(vault, case_id, "strategy-meeting").rows if r.entry_id == entry_id
    )
    assert hidden.shown is not None and "grey car" not in hidden.shown
    assert remove_manual_redaction(vault, case_id, car) is True
    assert manual_redactions(vault, case_id).spans == (other,)  # only that audience's
    shown = next(
        r for r in preview(vault, case_id, "strategy-meeting").rows if r.entry_id == entry_id
    )
    assert shown.shown is not None and "grey car" in shown.shown
    assert remove_manual_redaction(vault, case_id, car) is False


def test_a_disclosure_that_cannot_be_recorded_means_no_file(vault, case_id, tmp_path):
    from pydantic import ValidationError

    out = tmp_path / "chronology.xlsx"
    with pytest.raises(ValidationError):
        export_xlsx(vault, case_id, _request(recipients="x" * 2001), out)
    assert not out.exists()
    assert vault.disclosures.disclosures(case_id) == []


def test_a_dropped_nickname_is_still_protected_in_old_entries(vault, case_id, tmp_path):
    person = next(i for i in vault.links.items(case_id) if i.nicknames == ("Bugsy",))
    vault.entries.add(case_id, make_entry(account="Bugsy was at the park again."))
    vault.links.save(case_id, person.model_copy(update={"nicknames": ("Bugs",)}))
    out = tmp_path / "chronology.xlsx"
    export_xlsx(vault, case_id, _request(), out)
    text = " ".join(
        str(c.value) for row in load_workbook(out)["Chronology"].iter_rows() for c in row
    )
    assert "An adult male was at the park again." in text
    assert "Bugsy" not in text


def test_pasted_control_characters_and_formulas_do_not_block_or_run(vault, tmp_path):
    case = vault.cases.add(make_case())
    vault.entries.add(case.id, make_entry(summary="=1+1 pasted\x0bfrom school"))
    out = tmp_path / "chronology.xlsx"
    export_xlsx(vault, case.id, _request(), out)
    cell = load_workbook(out)["Chronology"]["D2"]
    assert cell.data_type == "s" and cell.value.startswith(" =1+1 pasted from school")


def _cover_cells(path):
    return [c.value for row in load_workbook(path)["Cover"].iter_rows() for c in row]


def test_family_outputs_do_not_count_what_was_kept_from_them(vault, case_id, tmp_path):
    shared = Sharing(audiences=frozenset(Audience))
    vault.entries.add(case_id, make_entry(summary="Went to the youth club", sharing=shared))
    family = make_custom("Grandparents", Audience.PARENTS, frozenset())  # a name naming no one
    save_custom_audience(vault, family)
    for n, slug in enumerate(("parents-carers", "child", family.slug)):
        out = tmp_path / f"family-{n}.xlsx"
        export_xlsx(vault, case_id, _request(audience=slug), out)
        cover = _cover_cells(out)
        assert "Some information may not be included, to keep people safe." in cover, slug
        assert not any("left out" in str(v) or "not shared" in str(v) for v in cover), slug
        assert "Entries left out" not in cover and "Entries included" not in cover
    out = tmp_path / "meeting.xlsx"
    export_xlsx(vault, case_id, _request(), out)
    assert "1 (1 not shared with this audience)" in _cover_cells(out)  # professionals: counts


def test_file_names_never_carry_a_custom_audience_label():
    custom = make_custom("Jayden's grandparents", Audience.PARENTS, frozenset())
    name = default_file_name(custom)
    assert name.startswith("chronology-custom-parents-carers-")
    assert "jayden" not in name.casefold() and "grandparents" not in name.casefold()
    assert default_file_name(find_profile("police")).startswith("chronology-police-")


def test_grading_goes_to_a_strategy_meeting_only_when_chosen(vault, case_id, tmp_path):
    from fftimeline.domain.entries import Grading, Handling, Kind, Nature

    grading = Grading(source=2, information="B", handling=Handling.C, conditions="MASH only")
    intel = make_entry(kind=Kind.INTELLIGENCE, nature=Nature.INTELLIGENCE, grading=grading)
    vault.entries.add(case_id, intel)
    plain, chosen = tmp_path / "plain.xlsx", tmp_path / "chosen.xlsx"
    export_xlsx(vault, case_id, _request(), plain)
    export_xlsx(vault, case_id, _request(show_grading=True), chosen)
    assert "Grading" not in [c.value for c in load_workbook(plain)["Chronology"][1]]
    ws = load_workbook(chosen)["Chronology"]
    assert [c.value for c in ws[1]][-1] == "Grading"
    values = [c.value for row in ws.iter_rows(min_row=2) for c in row]
    assert "2B C" in values and not any("MASH only" in str(v) for v in values)  # no handling


def test_preview_marks_every_replacement(vault, case_id):
    view = preview(vault, case_id, "strategy-meeting")
    row = next(r for r in view.rows if r.shown is not None)
    assert row.shown is not None and row.marks
    marked = [row.shown[s:e] for s, e in row.marks]
    assert "An adult male" in marked  # Bugsy, at the start of a sentence of what happened
    assert all(m and m in row.shown for m in marked)


def test_a_meeting_and_support_go_to_the_spreadsheet_under_the_audiences_rules(vault, tmp_path):
    everyone = Sharing(audiences=frozenset(Audience))
    case = vault.cases.add(make_case())
    aunt = Attendee(name="Abena Mensah", kind=AttendeeKind.FAMILY, role="Aunt")
    meeting = make_meeting(attendees=(*make_meeting().attendees, aunt))
    vault.meetings.record(case.id, make_meeting_entry(meeting=meeting, sharing=everyone))
    vault.entries.add(case.id, make_support_entry(sharing=everyone))
    out = tmp_path / "meeting.xlsx"
    export_xlsx(vault, case.id, _request(), out)
    sheet = load_workbook(out)["Chronology"]
    text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "Attended: Rita Hughes (Head of Year), the child's mother, the child's aunt" in text
    assert "Decided: J. O. stays with his aunt at weekends" in text
    assert "Challenged by the child's mother on 4 May 2024" in text
    assert "Support offered: Pace (Parents Against Child Exploitation)" in text
    for name in ("Grace", "Okafor", "Abena", "Mensah", "Jayden"):
        assert name not in text
    parents = tmp_path / "parents.xlsx"
    export_xlsx(vault, case.id, _request(audience="parents-carers"), parents)
    family = load_workbook(parents)["Chronology"]
    said = "\n".join(str(c.value) for row in family.iter_rows() for c in row if c.value)
    assert "Grace Okafor" in said and "Abena Mensah (Aunt)" in said


def test_the_childs_view_has_its_own_column_and_only_the_child_sees_it(vault, tmp_path):
    from fftimeline.domain.views import PersonView, ViewHolder, ViewPosition

    case = vault.cases.add(make_case())
    views = (
        PersonView(
            holder=ViewHolder.MEMBER,
            name="Grace Okafor",
            position=ViewPosition.DISPUTE,
            text="He was home.",
        ),
        PersonView(holder=ViewHolder.CHILD, position=ViewPosition.AGREE, text="It happened."),
    )
    vault.entries.add(
        case.id, make_entry(views=views, sharing=Sharing(audiences=frozenset(Audience)))
    )

    def columns(audience: str) -> dict[str, str]:
        out = tmp_path / f"{audience}.xlsx"
        export_xlsx(vault, case.id, _request(audience=audience), out)
        ws = load_workbook(out)["Chronology"]
        return {str(h.value): str(c.value or "") for h, c in zip(ws[1], ws[2], strict=False)}

    child = columns(Audience.CHILD.value)
    assert "Agrees: It happened." in child["Child's view"]
    assert "Grace Okafor: Disputes: He was home." in child["Family's view"]
    assert "It happened." not in child["Family's view"]
    parents = columns(Audience.PARENTS.value)
    assert "Grace Okafor: Disputes: He was home." in parents["Family's view"]
    assert "It happened." not in "".join(parents.values())
