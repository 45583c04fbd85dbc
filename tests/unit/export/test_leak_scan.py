"""The leak scan on its own: every class of miss is stopped, ordinary words and the document's
own words never are. Each text is planted into a real workbook written by our writer and
the bytes are scanned exactly as an export is (see `leak_builders`).
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from fftimeline.domain.cases import FamilyMember
from fftimeline.domain.entries import Grading, Handling, Kind
from fftimeline.domain.people import LinkKind
from fftimeline.domain.sharing import Audience
from fftimeline.export.leak_records import HiddenSpan
from fftimeline.export.leak_scan import file_name_unit
from fftimeline.export.xlsx import build_xlsx_with_layout
from fftimeline.redaction.audiences import AudienceField, make_custom
from fftimeline.services.leak_check import check_xlsx
from tests.unit.export.leak_builders import (
    CASE,
    LEFT_OUT_ID,
    LEFT_OUT_TEXT,
    REGISTER,
    SHOWN_ID,
    WORKER,
    cover,
    entries,
    findings,
    found_values,
    leak_check,
    person,
    row,
    thing,
    workbook,
)

CAUGHT = [
    # accents either way, combining marks, invisible characters
    ("Zoe Hart was there", "Zoe Hart"),
    ("ZOE HART was there", "ZOE HART"),
    ("zoe was there", "zoe"),
    ("Zoe\u0308 was there", "Zoe\u0308"),
    ("Zo\u200be was there", "Zo\u200be"),
    ("Zo\u00ade was there", "Zo\u00ade"),
    ("met Jose", "Jose"),
    ("met JOSÉ", "JOSÉ"),
    ("met Nguyen", "Nguyen"),
    ("met Nguye\u0302\u0303n", "Nguye\u0302\u0303n"),
    ("met Odegaard", "Odegaard"),
    ("met Lukasz", "Lukasz"),
    ("met Ｌｕｋａｓｚ", "Ｌｕｋａｓｚ"),
    ("met Renee", "Renee"),
    # separators and line-break hyphenation
    ("with Mary Jane", "Mary Jane"),
    ("with MaryJane", "MaryJane"),
    ("with Mary-\nJane", "Mary-\nJane"),
    ("with ONeil", "ONeil"),
    ("with O Neil", "O Neil"),
    ("with O’Neil", "O’Neil"),
    ("with T Bone", "T Bone"),
    ("with TBone", "TBone"),
    # lower case and short parts
    ("dex marlow came", "dex marlow"),
    ("saw dex", "dex"),
    ("Jo was there", "Jo"),
    ("Al-Amin was there", "Al-Amin"),
    # possessives and quotes
    ("Bugsy's car", "Bugsy"),
    ("Bugsy’s car", "Bugsy"),
    ("the Bugsys' car", "Bugsys"),
    ("an adult known as 'Bugsy' approached", "Bugsy"),
    ("known as “Bugsy”", "Bugsy"),
    # identifiers in every format
    ("rang 07700 900123", "07700 900123"),
    ("rang 07700900123", "07700900123"),
    ("rang +44 7700 900123", "+44 7700 900123"),
    ("rang +447700900123", "+447700900123"),
    ("rang (07700) 900 123", "07700) 900 123"),
    ("car AB12 CDE", "AB12 CDE"),
    ("car AB12CDE", "AB12CDE"),
    ("car ab12-cde", "ab12-cde"),
    ("messaged @kdog_99", "kdog_99"),
    ("messaged kdog_99", "kdog_99"),
    ("messaged kdog 99", "kdog 99"),
    # places
    ("went to 14 Larch Close", "14 Larch Close"),
    ("went to Larch Close", "Larch Close"),
    ("went to 14 larch close", "14 larch close"),
    ("stayed at Flat 3, 41 Harbour Road", "41 Harbour Road"),
    ("stayed on Harbour Road", "Harbour Road"),
    ("stayed at the Anchor Hotel", "the Anchor Hotel"),
    ("stayed at Anchor Hotel", "Anchor Hotel"),
    # withheld source, without its title
    ("Linda said so", "Linda"),
    ("told by Miss Hale", "Hale"),
    # names that are ordinary words, used as names
    ("he told Will about it", "Will"),
    ("Will's phone was off", "Will"),
    ("saw Rose at the park", "Rose"),
    ("spoke to June yesterday", "June"),
    ("spoke to June's sister", "June"),
    ("Page, June was there", "June"),
    ("Page, June was there", "Page"),
]


@pytest.mark.parametrize(("text", "value"), CAUGHT)
def test_each_class_of_miss_is_stopped(text, value):
    assert value in found_values(text)


NEVER_STOPPED = [
    "He will go to the meeting.",
    "Will you come to the review?",
    "He did not want to miss football.",
    "He rose early and was in good spirits.",
    "Hale and hearty, he said.",
    "Turn to the next page.",
    "The annual planning meeting was held.",
    "Planning with the school; annual review due.",
    "Seen in June 2025 and again on 3 June.",
    "Every June the family goes away.",
    "Mrs Price, Head of Year, called.",
    "Mrs. Price called",
    "J. M.-B. was seen outside school.",
    "The car was grey; the phone was off.",
    "Page 1 of 3",
    "Went to the seaside at Saltmouth.",  # a town is not the place
    "Flat 3 was empty.",
]


@pytest.mark.parametrize("text", NEVER_STOPPED)
def test_ordinary_words_and_unprotected_people_are_never_stopped(text):
    assert findings(text) == []


def test_a_plain_export_has_no_findings_for_any_audience():
    for audience in ("parents-carers", "child", "police", "safeguarding-team"):
        data, layout = workbook("Seen outside school", audience)
        found, problems = check_xlsx(leak_check(audience), data, layout, "chronology.xlsx")
        assert (found, problems) == ([], []), audience


def test_the_document_own_words_are_excused_by_position_only():
    """The worker's name equals a protected name: fine as author, stopped anywhere else."""
    data, layout = workbook("Seen outside school")
    assert layout.own["Cover!B4"] == WORKER
    found, _ = check_xlsx(leak_check(), data, layout, "chronology.xlsx")
    assert found == []
    assert "Dex Marlow" in found_values(f"Seen with {WORKER}")
    data, layout = workbook("Seen outside school", recipients=f"{WORKER}'s solicitor")
    found, _ = check_xlsx(leak_check(), data, layout, "chronology.xlsx")
    assert [(f.value, f.place) for f in found] == [("Dex Marlow", "the cover sheet")]


