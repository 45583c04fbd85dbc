"""The demo vault: two fictional cases to explore fftimeline safely (services layer).

`build_demo` returns plain domain objects, deterministic for a seed, with dates relative to
today: the hand-written storylines of ``resources/demo/cases/`` (read by `demo_story`) plus
everyday entries (visits, calls, school updates) made from ``resources/demo/everyday.toml``
with a seeded random source so the timeline looks lived-in. `write_demo` creates a vault and
saves it all through the services, exactly as the app would. `demo_passphrase` makes a
fresh, random passphrase of plain words for it.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from pathlib import Path

from fftimeline.domain.dates import EventDate, today
from fftimeline.domain.entries import EntryDraft
from fftimeline.domain.tasks import TaskDraft, TaskStatus
from fftimeline.domain.views import PersonView, ViewHolder
from fftimeline.services.demo_files import CaseFile, Dater, EverydayKind
from fftimeline.services.demo_story import DemoCase, DemoEntry, DemoTask, Story, load_story
from fftimeline.services.vault import OpenVault, create_vault
from fftimeline.store.connection import remove_vault_files

__all__ = ["DemoCase", "DemoEntry", "DemoTask", "build_demo", "demo_passphrase", "write_demo"]


def _when(rng: random.Random, d: Dater, ago: int) -> EventDate:
    """Mostly exact dates, with a time of day about half of the time."""
    if rng.random() < 0.5:
        hhmm = f"{rng.randint(9, 19):02d}:{rng.choice((0, 15, 30, 45)):02d}"
        return EventDate.exact(d.day(ago), dt.time.fromisoformat(hhmm))
    return EventDate.exact(d.day(ago))


def _everyday_entry(
    rng: random.Random, d: Dater, story: Story, data: CaseFile, ago: int
) -> DemoEntry:
    """One everyday entry `ago` days back, of a kind and phrase picked by `rng`."""
    how: EverydayKind = rng.choice(story.everyday.kinds)
    people = data.everyday
    phrase = rng.choice(how.phrases).format(
        child=people.child, parent=people.parent, percent=rng.randint(70, 96)
    )
    text = phrase[0].upper() + phrase[1:]
    words = {"text": text, "topic": text.split(":")[0].capitalize(), "child": people.child}
    position = how.family_view[0] if len(how.family_view) == 1 else rng.choice(how.family_view)
    when = _when(rng, d, ago)
    lag = how.learned_up_to_days_later
    learned = None if lag is None else d.day(max(ago - rng.randint(0, lag), 0))
    draft = EntryDraft(
        kind=how.kind,
        event_date=when,
        learned_on=learned,
        summary=how.summary.format(**words),
        account=how.account.format(**words),
        nature=how.nature,
        source=data.sources[getattr(people, how.source)],
        views=tuple(
            v for v in (PersonView(holder=ViewHolder.FAMILY, position=position),) if v.is_recorded
        ),
        significance=how.significance,
        impact=how.impact,
        sharing=story.sharing[how.sharing],
    )
    return DemoEntry(draft=draft)


def _everyday(
    rng: random.Random, d: Dater, story: Story, data: CaseFile, count: int
) -> list[DemoEntry]:
    """`count` everyday entries spread over the last two years."""
    days = sorted(rng.sample(range(4, 700), count), reverse=True)
    return [_everyday_entry(rng, d, story, data, ago) for ago in days]


def build_demo(seed: int = 7, *, on: dt.date | None = None) -> list[DemoCase]:
    """The fictional demo cases, the same for the same seed and day.

    Args:
        seed: seeds the everyday entries; the storylines never change.
        on: the day to count back from (today by default).

    Raises:
        DemoStoryError: a demo story file is missing or has a mistake.
    """
    story = load_story()
    rng = random.Random(seed)
    d = Dater(on or today())
    cases = []
    for case_file in story.cases:
        demo = story.build_case(case_file, d)
        extra = max(story.everyday.entries_per_case - len(demo.entries), 0)
        filler = _everyday(rng, d, story, case_file.data, extra)
        cases.append(
            DemoCase(
                case=demo.case,
                links=demo.links,
                entries=(*demo.entries, *filler),
                tasks=demo.tasks,
            )
        )
    return cases


def _save_case(vault: OpenVault, demo: DemoCase) -> None:
    """Save one demo case, its register, entries (one transaction) and tasks."""
    case = vault.cases.add(demo.case)
    ids: dict[str, int] = {}
    for key, item in demo.links.items():
        saved = vault.links.save(case.id, item)
        assert saved.id is not None
        ids[key] = saved.id
    drafts = [
        e.draft.model_copy(update={"link_ids": frozenset(ids[k] for k in e.links)})
        for e in demo.entries
    ]
    entries = vault.entries.add_many(case.id, drafts)
    _close_actions(vault, case.id, demo, [e.id for e in entries])
    for task in demo.tasks:
        entry_ids = frozenset(entries[i].id for i in task.entries)
        vault.tasks.add(case.id, task.draft.model_copy(update={"entry_ids": entry_ids}))


def _close_actions(vault: OpenVault, case_id: int, demo: DemoCase, ids: list[int]) -> None:
    """Serious risks of the story acted on long ago: the tasks of their next actions are done."""
    done = {ids[i]: e.action_done for i, e in enumerate(demo.entries) if e.action_done}
    for task in vault.tasks.tasks(case_id):
        outcome = done.get(task.next_action_of or 0)
        if outcome:
            fields = task.model_dump(include=set(TaskDraft.model_fields))
            fields.update(status=TaskStatus.DONE, outcome=outcome)
            vault.tasks.update(task.id, TaskDraft.model_validate(fields))


def write_demo(
    path: Path, passphrase: bytearray, *, actor: str, seed: int = 7, replace: bool = False
) -> None:
    """Create a new vault at `path` holding the demo cases.

    If saving fails part-way, the half-written vault is removed so no broken demo is left
    behind. With ``replace`` an earlier demo vault at `path` is removed first (the app's
    own demo file, whose passphrase was shown once and is gone). The caller zeroes
    `passphrase` afterwards.

    Raises:
        VaultExists: a file is already at `path` (it is left untouched).
        WeakPassphrase: the passphrase is too easy to guess.
    """
    if replace:
        remove_vault_files(path)
    vault = create_vault(path, passphrase, actor=actor)
    try:
        for demo in build_demo(seed):
            _save_case(vault, demo)
    except BaseException:
        vault.close()
        remove_vault_files(path)
        raise
    vault.close()


_WORD_TEXT = (
    "acorn amber anchor apple arrow aspen autumn badger bamboo banjo barley basil beacon "
    "beetle biscuit blossom bracken breeze brook bucket cabin cactus camel candle canyon "
    "carrot castle cedar cherry cinder clover cobalt comet copper coral cotton cricket "
    "daisy delta denim dingo dolphin donkey dragon ember falcon fennel ferry fiddle fig "
    "flint forest fossil fountain galaxy garden garnet ginger glacier goose granite "
    "harbour harvest hazel heron hollow honey island ivy jasmine jigsaw juniper kettle "
    "kiwi ladder lagoon lantern lemon lilac linen lobster locket lotus magnet mango maple "
    "marble meadow melon mint mitten moss nectar nutmeg oasis olive onion orbit orchid "
    "otter oyster paddle pebble pepper piano pigeon pillow pine planet plum pocket pony "
    "puffin quartz quill rabbit radish raven reef ribbon river robin rocket saddle "
    "saffron salmon satchel sequin shadow shell silver slate sparrow spruce squirrel "
    "staple summit sunset swan thistle thunder timber tulip tunnel turnip velvet violet "
    "walnut willow window winter wombat yarrow zebra zephyr"
)
_WORDS = tuple(_WORD_TEXT.split())


def demo_passphrase(words: int = 5) -> bytearray:
    """A fresh random passphrase of plain words, e.g. 'otter-maple-quill-harbour-ember'.

    Words come from a built-in list of about 200, chosen with `secrets`, so five words give
    about 38 bits: plenty for a demo vault holding no real case.
    """
    chosen = [secrets.choice(_WORDS) for _ in range(words)]
    return bytearray("-".join(chosen).encode("ascii"))
