"""The demo story, read from data files in ``resources/demo/`` (services layer).

The fictional cases of the demo vault are data, not code, so anyone can read and edit them:
one TOML file per case in ``resources/demo/cases/`` (the case, its sources, register, storyline
entries and tasks), the sharing choices the entries pick from in ``sharing.toml``, and the
everyday entries that fill the gaps in ``everyday.toml``. Dates are written as "days ago" and
turned into real dates by `Dater` on the day the demo vault is made, so it always looks current.

`load_story` validates every file into the same domain objects the entry editor makes; a
mistake in a file is reported as one `DemoStoryError` naming the file and the field.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from fftimeline.assets import resource_path
from fftimeline.domain.cases import CaseDraft
from fftimeline.domain.entries import EntryDraft
from fftimeline.domain.errors import DomainError
from fftimeline.domain.people import Linked
from fftimeline.domain.sharing import Sharing
from fftimeline.domain.tasks import TaskDraft
from fftimeline.services.demo_files import (
    CaseFile,
    Dater,
    EntrySpec,
    EverydayFile,
    SharingSpec,
)

__all__ = [
    "Dater",
    "DemoCase",
    "DemoEntry",
    "DemoStoryError",
    "DemoTask",
    "Story",
    "StoryCase",
    "load_story",
]


ModelT = TypeVar("ModelT", bound=BaseModel)


class DemoStoryError(DomainError):
    """A demo story file is missing or has a mistake; the message names the file and field."""

    def __init__(self, message: str) -> None:
        super().__init__("demo_story_invalid", message)


@dataclass(frozen=True)
class DemoEntry:
    """An entry draft plus the register keys it links to (ids exist only once saved)."""

    draft: EntryDraft
    links: tuple[str, ...] = ()
    action_done: str = ""
    """What came of its next action: the task made for it is then done (see `demo`)."""


@dataclass(frozen=True)
class DemoTask:
    """A task draft plus the positions (in the case's entry list) it arises from."""

    draft: TaskDraft
    entries: tuple[int, ...] = ()


@dataclass(frozen=True)
class DemoCase:
    """One fictional case: the case itself, its register, entries and tasks."""

    case: CaseDraft
    links: dict[str, Linked] = field(default_factory=dict)
    entries: tuple[DemoEntry, ...] = ()
    tasks: tuple[DemoTask, ...] = ()


@dataclass(frozen=True)
class StoryCase:
    """One case file as read: its validated content and its file name for messages."""

    name: str
    data: CaseFile


@dataclass(frozen=True)
class Story:
    """Everything in ``resources/demo/``: the cases, sharing choices and everyday entries."""

    cases: tuple[StoryCase, ...]
    sharing: dict[str, Sharing]
    everyday: EverydayFile

    def build_case(self, story: StoryCase, d: Dater) -> DemoCase:
        """The case, register, storyline entries and tasks of one file, dated from `d`."""
        data = story.data
        try:
            entries = tuple(self._entry(spec, data, d) for spec in data.entries)
            case = data.case.draft(d)
            tasks = tuple(
                DemoTask(spec.draft(d), data.positions(spec.arises_from)) for spec in data.tasks
            )
        except ValidationError as exc:
            raise DemoStoryError(_problem(story.name, exc)) from None
        return DemoCase(case=case, links=dict(data.register_), entries=entries, tasks=tasks)

    def _entry(self, spec: EntrySpec, data: CaseFile, d: Dater) -> DemoEntry:
        draft = EntryDraft(
            kind=spec.kind,
            event_date=spec.event_date(d),
            learned_on=None if spec.learned_days_ago is None else d.day(spec.learned_days_ago),
            summary=spec.summary,
            account=spec.account,
            nature=spec.nature,
            opinion_of=spec.opinion_of,
            source=None if spec.source is None else data.sources[spec.source],
            no_source_reason=spec.no_source_reason,
            views=spec.views(),
            child_wish=spec.child_wish(),
            significance=spec.significance,
            impact=spec.impact,
            next_action=spec.next_action,
            next_action_owner=spec.next_action_owner,
            next_action_due=spec.action_due(d),
            no_action_reason=spec.no_action_reason,
            outcome=spec.outcome,
            sharing=self.sharing[spec.sharing],
            grading=spec.grading,
        )
        return DemoEntry(draft=draft, links=spec.links, action_done=spec.action_done)


def load_story(folder: Path | None = None) -> Story:
    """Read and check every demo story file (from the app's resources unless `folder`).

    Raises:
        DemoStoryError: a file is missing, is not valid TOML, or has a mistake in a field.
    """
    root = folder or resource_path("demo")
    sharing_data = _read(root, "sharing.toml")
    sharing = {
        name: _valid(SharingSpec, body, f"sharing.toml [{name}]").sharing()
        for name, body in sharing_data.items()
    }
    everyday = _valid(EverydayFile, _read(root, "everyday.toml"), "everyday.toml")
    paths = sorted((root / "cases").glob("*.toml"))
    if not paths:
        raise DemoStoryError("The demo story has no case files in resources/demo/cases.")
    cases = []
    for path in paths:
        name = f"cases/{path.name}"
        data = _valid(CaseFile, _read(root, name), name)
        _check_names(name, data, sharing, everyday)
        cases.append(StoryCase(name=name, data=data))
    return Story(cases=tuple(cases), sharing=sharing, everyday=everyday)


def _check_names(
    name: str, data: CaseFile, sharing: dict[str, Sharing], everyday: EverydayFile
) -> None:
    """Every sharing choice an entry or everyday kind names must be in sharing.toml."""
    wanted = {e.sharing for e in data.entries} | {k.sharing for k in everyday.kinds}
    unknown = sorted(wanted - set(sharing))
    if unknown:
        raise DemoStoryError(
            f"The demo story file {name} names a sharing choice that is not in "
            f"sharing.toml: {unknown[0]}."
        )


def _read(root: Path, name: str) -> dict[str, Any]:
    try:
        with (root / name).open("rb") as handle:
            data: dict[str, Any] = _fold(tomllib.load(handle))
    except OSError:
        raise DemoStoryError(f"The demo story file {name} is missing.") from None
    except tomllib.TOMLDecodeError as exc:
        raise DemoStoryError(f"The demo story file {name} cannot be read: {exc}.") from None
    return data


def _fold(value: Any) -> Any:
    """Join text written over several lines into one line, as it reads in the file."""
    if isinstance(value, str):
        return re.sub(r"[ \t]*\n[ \t]*", " ", value.strip())
    if isinstance(value, dict):
        return {key: _fold(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_fold(item) for item in value]
    return value


def _valid(model: type[ModelT], data: dict[str, Any], name: str) -> ModelT:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DemoStoryError(_problem(name, exc)) from None


def _problem(name: str, exc: ValidationError) -> str:
    """The first mistake in plain words, with where it is ('entries → 4 → kind')."""
    first = exc.errors()[0]
    where = " → ".join(str(part + 1 if isinstance(part, int) else part) for part in first["loc"])
    place = f" at {where}" if where else ""
    return f"The demo story file {name} has a mistake{place}: {first['msg']}"
