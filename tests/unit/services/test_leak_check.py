"""The leak check gathers the raw values from a real encrypted vault: every case, earlier
details, every version of the entries, and the spans hidden by hand for the audience."""

from __future__ import annotations

import pytest

from fftimeline.domain.cases import CaseDraft, FamilyMember
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.export.xlsx import build_xlsx_with_layout
from fftimeline.redaction.audiences import find_profile
from fftimeline.redaction.manual import ManualSpan
from fftimeline.services.export import ExportRequest, LeakFound, add_manual_redaction, export_xlsx
from fftimeline.services.leak_check import check_xlsx, prepare
from tests.factories import make_case, make_entry, make_person
from tests.unit.export.leak_builders import EVERYONE, cover, row


@pytest.fixture
def brother(vault):
    case = vault.cases.add(make_case(child_name="Jayden Okafor", known_as="JJ"))
    return case.id


@pytest.fixture
def sister(vault):
    draft = CaseDraft(
        child_name="Amara Okafor",
        family=(FamilyMember(name="Grace Okafor", relationship="Mother"),),
    )
    case = vault.cases.add(draft)
    vault.links.save(case.id, make_person(name="Kai Brown", nicknames=("K-Dog",)))
    withheld = Source(
        name="Tina Wexford", withheld=True, withheld_reason=WithheldReason.THIRD_PARTY
    )
    entry = vault.entries.add(case.id, make_entry(source=withheld))
    renamed = withheld.model_copy(update={"name": "Tena Wexford"})
    vault.entries.amend(entry.id, make_entry(source=renamed), "Spelling")
    return case.id


def _found(vault, case_id, text, audience="parents-carers", entry_id=None):
    check = prepare(vault, case_id, find_profile(audience))
    entry_id = entry_id or vault.entries.entries(case_id)[0].id
    data, layout = build_xlsx_with_layout(
        cover(audience, case_label="J. O."), [row(text, entry_id=entry_id)]
    )
    found, problems = check_xlsx(check, data, layout, "chronology.xlsx")
    assert problems == []
    return found


def test_people_of_another_case_in_the_vault_are_stopped(vault, brother, sister):
    vault.entries.add(brother, make_entry(sharing=EVERYONE))
    texts = ("Seen with Kai Brown", "Seen with K Dog", "Amara was there", "Tina said", "Tena said")
    for text in texts:
        [finding] = _found(vault, brother, text)
        assert finding.description == "a person from another case", text
        assert finding.place == "what happened" and finding.entry_date == "14 March 2025"
    assert _found(vault, brother, "Grace Okafor and Jayden Okafor came") == []  # both seen here


def test_an_earlier_spelling_of_a_withheld_source_is_stopped(vault, brother):
    linda = Source(name="Linda Marsh", withheld=True, withheld_reason=WithheldReason.RISK_TO_SOURCE)
    entry = vault.entries.add(brother, make_entry(source=linda, sharing=EVERYONE))
    lynda = linda.model_copy(update={"name": "Lynda Marsh"})
    vault.entries.amend(entry.id, make_entry(source=lynda, sharing=EVERYONE), "Spelling")
    for text in ("Linda said so", "Lynda said so"):
        assert [f.description for f in _found(vault, brother, text)] == ["a withheld source"]


def test_an_earlier_nickname_and_name_of_a_register_person_are_stopped(vault, brother):
    person = vault.links.save(brother, make_person(name="Marcus Bell", nicknames=("Bugsy",)))
    vault.links.save(
        brother, person.model_copy(update={"name": "Marcus Bel", "nicknames": ("Bugs",)})
    )
    vault.entries.add(brother, make_entry(sharing=EVERYONE))
    for text in ("Bugsy was there", "Bugs was there", "Marcus Bell was there"):
        assert _found(vault, brother, text), text


def test_spans_hidden_by_hand_count_for_their_audience_only(vault, brother):
    entry = vault.entries.add(brother, make_entry(account="Got into a grey car.", sharing=EVERYONE))
    add_manual_redaction(
        vault, brother, ManualSpan(entry_id=entry.id, audience="police", text="grey car")
    )
    assert [f.value for f in _found(vault, brother, "Got into a grey car.", "police")] == [
        "grey car"
    ]
    assert _found(vault, brother, "Got into a grey car.", "parents-carers") == []


def test_an_export_that_would_name_someone_from_another_case_is_stopped(
    vault, brother, sister, tmp_path
):
    """The file name is the key worker's own typing, never redacted: the scan stops it."""
    vault.entries.add(brother, make_entry(sharing=EVERYONE))
    out = tmp_path / "for-kai-brown.xlsx"
    request = ExportRequest("parents-carers", "Kai Brown's solicitor", "Review")
    with pytest.raises(LeakFound) as err:
        export_xlsx(vault, brother, request, out)
    [finding] = err.value.findings  # the recipients on the cover were redacted
    assert (finding.description, finding.place) == ("a person from another case", "the file name")
    assert "Kai" not in err.value.message and "the file name" in err.value.message
    assert not out.exists() and vault.disclosures.disclosures(brother) == []
