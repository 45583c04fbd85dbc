"""Store speed against raw sqlcipher3 on the same data, in the same run.

100,000 entries over 50 cases (one case holds 10,000). Measures, each as a ratio to a
raw baseline on an identical encrypted schema:

* bulk insert through ``ChronologyService.add_many`` vs raw ``executemany`` of the same
  rows into the same tables (entries, versions, links, full-text)   target: within 2x;
* loading the 10,000-entry case as domain objects vs a raw fetch of the same rows
  by the same indexed query
                                                                     target: < 0.5 s;
* a full-text query through the service vs the raw FTS5 query       target: < 20 ms;
* unlock (``open_vault``) minus raw connect + key + read             target: < 50 ms.

Run: ``.venv/bin/python -m bench.store_bench`` (a few minutes; files go to a temp folder
and are encrypted like any vault).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import Entry, EntryDraft
from fftimeline.services.vault import OpenVault, create_vault, open_vault
from fftimeline.store import search
from fftimeline.store.connection import APP_ID
from fftimeline.store.entries import version_row
from fftimeline.store.schema import SCHEMA_V1
from tests.factories import make_case, make_entry, make_person

CASES = 50
TOTAL = 100_000
BIG = 10_000
SECRET = "correct horse battery staple 42"
WORDS = [
    "car",
    "flat",
    "school",
    "park",
    "station",
    "phone",
    "cash",
    "bus",
    "shop",
    "party",
    "friend",
    "cousin",
    "youth",
    "club",
    "train",
    "knife",
    "bike",
    "hoodie",
    "chicken",
    "takeaway",
    "garage",
    "alley",
    "estate",
    "canal",
    "bridge",
    "market",
    "moped",
    "county",
    "lines",
    "trap",
    "house",
    "older",
    "boys",
    "missing",
    "overnight",
    "police",
    "found",
    "returned",
    "interview",
]
QUERIES = ("moped", "older boys", "canal bri", "trap house", "bugsy", "missing overn")


def _sizes() -> list[int]:
    rest = (TOTAL - BIG) // (CASES - 1)
    sizes = [BIG] + [rest] * (CASES - 1)
    sizes[-1] += TOTAL - sum(sizes)
    return sizes


def _drafts(rng: random.Random, n: int, link_id: int) -> list[EntryDraft]:
    base = make_entry()
    start = dt.date(2015, 1, 1)
    out = []
    for i in range(n):
        words = rng.sample(WORDS, 12)
        fields = dict(base.__dict__)
        fields.update(
            event_date=EventDate.exact(start + dt.timedelta(days=rng.randrange(3000))),
            summary=" ".join(words[:6]).capitalize(),
            account=" ".join(words * 3),
            link_ids=frozenset({link_id}) if i % 10 == 0 else frozenset(),
        )
        out.append(EntryDraft.model_validate(fields))
    return out


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def _raw_connect(path: Path) -> Any:
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.set_key(bytearray(SECRET.encode()))
    conn.execute("PRAGMA cipher_compatibility = 4")
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def _raw_db(path: Path) -> Any:
    conn = _raw_connect(path)
    conn.execute(f"PRAGMA application_id = {APP_ID}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("BEGIN")
    for statement in SCHEMA_V1:
        conn.execute(statement)
    conn.execute("COMMIT")
    return conn


def _raw_insert(conn: Any, rows: Sequence[tuple[list[Any], ...]]) -> float:
    """Time raw executemany of pre-built rows, one transaction per case."""
    t = time.perf_counter()
    for entries, versions, links, fts in rows:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO entries VALUES (?, ?, 1)", entries)
        conn.executemany(
            "INSERT INTO entry_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", versions
        )
        conn.executemany("INSERT INTO entry_links VALUES (?, ?)", links)
        conn.executemany(
            "INSERT INTO entry_fts (rowid, summary, account, family, source, links)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            fts,
        )
        conn.execute("COMMIT")
    return time.perf_counter() - t


def _raw_rows(saved: list[list[Entry]], links: dict[int, Any]) -> list[tuple[list[Any], ...]]:
    rows: list[tuple[list[Any], ...]] = []
    for entries in saved:
        rows.append(
            (
                [(e.id, e.case_id) for e in entries],
                [version_row(e) for e in entries],
                [(e.id, lid) for e in entries for lid in sorted(e.link_ids)],
                [search.fts_row(e, links) for e in entries],
            )
        )
    return rows


def _median(fn: Callable[[], Any], runs: int) -> float:
    return statistics.median(_timed(fn)[0] for _ in range(runs))


def _median_unlock(path: Path, runs: int = 5) -> float:
    """Median time of ``open_vault`` alone (closing is not part of unlocking)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        vault = open_vault(path, bytearray(SECRET.encode()), actor="b")
        times.append(time.perf_counter() - start)
        vault.close()
    return statistics.median(times)


