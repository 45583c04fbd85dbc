"""The leak scan's own reading of an entry's structured parts (export layer, pure).

Meetings and support offers (`domain.meetings`, `domain.support`) are parts of entries. The
leak policy (`leak_policy`) reads their raw values here, each under the audience right that
shows it, independently of how the redaction words them:

- the base of the entry (every audience the entry goes to): why the parents were not
  invited, and the note of a support offer;
- next actions and outcomes: what the meeting decided;
- the family's view: each challenge to a decision and the team's response.

Names are not texts: people at a meeting are matched by the name rules. The team and other
professionals are never protected; family members and the child follow the family rules
(protected from audiences that see initials). An organisation offered is public.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from fftimeline.domain.entries import Entry
from fftimeline.domain.meetings import AttendeeKind


@dataclass(frozen=True)
class PartTexts:
    """The recorded text of an entry's structured parts, by the right that shows it."""

    base: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    family_view: tuple[str, ...] = ()

    @property
    def every(self) -> tuple[str, ...]:
        """All of it (an entry that does not go)."""
        return (*self.base, *self.actions, *self.family_view)


def part_texts(entry: Entry) -> PartTexts:
    """The texts of ``entry``'s meeting and support offer, by right ('' left out)."""
    base: list[str] = []
    actions: list[str] = []
    views: list[str] = []
    meeting = entry.meeting
    if meeting is not None:
        base.append(meeting.parents_not_invited_because)
        for decision in meeting.decisions:
            actions.append(decision.text)
            if decision.challenge is not None:
                views += [decision.challenge.words, decision.challenge.response]
    if entry.support is not None:
        base.append(entry.support.note)
    return PartTexts(
        tuple(t for t in base if t), tuple(t for t in actions if t), tuple(t for t in views if t)
    )


_NAMED = (AttendeeKind.TEAM, AttendeeKind.PROFESSIONAL)


def professionals_at_meetings(entries: Iterable[Entry]) -> Iterator[str]:
    """Names of the team and other professionals at any version's meeting (never protected)."""
    for entry in entries:
        if entry.meeting is not None:
            yield from (a.name for a in entry.meeting.attendees if a.kind in _NAMED)


def family_at_meetings(entries: Iterable[Entry]) -> Iterator[str]:
    """Names of family members and the child at any version's meeting (the family's rules)."""
    for entry in entries:
        if entry.meeting is not None:
            yield from (a.name for a in entry.meeting.attendees if a.kind not in _NAMED)
