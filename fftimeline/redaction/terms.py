"""Who is protected from whom, and what stands in for them (redaction layer, pure).

`build_redactor` turns the protection policy into the terms of one output (case C, one
audience):

- third parties of C, and anyone linked to an entry of C: every name, name part, nickname
  and earlier name -> their role label, for every audience;
- withheld sources of any version of any entry of C -> "a source" (each name part of a
  person too; a courtesy title alone is never protected);
- the child (name parts of two letters or more, known-as, earlier names) and the family of
  C, and family members named at C's meetings -> initials and "the child's mother" for
  audiences that do not see the child's name;
  for the others they are *kept*, so no rule below can hide them;
- every other case of the vault: its child, family, register people and withheld sources
  -> "another child", "a relative of another child", their role, "a source";
- places, vehicles, phone numbers and handles of every case -> "a place", "a vehicle"…
  for audiences that do not see identifiers;
- never protected: C's team, the key worker, the team and other professionals at C's
  meetings, professionals named as sources where the audience sees sources (kept terms: a
  longer kept name wins over a protected part inside it).

Where two texts spell the same letters, C's protections win over C's kept names, which win
over other cases' names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from fftimeline.domain.cases import CaseDraft
from fftimeline.domain.entries import Entry
from fftimeline.domain.meetings import AttendeeKind
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.sources import Source, SourceKind
from fftimeline.redaction.addresses import postcodes, street_forms
from fftimeline.redaction.audiences import AudienceField, AudienceProfile
from fftimeline.redaction.folding import skeleton, words
from fftimeline.redaction.manual import REDACTED_MARK
from fftimeline.redaction.matcher import Matcher, Term, TermKind
from fftimeline.redaction.people import CasePeople, Former, VaultPeople
from fftimeline.redaction.redactor import Redactor
from fftimeline.redaction.shared_names import (
    labels_in_register,
    other_case_label,
    settle_shared_parts,
)
from fftimeline.redaction.wordlists import TITLES, common_words

__all__ = ["REDACTED_MARK", "WITHHELD_IN_TEXT", "Former", "build_redactor", "name_parts"]

WITHHELD_IN_TEXT = "a source"
ANOTHER_CHILD = "another child"
ANOTHER_FAMILY = "a relative of another child"

_IDENTIFIERS: dict[LinkKind, tuple[TermKind, str, str]] = {
    LinkKind.PLACE: (TermKind.PLACE, "a place", "(place not shown)"),
    LinkKind.VEHICLE: (TermKind.VEHICLE, "a vehicle", "(registration not shown)"),
    LinkKind.PHONE: (TermKind.PHONE, "a phone number", "(number not shown)"),
    LinkKind.HANDLE: (TermKind.HANDLE, "an online handle", "(handle not shown)"),
}

PROTECT, FAMILY, KEEP, OTHER = 40, 35, 30, 20
"""Ranks: which of two terms spelling the same letters wins."""

_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_PLATE = re.compile(r"\b[A-Za-z]{2}[0-9]{2}\s?[A-Za-z]{3}\b")
_HOUSE_NUMBER = re.compile(r"^\s*\d+[a-zA-Z]?,?\s+(?=\S+\s+\S)")
_THE = re.compile(r"^the\s+(?=\S+\s+\S)", re.IGNORECASE)


def relationship(words: str) -> str:
    """The relationship as a label says it: 'Sister, aged 9' -> 'sister'."""
    return re.split(r"[,(;]", words, maxsplit=1)[0].strip().casefold() or "relative"


def name_parts(name: str, min_len: int = 2) -> list[str]:
    """The full name and each part that is a name on its own ('Marcus Bell' -> both parts).

    Notes in brackets are dropped ("Ryan (surname not known)"), and in a name with capitals
    only the capitalised words count, so notes typed into a name field ("the man from Flat
    4") do not make ordinary words protected. Courtesy titles are never parts; a
    double-barrelled part also gives each half ("Mensah-Boateng").
    """
    plain = _BRACKETED.sub(" ", name).strip()
    found = [m.group(0).strip("'’-") for m in _NAME_WORD.finditer(plain)]
    capitals = any(ch.isupper() for ch in plain)
    parts: list[str] = []
    for word in found:
        if capitals and not word[:1].isupper():
            continue
        pieces = [word, *(p for p in word.split("-") if len(p) >= 3 and "-" in word)]
        parts += [p for p in pieces if len(p) >= min_len and p.casefold() not in TITLES]
    whole = name.strip()
    return [whole, *dict.fromkeys(p for p in (plain, *parts) if p and p != whole)]


def build_redactor(
    case: CaseDraft,
    register: list[Linked],
    entries: list[Entry],
    profile: AudienceProfile,
    former: Former | None = None,
    people: VaultPeople | None = None,
) -> Redactor:
    """The redactor of one output: case ``case`` for ``profile``, in the whole vault."""
    people = people or VaultPeople()
    this = people.this or CasePeople(0, case)
    former = Former(
        cases=(*(former.cases if former else ()), *this.former.cases),
        items=(*(former.items if former else ()), *this.former.items),
    )
    withheld = [e.source for e in entries if e.source is not None and e.source.withheld]
    terms = [
        *_third_parties(register, entries, former, "c"),
        *_sources([*withheld, *this.withheld], "c", PROTECT),
        *_child_and_family(case, former.cases, profile),
        *_family_at_meetings(case, entries, profile),
        *_view_holders(case, former.cases, entries, profile),
        *_kept(case, entries, profile),
        *_identifiers(register, former.items, profile, "c", PROTECT),
    ]
    here = labels_in_register(register)
    for other in people.others:
        terms += _other_case(other, profile, here)
    return Redactor(Matcher(settle_shared_parts(terms)))


def _third_parties(
    register: Iterable[Linked], entries: list[Entry], former: Former, key: str
) -> Iterator[Term]:
    """Third parties and anyone linked to an entry: every name, by their role label."""
    linked = {i for e in entries for i in e.link_ids}
    for person in register:
        if person.kind is not LinkKind.PERSON or not (person.third_party or person.id in linked):
            continue
        label = person.redaction_label
        owner = f"{key}:person:{person.id}"
        for version in (person, *(f for f in former.items if f.id == person.id)):
            yield from _person_terms(version, label, owner, PROTECT)


def _person_terms(person: Linked, label: str, owner: str, rank: int) -> Iterator[Term]:
    for text in name_parts(person.name):
        yield _name(text, label, owner, rank, role=True)
    for nickname in person.nicknames:
        yield _name(nickname, label, owner, rank, role=True)


def _sources(sources: Iterable[Source], key: str, rank: int) -> Iterator[Term]:
    """Withheld sources: the name, and each part of a person's name ('Hale' of 'Miss Hale')."""
    for source in sources:
        if not source.name:  # a source unknown to us: no name to protect
            continue
        owner = f"{key}:source:{skeleton(source.name)}"
        texts = name_parts(source.name) if source.kind is SourceKind.PERSON else [source.name]
        for text in texts:
            yield _name(text, WITHHELD_IN_TEXT, owner, rank)


def _child_and_family(
    case: CaseDraft, earlier: Iterable[CaseDraft], profile: AudienceProfile
) -> Iterator[Term]:
    """The child and family: hidden by initials and relationship, or kept for the audience."""
    hidden = not profile.sees(AudienceField.CHILD_NAME)
    rank = FAMILY if hidden else KEEP
    for draft in (case, *earlier):
        for text in (*name_parts(draft.child_name), draft.known_as):
            yield _name(text, case.initials, "c:child", rank, keep=not hidden)
        for i, member in enumerate(draft.family):
            label = f"the child's {relationship(member.relationship)}"
            for text in name_parts(member.name):
                yield _name(text, label, f"c:family:{i}", rank, keep=not hidden)


def _family_at_meetings(
    case: CaseDraft, entries: list[Entry], profile: AudienceProfile
) -> Iterator[Term]:
    """Family members and the child named at a meeting: the family's rules, as above."""
    hidden = not profile.sees(AudienceField.CHILD_NAME)
    rank = FAMILY if hidden else KEEP
    for entry in entries:
        for person in entry.meeting.attendees if entry.meeting is not None else ():
            if person.kind is AttendeeKind.CHILD:
                label = case.initials
            elif person.kind is AttendeeKind.FAMILY:
                label = f"the child's {relationship(person.role)}" if person.role else "a relative"
            else:
                continue
            owner = f"c:meeting:{skeleton(person.name)}"
            for text in name_parts(person.name):
                yield _name(text, label, owner, rank, keep=not hidden)


def _view_holders(
    case: CaseDraft, earlier: Iterable[CaseDraft], entries: list[Entry], profile: AudienceProfile
) -> Iterator[Term]:
    """A family member whose view an entry holds, by a name the case's family no longer has.

    Their name is the family's own: hidden as "a relative of the child" where the family's
    names are hidden, kept where they are seen (a current member is already a family term).
    """
    known = {m.name for draft in (case, *earlier) for m in draft.family}
    holders = dict.fromkeys(v.name for e in entries for v in e.views if v.name)
    hidden = not profile.sees(AudienceField.CHILD_NAME)
    rank = FAMILY if hidden else KEEP
    for i, name in enumerate(n for n in holders if n not in known):
        for text in name_parts(name):
            yield _name(text, "a relative of the child", f"c:holder:{i}", rank, keep=not hidden)


def _kept(case: CaseDraft, entries: list[Entry], profile: AudienceProfile) -> Iterator[Term]:
    """Names never protected: the team, the key worker, sources the audience may see named."""
    names = [m.name for m in case.team] + [case.key_worker]
    names += [
        a.name
        for e in entries
        for a in (e.meeting.attendees if e.meeting is not None else ())
        if a.kind in (AttendeeKind.TEAM, AttendeeKind.PROFESSIONAL)
    ]
    if profile.sees(AudienceField.SOURCES):
        names += [
            e.source.name
            for e in entries
            if e.source is not None and not e.source.withheld and e.source.professional
        ]
    for i, name in enumerate(dict.fromkeys(names)):
        for text in name_parts(name):
            yield _name(text, "", f"c:kept:{i}", KEEP, keep=True)


def _identifiers(
    register: Iterable[Linked],
    earlier: Iterable[Linked],
    profile: AudienceProfile,
    key: str,
    rank: int,
) -> Iterator[Term]:
    """Places, vehicles, phone numbers and handles: hidden, or kept for the audience."""
    keep = profile.sees(AudienceField.IDENTIFIERS)
    for item in (*register, *earlier):
        if item.kind not in _IDENTIFIERS:
            continue
        kind, label, aside = _IDENTIFIERS[item.kind]
        if item.kind is LinkKind.PLACE and item.role:
            label = item.role
        owner = f"{key}:item:{item.id}"
        for text, skel in _identifier_forms(item):
            yield Term(
                raw=text,
                skeleton=skel,
                kind=kind,
                owner=owner,
                label="" if keep else label,
                aside="" if keep else aside,
                keep=keep,
                rank=KEEP if keep else rank,
            )


def _identifier_forms(item: Linked) -> Iterator[tuple[str, str]]:
    """The registered text and the other ways it is written, as (text, skeleton)."""
    yield item.name, skeleton(item.name)
    if item.kind is LinkKind.PHONE:
        for digits in phone_forms(item.name):
            yield item.name, digits
    elif item.kind is LinkKind.VEHICLE:
        for plate in _PLATE.findall(item.name):
            yield plate, skeleton(plate)
    elif item.kind is LinkKind.HANDLE and (":" in item.name or " " in item.name.strip()):
        handle = re.split(r"[:\s]+", item.name.strip())[-1]  # "Snapchat: bugsy.wb"
        yield handle, skeleton(handle)
    elif item.kind is LinkKind.PLACE:
        for line in (*_address_lines(item.name), *street_forms(item.name)):
            yield line, skeleton(line)
        for code in postcodes(item.name):
            yield code, skeleton(code)


def _address_lines(place: str) -> Iterator[str]:
    """The ways a place is written short: each line of its address but the last (the town).

    "Flat 2, 3 Mill Lane, Northgate" is also "3 Mill Lane" and "Mill Lane"; "The Anchor
    Hotel, Saltmouth" also "The Anchor Hotel" and "Anchor Hotel"; "14 Larch Close" also
    "Larch Close". A line of fewer than two words besides numbers ("Flat 2") is too common
    to tell, and a town alone is not the place.
    """
    lines = [line.strip() for line in place.split(",")]
    for line in lines[:-1] if len(lines) > 1 else lines:
        short = _THE.sub("", line[m.end() :] if (m := _HOUSE_NUMBER.match(line)) else line)
        for form in dict.fromkeys((line, short)):
            if form != place and len([w for w in form.split() if not w.isdigit()]) >= 2:
                yield form


def phone_forms(number: str) -> list[str]:
    """A phone number as digits, in national and international forms (+44 <-> 0)."""
    digits = "".join(ch for ch in number if ch.isdigit())
    if digits.startswith("00"):
        digits = digits[2:]
    if digits.startswith("44"):
        national = "0" + digits[2:].removeprefix("0")
    elif digits.startswith("0"):
        national = digits
    else:
        return [digits] if len(digits) >= 6 else []
    rest = national[1:]
    return [national, "44" + rest, "440" + rest, "0044" + rest, "00440" + rest]


def _other_case(
    other: CasePeople, profile: AudienceProfile, here: dict[str, str]
) -> Iterator[Term]:
    """Another case of the vault: its child, family, register people and withheld sources.

    Its people are described as this case knows them, never by their role there (``here``:
    this case's register labels; see `shared_names`).
    """
    key = f"o{other.case_id}"
    for draft in (other.case, *other.former.cases):
        for text in (*name_parts(draft.child_name), draft.known_as):
            yield _name(text, ANOTHER_CHILD, f"{key}:child", OTHER)
        for i, member in enumerate(draft.family):
            for text in name_parts(member.name):
                yield _name(text, ANOTHER_FAMILY, f"{key}:family:{i}", OTHER)
    for person in other.register:
        if person.kind is LinkKind.PERSON:
            owner = f"{key}:person:{person.id}"
            label = other_case_label(person, here)
            for version in (person, *(f for f in other.former.items if f.id == person.id)):
                yield from _person_terms(version, label, owner, OTHER)
    yield from _sources(other.withheld, key, OTHER)
    yield from _identifiers(other.register, other.former.items, profile, key, OTHER)


def _name(
    text: str, label: str, owner: str, rank: int, *, keep: bool = False, role: bool = False
) -> Term:
    """A name term; one ordinary word ("Will") is replaced only where used as a name."""
    parts = words(text)
    skel = "".join(parts)
    return Term(
        raw=text.strip(),
        skeleton=skel,
        kind=TermKind.NAME,
        owner=owner,
        label="" if keep else label,
        aside="" if keep else f"({label})",
        keep=keep,
        common=len(parts) == 1 and skel in common_words(),
        role=role,
        rank=rank,
    )
