"""Print… as the key worker uses it: preview, print to a file, save as PDF, and what is recorded."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QProgressDialog,
    QPushButton,
    QToolBar,
)

from fftimeline.domain.cases import Case
from fftimeline.domain.entries import Entry
from fftimeline.domain.sharing import Audience, Sharing
from fftimeline.domain.views import ChildWish
from fftimeline.export.document import EntryCard, Line
from fftimeline.printing import Cancelled, page_count, paint_on_printer
from fftimeline.services.export import manual_redactions
from fftimeline.services.printing import Prepared, PrintRequest, prepare
from fftimeline.services.vault import OpenVault
from fftimeline.settings import example_support
from fftimeline.ui.background import run_in_background
from fftimeline.ui.dialogs import print_dialog
from fftimeline.ui.dialogs.child_wish_dialog import ChildWishDialog
from fftimeline.ui.dialogs.print_dialog import PrintDialog
from tests.factories import make_entry, make_plan

pytestmark = pytest.mark.gui


@pytest.fixture
def shared(vault: OpenVault, case: Case, entries: list[Entry]) -> int:
    """The case of `entries`, plus entries the parents may see."""
    everyone = Sharing(audiences=frozenset(Audience))
    for n in range(12):
        vault.entries.add(
            case.id, make_entry(summary=f"Visit number {n} went well", sharing=everyone)
        )
    return case.id


def _dialog(qtbot, vault: OpenVault, case_id: int, audience: str = "parents-carers") -> PrintDialog:
    dialog = PrintDialog(vault, case_id, example_support)
    qtbot.addWidget(dialog)
    dialog.audience.setCurrentIndex(dialog.audience.findData(audience))
    qtbot.keyClicks(dialog.recipients, "Grace Okafor")
    qtbot.keyClicks(dialog.purpose, "Keeping the family informed")
    return dialog


def test_printing_through_qprinter_to_a_pdf_file(
    qapp, vault: OpenVault, shared: int, tmp_path: Path
) -> None:
    document = prepare(vault, shared, PrintRequest("parents-carers", "Mum", "Informed")).document
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    pages = paint_on_printer(document, printer)
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert pages == len(reader.pages) == page_count(document) >= 2
    assert "Your family's timeline" in reader.pages[0].extract_text().replace("\t", " ")


def test_the_preview_opens_with_the_right_page_count_and_records_nothing_unprinted(
    qtbot, vault: OpenVault, shared: int
) -> None:
    dialog = _dialog(qtbot, vault, shared)
    seen: dict[str, int] = {}

    def look() -> None:
        preview = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QPrintPreviewDialog) and w.isVisible()
            ),
            None,
        )
        if preview is None:  # still being checked: look again
            QTimer.singleShot(200, look)
            return
        widget = preview.findChild(QPrintPreviewWidget)
        assert widget is not None
        seen["pages"] = widget.pageCount()
        preview.reject()

    QTimer.singleShot(500, look)
    dialog.show_preview()
    expected = page_count(prepare(vault, shared, dialog.request(), example_support()).document)
    assert seen["pages"] == expected >= 2
    assert (
        vault.disclosures.disclosures(shared) == []
    )  # a preview closed unprinted is no disclosure


def test_save_as_pdf_writes_checks_and_records_it(
    qtbot, vault: OpenVault, shared: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "for-the-family.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = _dialog(qtbot, vault, shared)
    dialog.large_print.setChecked(True)
    dialog.save_pdf()
    assert target.exists(), dialog.problem.text()
    assert "Recorded in What was shared" in dialog.result_label.text()
    [disclosure] = vault.disclosures.disclosures(shared)
    assert disclosure.format == "pdf" and disclosure.recipients == "Grace Okafor"
    assert disclosure.pages == len(PdfReader(target).pages)


def _leaky_once(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The first document made has a name left in its first entry (a redaction bug)."""
    real, calls = prepare, []

    def prepare_leaky(*args, **kwargs) -> Prepared:
        prepared = real(*args, **kwargs)
        calls.append(1)
        if len(calls) > 1:
            return prepared
        blocks = list(prepared.document.blocks)
        n = next(i for i, b in enumerate(blocks) if isinstance(b, EntryCard))
        card = blocks[n]
        assert isinstance(card, EntryCard)
        lines = (Line("What happened", "Seen with Marcus Bell"), *card.lines[1:])
        blocks[n] = dataclasses.replace(card, lines=lines)
        document = dataclasses.replace(prepared.document, blocks=tuple(blocks))
        return dataclasses.replace(prepared, document=document)

    monkeypatch.setattr(print_dialog, "prepare", prepare_leaky)
    return calls