def test_a_position_of_own_words_holding_other_text_is_scanned():
    """The writer said the author's cell holds the worker's name: anything else is scanned."""
    data, layout = workbook("Seen outside school")
    wb = load_workbook(io.BytesIO(data))
    wb["Cover"]["B4"] = "Dex Marlow and Zoe Hart"
    out = io.BytesIO()
    wb.save(out)
    found, _ = check_xlsx(leak_check(), out.getvalue(), layout, "chronology.xlsx")
    assert {(f.value, f.place) for f in found} == {
        ("Dex Marlow", "the cover sheet"),
        ("Zoe Hart", "the cover sheet"),
    }


def test_a_month_equal_to_a_protected_name_in_dates_and_summary_is_not_stopped():
    """'June Page' is a third party; the month June is in the date column and the summary."""
    june = row(date_words="around June 2025", sort_date=dt.date(2025, 6, 1))
    data, layout = build_xlsx_with_layout(cover(), [june])
    found, problems = check_xlsx(leak_check(), data, layout, "chronology.xlsx")
    assert (found, problems) == ([], [])


def test_a_custom_audience_label_naming_someone_is_read_like_typed_text_on_the_cover():
    """A custom audience's label is typed by the key worker: read wherever it stands."""
    label = "Zoe Hart's aunt"
    for field in ("audience", "recipients"):
        data, layout = workbook("Seen outside school", **{field: label})
        found, _ = check_xlsx(leak_check(), data, layout, "chronology.xlsx")
        assert [(f.value, f.place) for f in found] == [("Zoe Hart", "the cover sheet")], field
    data, layout = workbook("Seen outside school", audience="Parents and carers")
    assert check_xlsx(leak_check(), data, layout, "chronology.xlsx") == ([], [])


