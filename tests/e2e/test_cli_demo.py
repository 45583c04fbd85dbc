"""``fftimeline demo / cases / export`` on a real demo vault."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fftimeline.domain.dates import Certainty
from fftimeline.domain.entries import Entry, Kind, Nature
from fftimeline.domain.sharing import Audience
from fftimeline.domain.sources import WithheldReason
from fftimeline.domain.views import ViewPosition
from fftimeline.services.vault import OpenVault, open_vault
from tests.e2e.cli_helpers import PASSPHRASE, Run, digest, run, secret_file

pytestmark = pytest.mark.e2e

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # a password-protected Office file


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A demo vault written by ``fftimeline demo`` with a passphrase file: (vault, secret)."""
    folder = tmp_path_factory.mktemp("demo")
    secret = secret_file(folder, PASSPHRASE)
    vault = folder / "demo.fft"
    result = run("demo", str(vault), "--passphrase-file", str(secret))
    assert result.code == 0, result.err
    assert "Passphrase" not in result.out and PASSPHRASE not in result.out
    return vault, secret


@pytest.fixture
def opened(demo: tuple[Path, Path]) -> Iterator[OpenVault]:
    vault = open_vault(demo[0], bytearray(PASSPHRASE.encode()), actor="Tester")
    yield vault
    vault.close()


def _all_entries(vault: OpenVault) -> list[Entry]:
    return [e for s in vault.cases.summaries() for e in vault.entries.entries(s.case.id)]


def test_demo_without_a_passphrase_prints_one_that_opens_it(tmp_path: Path) -> None:
    vault = tmp_path / "demo.fft"
    result = run("demo", str(vault))
    assert result.code == 0, result.err
    found = re.search(r"^Passphrase: (\S+)$", result.out, re.MULTILINE)
    assert found, result.out
    checked = run("check", str(vault), env={"FFTIMELINE_PASSPHRASE": found.group(1)})
    assert checked.code == 0, checked.err


def test_demo_vault_has_two_cases_and_about_150_entries(opened: OpenVault) -> None:
    summaries = opened.cases.summaries()
    assert len(summaries) >= 2
    assert 140 <= sum(s.entry_count for s in summaries) <= 160
    assert all(s.overdue_tasks >= 1 for s in summaries)


def test_demo_vault_covers_every_recording_choice(opened: OpenVault) -> None:
    entries = _all_entries(opened)
    assert {e.kind for e in entries} == set(Kind)
    assert {e.nature for e in entries} == set(Nature)
    assert {e.event_date.certainty for e in entries} == set(Certainty)
    assert {v.position for e in entries for v in e.views} == set(ViewPosition)
    assert set().union(*(e.sharing.audiences for e in entries)) == set(Audience)
    withheld = {e.source.withheld_reason for e in entries if e.source and e.source.withheld}
    assert withheld == set(WithheldReason)
    graded = [e.grading for e in entries if e.grading is not None]
    assert any(g.handling.value == "C" and g.conditions for g in graded)


def test_demo_refuses_to_replace_a_file(demo: tuple[Path, Path]) -> None:
    vault, secret = demo
    before = digest(vault)
    result = run("demo", str(vault), "--passphrase-file", str(secret))
    assert result.code == 16
    assert digest(vault) == before


def test_cases_lists_ids_and_initials_never_names(demo: tuple[Path, Path]) -> None:
    vault, secret = demo
    result = run("cases", str(vault), "--passphrase-file", str(secret))
    assert result.code == 0, result.err
    rows = result.out.strip().splitlines()[1:]
    assert [r.split()[0] for r in rows] == ["1", "2"]
    assert "J. R." in result.out and "L. M." in result.out
    for name in ("Jordan", "Reid", "Leah", "Morgan"):
        assert name not in result.out


