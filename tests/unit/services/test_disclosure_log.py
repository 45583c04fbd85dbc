"""Export file and disclosure record agree after a failure or a crash at any point."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fftimeline.domain.errors import VaultNotSaved
from fftimeline.domain.records import AuditAction, DisclosureDraft, DisclosureStatus
from fftimeline.export.files import ExportNotWritten, part_files, write_part
from fftimeline.services import disclosure_log
from fftimeline.services.disclosure_log import Output, reconcile, write_and_record
from fftimeline.services.vault import OpenVault, create_vault, open_vault
from tests.factories import PASSPHRASE, make_case, make_entry, passphrase

ROOT = Path(__file__).resolve().parents[3]
DRAFT = DisclosureDraft(audience="safeguarding-team", recipients="Team", purpose="Review")
DATA = b"PK\x03\x04 pretend workbook bytes\n\r\n" * 100


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[OpenVault]:
    v = create_vault(tmp_path / "work.fft", passphrase(), actor="Sam Key")
    yield v
    v.close()


@pytest.fixture
def case_id(vault: OpenVault) -> int:
    case = vault.cases.add(make_case())
    vault.entries.add(case.id, make_entry())
    return case.id


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "exports"
    out.mkdir()
    return out


def _record(vault: OpenVault, case_id: int, out: Path) -> None:
    write_and_record(vault, case_id, DRAFT, out, Output(data=DATA), entry_ids=[1], protected=False)


def _reopen(vault: OpenVault) -> OpenVault:
    vault.close()
    return open_vault(vault.path, passphrase(), actor="Sam Key")


def _actions(vault: OpenVault, case_id: int) -> list[AuditAction]:
    return [r.action for r in vault.audit.records(case_id)]


def test_written_file_has_its_done_record_and_nothing_else_is_left(
    vault: OpenVault, case_id: int, folder: Path
) -> None:
    out = folder / "chronology.xlsx"
    _record(vault, case_id, out)
    [done] = vault.disclosures.disclosures(case_id)
    assert done.status is DisclosureStatus.DONE and done.part_name == ""
    assert done.folder == str(folder) and done.file_name == "chronology.xlsx"
    assert done.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert out.read_bytes() == DATA
    assert vault.disclosures.pending() == []
    assert [p.name for p in folder.iterdir()] == ["chronology.xlsx"]
    assert _actions(vault, case_id).count(AuditAction.EXPORTED) == 1


def test_a_disk_failure_while_writing_leaves_neither_file_nor_record(
    vault: OpenVault, case_id: int, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ExportNotWritten):
        _record(vault, case_id, folder / "chronology.xlsx")
    monkeypatch.undo()
    assert list(folder.iterdir()) == []
    assert vault.disclosures.disclosures(case_id) == []
    assert vault.disclosures.pending() == []
    assert AuditAction.EXPORT_ABANDONED in _actions(vault, case_id)


def test_a_record_that_cannot_be_finished_takes_the_file_away(
    vault: OpenVault, case_id: int, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_a: object, **_k: object) -> None:
        raise VaultNotSaved()

    monkeypatch.setattr(vault.disclosures, "finish", refused)
    with pytest.raises(VaultNotSaved):
        _record(vault, case_id, folder / "chronology.xlsx")
    assert list(folder.iterdir()) == []
    assert vault.disclosures.disclosures(case_id) == [] and vault.disclosures.pending() == []


def test_a_missing_folder_records_nothing(vault: OpenVault, case_id: int, tmp_path: Path) -> None:
    with pytest.raises(ExportNotWritten):
        _record(vault, case_id, tmp_path / "gone" / "chronology.xlsx")
    assert vault.disclosures.pending() == []
    assert AuditAction.EXPORT_ABANDONED not in _actions(vault, case_id)


def _begin(vault: OpenVault, case_id: int, out: Path) -> Path:
    """Steps 1 (and the caller does more): a pending record naming a part file."""
    part = out.parent / ".fft-00000000000000aa.part"
    sha = hashlib.sha256(DATA).hexdigest()
    vault.disclosures.begin(
        case_id, DRAFT, entry_ids=[1], out=out, part_name=part.name, sha256=sha, protected=False
    )
    return part


def test_crash_after_the_record_began_says_nothing_was_saved(
    vault: OpenVault, case_id: int, folder: Path
) -> None:
    _begin(vault, case_id, folder / "chronology.xlsx")
    vault = _reopen(vault)
    try:
        assert len(vault.notices) == 1
        assert "was interrupted before the file was written; nothing was saved" in vault.notices[0]
        assert vault.notices[0].startswith("An export of ")
        assert vault.disclosures.pending() == [] and vault.disclosures.disclosures(case_id) == []
    finally:
        vault.close()


def test_crash_while_writing_removes_the_unfinished_file(
    vault: OpenVault, case_id: int, folder: Path
) -> None:
    part = _begin(vault, case_id, folder / "chronology.xlsx")
    write_part(part, DATA[: len(DATA) // 2])
    vault = _reopen(vault)
    try:
        [note] = vault.notices
        assert note.endswith("was interrupted; the file was not finished and has been removed.")
        assert list(folder.iterdir()) == []
        assert vault.disclosures.disclosures(case_id) == [] and vault.disclosures.pending() == []
        assert AuditAction.EXPORT_ABANDONED in _actions(vault, case_id)
        assert vault.audit.verify() is None
    finally:
        vault.close()


def test_crash_after_the_file_was_placed_records_it_now(
    vault: OpenVault, case_id: int, folder: Path
) -> None:
    out = folder / "chronology.xlsx"
    part = _begin(vault, case_id, out)
    write_part(part, DATA)
    part.rename(out)
    vault = _reopen(vault)
    try:
        [note] = vault.notices
        assert note.endswith(
            "was interrupted; the file was written; it is now recorded in What was shared."
        )
        [done] = vault.disclosures.disclosures(case_id)
        assert done.file_name == "chronology.xlsx" and done.status is DisclosureStatus.DONE
        assert [p.name for p in folder.iterdir()] == ["chronology.xlsx"]
        recovered = [r for r in vault.audit.records(case_id) if r.action is AuditAction.EXPORTED]
        assert recovered[-1].detail.endswith("recovered=1")
    finally:
        vault.close()


def test_a_placed_file_that_is_not_ours_is_left_alone(
    vault: OpenVault, case_id: int, folder: Path
) -> None:
    out = folder / "chronology.xlsx"
    _begin(vault, case_id, out)
    out.write_bytes(b"the user's own file of that name")
    vault = _reopen(vault)
    try:
        assert out.read_bytes() == b"the user's own file of that name"
        assert vault.disclosures.disclosures(case_id) == []
    finally:
        vault.close()


def test_an_unreachable_folder_is_checked_again_next_time(
    vault: OpenVault, case_id: int, folder: Path
) -> None:
    part = _begin(vault, case_id, folder / "chronology.xlsx")
    write_part(part, DATA)
    hidden = folder.with_name("unplugged")
    folder.rename(hidden)
    vault = _reopen(vault)
    try:
        [note] = vault.notices
        assert "cannot be reached now. It will be checked the next time" in note
        assert len(vault.disclosures.pending()) == 1
        hidden.rename(folder)
        assert reconcile(vault) == [
            note.split(" was interrupted")[0]
            + " was interrupted; the file was not finished and has been removed."
        ]
        assert part_files(folder) == []
    finally:
        vault.close()


def test_stray_part_files_in_export_folders_are_removed_once_old(
    vault: OpenVault, case_id: int, folder: Path
) -> None:
    _record(vault, case_id, folder / "chronology.xlsx")
    old = folder / ".fft-0123456789abcdef.part"
    old.write_bytes(b"an unprotected export left by an older version")
    long_ago = time.time() - 3600
    os.utime(old, (long_ago, long_ago))
    young = folder / ".fft-fedcba9876543210.part"
    young.write_bytes(b"another vault's export being written right now")
    notes = reconcile(vault)
    assert notes == [
        f"An unfinished export file left in {folder} by an earlier interruption has been removed."
    ]
    assert not old.exists() and young.exists()
    assert reconcile(vault) == []
    assert disclosure_log.STRAY_AGE_S == 60.0


# Kill -9 at each step, on real files -----------------------------------------------------

STEPS = ("before-fsync", "after-fsync", "after-rename", "after-record")
ROUNDS_PER_STEP = 5
RANDOM_ROUNDS = 20


class _Child:
    """The export child process and the lines it has printed."""

    def __init__(self, vault_path: Path, case_id: int, folder: Path, step: str) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.unit.services.export_child",
                str(vault_path),
                str(case_id),
                str(folder),
                step,
            ],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert self.process.stdin is not None
        self.process.stdin.write(PASSPHRASE.encode() + b"\n")
        self.process.stdin.close()
        self.lines: list[str] = []
        self.seen = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            with self.seen:
                self.lines.append(raw.decode().strip())
                self.seen.notify_all()

    def wait_for(self, line: str, timeout: float = 60) -> None:
        with self.seen:
            assert self.seen.wait_for(lambda: line in self.lines, timeout), self.lines

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)


def _assert_file_and_record_agree(vault: OpenVault, case_id: int, folder: Path) -> None:
    assert vault.disclosures.pending() == []
    assert part_files(folder) == [], "an unfinished export was left behind"
    recorded = {d.file_name: d.sha256 for d in vault.disclosures.disclosures(case_id)}
    on_disk = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    assert on_disk == recorded
    assert vault.check().ok


def _kill_round(
    vault_path: Path, case_id: int, folder: Path, step: str, rng: random.Random
) -> list[str]:
    child = _Child(vault_path, case_id, folder, "none" if step == "random" else step)
    try:
        child.wait_for("ready")
        if step == "random":
            time.sleep(rng.uniform(0.0, 1.5))
        else:
            child.wait_for(step)
    finally:
        child.kill()
    vault = open_vault(vault_path, passphrase(), actor="Sam Key")
    try:
        _assert_file_and_record_agree(vault, case_id, folder)
        return vault.notices
    finally:
        vault.close()


@pytest.mark.slow
def test_kill_at_every_step_of_an_export_leaves_file_and_record_agreeing(tmp_path: Path) -> None:
    vault_path = tmp_path / "crash.fft"
    folder = tmp_path / "exports"
    folder.mkdir()
    vault = create_vault(vault_path, passphrase(), actor="Sam Key")
    case_id = vault.cases.add(make_case()).id
    vault.entries.add(case_id, make_entry())
    vault.close()
    rng = random.Random(20261130)
    expected = {
        "before-fsync": "the file was not finished and has been removed.",
        "after-fsync": "the file was not finished and has been removed.",
        "after-rename": "the file was written; it is now recorded in What was shared.",
        "after-record": None,
    }
    for step in STEPS:
        for _ in range(ROUNDS_PER_STEP):
            notices = _kill_round(vault_path, case_id, folder, step, rng)
            want = expected[step]
            if want is None:
                assert notices == []
            else:
                assert len(notices) == 1 and notices[0].endswith(want), notices
    for _ in range(RANDOM_ROUNDS):
        _kill_round(vault_path, case_id, folder, "random", rng)
    vault = open_vault(vault_path, passphrase(), actor="Sam Key")
    try:
        recorded = vault.disclosures.disclosures(case_id)
        assert len(recorded) >= ROUNDS_PER_STEP * 2  # after-rename and after-record rounds
        assert vault.audit.verify() is None
    finally:
        vault.close()
