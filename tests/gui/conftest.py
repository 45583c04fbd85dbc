"""Shared fixtures for the GUI tests: offscreen Qt and real vault files under tmp_path."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from fftimeline.domain.cases import Case
from fftimeline.domain.dates import EventDate
from fftimeline.domain.entries import Entry, Kind, Nature, Significance
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.sources import Source, WithheldReason
from fftimeline.services.vault import OpenVault, create_vault
from fftimeline.ui.collector import collect_on_interface_thread
from tests.factories import PASSPHRASE, make_case, make_entry, make_person, passphrase

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

ACTOR = "Sam Key"
WITHHELD_NAME = "Canary Neighbour Xq7"
"""A withheld source's name: it must never appear in the table or the detail pane."""


@pytest.fixture(autouse=True)
def _collection_on_interface_thread(qapp: QApplication) -> Iterator[None]:
    """As in the app: cycles are collected on the interface thread only, never in a worker."""
    collector = collect_on_interface_thread(qapp)
    yield
    collector.stop()
    collector.deleteLater()


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[OpenVault]:
    """A freshly created, open vault in tmp_path; closed after the test."""
    v = create_vault(tmp_path / "work-chronologies.fft", passphrase(), actor=ACTOR)
    yield v
    v.close()


@pytest.fixture
def case(vault: OpenVault) -> Case:
    """One case with no entries."""
    return vault.cases.add(make_case())


def add_varied_entries(vault: OpenVault, case_id: int) -> list[Entry]:
    """A handful of varied entries (serious risk, withheld source, opinion, linked person)."""
    bugsy = vault.links.save(case_id, make_person())
    drafts = [
        make_entry(),
        make_entry(
            kind=Kind.INCIDENT,
            event_date=EventDate.exact(dt.date(2025, 7, 3)),
            summary="Arrested with cash and two phones in Birmingham",
            nature=Nature.FACT,
            significance=Significance.SERIOUS,
            next_action="Strategy meeting today",
            next_action_owner="Sam Key",
            link_ids=frozenset({bugsy.id or 0}),
        ),
        make_entry(
            kind=Kind.INTELLIGENCE,
            event_date=EventDate.around_month(2025, 6),
            summary="Car seen at the flat most nights",
            nature=Nature.INTELLIGENCE,
            source=Source(
                name=WITHHELD_NAME, withheld=True, withheld_reason=WithheldReason.RISK_TO_SOURCE
            ),
            sharing=Sharing(
                audiences=frozenset({Audience.SAFEGUARDING_TEAM, Audience.POLICE}),
                reasons_not={Audience.PARENTS: "would alert those harming the child"},
            ),
        ),
        make_entry(
            kind=Kind.MEETING,
            event_date=EventDate.month(2025, 5),
            summary="Strategy meeting agreed a safety plan",
            nature=Nature.OPINION,
            opinion_of="Dr Shah, paediatrician",
            source=None,
            no_source_reason="Said at the meeting, where the key worker heard it",
        ),
    ]
    return [vault.entries.add(case_id, d) for d in drafts]


@pytest.fixture
def entries(vault: OpenVault, case: Case) -> list[Entry]:
    """The varied entries of `add_varied_entries`, in `case`."""
    return add_varied_entries(vault, case.id)


@pytest.fixture
def window(qtbot, vault: OpenVault, entries: list[Entry]):
    """The main window over a vault with one case of varied entries, shown offscreen."""
    from fftimeline.ui.main_window import MainWindow

    w = MainWindow(vault)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


@pytest.fixture
def controller(qtbot, tmp_path: Path):
    """The app's controller (start window, lock, unlock) with its settings under tmp_path."""
    from PySide6.QtWidgets import QApplication

    from fftimeline.app import AppController

    c = AppController(tmp_path / "config" / "settings.json", tmp_path / "data", actor=ACTOR)
    qtbot.addWidget(c.start_window)
    yield c
    c.shutdown()
    app = QApplication.instance()
    assert app is not None
    app.removeEventFilter(c.idle)


def unlock_again(qtbot, controller) -> OpenVault:
    """Type the passphrase on the unlock screen and unlock; the vault now open."""
    from PySide6.QtCore import Qt

    start = controller.start_window
    qtbot.keyClicks(start.passphrase, PASSPHRASE)
    qtbot.mouseClick(start.unlock_button, Qt.MouseButton.LeftButton)
    assert controller.vault is not None, start.unlock_error.text()
    vault: OpenVault = controller.vault
    return vault


def vault_bytes(path: Path) -> bytes:
    """Every byte of a vault and its -wal, to prove typing never reached them in plain text."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
