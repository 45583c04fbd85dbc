"""Gathering the vault's names from a real vault, and hiding them on screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fftimeline.domain.cases import FamilyMember
from fftimeline.domain.errors import NotFound
from fftimeline.domain.sources import Source, SourceKind, WithheldReason
from fftimeline.services.vault import OpenVault, create_vault
from tests.factories import make_case, make_entry, make_person, passphrase


@pytest.fixture
def vault(tmp_path) -> Iterator[OpenVault]:
    v = create_vault(tmp_path / "work.fft", passphrase(), actor="Sam Key")
    yield v
    v.close()


def _withheld(name: str) -> Source:
    return Source(name=name, withheld=True, withheld_reason=WithheldReason.RISK_TO_SOURCE)


def test_gather_reads_every_case_history_and_every_version(vault: OpenVault) -> None:
    jayden = vault.cases.add(make_case())
    mia = vault.cases.add(make_case(child_name="Mia Okafor", known_as="Mimi"))
    vault.cases.update(mia.id, make_case(child_name="Mia Okafor-Reid", known_as=""))
    bugsy = vault.links.save(mia.id, make_person())
    vault.links.save(
        mia.id,
        make_person(name="Marcus Bel", nicknames=("Bugs",)).model_copy(update={"id": bugsy.id}),
    )
    first = vault.entries.add(mia.id, make_entry(source=_withheld("Linda Kell")))
    vault.entries.amend(first.id, make_entry(source=_withheld("Lynda Kell")), "Spelling")
    people = vault.people.gather(jayden.id)
    assert people.this is not None and people.this.case_id == jayden.id
    [other] = people.others
    assert other.case.child_name == "Mia Okafor-Reid"
    assert [c.known_as for c in other.former.cases] == ["Mimi"]
    assert [i.name for i in other.register] == ["Marcus Bel"]
    assert [i.name for i in other.former.items] == ["Marcus Bell"]
    assert {s.name for s in other.withheld} == {"Linda Kell", "Lynda Kell"}
    with pytest.raises(NotFound):
        vault.people.gather(999)


def test_hide_names_masks_every_person_of_the_case_and_the_vault(vault: OpenVault) -> None:
    case = vault.cases.add(
        make_case(family=(FamilyMember(name="Grace Okafor", relationship="Mother"),))
    )
    vault.links.save(case.id, make_person())
    vault.entries.add(case.id, make_entry(source=_withheld("Sandra Kell")))
    sister = vault.cases.add(make_case(child_name="Mia Varga", known_as=""))
    mask = vault.people.screen_mask(case.id)
    text = "Jayden, Grace Okafor, Marcus Bell (Bugsy), sandra kell and Mia met Rita Hughes."
    assert mask(text) == "J., G. O., M. B., S. K. and M. met Rita Hughes."
    assert sister.id != case.id
    assert mask("He will miss the bus.") == "He will miss the bus."


def test_hide_names_leaves_words_of_a_withheld_agency_alone(vault: OpenVault) -> None:
    case = vault.cases.add(make_case())
    agency = Source(
        name="Westbridge Police",
        kind=SourceKind.AGENCY,
        professional=True,
        withheld=True,
        withheld_reason=WithheldReason.WOULD_ALERT,
        professional_override="Would alert the group",
    )
    vault.entries.add(case.id, make_entry(source=agency))
    mask = vault.people.screen_mask(case.id)
    assert mask("Yes: Police. Seen at Westbridge bus station.") == (
        "Yes: Police. Seen at Westbridge bus station."
    )
    assert mask("Westbridge Police told us.") == "W. P. told us."
