"""A redactor over a small register, for matcher and wording tests (no Qt, no I/O)."""

from __future__ import annotations

from fftimeline.domain.cases import CaseDraft, FamilyMember
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.redaction.audiences import AudienceProfile, find_profile
from fftimeline.redaction.people import VaultPeople
from fftimeline.redaction.redactor import Redactor
from fftimeline.redaction.terms import build_redactor
from tests.factories import make_case
from tests.unit.redaction.case_builder import saved

STRATEGY = find_profile("strategy-meeting")
PARENTS = find_profile("parents-carers")
POLICE = find_profile("police")


def third(item_id: int, name: str, role: str = "an adult male", *nicks: str) -> Linked:
    """A third-party person of the register."""
    return Linked(
        id=item_id, kind=LinkKind.PERSON, name=name, role=role, nicknames=nicks, third_party=True
    )


def thing(item_id: int, kind: LinkKind, name: str, role: str = "") -> Linked:
    """A place, vehicle, phone number or handle of the register."""
    return Linked(id=item_id, kind=kind, name=name, role=role)


def withheld(name: str) -> Source:
    """A withheld source."""
    return Source(name=name, withheld=True, withheld_reason=WithheldReason.RISK_TO_SOURCE)


def redactor(
    register: tuple[Linked, ...] = (),
    profile: AudienceProfile = STRATEGY,
    sources: tuple[Source, ...] = (),
    case: CaseDraft | None = None,
    people: VaultPeople | None = None,
) -> Redactor:
    """The redactor of case ``case`` (Jayden Okafor, mother Grace) for ``profile``."""
    case = case or make_case(family=(FamilyMember(name="Grace Okafor", relationship="Mother"),))
    entries = [saved(i + 1, source=s) for i, s in enumerate(sources)] or [saved(1)]
    return build_redactor(case, list(register), entries, profile, people=people)


def redact(
    text: str,
    *register: Linked,
    profile: AudienceProfile = STRATEGY,
    sources: tuple[Source, ...] = (),
    people: VaultPeople | None = None,
) -> str:
    """``text`` as ``profile`` reads it."""
    return redactor(register, profile, sources, people=people).redact(text).text
