"""Print speed: a 1,000-entry parents' timeline as a PDF, against a bare QTextDocument.

Measures, in the same run:

* the whole PDF through ``services.printing`` on a real encrypted vault (load, redact,
  build the document, lay out and render, neutral properties, fail-closed leak scan,
  atomic write, disclosure record)                                         target: < 5 s;
* its parts: preparing the document, rendering, the independent leak scan (gathering its
  own raw values from the vault, then reading the PDF back and scanning it);
* the baseline: the same text put into a bare ``QTextDocument`` and printed to a
  ``QPdfWriter`` in memory (no layout of ours, no scan).

Each figure is printed as seconds and as a ratio to the baseline.

Run: ``.venv/bin/python -m bench.print_bench`` (files go to a temp folder).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QPdfWriter, QTextDocument

from fftimeline.domain.dates import EventDate
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.export.document import Document
from fftimeline.export.pdf_protect import neutral_pdf
from fftimeline.printing import render_pdf
from fftimeline.services.leak_check import prepare as prepare_leak_check
from fftimeline.services.print_scan import scan_pdf
from fftimeline.services.printing import PrintRequest, export_pdf, prepare
from fftimeline.services.vault import create_vault
from fftimeline.settings import example_support
from tests.factories import make_case, make_entry, make_person, passphrase

N = 1_000
WORDS = ["seen", "near", "the", "park", "with", "friends", "late", "at", "night", "school"]
FAMILY = Sharing(audiences=frozenset(Audience))


def _drafts(n: int, link_id: int) -> list[Any]:
    rng = random.Random(9)
    start = dt.date(2020, 1, 1)
    return [
        make_entry(
            event_date=EventDate.exact(start + dt.timedelta(days=i * 2)),
            summary=f"Entry {i}: " + " ".join(rng.choice(WORDS) for _ in range(8)),
            account="Bugsy " + " ".join(rng.choice(WORDS) for _ in range(40)),
            sharing=FAMILY if i % 5 else Sharing(),
            link_ids=frozenset({link_id}) if i % 10 == 0 else frozenset(),
        )
        for i in range(n)
    ]


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def _bare(document: Document) -> bytes:
    """The baseline: the document's text in a plain QTextDocument, printed to a PDF."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    text = QTextDocument()
    text.setPlainText("\n".join(document.texts()))
    text.print_(writer)
    buffer.close()
    return bytes(data.data())


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(["bench"])
    assert app is not None
    with tempfile.TemporaryDirectory() as folder:
        vault = create_vault(Path(folder) / "bench.fft", passphrase(), actor="Bench")
        try:
            case = vault.cases.add(make_case(key_worker_phone="01632 960 100"))
            person = vault.links.save(case.id, make_person())
            drafts = _drafts(N + N // 4, person.id or 0)  # 1 in 5 is not shared with parents
            vault.entries.add_many(case.id, drafts)
            request = PrintRequest("parents-carers", "Grace Okafor", "Keeping the family informed")
            support = example_support()
            out = Path(folder) / "timeline.pdf"

            def whole() -> Any:
                prepared = prepare(vault, case.id, request, support)
                return export_pdf(vault, case.id, prepared, out, render_pdf)

            t_whole, result = _timed(whole)
            t_prep, prepared = _timed(lambda: prepare(vault, case.id, request, support))
            t_render, data = _timed(lambda: neutral_pdf(render_pdf(prepared.document)))
            profile = prepared.chron.profile
            t_check, check = _timed(lambda: prepare_leak_check(vault, case.id, profile))
            t_scan, _ = _timed(lambda: scan_pdf(data, prepared.document, check, out.name))
            t_bare, _ = _timed(lambda: _bare(prepared.document))
        finally:
            vault.close()
    print(f"{len(prepared.entry_ids)} entries for the parents on {result.pages} pages")
    print(f"baseline  bare QTextDocument -> QPdfWriter  {t_bare:6.2f} s   1.00x")
    for name, secs in (
        ("prepare (load, redact, build)", t_prep),
        ("render (layout, PDF, properties)", t_render),
        ("leak scan: gather its raw values", t_check),
        ("leak scan: read back and scan", t_scan),
        ("whole export_pdf", t_whole),
    ):
        print(f"{name:38s}  {secs:6.2f} s  {secs / t_bare:5.2f}x")
    print(f"target: whole PDF under 5 s -> {'met' if t_whole < 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
