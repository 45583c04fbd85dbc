"""Password protection, atomic writing, and a real spreadsheet program reading the file."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fftimeline.export.files import write_atomically
from fftimeline.export.protect import decrypt_xlsx, encrypt_xlsx, password_problems
from tests.unit.export.sample import sample_bytes

PASSWORD = "blue-kettle-harbour-7"
SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")

MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub Convert(inUrl As String, outUrl As String, pw As String)
  Dim args(1) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  args(1).Name = &quot;Password&quot;
  args(1).Value = pw
  doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, args())
  Dim outArgs(0) As New com.sun.star.beans.PropertyValue
  outArgs(0).Name = &quot;FilterName&quot;
  outArgs(0).Value = &quot;Text - txt - csv (StarCalc)&quot;
  doc.storeToURL(outUrl, outArgs())
  doc.close(True)
End Sub
</script:module>
"""


def _soffice(profile: Path, *args: str) -> None:
    """Run LibreOffice headless in its own profile; kill the whole group if it hangs."""
    cmd = [
        SOFFICE or "soffice",
        "--headless",
        "--norestore",
        f"-env:UserInstallation={profile.as_uri()}",
        *args,
    ]
    proc = subprocess.Popen(
        cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        proc.wait(timeout=90)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def test_encrypted_file_opens_only_with_its_password():
    plain, _ = sample_bytes()
    encrypted = encrypt_xlsx(plain, PASSWORD)
    assert encrypted[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # an OLE container, not a zip
    assert decrypt_xlsx(encrypted, PASSWORD) == plain
    assert decrypt_xlsx(encrypted, "not the password") is None
    with pytest.raises(Exception):  # noqa: B017 - any failure: openpyxl cannot read it
        load_workbook(io.BytesIO(encrypted))


def test_password_rules_in_plain_words():
    assert password_problems("short", "short") == [
        "Use at least 8 characters for the file password."
    ]
    assert password_problems(PASSWORD, PASSWORD + "x") == ["The two passwords are not the same."]
    assert password_problems(PASSWORD, PASSWORD) == []


def test_atomic_write_leaves_only_the_file(tmp_path):
    target = tmp_path / "chronology.xlsx"
    write_atomically(target, b"first")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["chronology.xlsx"]


@needs_soffice
def test_libreoffice_reads_the_plain_export(tmp_path):
    plain, _ = sample_bytes()
    src = tmp_path / "chronology.xlsx"
    src.write_bytes(plain)
    _soffice(tmp_path / "profile", "--convert-to", "csv", "--outdir", str(tmp_path), str(src))
    text = (tmp_path / "chronology.csv").read_text()
    assert "OFFICIAL-SENSITIVE" in text and "J. O." in text


@needs_soffice
def test_libreoffice_needs_the_password(tmp_path):
    plain, _ = sample_bytes()
    src = tmp_path / "protected.xlsx"
    src.write_bytes(encrypt_xlsx(plain, PASSWORD))
    profile = tmp_path / "profile"
    _soffice(profile, "--convert-to", "csv", "--outdir", str(tmp_path / "nopw"), str(src))
    assert not (tmp_path / "nopw" / "protected.csv").exists()

    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(MACRO)
    out = tmp_path / "opened.csv"
    _soffice(
        profile,
        f'macro:///Standard.Module1.Convert("{src.as_uri()}","{out.as_uri()}","{PASSWORD}")',
    )
    text = out.read_text()
    assert "OFFICIAL-SENSITIVE" in text and "J. O." in text