def test_a_longer_name_the_audience_sees_wins_over_a_protected_name_inside_it():
    """'Ann' is a third party; the parents see the child's aunt 'Ann-Marie'."""
    aunt = FamilyMember(name="Ann-Marie Mensah-Boateng", relationship="Aunt")
    case = CASE.model_copy(update={"family": (*CASE.family, aunt)})
    check = leak_check(case=case)
    assert findings("Ann-Marie came to the meeting", check=check) == []
    assert findings("Ann Marie came", check=check) == []
    assert found_values("Ann came to the meeting", check=check) == {"Ann"}
    assert found_values("Ann-Marie came", "strategy-meeting") == {"Ann"}  # no aunt there


def test_a_place_the_audience_sees_wins_over_a_protected_name_inside_it():
    """'Hale' is a withheld source's surname; the police see the street 'Hale Road'."""
    register = [*REGISTER, thing(26, LinkKind.PLACE, "3 Hale Road, Saltmouth")]
    for text in ("Seen on Hale Road", "Seen at 3 Hale Road", "Seen on HALE ROAD"):
        assert findings(text, "police", check=leak_check("police", register=register)) == []
        assert found_values(text, check=leak_check(register=register)), text  # the parents
    assert found_values("We met Hale there", "police", check=leak_check("police")) == {"Hale"}


def test_findings_say_what_and_where_without_the_value():
    [finding] = findings("Seen with Zoe Hart near the gates")
    assert finding.description == "a person the parents must not see"
    assert (finding.entry_id, finding.entry_date) == (SHOWN_ID, "3 March 2025")
    assert finding.place == "what happened"
    assert "Zoe" not in finding.sentence() and "Hart" not in finding.sentence()
    assert finding.sentence() == (
        "A person the parents must not see is in the entry of 3 March 2025 (entry 1), "
        "what happened."
    )
    assert finding.sentence(show_value=True).startswith("Zoe Hart, a person the parents")


def test_a_custom_audience_is_never_named_in_a_finding():
    fields = frozenset({AudienceField.ACCOUNT, AudienceField.CHILD_NAME})
    custom = make_custom("Zoe Hart's aunt", Audience.PARENTS, fields)
    found = findings("Seen with Dex", check=leak_check(custom))
    assert "a person this audience must not see" in {f.description for f in found}
    assert not any("Zoe" in f.sentence() or "aunt" in f.sentence() for f in found)


@pytest.mark.parametrize("text", ["Jayden was seen", "Mensah-Boateng", "MensahBoateng", "JJ"])
def test_the_child_and_family_are_protected_only_from_audiences_that_see_initials(text):
    assert findings(text) == []  # the parents see names
    strategy = leak_check("strategy-meeting")
    data, layout = workbook(text, "strategy-meeting", case_label="J. M.-B.")
    found, _ = check_xlsx(strategy, data, layout, "chronology.xlsx")
    assert [f.place for f in found] == ["what happened"]
    assert found[0].description in {"the child's name", "a family member's name"}


def test_text_of_an_entry_left_out_is_stopped_in_any_case_and_spacing():
    assert LEFT_OUT_TEXT in found_values(f"Note: {LEFT_OUT_TEXT}.")
    shouty = LEFT_OUT_TEXT.upper().replace(" ", "  ")
    assert shouty in found_values(f"Note: {shouty}")
    [finding] = findings(f"Note: {LEFT_OUT_TEXT}")
    assert finding.description == "text left out for this audience"


def test_part_of_a_long_left_out_text_is_stopped():
    long = (
        "The worker visited the flat and found three phones, a set of scales and cash in a "
        "kitchen drawer, and two older males left by the back door when she knocked."
    )
    left_out = [entries()[0], entries()[1].model_copy(update={"account": long})]
    check = leak_check(all_entries=left_out)
    sentence = "three phones, a set of scales and cash in a kitchen drawer"
    assert findings(f"Seen. {sentence}.", check=check) != []
    assert findings("Seen with three phones.", check=check) == []  # too short to tell


