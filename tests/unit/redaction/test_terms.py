"""Who is protected from whom: the whole vault's people, places, and the case's own rules."""

from __future__ import annotations

from fftimeline.domain.cases import FamilyMember, TeamMember
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.redaction.audiences import AudienceProfile, find_profile
from fftimeline.redaction.people import CasePeople, Former, VaultPeople
from tests.factories import make_case
from tests.unit.redaction.redactor_builder import (
    PARENTS,
    POLICE,
    STRATEGY,
    redact,
    redactor,
    thing,
    third,
    withheld,
)

SISTER = CasePeople(
    case_id=2,
    case=make_case(
        child_name="Mia Okafor",
        known_as="",
        family=(
            FamilyMember(name="Grace Okafor", relationship="Mother"),
            FamilyMember(name="Dele Adebayo", relationship="Stepfather"),
        ),
    ),
    register=(
        third(20, "Tyler Voss", "an older male"),
        thing(21, LinkKind.PLACE, "14 Larch Close", "a flat"),
    ),
    withheld=(withheld("Sandra Kell"),),
)
VAULT = VaultPeople(others=(SISTER,))


def test_other_cases_people_are_protected_from_every_audience() -> None:
    text = "Went with Mia and Tyler Voss; Dele Adebayo and Sandra Kell were there."
    for profile in (STRATEGY, PARENTS, POLICE):
        out = redact(text, profile=profile, people=VAULT)
        for name in ("Mia", "Tyler", "Voss", "Dele", "Adebayo", "Sandra", "Kell"):
            assert name not in out, (profile.slug, out)
    assert redact("Mia called.", people=VAULT) == "Another child called."


def test_a_mother_of_both_siblings_follows_this_case_rules() -> None:
    text = "Grace Okafor phoned."
    assert redact(text, profile=PARENTS, people=VAULT) == text  # the parents see her name
    assert redact(text, profile=STRATEGY, people=VAULT) == "The child's mother phoned."


def test_places_of_every_case_are_hidden_from_family_audiences_only() -> None:
    text = "Seen at 14 Larch Close and at Larch Close again."
    assert redact(text, profile=PARENTS, people=VAULT) == ("Seen at a flat and at a flat again.")
    assert redact(text, profile=POLICE, people=VAULT) == text


def test_a_place_is_hidden_by_any_line_of_its_address_but_the_town() -> None:
    hotel = thing(22, LinkKind.PLACE, "The Anchor Hotel, Saltmouth", "a hotel")
    flat = thing(23, LinkKind.PLACE, "Flat 2, 3 Mill Lane, Northgate", "a flat")
    text = "Found at The Anchor Hotel in Saltmouth, then at 3 Mill Lane; Mill Lane again."
    assert redact(text, hotel, flat, profile=PARENTS) == (
        "Found at a hotel in Saltmouth, then at a flat; a flat again."
    )
    assert redact("Seen at the Anchor Hotel", hotel, profile=PARENTS) == "Seen at a hotel"
    assert redact("Flat 2 is empty; Northgate is busy", flat, profile=PARENTS) == (
        "Flat 2 is empty; Northgate is busy"  # a flat number or a town alone is no place
    )
    assert redact(text, hotel, flat, profile=POLICE) == text


def test_earlier_spellings_of_a_withheld_source_stay_protected() -> None:
    this = CasePeople(case_id=1, case=make_case(), withheld=(withheld("Linda Kell"),))
    people = VaultPeople(this=this)
    out = redact(
        "Linda said Lynda Kell was right.", sources=(withheld("Lynda Kell"),), people=people
    )
    assert out == "A source said a source was right."


def test_earlier_names_of_a_person_stay_protected() -> None:
    earlier = third(1, "Marcus Bel", "an older male", "Bugs")
    this = CasePeople(case_id=1, case=make_case(), former=Former(items=(earlier,)))
    out = redact("Bugs and Marcus Bel.", third(1, "Marcus Bell"), people=VaultPeople(this=this))
    assert out == "An adult male and an adult male."


def test_the_child_and_family_by_audience() -> None:
    text = "Jayden Okafor (JJ) and Grace went home."
    assert redact(text) == "J. O. and the child's mother went home."
    assert redact(text, profile=PARENTS) == text


def test_team_and_key_worker_are_never_protected() -> None:
    rita = third(3, "Rita", "a woman")
    # "Rita" alone is shared with the team member: "a person", never one Rita's role
    assert redact("Rita Hughes and Sam Key met Rita.", rita) == (
        "Rita Hughes and Sam Key met a person."
    )


CHILD = find_profile("child")


def test_a_person_in_two_cases_is_described_by_this_case_never_the_other() -> None:
    """The exploiter of another case's register shares a name with this case's youth worker."""
    other = CasePeople(
        case_id=2,
        case=make_case(child_name="Kayleigh Smith", known_as="", family=()),
        register=(third(30, "Marcus Bell", "an adult male aged about 24"),),
    )
    youth_worker = Linked(
        id=5, kind=LinkKind.PERSON, name="Marcus Bell", role="a youth worker", third_party=False
    )
    people = VaultPeople(others=(other,))
    for profile in (STRATEGY, PARENTS, POLICE, CHILD):
        out = redactor((youth_worker,), profile, people=people).redact("Marcus Bell ran it.").text
        assert out == "A youth worker ran it.", (profile.slug, out)


def test_someone_of_another_case_only_is_never_described_by_that_case() -> None:
    out = redact("Tyler Voss and Voss were there.", people=VAULT)
    assert "older male" not in out and "Voss" not in out, out


def test_a_shared_name_part_is_never_replaced_by_one_persons_role() -> None:
    case = make_case(
        child_name="Kayleigh Mäkinen",
        known_as="",
        family=(FamilyMember(name="Róisín Mäkinen", relationship="Mother"),),
        team=(TeamMember(name="Dev Bell", agency="Safe Steps", role="Youth worker"),),
    )
    uncle = third(7, "Leon Mäkinen", "the child's uncle, who is not allowed contact")
    marcus = third(8, "Marcus Bell", "an adult male")

    def shown(text: str, profile: AudienceProfile) -> str:
        return redactor((uncle, marcus), profile, case=case).redact(text).text

    for profile in (PARENTS, STRATEGY, POLICE):
        for text in ("Ms Mäkinen came to the meeting.", "Mr Bell from Safe Steps ran it."):
            out = shown(text, profile)
            assert "uncle" not in out and "adult male" not in out, (profile.slug, out)
    # the family's own surname, which the parents see, stays for them
    assert shown("We met the Mäkinen grandparents.", PARENTS) == "We met the Mäkinen grandparents."
    assert shown("Mr Bell from Safe Steps ran it.", POLICE) == "A person from Safe Steps ran it."
    # a full name is one person's: described by their role
    assert shown("Leon Mäkinen and Marcus Bell came.", PARENTS) == (
        "The child's uncle, who is not allowed contact and an adult male came."
    )
