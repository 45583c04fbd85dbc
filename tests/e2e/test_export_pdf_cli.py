"""``fftimeline export --format pdf`` end to end, on the demo vault, with no screen.

The parents', the child's and the strategy meeting's PDFs are read back with pypdf: the
entries that go, the family's views, the contact page, how information is shared and
"The person who told us is not named" are there; no withheld value, third-party name,
entry left out or hand-redacted words are anywhere in the file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from fftimeline.domain.people import LinkKind
from fftimeline.export.pdf_text import pdf_contents
from fftimeline.services.export import ExportRequest, ManualSpan, add_manual_redaction, redact_for
from fftimeline.services.vault import open_vault
from tests.e2e.cli_helpers import PASSPHRASE, run, secret_file

pytestmark = pytest.mark.e2e

HIDDEN_BY_HAND = "asked about college courses"


def trailer(reader: PdfReader) -> Any:
    """The file's trailer, untyped (pypdf types its values loosely)."""
    return reader.trailer


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("pdf-demo")
    secret = secret_file(folder, PASSPHRASE)
    vault_path = folder / "demo.fft"
    assert run("demo", str(vault_path), "--passphrase-file", str(secret)).code == 0
    vault = open_vault(vault_path, bytearray(PASSPHRASE.encode()), actor="Tester")
    try:
        chron = redact_for(vault, 1, ExportRequest("parents-carers", "-", "-"))
        hidden = next(e for e in chron.entries if HIDDEN_BY_HAND in e.what_happened)
        span = ManualSpan(entry_id=hidden.entry_id, audience="parents-carers", text=HIDDEN_BY_HAND)
        add_manual_redaction(vault, 1, span)
    finally:
        vault.close()
    return vault_path, secret


def _export(demo, out: Path, audience: str, *extra: str):
    vault, secret = demo
    # The meeting sees initials only, so its recipients must not name the child.
    recipients = "Members of the meeting" if audience == "strategy-meeting" else "Donna and Jordan"
    return run(
        "export", str(vault), "--passphrase-file", str(secret), "--case", "1",
        "--audience", audience, "--format", "pdf", "--out", str(out),
        "--recipients", recipients, "--purpose", "Keeping the family informed",
        # Jordan asked that his mum is not told one entry: she knows it now (demo)
        "--confirm-child-wish", "Jordan has told Donna himself", *extra,
        env={"QT_QPA_PLATFORM": "", "DISPLAY": ""},
    )  # fmt: skip


def _words(path: Path) -> str:
    units = pdf_contents(path.read_bytes()).units
    return " ".join(" ".join(u.text for u in units).split())


def _has(text: str, value: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text, re.IGNORECASE) is not None


def _facts(demo, audience: str):
    """What the audience gets and must not get, worked out from the vault."""
    vault = open_vault(demo[0], bytearray(PASSPHRASE.encode()), actor="Tester")
    try:
        entries = vault.entries.entries(1, include_retracted=True)
        chron = redact_for(vault, 1, ExportRequest(audience, "-", "-"))
        linked = {i for e in entries for i in e.link_ids}
        protected = {
            name
            for item in vault.links.items(1)
            if item.kind is LinkKind.PERSON and (item.third_party or item.id in linked)
            for name in (item.name, *item.nicknames)
        }
        protected |= {e.source.name for e in entries if e.source and e.source.withheld}
        included = {e.entry_id for e in chron.entries}
        shown = " ".join(e.what_happened for e in chron.entries)
        left_out = [e.summary for e in entries if e.id not in included and e.summary not in shown]
        return chron, protected, left_out
    finally:
        vault.close()


@pytest.mark.parametrize("audience", ["parents-carers", "child", "strategy-meeting"])
def test_the_pdf_holds_what_goes_and_nothing_withheld(demo, tmp_path: Path, audience: str) -> None:
    out = tmp_path / f"{audience}.pdf"
    result = _export(demo, out, audience)
    assert result.code == 0, result.err
    assert re.search(r"Wrote .*: \d+ entries on \d+ pages\.", result.out)
    text = _words(out)
    chron, protected, left_out = _facts(demo, audience)
    assert protected, "the demo case has protected people and withheld sources"
    assert [v for v in protected if _has(text, v)] == []
    assert [s for s in left_out if len(s) >= 20 and s in text] == []
    for entry in chron.entries:
        # The full account is always printed (the family's timeline leaves out a summary
        # that the account only repeats), up to any words redacted by hand.
        account = entry.what_happened.split("\n\n")[-1]
        first_words = " ".join(account.split("[redacted]")[0].split()[:5])
        assert first_words in text
    assert "[redacted]" not in text or audience == "strategy-meeting"


