r"""Wording check speed, as ratios against a plain regular-expression pass over the same text.

Measures, in the same run:

* checking a 2,000-word account (median of 30)                            target: < 20 ms;
* checking every entry of a 10,000-entry case: the checker over the loaded entries, and
  the whole service call (read from the encrypted vault, then check)        target: < 3 s;
* typing into the entry editor's full account holding 2,000 words (median time per
  keystroke over 200 keystrokes), against a bare ``QPlainTextEdit`` holding the same text;
  and the one check that runs when typing pauses.

The baseline is one plain regular-expression pass over the same texts, ``\w+`` with
``findall``: the least any check that reads every word must do.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.wording_bench`` (about a minute).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fftimeline.domain.dates import EventDate
from fftimeline.domain.views import PersonView, ViewHolder
from fftimeline.domain.wording_check import checked_texts
from fftimeline.language import RuleBook, builtin_rules, check, context_for
from fftimeline.services.vault import OpenVault, create_vault
from tests.factories import make_case, make_entry, passphrase

ENTRIES = 10_000
NEUTRAL = [
    "At 15:20 Jayden was seen getting into a grey car outside the school gates.",
    "Mum says he told her it was a friend from the estate and that he came home at 23:00.",
    "The Head of Year rang to say that Jayden had not been in school since Tuesday.",
    "We talked about what would help him feel safer on the way home; he said the bus.",
    "Police attended the address at 02:00 and spoke to the occupants; no arrests were made.",
    "Jayden said he was tired and hungry and wanted to go to bed.",
    "A return home interview was offered for Thursday afternoon at the youth centre.",
    "He did not want to talk about the car, but said he would go to football on Saturday.",
    "Mum has asked for help getting him to school in the mornings; she is worried.",
    "The strategy meeting agreed that police will visit the flat and speak to the landlord.",
]
FLAGGED = [
    "Head of Year thinks Jayden is choosing to hang around with older boys.",
    "Mum is hostile and in denial about the risks.",
    'Jayden said "I chose to go back there" and laughed.',
    "He keeps going missing and is putting himself at risk.",
    "Mum says the man (24) is her boyfriend.",
]


def _sentence(rng: random.Random) -> str:
    return rng.choice(FLAGGED if rng.random() < 0.08 else NEUTRAL)


def account(words: int, seed: int = 1) -> str:
    """A made-up account of about ``words`` words, in paragraphs, with a few findings."""
    rng = random.Random(seed)
    parts: list[str] = []
    count = 0
    while count < words:
        sentence = _sentence(rng)
        parts.append(sentence + ("\n" if rng.random() < 0.15 else " "))
        count += len(sentence.split())
    return "".join(parts).strip()


PLAIN = re.compile(r"\w+")
"""The baseline: one plain regular-expression pass that reads every word of the text."""


def median(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def row(name: str, ours: float, raw: float, target: str) -> None:
    ratio = ours / raw if raw else float("nan")
    print(f"{name:<46} {ours * 1000:>10.2f} ms {raw * 1000:>10.2f} ms {ratio:>8.2f}x  {target}")


def bench_account(book: RuleBook, plain: re.Pattern[str]) -> None:
    text = account(2000)
    context = context_for(make_case())
    check(text, book, context)  # compile once, as the app does on first use
    ours = median(lambda: check(text, book, context), 30)
    raw = median(lambda: plain.findall(text), 30)
    found = len(check(text, book, context))
    row(f"check a 2,000-word account ({found} findings)", ours, raw, "< 20 ms")


def build_case(folder: Path) -> tuple[OpenVault, int]:
    rng = random.Random(3)
    vault = create_vault(folder / "bench.fft", passphrase(), actor="bench")
    case = vault.cases.add(make_case(date_of_birth=dt.date(2010, 4, 2)))
    base = make_entry()
    start = dt.date(2016, 1, 1)
    drafts = []
    for _ in range(ENTRIES):
        when = EventDate.exact(start + dt.timedelta(days=rng.randrange(3300)))
        body = " ".join(_sentence(rng) for _ in range(rng.randrange(1, 6)))
        said = _sentence(rng) if rng.random() < 0.3 else ""
        view = (PersonView(holder=ViewHolder.FAMILY, text=said),) if said else ()
        drafts.append(
            base.model_copy(
                update={
                    "summary": _sentence(rng)[:120],
                    "account": body,
                    "views": view,
                    "event_date": when,
                }
            )
        )
    vault.entries.add_many(case.id, drafts)
    return vault, case.id


def bench_case(book: RuleBook, plain: re.Pattern[str], folder: Path) -> None:
    vault, case_id = build_case(folder)
    try:
        entries = vault.entries.entries(case_id)
        case = vault.cases.get(case_id)
        texts = [text for e in entries for _field, text in checked_texts(e)]
        words = sum(len(t.split()) for t in texts)

        def checker() -> object:
            return [
                check(t, book, context_for(case, e.event_date))
                for e in entries
                for _f, t in checked_texts(e)
            ]

        ours = median(checker, 3)
        raw = median(lambda: [plain.findall(t) for t in texts], 3)
        row(f"check every entry of a 10,000-entry case ({words:,} words)", ours, raw, "< 3 s")
        service = median(lambda: vault.wording.case_findings(case_id), 3)
        row("the same through the service (read + check)", service, raw, "< 3 s")
    finally:
        vault.close()


def _keystrokes(widget: Any, app: Any, count: int) -> float:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    cursor = widget.textCursor()
    cursor.setPosition(len(widget.toPlainText()) // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord)
    widget.setTextCursor(cursor)
    widget.setFocus()
    app.processEvents()
    times = []
    for i in range(count):
        key = Qt.Key.Key_Space if i % 6 == 5 else Qt.Key.Key_A
        start = time.perf_counter()
        QTest.keyClick(widget, key)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_typing() -> None:
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    app = QApplication.instance() or QApplication([])
    text = account(2000)
    bare = QPlainTextEdit()
    bare.setPlainText(text)
    bare.resize(900, 300)
    bare.show()
    raw = _keystrokes(bare, app, 200)
    with tempfile.TemporaryDirectory() as folder:
        vault = create_vault(Path(folder) / "typing.fft", passphrase(), actor="bench")
        case = vault.cases.add(make_case())
        unchecked = _editor_keystrokes(vault, case.id, text, app, checked=False)
        ours, pause = _editor_keystrokes(vault, case.id, text, app, checked=True)
        vault.close()
    row("a keystroke in the editor, 2,000-word account", ours, raw, "no slower to type")
    row("  the same editor without the wording check", unchecked[0], raw, "")
    row("the check when typing pauses (check + underline)", pause, raw, "< 20 ms")


def _editor_keystrokes(
    vault: OpenVault, case_id: int, text: str, app: Any, *, checked: bool
) -> tuple[float, float]:
    """(median keystroke, median check after a pause) in a real entry editor."""
    from PySide6.QtWidgets import QPlainTextEdit

    from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog
    from fftimeline.ui.wording.surfaces import PlainSurface

    editor = EntryEditorDialog(None, vault, case_id)
    editor.show()
    box = editor.form.fields.widgets["account"]
    assert isinstance(box, QPlainTextEdit)
    underliner = editor.wording.underliners["account"]
    if not checked:  # take this field's wording check away, to see what it costs
        surface = underliner.surface
        assert isinstance(surface, PlainSurface)
        surface.edited.disconnect()
        surface.highlighter.setDocument(None)
    box.setPlainText(text)
    underliner.recheck_now()
    typing = _keystrokes(box, app, 200)
    pause = median(lambda: _recheck(underliner, box), 10) if checked else 0.0
    editor._closing = True
    editor.done(0)
    return typing, pause


def _recheck(underliner: Any, box: Any) -> None:
    box.insertPlainText("x")
    underliner.recheck_now()


def main() -> None:
    book = builtin_rules()
    plain = PLAIN
    print(f"wording bench: {len(book)} rules (version {book.version})")
    print(f"{'what':<46} {'ours':>13} {'raw regex':>13} {'ratio':>9}  target")
    bench_account(book, plain)
    with tempfile.TemporaryDirectory() as folder:
        bench_case(book, plain, Path(folder))
    bench_typing()
    print("raw regex = one plain pass, re.findall(r'\\w+') over the same text;")
    print("for keystrokes, 'raw' is a bare QPlainTextEdit holding the same 2,000 words.")


if __name__ == "__main__":
    main()
