"""A received case read from a hand-over file, and given new ids in the receiving vault.

`parse` turns the hand-over file's rows into domain objects, checking each one against the
domain's rules (a row that does not validate means the file is damaged). `remap` gives the
case, its entries, register items, tasks and disclosures new ids that are free in the
receiving vault, and rewrites every reference between them (an entry's linked people, a
task's entries, a disclosure's entries, earlier details, manual redactions, audit rows), so
nothing points at the sending vault's ids any more. Pure functions, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from fftimeline.domain.cases import Case, record_allocation
from fftimeline.domain.entries import Entry
from fftimeline.domain.people import Linked
from fftimeline.domain.records import Disclosure
from fftimeline.domain.tasks import Task
from fftimeline.redaction.manual import MANUAL_REDACTIONS_KEY, ManualRedactions
from fftimeline.store.handover_file import HandoverDamaged, Row, Rows

Earlier = tuple[str, int, str, str]
"""One earlier detail: (kind, id of the row it belonged to, replaced at, its JSON)."""


@dataclass(frozen=True)
class ReceivedCase:
    """One case as it came in a hand-over file (the sender's ids until `remap`)."""

    case: Case
    versions: list[Entry]
    links: list[Linked]
    tasks: list[Task]
    earlier: list[Earlier]
    disclosures: list[Disclosure]
    audit: list[Row]
    preferences: list[tuple[str, str]]


@dataclass(frozen=True)
class NewIds:
    """The receiving vault's ids for the received rows, by the sender's id."""

    case: int
    entries: dict[int, int]
    links: dict[int, int]
    tasks: dict[int, int]
    disclosures: dict[int, int]


_M = TypeVar("_M", bound=BaseModel)


def _models(model: type[_M], values: Iterable[object]) -> list[_M]:
    return [model.model_validate_json(str(v)) for v in values]


def parse(rows: Rows) -> ReceivedCase:
    """The hand-over file's rows as domain objects.

    Raises:
        HandoverDamaged: a row breaks the domain's rules, or the file holds not one case.
    """
    try:
        [case] = _models(Case, (r[2] for r in rows["cases"]))
        return ReceivedCase(
            case=case,
            versions=_models(Entry, (r[-1] for r in rows["entry_versions"])),
            links=_models(Linked, (r[-1] for r in rows["links"])),
            tasks=_models(Task, (r[-1] for r in rows["tasks"])),
            earlier=[(str(r[1]), int(r[2]), str(r[4]), str(r[5])) for r in rows["earlier_details"]],
            disclosures=_models(Disclosure, (r[-1] for r in rows["disclosures"])),
            audit=list(rows["audit"]),
            preferences=[(str(k), str(v)) for k, v in rows["preferences"]],
        )
    except (ValidationError, ValueError, TypeError, IndexError):
        raise HandoverDamaged() from None


def _numbered(old: Iterable[int], first: int) -> dict[int, int]:
    return {o: first + i for i, o in enumerate(sorted(set(old)))}


def new_ids(received: ReceivedCase, first: Mapping[str, int]) -> NewIds:
    """New ids, consecutive from the first free id of each kind in the receiving vault."""
    return NewIds(
        case=first["cases"],
        entries=_numbered((e.id for e in received.versions), first["entries"]),
        links=_numbered((i.id or 0 for i in received.links), first["links"]),
        tasks=_numbered((t.id for t in received.tasks), first["tasks"]),
        disclosures=_numbered((d.id for d in received.disclosures), first["disclosures"]),
    )


def _some(ids: Iterable[int], mapping: Mapping[int, int]) -> frozenset[int]:
    return frozenset(mapping[i] for i in ids if i in mapping)


def _entry(entry: Entry, ids: NewIds) -> Entry:
    return entry.model_copy(
        update={
            "id": ids.entries[entry.id],
            "case_id": ids.case,
            "link_ids": _some(entry.link_ids, ids.links),
        }
    )


def _task(task: Task, ids: NewIds) -> Task:
    return task.model_copy(
        update={
            "id": ids.tasks[task.id],
            "case_id": ids.case,
            "entry_ids": _some(task.entry_ids, ids.entries),
            "next_action_of": (
                None if task.next_action_of is None else ids.entries.get(task.next_action_of)
            ),
        }
    )


def _link(item: Linked, ids: NewIds) -> Linked:
    return item.model_copy(update={"id": ids.links[item.id or 0]})


def _case(case: Case, ids: NewIds) -> Case:
    return case.model_copy(update={"id": ids.case})


def _earlier(detail: Earlier, ids: NewIds) -> Earlier:
    """An earlier detail pointing at the new row, with the ids inside its JSON rewritten."""
    kind, row_id, replaced_at, data = detail
    try:
        if kind == "case":
            case = _case(Case.model_validate_json(data), ids)
            return (kind, ids.case, replaced_at, case.model_dump_json())
        if kind == "link":
            item = _link(Linked.model_validate_json(data), ids)
            return (kind, ids.links[row_id], replaced_at, item.model_dump_json())
        if kind == "task":
            task = _task(Task.model_validate_json(data), ids)
            return (kind, ids.tasks[row_id], replaced_at, task.model_dump_json())
    except (ValidationError, KeyError):
        raise HandoverDamaged() from None
    raise HandoverDamaged()


def _disclosure(disclosure: Disclosure, ids: NewIds) -> Disclosure:
    return disclosure.model_copy(
        update={
            "id": ids.disclosures[disclosure.id],
            "case_id": ids.case,
            "entry_ids": tuple(ids.entries[i] for i in disclosure.entry_ids if i in ids.entries),
            "child_wish_entries": tuple(
                ids.entries[i] for i in disclosure.child_wish_entries if i in ids.entries
            ),
        }
    )


def _preference(key: str, value: str, old_case: int, ids: NewIds) -> tuple[str, str]:
    """A case's own preference under the new case id; manual redactions name new entry ids."""
    name = key.rsplit(":", 1)[0]
    if name == MANUAL_REDACTIONS_KEY:
        spans = ManualRedactions.from_json(value).spans
        kept = tuple(
            s.model_copy(update={"entry_id": ids.entries[s.entry_id]})
            for s in spans
            if s.entry_id in ids.entries
        )
        value = ManualRedactions(spans=kept).to_json()
    return (f"{name}:{ids.case}", value) if key.endswith(f":{old_case}") else (key, value)


def _audit_row(row: Row, ids: NewIds, handover_id: str) -> Row:
    """(origin, seq, at, actor, action, entry id, detail, hash) for ``received_audit``."""
    origin, seq, at, actor, action, _case_id, entry_id, detail, digest = row
    mapped = ids.entries.get(int(entry_id)) if entry_id is not None else None
    return (origin or handover_id, seq, at, actor, action, mapped, detail, digest)


def remap(
    received: ReceivedCase, ids: NewIds, *, worker: str, on: dt.date, handover_id: str
) -> ReceivedCase:
    """The received case with the receiving vault's ids, and ``worker`` as its key person.

    The case's allocation history records the hand-over: the open allocation ends on ``on``
    and ``worker``'s begins (unless the sender already named them as the new key person).
    """
    case = _case(received.case, ids)
    taken_over = record_allocation(case.model_copy(update={"key_worker": worker}), case, on)
    saved = {"id": ids.case, "created_at": case.created_at}
    old_case = received.case.id
    return replace(
        received,
        case=Case.model_validate(taken_over.model_dump() | saved),
        versions=[_entry(e, ids) for e in received.versions],
        links=[_link(i, ids) for i in received.links],
        tasks=[_task(t, ids) for t in received.tasks],
        earlier=[_earlier(d, ids) for d in received.earlier],
        disclosures=[_disclosure(d, ids) for d in received.disclosures],
        audit=[_audit_row(r, ids, handover_id) for r in received.audit],
        preferences=[_preference(k, v, old_case, ids) for k, v in received.preferences],
    )
