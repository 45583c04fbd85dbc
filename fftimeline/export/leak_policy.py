"""The leak scan's own reading of the protection policy (export layer, pure).

From the vault's raw values (`VaultRecords`), what the audience is entitled to see and the
key worker's choice of dates and kinds, this works out what must not be in the output, each
with a description in plain words that never holds the value itself:

1. entries that go: not withdrawn, shared with the audience, inside the dates and kinds;
2. every register person of the case who is a third party or linked to an entry, with all
   their names, nicknames and earlier names ("a person the parents must not see");
3. every withheld source of any version of any entry ("a withheld source");
4. the child's names and the family's names (and the name of anyone whose view an entry
   holds as a family member, and family members named at a meeting), for audiences that
   see initials;
5. the child, family, register people and withheld sources of every other case ("a person
   from another case"), unless the same name is someone this audience sees in this case;
6. places, vehicles, phone numbers and online handles of every case, for audiences that do
   not see identifiers;
7. the text of entries left out and of fields the audience does not see (the family's
   views, the child's own view and wishes about sharing, the account, actions, handling
   conditions, and why no source is recorded, which no output shows), and every span
   hidden by hand ("text left out for this audience"), with, beside it, the recorded text
   the audience may legitimately see (`Protection.shown`), so the same words said by an
   entry that goes do not count;
8. the text of the case's safety plan (every version), unless its current version may go
   to this audience (`Protection.plan_shown`, the text it may see).

Meetings and support offers are read through `leak_parts`: their texts join the fields
whose right shows them. People this audience may see (the team, professionals, the team
and professionals at a meeting, the family when names are shown) are listed too
(`Protection.allowed`), and so are the places of every case when it sees identifiers
(`Protection.places_seen`): a longer visible name wins over a protected one
inside it ("Varga Close" is a street the police may read, though a withheld "Linda Varga"
is protected). A name part shared with the child or family the audience sees (a sister's case's
surname, an uncle who is a third party) is not stopped on its own (`Protection.family`);
the full names and the other parts still are.

The dates and kinds are the key worker's choice of scope, not a protection: an entry counts
as left out by them only when its date certainly lies outside them (see `possible_days`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from fftimeline.domain.cases import CaseDraft
from fftimeline.domain.dates import Certainty, EventDate, Precision
from fftimeline.domain.entries import Entry
from fftimeline.domain.people import Linked, LinkKind
from fftimeline.domain.safety_plans import SafetyPlan
from fftimeline.domain.sources import Source, SourceKind
from fftimeline.domain.views import ViewHolder
from fftimeline.export.leak_parts import family_at_meetings, part_texts, professionals_at_meetings
from fftimeline.export.leak_records import CaseRecord, Entitlements, EntryScope, VaultRecords
from fftimeline.export.leak_text import letters_only

CHILD_NAME = "the child's name"
FAMILY_NAME = "a family member's name"
OTHER_CASE = "a person from another case"
"""What the case's own child's and family's names, and other cases' people, are in findings."""


class ValueKind(StrEnum):
    """How a protected value is matched."""

    PERSON = "person"  # a full name: the whole and each part
    WORD = "word"  # a nickname or known-as name: only as a whole
    PLACE = "place"
    VEHICLE = "vehicle"
    PHONE = "phone"
    HANDLE = "handle"


@dataclass(frozen=True)
class Protected:
    """One value that must not be in the output, and what it is in plain words."""

    value: str
    kind: ValueKind
    description: str


@dataclass(frozen=True)
class ContentText:
    """Recorded text that must not be in the output (policy rule 7).

    Attributes:
        text: the text as recorded.
        by_hand: a span the key worker hid by hand (protected however short).
        entry_id: for a span hidden by hand, the entry it was hidden in.
    """

    text: str
    by_hand: bool = False
    entry_id: int | None = None


LEFT_OUT = "text left out for this audience"
NOT_GOING = "an entry that must not go to this audience"


@dataclass(frozen=True)
class Protection:
    """What one output must not show, and what it may.

    Attributes:
        values: protected names and identifiers.
        allowed: names of people this audience may see.
        places_seen: register places of every case, when this audience sees identifiers.
        family: names of the child and family this audience sees (shared parts are not
            protected on their own).
        content: protected recorded text.
        shown: per entry that goes, the recorded text of the fields the audience sees.
        hidden: per entry, the spans hidden by hand (never excused by their own entry).
        not_going: entries that must not be in the output, with why.
        plan_shown: the safety plan's recorded text, when this audience may see the plan.
    """

    values: tuple[Protected, ...]
    allowed: tuple[str, ...]
    places_seen: tuple[str, ...]
    family: tuple[str, ...]
    content: tuple[ContentText, ...]
    shown: dict[int, tuple[str, ...]]
    hidden: dict[int, tuple[str, ...]]
    not_going: dict[int, str]
    plan_shown: tuple[str, ...] = ()


def protection(records: VaultRecords, rights: Entitlements, scope: EntryScope) -> Protection:
    """Everything this output must not show, read from the raw records."""
    case = records.case
    family = _visible_family(case.case, rights) + _view_names(case, rights)
    allowed = list(dict.fromkeys([*_allowed_people(case, rights), *family]))
    same = {letters_only(n) for n in allowed}
    values = [
        *_case_people(case, rights),
        *_other_cases(records.others, same),
        *_identifiers((case, *records.others), rights),
    ]
    not_going = {e.id: why for e in case.entries if (why := left_out_because(e, rights, scope))}
    hidden: dict[int, list[str]] = {}
    for span in records.hidden:
        hidden.setdefault(span.entry_id, []).append(span.text)
    content = list(dict.fromkeys(_content(case.entries, rights, not_going)))
    content += [ContentText(s.text, by_hand=True, entry_id=s.entry_id) for s in records.hidden]
    shown = {e.id: tuple(_visible(e, rights)) for e in case.entries if e.id not in not_going}
    plan = _plan_texts(case.safety_plans)
    plan_goes = bool(case.safety_plans) and case.safety_plans[-1].sharing.allows(rights.audience)
    if not plan_goes:
        content += [ContentText(t) for t in plan]
    return Protection(
        values=tuple(dict.fromkeys(values)),
        allowed=tuple(allowed),
        places_seen=tuple(_places_seen((case, *records.others), rights)),
        family=tuple(family),
        content=tuple(content),
        shown=shown,
        hidden={k: tuple(v) for k, v in hidden.items()},
        not_going=not_going,
        plan_shown=plan if plan_goes else (),
    )


def left_out_because(entry: Entry, rights: Entitlements, scope: EntryScope) -> str:
    """Why ``entry`` must not go ('' when it may)."""
    if entry.retracted:
        return "withdrawn"
    if not entry.sharing.allows(rights.audience):
        return "not shared with this audience"
    if scope.kinds is not None and entry.kind not in scope.kinds:
        return "not one of the kinds chosen"
    first, last = possible_days(entry.event_date)
    if (scope.start and last < scope.start) or (scope.end and first > scope.end):
        return "outside the dates chosen"
    return ""


def possible_days(date: EventDate) -> tuple[dt.date, dt.date]:
    """The first and last day the event could have happened, as the leak scan reads it.

    'before X' is any day before the period X names, 'after X' any day after it; 'around X'
    is widened by a month (a day or month given) or a year (a year given) on each side.
    """
    first, last = _period(date)
    match date.certainty:
        case Certainty.BEFORE:
            return dt.date.min, first - dt.timedelta(days=1)
        case Certainty.AFTER:
            return last + dt.timedelta(days=1), dt.date.max
        case Certainty.AROUND:
            wide = dt.timedelta(days=366 if date.precision is Precision.YEAR else 31)
            return first - wide, last + wide
        case Certainty.BETWEEN:
            return date.start, date.end or date.start
    return first, last


def _period(date: EventDate) -> tuple[dt.date, dt.date]:
    """The day, month or year that ``date.start`` names."""
    s = date.start
    if date.certainty is Certainty.YEAR or date.precision is Precision.YEAR:
        return dt.date(s.year, 1, 1), dt.date(s.year, 12, 31)
    if date.certainty is Certainty.MONTH or date.precision is Precision.MONTH:
        return s.replace(day=1), s.replace(day=calendar.monthrange(s.year, s.month)[1])
    return s, s


# People ----------------------------------------------------------------------------------


def _visible_family(draft: CaseDraft, rights: Entitlements) -> list[str]:
    """The child's and family's names, when this audience sees them."""
    if not rights.child_name:
        return []
    return [n for n in (draft.child_name, draft.known_as, *(m.name for m in draft.family)) if n]


def _view_names(case: CaseRecord, rights: Entitlements) -> list[str]:
    """Family members named as holding a view, when this audience sees the family's names."""
    return list(dict.fromkeys(_holders(case))) if rights.child_name else []


