"""``fftimeline.cli.main`` in-process: no arguments starts the app; unexpected errors are plain."""

from __future__ import annotations

import argparse
import importlib
import types

import pytest

from fftimeline import cli
from fftimeline.cli import vault_commands

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _keep_the_test_process_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process runs must not switch core dumps off for pytest itself: a lowered hard
    limit cannot be raised again, and `test_core_dumps` starts its children with them on."""
    monkeypatch.setattr(
        importlib.import_module("fftimeline.cli.main"), "disable_core_dumps", lambda: True
    )


def _record_app_starts(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Stand in for the desktop app: record the arguments it is started with."""
    started: list[list[str]] = []

    def fake_main(argv: list[str]) -> int:
        started.append(argv)
        return 0

    fake = types.SimpleNamespace(main=fake_main)
    monkeypatch.setattr(importlib, "import_module", lambda name: fake)
    return started


def test_no_arguments_starts_the_desktop_app(monkeypatch: pytest.MonkeyPatch) -> None:
    started = _record_app_starts(monkeypatch)
    assert cli.main([]) == 0
    assert started == [[]]


def test_smoke_test_option_is_passed_to_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    started = _record_app_starts(monkeypatch)
    assert cli.main(["--smoke-test", "shown.png"]) == 0
    assert started == [["--smoke-test", "shown.png"]]


def test_without_the_app_no_arguments_fails_in_plain_words(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A build without its window (the bug of a bundle missing PySide6) must not pretend to
    # work by printing the command-line help and exiting 0.
    def missing(name: str) -> object:
        raise ImportError("No module named 'PySide6'", name="PySide6")

    monkeypatch.setattr(importlib, "import_module", missing)
    assert cli.main([]) == 1
    captured = capsys.readouterr()
    assert "usage: fftimeline" not in captured.out
    assert captured.err.strip() == (
        "The desktop app cannot start: part of it is missing (PySide6). Reinstall fftimeline."
    )


def test_an_unexpected_error_is_one_plain_line_without_its_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(args: argparse.Namespace) -> int:
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(vault_commands, "cases", broken)
    assert cli.main(["cases", "somewhere.fft"]) == 1
    err = capsys.readouterr().err
    assert err == "Something went wrong (RuntimeError).\n"  # its text may quote case content


def test_ctrl_c_stops_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(args: argparse.Namespace) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(vault_commands, "check", interrupted)
    assert cli.main(["check", "somewhere.fft"]) == 130
    assert "Traceback" not in capsys.readouterr().err


def test_help_and_usage_errors_return_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    assert cli.main(["export", "v.fft"]) == 2  # --case, --audience and --out are required
    assert "required" in capsys.readouterr().err
