"""A meeting's tables as rows of text, and back (ui layer).

Who was invited and who came, what was decided (with any challenge and the team's response)
and the tasks that follow are typed into `RowsTable`s. These functions turn their rows into
the domain's values and back, and say in plain words which row is not ready ("Decision 2:
say who challenged it, when, and what they said.").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication

from fftimeline.domain.cases import CaseDraft
from fftimeline.domain.errors import DomainError
from fftimeline.domain.meetings import (
    ATTENDEE_KIND_LABELS,
    Attendee,
    AttendeeKind,
    Challenge,
    Decision,
)
from fftimeline.domain.tasks import TaskDraft
from fftimeline.ui.widgets.form_tables import cell_day, parse_cell_day

_CTX = "Meetings"
Rows = list[list[str]]


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def yes_no() -> list[str]:
    """The answers of an Invited or Came column."""
    return [_tr("Yes"), _tr("No")]


def who_answers() -> list[str]:
    """The answers of the "Who they are" column, in `AttendeeKind` order."""
    return [_tr(ATTENDEE_KIND_LABELS[k]) for k in AttendeeKind]


# People ------------------------------------------------------------------------------


def attendee_rows(attendees: Iterable[Attendee]) -> Rows:
    """Rows of name, who they are, role, invited, came."""
    yes, no = yes_no()
    kinds = dict(zip(AttendeeKind, who_answers(), strict=True))
    return [
        [a.name, kinds[a.kind], a.role, yes if a.invited else no, yes if a.attended else no]
        for a in attendees
    ]


def attendees_from(rows: Sequence[Sequence[str]]) -> tuple[Attendee, ...]:
    """The people of the rows; raises DomainError for a row without a name."""
    kinds = dict(zip(who_answers(), AttendeeKind, strict=True))
    yes = yes_no()[0]
    people = []
    for n, (name, who, role, invited, came) in enumerate(rows, start=1):
        if not name:
            raise DomainError(
                "attendee_needs_name", _tr("Person {n}: give their name.").format(n=n)
            )
        people.append(
            Attendee(
                name=name,
                kind=kinds.get(who, AttendeeKind.PROFESSIONAL),
                role=role,
                invited=invited == yes,
                attended=came == yes,
            )
        )
    return tuple(people)


def team_and_family_rows(case: CaseDraft, *, team: bool) -> Rows:
    """Rows for the case's team, or its family, each invited and there (to be corrected)."""
    yes = yes_no()[0]
    kinds = dict(zip(AttendeeKind, who_answers(), strict=True))
    if team:
        return [
            [
                m.name,
                kinds[AttendeeKind.TEAM],
                ", ".join(p for p in (m.role, m.agency) if p),
                yes,
                yes,
            ]
            for m in case.team
        ]
    return [[m.name, kinds[AttendeeKind.FAMILY], m.relationship, yes, yes] for m in case.family]


# Decisions ---------------------------------------------------------------------------


def decision_rows(decisions: Iterable[Decision]) -> Rows:
    """Rows of decision, challenged by, when, what they said, the team's response, when."""
    rows = []
    for d in decisions:
        c = d.challenge
        if c is None:
            rows.append([d.text, "", "", "", "", ""])
        else:
            rows.append(
                [d.text, c.by, cell_day(c.on), c.words, c.response, cell_day(c.response_on)]
            )
    return rows


def decisions_from(rows: Sequence[Sequence[str]]) -> tuple[Decision, ...]:
    """The decisions of the rows; raises DomainError naming the row that is not ready."""
    decisions = []
    for n, (text, by, on, words, response, answered) in enumerate(rows, start=1):
        where = _tr("Decision {n}").format(n=n)
        if not text:
            raise DomainError("decision_needs_text", f"{where}: " + _tr("write what was decided."))
        challenge = None
        if by or on or words or response or answered:
            day = parse_cell_day(on, where)
            if not by or day is None or not words:
                raise DomainError(
                    "challenge_incomplete",
                    f"{where}: " + _tr("say who challenged it, when, and what they said."),
                )
            challenge = Challenge(
                by=by,
                on=day,
                words=words,
                response=response,
                response_on=parse_cell_day(answered, where),
            )
        decisions.append(Decision(text=text, challenge=challenge))
    return tuple(decisions)


# Tasks that follow -------------------------------------------------------------------


def tasks_from(rows: Sequence[Sequence[str]]) -> list[TaskDraft]:
    """The follow-up tasks of the rows: each says what, who owns it, and maybe when."""
    tasks = []
    for n, (what, owner, due) in enumerate(rows, start=1):
        where = _tr("Task {n}").format(n=n)
        if not what or not owner:
            raise DomainError(
                "task_incomplete",
                f"{where}: " + _tr("say what is to be done and who owns it."),
            )
        tasks.append(TaskDraft(what=what, owner=owner, due=parse_cell_day(due, where, ahead=True)))
    return tasks