def _holders(case: CaseRecord) -> Iterator[str]:
    for entry in case.all_versions:
        yield from (v.name for v in entry.views if v.name)


def _allowed_people(case: CaseRecord, rights: Entitlements) -> list[str]:
    """Names this audience may see besides the family: the team, professionals, others."""
    draft = case.case
    names = [m.name for m in draft.team] + [a.worker for a in draft.allocations]
    names += [draft.key_worker] if draft.key_worker else []
    linked = case.linked_ids
    for record in case.register:
        item = record.item
        if item.kind is LinkKind.PERSON and not item.third_party and item.id not in linked:
            names += [item.name, *item.nicknames]
    for entry in case.all_versions:
        source = entry.source
        if source and not source.withheld and (source.professional or rights.sources):
            names.append(source.name)
    names += professionals_at_meetings(case.all_versions)
    return [n for n in names if n]


def _case_people(case: CaseRecord, rights: Entitlements) -> Iterator[Protected]:
    """Rules 2, 3 and 4 for the case being exported."""
    person = f"a person {rights.who} must not see"
    linked = case.linked_ids
    for record in case.register:
        item = record.item
        if item.kind is LinkKind.PERSON and (item.third_party or item.id in linked):
            yield from _person_names(record.versions, person)
    yield from _withheld_sources(case.all_versions, "a withheld source")
    if not rights.child_name:
        yield from _child_and_family((case.case, *case.earlier), CHILD_NAME)
        names = dict.fromkeys([*_holders(case), *family_at_meetings(case.all_versions)])
        yield from (Protected(n, ValueKind.PERSON, FAMILY_NAME) for n in names)


