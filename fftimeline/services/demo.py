"""The demo vault: two fictional cases to explore fftimeline safely (services layer).

`build_demo` returns plain domain objects, deterministic for a seed, with dates relative to
today: two hand-written storylines (see `demo_data`) plus everyday entries (visits, calls,
school updates) generated from a seeded random source so the timeline looks lived-in.
`write_demo` creates a vault and saves it all through the services, exactly as the app
would. `demo_passphrase` makes a fresh, random passphrase of plain words for it.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fftimeline.domain.dates import EventDate, today
from fftimeline.domain.entries import FamilyPosition, Impact, Kind, Nature, Significance
from fftimeline.domain.sources import Source
from fftimeline.services.demo_data import (
    EVERYONE,
    FAMILY,
    KW_JORDAN,
    KW_LEAH,
    MUM_JORDAN,
    MUM_LEAH,
    PROFESSIONALS,
    SCHOOL_JORDAN,
    SCHOOL_LEAH,
    SPECIALIST_LEAH,
    YOUTH_JORDAN,
    Dater,
    DemoCase,
    DemoEntry,
    DemoTask,
    entry,
    jordan_case,
    jordan_entries,
    jordan_links,
    jordan_tasks,
    leah_case,
    leah_entries,
    leah_links,
    leah_tasks,
    view,
)
from fftimeline.services.vault import OpenVault, create_vault
from fftimeline.store.connection import remove_vault_files

__all__ = ["DemoCase", "DemoEntry", "DemoTask", "build_demo", "demo_passphrase", "write_demo"]

CASE_SIZE = 75
"""Entries per demo case (storyline plus everyday entries): about 150 in all."""


@dataclass(frozen=True)
class _People:
    """Who the everyday entries of one case are about and come from."""

    child: str
    parent: str
    parent_source: Source
    school: Source
    key_worker: Source
    support: Source


_JORDAN = _People("Jordan", "Donna", MUM_JORDAN, SCHOOL_JORDAN, KW_JORDAN, YOUTH_JORDAN)
_LEAH = _People("Leah", "Karen", MUM_LEAH, SCHOOL_LEAH, KW_LEAH, SPECIALIST_LEAH)

_VISITS = (
    "talked about how the week had gone and what helps {c} feel safe",
    "went through the safety plan together; no changes needed",
    "{c} showed the key worker a project from school",
    "talked about sleep and food; {p} says both are better",
    "{c} asked about college courses; information to be brought next time",
)
_CALLS = (
    "{p} rang to say {c} had a calm week and was home on time every night",
    "{p} rang, worried after seeing unknown numbers on {c}'s phone; talked through what to do",
    "{p} asked for the date of the next meeting and whether {c} can attend part of it",
    "{p} said {c} has been spending evenings at home with family",
    "{p} rang to say {c} had a hard day at school and was upset; agreed to visit",
)
_SCHOOL = (
    "attendance this week was {n}%",
    "{c} did well in a maths assessment",
    "{c} was upset in class and was supported by the pastoral team",
    "{c} arrived late twice this week; staff checked in with {c} each time",
    "{c} has settled into the new tutor group",
)
_SESSIONS = (
    "one-to-one session about healthy and unhealthy relationships",
    "one-to-one session about staying safe online",
    "session about how adults use gifts and lifts to groom children",
    "planning session: who {c} can call when worried",
    "session on feelings and sleep; {c} chose the topic",
)
_GOOD = (
    "{c} went to a family birthday meal and enjoyed it",
    "{c} spent the weekend with grandparents",
    "{c} joined a Saturday sports session",
    "{c} was praised at school for helping a younger pupil",
    "{c} cooked a family meal with {p}",
)
_MEETINGS = (
    "core group meeting: plan reviewed, actions on track",
    "team meeting: updates shared from school, police and youth work",
    "supervision discussion of the case with the team manager",
)

_Filler = Callable[[random.Random, Dater, _People, int], DemoEntry]


def _say(rng: random.Random, options: Sequence[str], who: _People) -> str:
    text = rng.choice(options).format(c=who.child, p=who.parent, n=rng.randint(70, 96))
    return text[0].upper() + text[1:]


def _when(rng: random.Random, d: Dater, ago: int) -> EventDate:
    """Mostly exact dates, with a time of day about half of the time."""
    if rng.random() < 0.5:
        return d.exact(ago, f"{rng.randint(9, 19):02d}:{rng.choice((0, 15, 30, 45)):02d}")
    return d.exact(ago)


def _visit(rng: random.Random, d: Dater, who: _People, ago: int) -> DemoEntry:
    text = _say(rng, _VISITS, who)
    return entry(
        Kind.FAMILY_CONTACT,
        _when(rng, d, ago),
        f"Home visit: {text}",
        text + ".",
        Nature.FACT,
        source=who.key_worker,
        sharing=FAMILY,
        family=view(FamilyPosition.AGREE),
    )


def _call(rng: random.Random, d: Dater, who: _People, ago: int) -> DemoEntry:
    text = _say(rng, _CALLS, who)
    return entry(
        Kind.FAMILY_CONTACT,
        _when(rng, d, ago),
        text,
        text + ".",
        Nature.FAMILY_ACCOUNT,
        source=who.parent_source,
        sharing=FAMILY,
        family=view(FamilyPosition.AGREE),
    )


def _school(rng: random.Random, d: Dater, who: _People, ago: int) -> DemoEntry:
    text = _say(rng, _SCHOOL, who)
    position = rng.choice((FamilyPosition.AGREE, FamilyPosition.NOT_ASKED))
    return entry(
        Kind.INFORMATION,
        _when(rng, d, ago),
        f"School update: {text}",
        text + ".",
        Nature.REPORTED,
        source=who.school,
        sharing=EVERYONE,
        family=view(position),
        learned=d.day(max(ago - rng.randint(0, 3), 0)),
    )


def _session(rng: random.Random, d: Dater, who: _People, ago: int) -> DemoEntry:
    text = _say(rng, _SESSIONS, who)
    return entry(
        Kind.ACTION,
        _when(rng, d, ago),
        text,
        f"{text}. {who.child} took part.",
        Nature.FACT,
        source=who.support,
        impact=Impact.POSITIVE,
        sharing=EVERYONE,
        family=view(FamilyPosition.NOT_ASKED),
    )


def _good(rng: random.Random, d: Dater, who: _People, ago: int) -> DemoEntry:
    text = _say(rng, _GOOD, who)
    return entry(
        Kind.POSITIVE,
        _when(rng, d, ago),
        text,
        text + ".",
        Nature.FAMILY_ACCOUNT,
        source=who.parent_source,
        impact=Impact.POSITIVE,
        sharing=EVERYONE,
        family=view(FamilyPosition.AGREE),
    )


def _meeting(rng: random.Random, d: Dater, who: _People, ago: int) -> DemoEntry:
    text = _say(rng, _MEETINGS, who)
    return entry(
        Kind.MEETING,
        _when(rng, d, ago),
        text.split(":")[0].capitalize(),
        text + ".",
        Nature.FACT,
        source=who.key_worker,
        sharing=PROFESSIONALS,
        significance=Significance.ROUTINE,
        family=view(FamilyPosition.NOT_ASKED),
    )


_FILLERS: tuple[_Filler, ...] = (_visit, _call, _school, _session, _good, _meeting)


def _everyday(rng: random.Random, d: Dater, who: _People, count: int) -> list[DemoEntry]:
    """`count` everyday entries spread over the last two years."""
    days = sorted(rng.sample(range(4, 700), count), reverse=True)
    return [rng.choice(_FILLERS)(rng, d, who, ago) for ago in days]


def _case(
    demo: DemoCase, story: list[DemoEntry], rng: random.Random, d: Dater, who: _People
) -> DemoCase:
    """A case with its storyline topped up to `CASE_SIZE` entries."""
    extra = _everyday(rng, d, who, max(CASE_SIZE - len(story), 0))
    return DemoCase(case=demo.case, links=demo.links, entries=(*story, *extra), tasks=demo.tasks)


def build_demo(seed: int = 7, *, on: dt.date | None = None) -> list[DemoCase]:
    """The fictional demo cases, the same for the same seed and day.

    Args:
        seed: seeds the everyday entries; the storylines never change.
        on: the day to count back from (today by default).
    """
    rng = random.Random(seed)
    d = Dater(on or today())
    jordan = DemoCase(case=jordan_case(d), links=jordan_links(), tasks=jordan_tasks(d))
    leah = DemoCase(case=leah_case(d), links=leah_links(), tasks=leah_tasks(d))
    return [
        _case(jordan, jordan_entries(d), rng, d, _JORDAN),
        _case(leah, leah_entries(d), rng, d, _LEAH),
    ]


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
    for task in demo.tasks:
        entry_ids = frozenset(entries[i].id for i in task.entries)
        vault.tasks.add(case.id, task.draft.model_copy(update={"entry_ids": entry_ids}))


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
