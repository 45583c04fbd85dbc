"""The demo story is data in resources/demo/: it builds the same demo as the code it replaced.

`tests/fixtures/demo-2025-06-15.json` was written from the Python demo data (the former
`services/demo_data.py`) for 15 June 2025 before that module was deleted; the data files must
give exactly the same cases, register, entries and tasks for that day and seed. It was
rewritten once on purpose, when the printed timelines came (issue 9): the key workers'
organisation, phone and email, and one concern from a withheld source that the parents may
see (so their timeline shows "The person who told us is not named"). The grey
Audi entry's account was then changed on purpose to carry the wording check's example (issue 10).
It was rewritten again when views became per person (issue 11): each person's view (Donna's,
Karen's, the child's own), Jordan's wish to tell Donna himself, a child's account, the
serious risks' next actions with their due dates and outcomes, and no supervision notes
among the everyday entries (which changes which everyday entries are picked).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from fftimeline.assets import resource_path
from fftimeline.domain.cases import CaseDraft
from fftimeline.domain.entries import EntryDraft
from fftimeline.domain.people import Linked
from fftimeline.domain.tasks import TaskDraft
from fftimeline.services.demo import build_demo
from fftimeline.services.demo_files import Dater
from fftimeline.services.demo_story import DemoStoryError, load_story

FIXTURE = Path(__file__).parents[2] / "fixtures" / "demo-2025-06-15.json"
DAY = dt.date(2025, 6, 15)


def test_the_data_files_give_the_same_demo_as_the_former_python_data() -> None:
    before = json.loads(FIXTURE.read_text(encoding="utf-8"))
    now = build_demo(7, on=DAY)
    assert len(now) == len(before) == 2
    for old, new in zip(before, now, strict=True):
        assert new.case == CaseDraft.model_validate(old["case"])
        assert new.links == {k: Linked.model_validate(v) for k, v in old["links"].items()}
        assert [e.draft for e in new.entries] == [
            EntryDraft.model_validate(e["draft"]) for e in old["entries"]
        ]
        assert [e.links for e in new.entries] == [tuple(e["links"]) for e in old["entries"]]
        assert [(t.draft, t.entries) for t in new.tasks] == [
            (TaskDraft.model_validate(t["draft"]), tuple(t["entries"])) for t in old["tasks"]
        ]


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    shutil.copytree(resource_path("demo"), folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edited_story_file_changes_the_demo(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _edit(
        folder / "cases" / "jordan.toml",
        'summary = "Jordan not home; Donna reported him missing"',
        'summary = "Jordan was not home by ten"',
    )
    story = load_story(folder)
    case = story.build_case(story.cases[0], Dater(DAY))
    summaries = [e.draft.summary for e in case.entries]
    assert "Jordan was not home by ten" in summaries
    assert "Jordan not home; Donna reported him missing" not in summaries


def test_text_written_over_several_lines_reads_as_one_line() -> None:
    story = load_story()
    account = story.cases[0].data.entries[1].account
    assert "\n" not in account
    assert "Jordan said 'a mate' gave them to him." in account


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('kind = "missing-episode"', 'kind = "missing-epsiode"', "cases/jordan.toml"),
        ('source = "mum"', 'source = "mother"', "no source called 'mother'"),
        ('links = ["cedar"]', 'links = ["cedars"]', "no register key called 'cedars'"),
        ('sharing = "everyone"', 'sharing = "everybody"', "sharing choice"),
        ("days_ago = 580", "days_ago = -580", "days_ago"),
        ('arises_from = ["Jordan says', 'arises_from = ["Jordan said', "entry summary"),
        (
            'child_name = "Jordan Reid"',
            'child_nme = "Jordan Reid"',
            "case → child_name: Field required",
        ),
        ('time = "23:15"', 'time = "25:15"', "time"),
    ],
)
def test_a_mistake_in_a_case_file_is_named_in_plain_words(
    tmp_path: Path, old: str, new: str, words: str
) -> None:
    folder = _copy(tmp_path)
    _edit(folder / "cases" / "jordan.toml", old, new)
    with pytest.raises(DemoStoryError) as caught:
        load_story(folder)
    message = str(caught.value)
    assert message.startswith("The demo story file cases/jordan.toml")
    assert words in message
    assert "Traceback" not in message


def test_a_missing_or_broken_file_is_reported(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    (folder / "everyday.toml").unlink()
    with pytest.raises(DemoStoryError, match=r"everyday\.toml is missing"):
        load_story(folder)
    folder = _copy(tmp_path / "again")
    (folder / "sharing.toml").write_text('[everyone]\naudiences = ["child"', encoding="utf-8")
    with pytest.raises(DemoStoryError, match=r"sharing\.toml cannot be read"):
        load_story(folder)
    folder = _copy(tmp_path / "third")
    shutil.rmtree(folder / "cases")
    with pytest.raises(DemoStoryError, match="no case files"):
        load_story(folder)


def test_a_task_may_not_name_an_audience_that_does_not_exist(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _edit(folder / "sharing.toml", '"child", "police"]', '"child", "press"]')
    with pytest.raises(DemoStoryError, match=r"sharing\.toml \[everyone\]"):
        load_story(folder)