def test_export_for_a_strategy_meeting_is_written_and_recorded(
    demo: tuple[Path, Path], tmp_path: Path
) -> None:
    vault, secret = demo
    out = tmp_path / "strategy.xlsx"
    result = run(
        "export", str(vault), "--passphrase-file", str(secret), "--case", "1",
        "--audience", "strategy-meeting", "--format", "xlsx", "--out", str(out),
        "--recipients", "Strategy meeting members", "--purpose", "Strategy meeting",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert out.read_bytes()[:2] == b"PK"
    checked = open_vault(vault, bytearray(PASSPHRASE.encode()), actor="Tester")
    try:
        records = checked.disclosures.disclosures(1)
    finally:
        checked.close()
    assert [(d.audience, d.file_name) for d in records][-1] == ("strategy-meeting", out.name)
    assert records[-1].sha256 in result.out


def test_protected_export_reminds_to_send_the_password_separately(
    demo: tuple[Path, Path], tmp_path: Path
) -> None:
    vault, secret = demo
    out = tmp_path / "parents.xlsx"
    result = run(
        "export", str(vault), "--passphrase-file", str(secret), "--case", "2",
        "--audience", "parents-carers", "--out", str(out), "--recipients", "Leah's mum",
        "--purpose", "Sharing the chronology with the family", "--protect",
        env={"FFTIMELINE_EXPORT_PASSWORD": "blue kettle 77"},
    )  # fmt: skip
    assert result.code == 0, result.err
    assert out.read_bytes()[:8] == OLE_MAGIC
    assert "different route" in result.out
    assert "blue kettle 77" not in result.out + result.err


def test_export_errors_write_nothing(demo: tuple[Path, Path], tmp_path: Path) -> None:
    vault, secret = demo
    out = tmp_path / "x.xlsx"
    common = (
        "--passphrase-file",
        str(secret),
        "--out",
        str(out),
        "--recipients",
        "A",
        "--purpose",
        "B",
    )
    no_case = run("export", str(vault), *common, "--case", "99", "--audience", "police")
    assert (no_case.code, no_case.err.strip()) == (19, "That case is not in this vault.")
    no_audience = run("export", str(vault), *common, "--case", "1", "--audience", "neighbours")
    assert no_audience.code == 20
    assert "There is no audience called 'neighbours'" in no_audience.err
    short = run(
        "export", str(vault), *common, "--case", "1", "--audience", "police", "--protect",
        env={"FFTIMELINE_EXPORT_PASSWORD": "short"},
    )  # fmt: skip
    assert short.code == 20
    assert not out.exists()


def test_every_audience_can_export_every_demo_case(demo: tuple[Path, Path], tmp_path: Path) -> None:
    """The demo must pass the fail-closed leak scan for every built-in audience."""
    vault, secret = demo
    for case in ("1", "2"):
        for audience in Audience:
            out = tmp_path / f"{case}-{audience.value}.xlsx"
            result = run(
                "export", str(vault), "--passphrase-file", str(secret), "--case", case,
                "--audience", audience.value, "--out", str(out), "--recipients", "Team",
                "--purpose", "Demo", "--confirm-child-wish", "Demo of every audience",
            )  # fmt: skip
            assert result.code == 0, (case, audience, result.err)


def test_the_command_line_works_in_a_non_ascii_folder(tmp_path: Path) -> None:
    home = tmp_path / "Users" / "Siân"
    (home / "Documents").mkdir(parents=True)
    env = {
        **os.environ,
        "FFTIMELINE_PASSPHRASE": "otter maple quill harbour ember",
        "HOME": str(home),
        "USERPROFILE": str(home),
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "fftimeline", *args],
            env=env,
            cwd=home,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )

    vault = home / "Documents" / "demo Siân.fft"
    made = run("demo", str(vault))
    assert made.returncode == 0, made.stderr
    checked = run("check", str(vault))
    assert checked.returncode == 0, checked.stderr
    listed = run("cases", str(vault))
    assert listed.returncode == 0 and len(listed.stdout.strip().splitlines()) >= 2


def _to_donna(demo: tuple[Path, Path], out: Path, *extra: str) -> Run:
    """``fftimeline export`` of Jordan's case for his mum, Donna."""
    vault, secret = demo
    return run(
        "export", str(vault), "--passphrase-file", str(secret), "--case", "1",
        "--audience", "parents-carers", "--out", str(out), "--recipients", "Donna Reid",
        "--purpose", "Keeping Donna updated", *extra,
    )  # fmt: skip


def _wished_entry(vault: Path) -> Entry:
    opened = open_vault(vault, bytearray(PASSPHRASE.encode()), actor="Tester")
    try:
        return next(e for e in opened.entries.entries(1) if e.child_wish is not None)
    finally:
        opened.close()


def test_the_parents_export_stops_where_jordan_wants_to_tell_donna_himself(
    demo: tuple[Path, Path], tmp_path: Path
) -> None:
    vault = demo[0]
    wished = _wished_entry(vault)
    assert "tell Donna himself" in (wished.child_wish.text if wished.child_wish else "")
    out = tmp_path / "parents.xlsx"
    before = _shared(vault)
    stopped = _to_donna(demo, out)
    assert stopped.code == 26, stopped.err
    assert "The child asked us not to tell the parents/carers" in stopped.err
    assert f"entry {wished.id} (" in stopped.err
    assert "--confirm-child-wish" in stopped.err
    assert not out.exists()
    assert _shared(vault) == before  # nothing recorded as shared


def _shared(vault: Path) -> list[tuple[str, str]]:
    opened = open_vault(vault, bytearray(PASSPHRASE.encode()), actor="Tester")
    try:
        return [(d.audience, d.file_name) for d in opened.disclosures.disclosures(1)]
    finally:
        opened.close()


def test_a_confirmed_reason_lets_the_parents_export_go_and_is_recorded(
    demo: tuple[Path, Path], tmp_path: Path
) -> None:
    vault = demo[0]
    wished = _wished_entry(vault)
    out = tmp_path / "parents.xlsx"
    reason = "Jordan told Donna with Dev on Friday and agreed she can see it now"
    result = _to_donna(demo, out, "--confirm-child-wish", reason)
    assert result.code == 0, result.err
    assert out.read_bytes()[:2] == b"PK"
    checked = open_vault(vault, bytearray(PASSPHRASE.encode()), actor="Tester")
    try:
        last = checked.disclosures.disclosures(1)[-1]
    finally:
        checked.close()
    assert (last.audience, last.file_name) == ("parents-carers", out.name)
    assert last.child_wish_entries == (wished.id,)
    assert last.child_wish_reason == reason
