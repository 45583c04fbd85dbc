"""Main window speed and memory on a large vault, as ratios against the store alone.

Builds (in a child process, so its memory is not counted) a vault of 10 cases of 10,000
entries each = 100,000 entries, then in this process opens it offscreen and measures:

* selecting a 10,000-entry case until its first rows are in the table, against
  `vault.entries.entries(case_id)` alone (target: < 0.5 s);
* an as-you-type search through the window (service search + table narrowing), against
  `vault.entries.search` alone (target: < 100 ms);
* peak resident memory of this process with the vault open and a case shown (< 400 MB).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.ui_bench``
"""

from __future__ import annotations

import datetime as dt
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

CASES = 10
PER_CASE = 10_000
PASSPHRASE = "correct horse battery staple 42"
WORDS = [
    *("car", "flat", "school", "park", "station", "phone", "cash", "bus", "shop"),
    *("party", "friend", "cousin", "youth", "club", "train", "knife", "bike", "hoodie"),
    *("chicken", "takeaway", "garage", "alley", "estate", "canal", "bridge", "market"),
]


def build(path: Path) -> None:
    """Write the benchmark vault (run in a child process)."""
    from fftimeline.domain.dates import EventDate
    from fftimeline.services.vault import create_vault
    from tests.factories import make_case, make_entry

    rng = random.Random(7)
    vault = create_vault(path, bytearray(PASSPHRASE.encode()), actor="bench")
    base = make_entry()
    start = dt.date(2015, 1, 1)
    for c in range(CASES):
        case = vault.cases.add(make_case(child_name=f"Child Number{c}"))
        drafts = []
        for i in range(PER_CASE):
            words = " ".join(rng.sample(WORDS, 4))
            when = EventDate.exact(start + dt.timedelta(days=rng.randrange(3650)))
            drafts.append(base.model_copy(update={"summary": f"{words} {i}", "event_date": when}))
        vault.entries.add_many(case.id, drafts)
    vault.close()


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def measure(path: Path) -> None:
    """Open the vault in the main window and print the figures."""
    from PySide6.QtWidgets import QApplication

    from fftimeline.services.vault import open_vault
    from fftimeline.ui.main_window import SEARCH_LIMIT, MainWindow

    app = QApplication.instance() or QApplication([])
    vault = open_vault(path, bytearray(PASSPHRASE.encode()), actor="bench")
    window = MainWindow(vault)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    case_ids = [window.ui.case_model.summary_at(r).case.id for r in range(CASES)]

    store = [_timed(partial(vault.entries.entries, c)) for c in case_ids[1:4]]

    def select(case_id: int) -> None:
        window.ui.case_panel.select(case_id)
        app.processEvents()
        assert window.ui.proxy.rowCount() == PER_CASE

    ui = [_timed(partial(select, c)) for c in case_ids[4:7]]
    _report("select a 10,000-entry case", statistics.median(ui), statistics.median(store))

    case_id = window.current_case_id or case_ids[0]
    queries = ["ca", "car fl", "school kni", "bridge canal", "hood"]
    raw = [
        _timed(partial(vault.entries.search, q, case_id=case_id, limit=SEARCH_LIMIT))
        for q in queries
    ]

    def search(query: str) -> None:
        window.ui.search.setText(query)
        window.ui.search.search_requested.emit(query)
        app.processEvents()

    typed = [_timed(partial(search, q)) for q in queries]
    _report(
        "search as you type (100,000 in vault)", statistics.median(typed), statistics.median(raw)
    )
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory with the vault open and a case shown: {rss_mb:.0f} MB (target < 400)")
    window.clear_case_data()
    window.close()
    vault.close()


def _report(what: str, ui: float, raw: float) -> None:
    print(
        f"{what}: {ui * 1000:.0f} ms in the window vs {raw * 1000:.0f} ms store alone "
        f"(ratio {ui / raw:.2f})"
    )


def main() -> None:
    """Build the vault in a child process, then measure in this one."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if len(sys.argv) == 3 and sys.argv[1] == "--build":
        build(Path(sys.argv[2]))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.fft"
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bench.ui_bench", "--build", str(path)], check=True)
        print(f"built {CASES * PER_CASE:,} entries in {time.perf_counter() - began:.0f} s")
        measure(path)


if __name__ == "__main__":
    main()