def _ours_insert(vault: OpenVault, rng: random.Random) -> tuple[float, list[list[Entry]]]:
    total = 0.0
    saved: list[list[Entry]] = []
    for n in _sizes():
        case = vault.cases.add(make_case())
        person = vault.links.save(case.id, make_person())
        drafts = _drafts(rng, n, person.id or 0)
        start = time.perf_counter()
        entries = vault.entries.add_many(case.id, drafts)
        total += time.perf_counter() - start
        saved.append(entries)
    return total, saved


_RAW_LOAD = (
    "SELECT v.data FROM entries AS e JOIN entry_versions AS v"
    " ON v.entry_id = e.id AND v.version = e.current_version"
    " WHERE e.case_id = ? ORDER BY v.sort_date, v.sort_rank, v.sort_time, e.id"
)
_RAW_SEARCH = "SELECT rowid FROM entry_fts WHERE entry_fts MATCH ? ORDER BY rank LIMIT 500"


def _load_times(vault: OpenVault, raw: Any, case_id: int) -> tuple[float, float]:
    def ours() -> object:
        return vault.entries.entries(case_id)

    def baseline() -> object:
        return raw.execute(_RAW_LOAD, (case_id,)).fetchall()

    return _median(ours, 3), _median(baseline, 3)


def _search_times(vault: OpenVault, raw: Any) -> tuple[float, float]:
    ours, baseline = [], []
    for q in QUERIES:
        ours.append(_median(partial(vault.entries.search, q), 5))
        expression = search.match_expression(q)
        baseline.append(_median(partial(_raw_query, raw, _RAW_SEARCH, expression), 5))
    return statistics.median(ours), statistics.median(baseline)


def _raw_query(raw: Any, sql: str, *params: object) -> object:
    return raw.execute(sql, params).fetchall()


def _row(name: str, ours: float, raw: float, target: str) -> None:
    ratio = ours / raw if raw > 0 else float("inf")
    print(f"{name:<30} {ours * 1000:>10.1f} ms {raw * 1000:>10.1f} ms {ratio:>7.2f}x  {target}")


def main() -> None:
    """Build both databases, time each operation, print the table."""
    rng = random.Random(20250314)
    with tempfile.TemporaryDirectory(prefix="fft-bench-") as folder:
        ours_path, raw_path = Path(folder) / "ours.fft", Path(folder) / "raw.db"
        vault = create_vault(ours_path, bytearray(SECRET.encode()), actor="bench")
        insert_ours, saved = _ours_insert(vault, rng)
        links = {i: make_person(id=i) for i in range(1, CASES + 1)}
        raw = _raw_db(raw_path)
        insert_raw = _raw_insert(raw, _raw_rows(saved, links))
        load_ours, load_raw = _load_times(vault, raw, saved[0][0].case_id)
        search_ours, search_raw = _search_times(vault, raw)
        vault.close()
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.close()
        open_raw = _median(lambda: _raw_connect(raw_path).close(), 5)
        open_ours = _median_unlock(ours_path)
    print(f"store bench: {TOTAL:,} entries over {CASES} cases (largest {BIG:,})")
    print(f"{'operation':<30} {'ours':>13} {'raw':>13} {'ratio':>8}  target")
    _row("bulk insert (add_many)", insert_ours, insert_raw, "ratio < 2x")
    _row(f"load {BIG:,}-entry case", load_ours, load_raw, "ours < 500 ms")
    _row("full-text query (median)", search_ours, search_raw, "ours < 20 ms")
    _row("unlock (open_vault)", open_ours, open_raw, "ours - raw < 50 ms")
    print(f"unlock overhead after key derivation: {(open_ours - open_raw) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