def test_a_stop_before_printing_lists_findings_and_hide_these_words_checks_again(
    qtbot, vault: OpenVault, shared: int, monkeypatch, tmp_path
) -> None:
    calls = _leaky_once(monkeypatch)
    opened: list[int] = []

    def chooser_opened(_chooser: QPrintDialog) -> int:
        opened.append(1)
        return 0

    monkeypatch.setattr(QPrintDialog, "exec", chooser_opened)
    dialog = _dialog(qtbot, vault, shared)
    dialog.print_now()
    panel = dialog.findings
    assert opened == [] and not panel.isHidden()  # nothing went to a printer
    first = next(  # the first entry the parents get: its card holds the name left in
        b
        for b in prepare(vault, shared, dialog.request(), example_support()).document.blocks
        if isinstance(b, EntryCard)
    )
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == [
        "A person the parents must not see is in the entry of 14 March 2025 "
        f"(entry {first.entry_id}), what happened."
    ]
    assert panel.summary.text().startswith("The document was stopped")
    assert "Nothing was written or printed" in panel.summary.text()
    dialog.adjustSize()
    dialog.grab().save(str(tmp_path / "print-stopped.png"))
    panel.show_words.setChecked(True)
    assert panel.list.item(0).text().startswith("Marcus Bell, a person the parents")
    panel.hide_words.click()
    [span] = manual_redactions(vault, shared).spans
    assert (span.entry_id, span.audience, span.text) == (
        first.entry_id,
        "parents-carers",
        "Marcus Bell",
    )
    assert len(calls) == 2 and "Checked again" in panel.summary.text()
    assert vault.disclosures.disclosures(shared) == []


def test_a_stopped_pdf_is_not_written_and_found_words_stay_hidden_with_hide_names(
    qtbot, vault: OpenVault, shared: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "for-marcus-bell.pdf"  # a protected name typed into the file name
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = PrintDialog(vault, shared, example_support, mask=vault.people.screen_mask(shared))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.recipients, "Grace Okafor")
    qtbot.keyClicks(dialog.purpose, "Keeping the family informed")
    dialog.save_pdf()
    panel = dialog.findings
    assert not panel.isHidden() and not target.exists()
    assert panel.list.item(0).text() == "A person the parents must not see is in the file name."
    assert not panel.show_words.isEnabled() and not panel.open_entry.isEnabled()
    assert vault.disclosures.disclosures(shared) == []


def test_an_audience_with_nothing_shared_is_told_before_anything_is_written(
    qtbot, vault: OpenVault, case: Case, entries: list[Entry], tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "c.pdf"), "")
    )
    dialog = _dialog(qtbot, vault, case.id, audience="child")
    dialog.save_pdf()
    assert "nothing to print for the child" in dialog.problem.text()
    assert not (tmp_path / "c.pdf").exists() and vault.disclosures.disclosures(case.id) == []


def test_who_it_is_for_is_asked_before_printing(qtbot, vault: OpenVault, shared: int) -> None:
    dialog = PrintDialog(vault, shared, example_support)
    qtbot.addWidget(dialog)
    dialog.print_now()
    assert dialog.problem.text() == "Say who it is for: printing it is recorded."


def test_ctrl_p_opens_print_beside_export(qtbot, window) -> None:
    toolbar = window.findChild(QToolBar, "main-tools")
    texts = [a.text() for a in toolbar.actions()]
    assert texts[texts.index("Export…") + 1] == "Print…"
    assert window.commands.print_.shortcut().toString() == "Ctrl+P"
    opened: list[str] = []

    def close_it() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PrintDialog))
        opened.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(200, close_it)
    window.commands.print_.trigger()
    assert opened == ["Print for an audience"]