def _other_cases(others: Iterable[CaseRecord], same: set[str]) -> Iterator[Protected]:
    """Rule 5: everyone of every other case, unless this audience sees them in this case."""
    what = OTHER_CASE
    for other in others:
        found = [
            *_child_and_family((other.case, *other.earlier), what),
            *(
                p
                for r in other.register
                if r.item.kind is LinkKind.PERSON
                for p in _person_names(r.versions, what)
            ),
            *_withheld_sources(other.all_versions, what),
            *_withheld(other.sources, what),
        ]
        yield from (p for p in found if letters_only(p.value) not in same)


def _person_names(versions: Iterable[Linked], what: str) -> Iterator[Protected]:
    for item in versions:
        yield Protected(item.name, ValueKind.PERSON, what)
        for nick in item.nicknames:
            yield Protected(nick, ValueKind.WORD, what)


def _withheld_sources(entries: Iterable[Entry], what: str) -> Iterator[Protected]:
    yield from _withheld((e.source for e in entries if e.source is not None), what)


def _withheld(sources: Iterable[Source], what: str) -> Iterator[Protected]:
    for source in sources:
        if source.withheld and source.name:  # a source unknown to us has no name
            kind = ValueKind.PERSON if source.kind is SourceKind.PERSON else ValueKind.WORD
            yield Protected(source.name, kind, what)


def _child_and_family(versions: Iterable[CaseDraft], child: str) -> Iterator[Protected]:
    family = FAMILY_NAME if child == CHILD_NAME else child
    for draft in versions:
        yield Protected(draft.child_name, ValueKind.PERSON, child)
        if draft.known_as:
            yield Protected(draft.known_as, ValueKind.WORD, child)
        for member in draft.family:
            yield Protected(member.name, ValueKind.PERSON, family)


# Identifiers -----------------------------------------------------------------------------

