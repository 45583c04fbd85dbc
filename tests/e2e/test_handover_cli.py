"""``fftimeline handover`` and ``import-handover`` end to end, on real files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import NEW_PASSPHRASE, PASSPHRASE, digest, run, secret_file

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def handed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path | str]:
    """A demo vault's case 1 handed over with a passphrase made by the command."""
    folder = tmp_path_factory.mktemp("handover")
    secret = secret_file(folder, PASSPHRASE)
    sender = folder / "sender.fft"
    assert run("demo", str(sender), "--passphrase-file", str(secret)).code == 0
    out = folder / "case-1.handover"
    sent = run(
        "handover", str(sender), "--passphrase-file", str(secret), "--case", "1",
        "--out", str(out), "--to-worker", "Alex New", "--actor", "Sam Key",
    )  # fmt: skip
    assert sent.code == 0, sent.err
    made = re.search(r"Hand-over passphrase \(shown only now\): (\S+)", sent.out)
    code = re.search(r"Check code \(SHA-256\): ([0-9a-f]{64})", sent.out)
    assert made and code, sent.out
    receiver = folder / "receiver.fft"
    init = run(
        "init",
        str(receiver),
        "--passphrase-file",
        str(secret_file(folder, NEW_PASSPHRASE, "new.txt")),
    )
    assert init.code == 0, init.err
    return {
        "folder": folder,
        "sender": sender,
        "secret": secret,
        "file": out,
        "receiver": receiver,
        "receiver_secret": folder / "new.txt",
        "handover_secret": secret_file(folder, made.group(1), "handover.txt"),
        "passphrase": made.group(1),
        "out": sent.out,
        "code": code.group(1),
    }


def _import(handed: dict[str, Path | str], handover_secret: Path | str) -> tuple[int, str, str]:
    result = run(
        "import-handover", str(handed["file"]), "--to", str(handed["receiver"]),
        "--passphrase-file", str(handed["receiver_secret"]),
        "--handover-passphrase-file", str(handover_secret), "--actor", "Alex New",
    )  # fmt: skip
    return result.code, result.out, result.err


def test_handover_prints_the_passphrase_once_and_a_check_code(
    handed: dict[str, Path | str],
) -> None:
    out = str(handed["out"])
    assert f"Wrote the hand-over file {handed['file']} for Alex New." in out
    assert len(str(handed["passphrase"]).split("-")) == 10
    assert "Send the passphrase by a different route from the file" in out
    data = Path(handed["file"]).read_bytes()
    assert (
        not data.startswith(b"SQLite format 3") and str(handed["passphrase"]).encode() not in data
    )


def test_wrong_passphrase_imports_nothing(handed: dict[str, Path | str]) -> None:
    folder = Path(handed["folder"])
    before = digest(Path(handed["file"]))
    code, _out, err = _import(handed, secret_file(folder, "not the right words at all", "bad.txt"))
    assert code == 21
    assert (
        err.strip() == "Wrong hand-over passphrase, or the file is damaged. Nothing was imported."
    )
    assert digest(Path(handed["file"])) == before  # the hand-over file is only ever read
    listed = run(
        "cases", str(handed["receiver"]), "--passphrase-file", str(handed["receiver_secret"])
    )
    assert len(listed.out.splitlines()) == 1  # the heading only: no case was added


def test_import_adds_the_case_and_shows_the_same_check_code(handed: dict[str, Path | str]) -> None:
    code, out, err = _import(handed, handed["handover_secret"])
    assert code == 0, err
    assert re.search(
        r"Imported the case of \S+ \S+ from Sam Key as case 1\. You are now its key worker\.", out
    )
    assert f"Check code (SHA-256): {handed['code']}" in out
    listed = run(
        "cases", str(handed["receiver"]), "--passphrase-file", str(handed["receiver_secret"])
    )
    sent = run("cases", str(handed["sender"]), "--passphrase-file", str(handed["secret"]))
    received_row = listed.out.splitlines()[1].split()
    sent_row = sent.out.splitlines()[1].split()
    assert received_row[1:] == sent_row[1:]  # initials, entries, open tasks, overdue
    again = _import(handed, handed["handover_secret"])
    assert again[0] == 22
    assert "already in this vault (case 1). Nothing was imported." in again[2]
    checked = run(
        "check", str(handed["receiver"]), "--passphrase-file", str(handed["receiver_secret"])
    )
    assert checked.code == 0, checked.out


def test_handover_needs_the_new_key_worker_and_a_free_file_name(
    handed: dict[str, Path | str],
) -> None:
    base = ("--passphrase-file", str(handed["secret"]), "--case", "2")
    no_worker = run(
        "handover", str(handed["sender"]), *base, "--out", str(Path(handed["folder"]) / "x.h")
    )
    assert no_worker.code == 2
    assert no_worker.err.strip() == "Say who is taking over the case, with --to-worker."
    taken = run(
        "handover", str(handed["sender"]), *base, "--out", str(handed["file"]), "--to-worker", "A B"
    )
    assert taken.code == 16


def test_a_chosen_handover_passphrase_must_be_strong(handed: dict[str, Path | str]) -> None:
    folder = Path(handed["folder"])
    weak = secret_file(folder, "abc", "weak.txt")
    result = run(
        "handover", str(handed["sender"]), "--passphrase-file", str(handed["secret"]),
        "--case", "2", "--out", str(folder / "weak.handover"), "--to-worker", "Alex New",
        "--handover-passphrase-file", str(weak),
    )  # fmt: skip
    assert result.code == 15
    assert not (folder / "weak.handover").exists()