def test_long_work_keeps_the_window_answering_and_cancel_stops_it(qtbot, qapp) -> None:
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)

    def cancel_it() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        )
        button = dialog.findChild(QPushButton)
        assert button is not None
        button.click()  # the Cancel button, as a person would

    def slow(progress) -> str:
        import time

        for step in range(400):
            progress(step, 400)
            time.sleep(0.01)
        return "finished"

    QTimer.singleShot(600, cancel_it)
    with pytest.raises(Cancelled):
        run_in_background(None, "Working", slow)
    timer.stop()
    assert len(ticks) >= 10  # the interface thread kept running while the work went on
    assert run_in_background(None, "Quick", lambda progress: "done") == "done"


def test_the_safety_plan_is_offered_only_to_audiences_it_may_go_to(
    qtbot, vault: OpenVault, shared: int
) -> None:
    dialog = _dialog(qtbot, vault, shared)
    assert not dialog.safety_plan.isEnabled()  # no plan yet
    family_and_team = Sharing(audiences=frozenset({Audience.PARENTS, Audience.SAFEGUARDING_TEAM}))
    vault.safety_plans.save(shared, make_plan(sharing=family_and_team))
    dialog = _dialog(qtbot, vault, shared)
    assert dialog.safety_plan.isEnabled()
    dialog.safety_plan.setChecked(True)
    assert dialog.request().safety_plan
    dialog.audience.setCurrentIndex(dialog.audience.findData("strategy-meeting"))
    assert not dialog.safety_plan.isEnabled() and not dialog.safety_plan.isChecked()
    assert "not marked as safe to share" in dialog.safety_plan.toolTip()
    assert not dialog.request().safety_plan
    dialog.audience.setCurrentIndex(dialog.audience.findData("safeguarding-team"))
    assert dialog.safety_plan.isEnabled() and dialog.safety_plan.toolTip() == ""


def _answer_wish(answer: Callable[[ChildWishDialog], None], seen: list[str]) -> None:
    """Once the child's-wish question is open, note what it names and answer it."""

    def poll(left: int = 200) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, ChildWishDialog):
            seen.append(modal.entries.text())
            answer(modal)
        elif left:
            QTimer.singleShot(25, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)


def test_printing_what_the_child_asked_the_parents_not_be_told_asks_why_and_records_it(
    qtbot, vault: OpenVault, shared: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The print dialog asks the export dialog's question: keep the wish, or say why not."""
    wished = vault.entries.add(
        shared,
        make_entry(
            summary="JJ said older boys made him hold packages",
            child_wish=ChildWish(
                text="JJ wants to tell his mum himself", not_told=frozenset({Audience.PARENTS})
            ),
            sharing=Sharing(audiences=frozenset(Audience)),
        ),
    )
    printed = tmp_path / "printed.pdf"
    opened: list[int] = []

    def to_a_file(chooser: QPrintDialog) -> int:
        opened.append(1)
        chooser.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chooser.printer().setOutputFileName(str(printed))
        return int(QPrintDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", to_a_file)
    dialog = _dialog(qtbot, vault, shared)
    named: list[str] = []
    _answer_wish(lambda asked: asked.keep.click(), named)
    dialog.print_now()
    assert named and "JJ said older boys made him hold packages" in named[0]
    assert "JJ wants to tell his mum himself" in named[0]
    assert dialog.problem.text() == "Not printed: the child's wish is kept."
    assert opened == [] and not printed.exists()
    assert vault.disclosures.disclosures(shared) == []

    def share_with_reason(asked: ChildWishDialog) -> None:
        asked.reason.setPlainText("JJ told his mum on Friday and asked us to share it now")
        asked.share.click()

    _answer_wish(share_with_reason, named)
    dialog.print_now()
    assert opened == [1] and printed.exists()
    [recorded] = vault.disclosures.disclosures(shared)
    assert recorded.format == "print" and wished.id in recorded.entry_ids
    assert recorded.child_wish_entries == (wished.id,)
    assert recorded.child_wish_reason == "JJ told his mum on Friday and asked us to share it now"
