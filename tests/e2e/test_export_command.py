"""``fftimeline export`` in-process: a stopped export says what was found, and where.

Today's scanner reports places only; the independent scanner reports findings (the value,
what it is, the entry and the field). Here the real export path runs on a real vault, and
its scan step is made to report one real finding from the redacted chronology, so the
command line is tested with findings before that scanner lands.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from fftimeline import cli
from fftimeline.domain.leaks import Finding, LeakFound
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.services import export as export_service
from fftimeline.services.vault import create_vault, open_vault
from tests.factories import PASSPHRASE, make_case, make_entry, make_plan, passphrase

pytestmark = pytest.mark.e2e


@pytest.fixture
def vault_file(tmp_path: Path) -> Path:
    path = tmp_path / "work.fft"
    vault = create_vault(path, passphrase(), actor="Sam Key")
    try:
        case = vault.cases.add(make_case())
        vault.entries.add(case.id, make_entry(account="Kestrel Voss waited by the gates."))
    finally:
        vault.close()
    return path


@pytest.fixture
def scan_finds_the_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scan step reports 'Kestrel Voss' in the first exported entry."""

    def finding_scan(cover, chron, file_name, check, plan=None):
        entry = chron.entries[0]
        found = Finding(
            value="Kestrel Voss",
            description="a person the strategy meeting must not see",
            place="what happened",
            entry_id=entry.entry_id,
            entry_date=entry.date_words,
        )
        raise LeakFound([found.place], [found])

    monkeypatch.setattr(export_service, "render_checked", finding_scan)


def _export(vault_file: Path, tmp_path: Path, *extra: str) -> int:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return cli.main(
        ["export", str(vault_file), "--passphrase-file", str(secret), "--case", "1",
         "--audience", "strategy-meeting", "--out", str(tmp_path / "out.xlsx"),
         "--recipients", "Members", "--purpose", "Meeting", *extra]
    )  # fmt: skip


@pytest.mark.usefixtures("scan_finds_the_name")
def test_a_stop_names_the_entry_by_date_and_id_but_not_the_words(
    vault_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _export(vault_file, tmp_path) == 20
    err = capsys.readouterr().err
    assert (
        "A person the strategy meeting must not see is in the entry of 14 March 2025 "
        "(entry 1), what happened." in err
    )
    assert "Kestrel" not in err
    assert "The export was stopped" in err and "Nothing was written" in err
    assert not (tmp_path / "out.xlsx").exists()


@pytest.mark.usefixtures("scan_finds_the_name")
def test_show_words_prints_the_value_too(
    vault_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _export(vault_file, tmp_path, "--show-words") == 20
    err = capsys.readouterr().err
    assert "Kestrel Voss, a person the strategy meeting must not see, is in the entry" in err


def test_show_grading_is_refused_for_the_parents_in_plain_words(
    vault_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    code = cli.main(
        ["export", str(vault_file), "--passphrase-file", str(secret), "--case", "1",
         "--audience", "parents-carers", "--out", str(tmp_path / "out.xlsx"),
         "--recipients", "Mum", "--purpose", "Sharing", "--show-grading"]
    )  # fmt: skip
    assert code == 20
    assert "only be added for a strategy meeting" in capsys.readouterr().err
    assert not (tmp_path / "out.xlsx").exists()


def _with_plan(vault_file: Path, sharing: Sharing, reason: str = "") -> None:
    vault = open_vault(vault_file, passphrase(), actor="Sam Key")
    try:
        vault.safety_plans.save(1, make_plan(sharing=sharing, reason=reason))
    finally:
        vault.close()


def test_the_safety_plan_goes_only_where_it_is_shared(
    vault_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_plan(vault_file, Sharing(audiences=frozenset({Audience.SAFEGUARDING_TEAM})))
    assert _export(vault_file, tmp_path, "--safety-plan") == 20
    err = capsys.readouterr().err
    assert "not marked as safe to share with this audience" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.xlsx").exists()
    _with_plan(vault_file, Sharing(audiences=frozenset(Audience)), "Agreed to share it")
    assert _export(vault_file, tmp_path, "--safety-plan") == 0
    sheet = load_workbook(tmp_path / "out.xlsx")["Safety plan"]
    assert sheet["A1"].value == "Safety plan" and sheet["B1"].value == "Version 2"