def test_text_an_entry_that_goes_also_says_is_not_stopped():
    shared = entries()[0].model_copy(update={"account": f"Also: {LEFT_OUT_TEXT}."})
    check = leak_check(all_entries=[shared, entries()[1]])
    assert findings(f"Also: {LEFT_OUT_TEXT}.", check=check) == []


def test_a_field_the_audience_does_not_see_is_text_left_out():
    account = "She was picked up from the flat by two older males in a taxi"
    shown = entries()[0].model_copy(update={"account": account})
    fields = frozenset({AudienceField.FAMILY_VIEW, AudienceField.CHILD_NAME})
    without = make_custom("Youth justice", Audience.PARENTS, fields)
    check = leak_check(without, all_entries=[shown, entries()[1]])
    assert {f.description for f in findings(account, check=check)} == {
        "text left out for this audience"
    }
    check = leak_check("parents-carers", all_entries=[shown, entries()[1]])
    assert findings(account, check=check) == []  # the parents see the account


def test_handling_conditions_are_left_out_unless_the_audience_sees_them():
    conditions = "Not to be shared outside the police without the author's agreement"
    grading = Grading(source=2, information="B", handling=Handling.C, conditions=conditions)
    intel = entries()[0].model_copy(update={"kind": Kind.INTELLIGENCE, "grading": grading})
    for audience, stopped in (("strategy-meeting", True), ("police", False)):
        check = leak_check(audience, all_entries=[intel, entries()[1]])
        data, layout = workbook(conditions, audience, case_label="J. M.-B.")
        found, _ = check_xlsx(check, data, layout, "chronology.xlsx")
        assert bool(found) is stopped, audience


def test_a_span_hidden_by_hand_is_never_excused_by_its_own_entry():
    hidden = [HiddenSpan(SHOWN_ID, "grey car")]
    own = entries()[0].model_copy(update={"account": "Got into a grey car at the gates."})
    check = leak_check(hidden=hidden, all_entries=[own, entries()[1]])
    assert {f.value for f in findings("Got into a grey car", check=check)} == {"grey car"}
    twin = entries()[1].model_copy(update={"sharing": own.sharing, "summary": "A grey car"})
    check = leak_check(hidden=hidden, all_entries=[own, twin])
    assert findings("Got into a grey car", check=check) == []  # another entry says it


def test_an_entry_that_must_not_go_is_stopped_where_it_stands():
    data, layout = build_xlsx_with_layout(
        cover(), [row(), row("Not for them", entry_id=LEFT_OUT_ID)]
    )
    found, _ = check_xlsx(leak_check(), data, layout, "chronology.xlsx")
    assert {(f.description, f.entry_id) for f in found} >= {
        ("an entry that must not go to this audience", LEFT_OUT_ID)
    }


def test_the_file_name_is_scanned_but_not_its_random_part():
    """'Ada' is a third party; '4ada91' is the random part of a default file name."""
    data, layout = workbook()
    check = leak_check(register=[*REGISTER, person(19, "Ada Beech")])
    for name in ("chronology-parents-carers-2025-06-03-4ada91.xlsx", "chronology-ada0de.xlsx"):
        assert check_xlsx(check, data, layout, name) == ([], []), name
    found, _ = check_xlsx(check, data, layout, "chronology-ada-4ada91.xlsx")
    assert [f.value for f in found] == ["ada"]
    found, _ = check_xlsx(check, data, layout, "bugsy-chronology.xlsx")
    assert [(f.value, f.place) for f in found] == [("bugsy", "the file name")]
    found, _ = check_xlsx(check, data, layout, "chronology-zoe_hart-ab12cd.xlsx")
    assert [f.value for f in found] == ["zoe_hart"]
    assert file_name_unit("x-AB12CDE.xlsx").text == "x-AB12CDE"  # not hex: kept