def test_the_parents_read_their_timeline_written_for_them(demo, tmp_path: Path) -> None:
    out = tmp_path / "parents.pdf"
    assert _export(demo, out, "parents-carers").code == 0
    text = _words(out)
    assert "Your family's timeline" in text and "About Jordan Reid" in text
    assert "How to reach Sam Okoro: Phone: 01632 960 100" in text
    assert "sam.okoro@westbridge.example" in text
    assert "Who sees information about your family" in text
    assert "may also be shared with" in text
    assert "The person who told us is not named, to keep them safe." in text
    assert "Your family's view:" in text and "Your family agrees with this." in text
    assert "Where to get support" in text and "Childline" in text
    assert HIDDEN_BY_HAND not in text and "[redacted]" not in text
    for jargon in ("OFFICIAL-SENSITIVE", "Handle as", "Sortable date", "Impact", "Significance"):
        assert jargon not in text
    reader = PdfReader(out)
    assert reader.metadata is not None
    assert {str(k): str(v) for k, v in reader.metadata.items()} == {
        "/Title": "Chronology",
        "/Creator": "fftimeline",
        "/Producer": "fftimeline",
    }


def test_large_print_takes_more_pages(demo, tmp_path: Path) -> None:
    normal, large = tmp_path / "normal.pdf", tmp_path / "large.pdf"
    assert _export(demo, normal, "parents-carers").code == 0
    assert _export(demo, large, "parents-carers", "--large-print").code == 0
    assert len(PdfReader(large).pages) > len(PdfReader(normal).pages)


def test_a_protected_pdf_needs_its_password(demo, tmp_path: Path) -> None:
    out = tmp_path / "protected.pdf"
    password = secret_file(tmp_path, "a long file password", "password.txt")
    result = _export(demo, out, "parents-carers", "--protect", "--password-file", str(password))
    assert result.code == 0, result.err
    assert "different route" in result.out
    reader = PdfReader(out)
    assert reader.is_encrypted and trailer(reader)["/Encrypt"]["/R"] == 6
    assert reader.decrypt("a long file password")
    assert b"Jordan" not in out.read_bytes()


def test_the_pdf_never_loads_qt_widgets(demo, tmp_path: Path) -> None:
    """The command line makes PDFs with QtGui only: QtWidgets is blocked and it still works."""
    vault, secret = demo
    out = tmp_path / "no-widgets.pdf"
    script = (
        "import sys; sys.modules['PySide6.QtWidgets'] = None\n"
        "from fftimeline.cli import main\n"
        f"code = main(['export', {str(vault)!r}, '--passphrase-file', {str(secret)!r},"
        " '--case', '1', '--audience', 'strategy-meeting', '--format', 'pdf',"
        f" '--out', {str(out)!r}, '--recipients', 'Members', '--purpose', 'Meeting'])\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "", "DISPLAY": ""}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.exists()


def test_the_meeting_pdf_replaces_the_childs_name_typed_into_the_recipients(
    demo, tmp_path: Path
) -> None:
    vault, secret = demo
    out = tmp_path / "meeting.pdf"
    result = run(
        "export", str(vault), "--passphrase-file", str(secret), "--case", "1",
        "--audience", "strategy-meeting", "--format", "pdf", "--out", str(out),
        "--recipients", "Jordan's teachers", "--purpose", "Meeting",
    )  # fmt: skip
    assert result.code == 0, result.err
    words = _words(out)
    assert "teachers" in words and not _has(words, "Jordan")


def test_the_meeting_pdf_stops_when_its_file_name_names_the_child(demo, tmp_path: Path) -> None:
    vault, secret = demo
    out = tmp_path / "Jordan-meeting.pdf"
    result = run(
        "export", str(vault), "--passphrase-file", str(secret), "--case", "1",
        "--audience", "strategy-meeting", "--format", "pdf", "--out", str(out),
        "--recipients", "Members of the meeting", "--purpose", "Meeting",
    )  # fmt: skip
    assert result.code == 20
    assert "The document was stopped" in result.err and "Jordan" not in result.err
    assert not out.exists() and list(tmp_path.iterdir()) == []