_IDENTIFIERS = {
    LinkKind.PLACE: (ValueKind.PLACE, "a place"),
    LinkKind.VEHICLE: (ValueKind.VEHICLE, "a vehicle"),
    LinkKind.PHONE: (ValueKind.PHONE, "a phone number"),
    LinkKind.HANDLE: (ValueKind.HANDLE, "an online handle"),
}


def _identifiers(cases: Iterable[CaseRecord], rights: Entitlements) -> Iterator[Protected]:
    """Rule 6: places, vehicles, numbers and handles, for audiences without identifiers."""
    if rights.identifiers:
        return
    for case in cases:
        for record in case.register:
            if record.item.kind in _IDENTIFIERS:
                kind, what = _IDENTIFIERS[record.item.kind]
                yield from (Protected(v.name, kind, what) for v in record.versions)


def _places_seen(cases: Iterable[CaseRecord], rights: Entitlements) -> Iterator[str]:
    """Every version of every register place, when this audience sees identifiers."""
    if rights.identifiers:
        for case in cases:
            for record in case.register:
                if record.item.kind is LinkKind.PLACE:
                    yield from (v.name for v in record.versions)


# Content ---------------------------------------------------------------------------------


def _content(
    entries: Iterable[Entry], rights: Entitlements, not_going: dict[int, str]
) -> Iterator[ContentText]:
    """Rule 7: texts of entries left out, and of fields an entry's audience does not see."""
    for entry in entries:
        texts = _all_texts(entry) if entry.id in not_going else _hidden(entry, rights)
        yield from (ContentText(t) for t in texts if t)


def _all_texts(e: Entry) -> list[str]:
    return [
        e.summary,
        e.account,
        *_family_views(e),
        *_child_views(e),
        e.no_source_reason,
        *_actions(e),
        *_conditions(e),
        *part_texts(e).every,
    ]


def _hidden(e: Entry, rights: Entitlements) -> list[str]:
    parts = part_texts(e)
    hidden = [] if rights.account else [e.account]
    hidden += [] if rights.family_view else [*_family_views(e), *parts.family_view]
    hidden += [] if rights.child_view else _child_views(e)
    hidden += [e.no_source_reason]  # never in an output
    hidden += [] if rights.actions else [*_actions(e), *parts.actions]
    return hidden + ([] if rights.handling else _conditions(e))


def _visible(e: Entry, rights: Entitlements) -> list[str]:
    """The recorded text of the fields of ``e`` this audience sees."""
    parts = part_texts(e)
    shown = [e.summary, *parts.base]
    shown += [e.account] if rights.account else []
    shown += [*_family_views(e), *parts.family_view] if rights.family_view else []
    shown += _child_views(e) if rights.child_view else []
    shown += [*_actions(e), *parts.actions] if rights.actions else []
    shown += _conditions(e) if rights.handling else []
    if e.source is not None and not e.source.withheld and rights.sources:
        shown += [e.source.described(), e.opinion_of]
    return [t for t in shown if t]


def _plan_texts(versions: Iterable[SafetyPlan]) -> tuple[str, ...]:
    """Rule 8: every text of every version of the case's safety plan.

    Protected where the current plan may not go to this audience; else the text it may see.
    """
    texts: list[str] = []
    for plan in versions:
        texts += [plan.agreed_with, plan.reason, *(m.what for m in plan.measures)]
        if plan.review is not None:
            r = plan.review
            texts += [r.changes, r.family_view, r.child_view, *(m.note for m in r.measures)]
    return tuple(dict.fromkeys(t for t in texts if t))


def _family_views(e: Entry) -> list[str]:
    return [v.text for v in e.views if v.holder is not ViewHolder.CHILD]


def _child_views(e: Entry) -> list[str]:
    texts = [v.text for v in e.views if v.holder is ViewHolder.CHILD]
    return texts + ([e.child_wish.text] if e.child_wish is not None else [])


def _actions(e: Entry) -> list[str]:
    return [e.next_action, e.next_action_owner, e.no_action_reason, e.outcome]


def _conditions(e: Entry) -> list[str]:
    return [e.grading.conditions] if e.grading is not None else []
