"""``fftimeline export`` end to end: no protected value in the bytes; leaks stop; LibreOffice.

The demo vault holds real-looking names, so values are matched as whole words here.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fftimeline.domain.people import LinkKind
from fftimeline.domain.records import DisclosureDraft
from fftimeline.services.vault import create_vault, open_vault
from tests.e2e.cli_helpers import PASSPHRASE, run, secret_file
from tests.factories import make_case
from tests.libreoffice import convert

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("export-demo")
    secret = secret_file(folder, PASSPHRASE)
    vault = folder / "demo.fft"
    assert run("demo", str(vault), "--passphrase-file", str(secret)).code == 0
    return vault, secret


def _protected_values(vault_path: Path, case_id: int) -> tuple[set[str], int]:
    """Names of third-party or linked people and withheld sources; and disclosures so far."""
    vault = open_vault(vault_path, bytearray(PASSPHRASE.encode()), actor="Tester")
    try:
        entries = vault.entries.entries(case_id)
        linked = {i for e in entries for i in e.link_ids}
        values = {
            name
            for item in vault.links.items(case_id)
            if item.kind is LinkKind.PERSON and (item.third_party or item.id in linked)
            for name in (item.name, *item.nicknames)
        }
        values |= {e.source.name for e in entries if e.source and e.source.withheld}
        return values, len(vault.disclosures.disclosures(case_id))
    finally:
        vault.close()


def _export(demo, out: Path, audience: str, recipients: str = "Strategy meeting members"):
    vault, secret = demo
    return run(
        "export", str(vault), "--passphrase-file", str(secret), "--case", "1",
        "--audience", audience, "--format", "xlsx", "--out", str(out),
        "--recipients", recipients, "--purpose", "Strategy meeting",
        # Jordan asked that his mum is not told one entry: she knows it now (demo)
        "--confirm-child-wish", "Jordan has told Donna himself",
    )  # fmt: skip


def _has_word(text: str, value: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value.casefold())}(?!\w)", text) is not None


def _text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(html.unescape(z.read(n).decode()).casefold() for n in z.namelist())


@pytest.mark.parametrize("audience", ["strategy-meeting", "parents-carers", "police"])
def test_exported_bytes_hold_no_protected_value(demo, tmp_path: Path, audience: str) -> None:
    values, _ = _protected_values(demo[0], 1)
    assert values, "the demo case should have protected people or withheld sources"
    out = tmp_path / f"{audience}.xlsx"
    result = _export(demo, out, audience)
    assert result.code == 0, result.err
    text = _text(out.read_bytes())
    assert [v for v in values if _has_word(text, v)] == []
    rows = list(load_workbook(out)["Chronology"].iter_rows(min_row=2, values_only=True))
    assert rows, "some entries of the demo case go to every audience"


def test_names_typed_in_the_recipients_are_replaced(demo, tmp_path: Path) -> None:
    values, _ = _protected_values(demo[0], 1)
    name = sorted(values)[0]
    out = tmp_path / "meeting.xlsx"
    assert _export(demo, out, "strategy-meeting", recipients=f"{name}'s solicitor").code == 0
    assert not _has_word(_text(out.read_bytes()), name)


def test_a_leak_in_typed_text_stops_the_export(demo, tmp_path: Path) -> None:
    values, before = _protected_values(demo[0], 1)
    name = max(sorted(values), key=len)  # a full name, never an ordinary word
    out = tmp_path / f"{name} meeting.xlsx"  # the file name is typed text too
    result = _export(demo, out, "strategy-meeting")
    assert result.code == 20
    assert "The export was stopped" in result.err and name not in result.err
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert _protected_values(demo[0], 1)[1] == before


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_cli_export(demo, tmp_path: Path) -> None:
    out = tmp_path / "meeting.xlsx"
    assert _export(demo, out, "strategy-meeting").code == 0
    assert "OFFICIAL-SENSITIVE" in convert(out, "csv", tmp_path / "csv").read_text()


def test_an_overlong_recipients_line_is_refused_in_plain_words(demo, tmp_path: Path) -> None:
    out = tmp_path / "meeting.xlsx"
    result = _export(demo, out, "strategy-meeting", recipients="x" * 2001)
    assert result.code != 0
    assert "recipients: String should have at most 2000 characters." in result.err
    assert "Traceback" not in result.err and "xxxx" not in result.err
    assert not out.exists()


def test_the_next_command_says_what_an_interrupted_export_left(tmp_path: Path) -> None:
    secret = secret_file(tmp_path, PASSPHRASE)
    path = tmp_path / "work.fft"
    vault = create_vault(path, bytearray(PASSPHRASE.encode()), actor="Sam Key")
    case = vault.cases.add(make_case())
    part = tmp_path / ".fft-00000000000000ab.part"
    part.write_bytes(b"half of an unprotected export")
    draft = DisclosureDraft(audience="police", recipients="DC Price", purpose="Investigation")
    vault.disclosures.begin(
        case.id, draft, entry_ids=[], out=tmp_path / "police.xlsx", part_name=part.name,
        sha256="f" * 64, protected=False,
    )  # fmt: skip
    vault.close()  # as if the export had crashed after writing half the file
    listed = run("cases", str(path), "--passphrase-file", str(secret))
    assert listed.code == 0, listed.err
    assert "was interrupted; the file was not finished and has been removed." in listed.err
    assert not part.exists()
    again = run("cases", str(path), "--passphrase-file", str(secret))
    assert again.err == ""
