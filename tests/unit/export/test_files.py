"""Writing output files: binary mode on every platform, whole or not at all, no leftovers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fftimeline.export import files
from fftimeline.export.files import ExportNotWritten, part_files, write_atomically

FAKE_O_BINARY = 0x4000_0000
"""A flag value no POSIX open() uses, standing in for Windows' O_BINARY."""


@pytest.fixture
def opened_flags(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Pretend to be on Windows (os.O_BINARY exists) and note the flags every os.open gets."""
    seen: list[int] = []
    real_open = os.open

    def recording_open(path: object, flags: int, mode: int = 0o777, **kw: object) -> int:
        seen.append(flags)
        return real_open(path, flags & ~FAKE_O_BINARY, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "O_BINARY", FAKE_O_BINARY, raising=False)
    monkeypatch.setattr(os, "open", recording_open)
    return seen


def test_export_file_is_opened_in_binary_mode(tmp_path: Path, opened_flags: list[int]) -> None:
    write_atomically(tmp_path / "out.xlsx", b"PK\x03\x04 zip bytes\n")
    file_opens = [f for f in opened_flags if f & os.O_CREAT]
    assert file_opens, "the export was not written with os.open"
    assert all(f & FAKE_O_BINARY for f in file_opens)


def test_written_bytes_round_trip_exactly(tmp_path: Path) -> None:
    data = b"line one\nline two\r\nlone cr\r" + bytes(range(256)) + b"\n\n\r\n"
    target = tmp_path / "chronology.xlsx"
    write_atomically(target, data)
    assert target.read_bytes() == data
    assert target.stat().st_size == len(data)


def test_new_file_is_private(tmp_path: Path) -> None:
    target = tmp_path / "chronology.xlsx"
    write_atomically(target, b"x")
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600


def test_missing_folder_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ExportNotWritten) as caught:
        write_atomically(tmp_path / "no-such-folder" / "out.xlsx", b"x")
    assert "Nothing was written" in caught.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_no_part_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ExportNotWritten) as caught:
        write_atomically(tmp_path / "out.xlsx", b"full export bytes")
    assert "No space left on device" in caught.value.message
    assert list(tmp_path.iterdir()) == []


def test_part_files_are_found_by_their_name_only(tmp_path: Path) -> None:
    (tmp_path / ".fft-0123456789abcdef.part").write_bytes(b"left behind")
    (tmp_path / ".fft-0123456789abcdef.part-journal").write_bytes(b"journal")
    (tmp_path / "my.part").write_bytes(b"someone else's")
    (tmp_path / ".fft-short.part").write_bytes(b"not ours")
    found = part_files(tmp_path)
    assert [p.name for p in found] == [".fft-0123456789abcdef.part"]
    assert files.remove_part(found[0])
    assert sorted(p.name for p in tmp_path.iterdir()) == [".fft-short.part", "my.part"]
