"""Save screenshots of the screens (wording check included), and pages of the printed
documents, for the README.

Usage: QT_QPA_PLATFORM=offscreen python tools/screenshots.py OUTDIR

The demo vault (invented people only) is written to a temporary folder, opened offscreen,
photographed at 1280x800 and deleted again. The first two pages of the parents' timeline and
a page of the strategy meeting's chronology are drawn by the same code that prints them. The
meeting form, the safety plan and the case list (review overdue, parents last updated) too.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from pypdf import PdfReader
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent, QPainter
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from fftimeline.domain.entries import Significance
from fftimeline.printing import page_images, render_pdf
from fftimeline.services.demo import demo_passphrase, write_demo
from fftimeline.services.printing import PrintRequest, prepare
from fftimeline.services.vault import OpenVault, open_vault
from fftimeline.settings import example_support
from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog
from fftimeline.ui.dialogs.print_dialog import PrintDialog
from fftimeline.ui.main_window import MainWindow
from fftimeline.ui.meetings.meeting_dialog import MeetingDialog
from fftimeline.ui.models.chronology_filter import DisputedBy
from fftimeline.ui.safety_plans.plan_view import SafetyPlanView
from fftimeline.ui.start_window import StartWindow
from fftimeline.ui.wording.findings_dialog import WordingFindingsDialog

ACTOR = "Sam Key"


def grab(widget: QWidget, path: Path) -> None:
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(f"saved {path}")


def start_screens(out: Path, vault_path: Path, data_dir: Path) -> None:
    welcome = StartWindow(last_vault=None, data_dir=data_dir, actor=ACTOR)
    grab(welcome, out / "welcome.png")
    welcome.close()
    unlock = StartWindow(last_vault=vault_path, data_dir=data_dir, actor=ACTOR)
    unlock.unlock_error.setText(
        unlock.tr("Wrong passphrase, or the file is damaged. Nothing was changed.")
    )
    grab(unlock, out / "unlock.png")
    unlock.close()


def main_screens(out: Path, vault: OpenVault) -> None:
    window = MainWindow(vault)
    window.resize(1280, 800)
    case_id = vault.cases.summaries()[0].case.id
    window.select_case(case_id)
    entries = vault.entries.entries(case_id)
    serious = [e for e in entries if e.significance is Significance.SERIOUS]
    chosen = (serious or entries)[-1]
    proxy = window.ui.proxy
    for row in range(proxy.rowCount()):
        if proxy.entry_at(row).id == chosen.id:
            window.ui.table.selectRow(row)
            window.ui.table.scrollTo(proxy.index(row, 0))
            break
    grab(window, out / "main-window.png")
    editor = EntryEditorDialog(window, vault, case_id, chosen)
    editor.form.show_more(True)
    grab(editor, out / "entry-editor.png")
    editor._closing = True
    editor.close()
    window.clear_case_data()
    window.close()


def views_screens(out: Path, vault: OpenVault) -> None:
    """The table filtered to what the family disputes; the editor with each person's view."""
    window = MainWindow(vault)
    window.resize(1280, 800)
    case_id = vault.cases.summaries()[0].case.id
    window.select_case(case_id)
    window.commands.filters.setChecked(True)
    panel = window.ui.filters
    panel.disputed.setCurrentIndex(panel.disputed.findData(DisputedBy.FAMILY))
    proxy = window.ui.proxy
    both = next(
        (r for r in range(proxy.rowCount()) if len(proxy.entry_at(r).views) > 1),
        0,
    )
    window.ui.table.selectRow(both)
    grab(window, out / "chronology-disputes.png")
    chosen = proxy.entry_at(both)
    editor = EntryEditorDialog(window, vault, case_id, chosen)
    editor.resize(900, 980)
    grab(editor, out / "entry-views.png")
    editor._closing = True
    editor.close()
    window.clear_case_data()
    window.close()


def wording_screens(out: Path, vault: OpenVault) -> None:
    """The editor with an underlined finding and its card; the case-wide list of findings."""
    case_id = vault.cases.summaries()[0].case.id
    found = vault.wording.case_findings(case_id)
    entry = vault.entries.get(found[0].entry_id)
    editor = EntryEditorDialog(None, vault, case_id, entry)
    editor.resize(920, 640)
    editor.show()
    underliner = editor.wording.underliners["account"]
    underliner.recheck_now()
    box = underliner.surface.widget
    assert isinstance(box, QPlainTextEdit)
    finding = next(f for f in underliner.findings if f.rule_id == "chose-to")
    cursor = box.textCursor()
    cursor.setPosition((finding.start + finding.end) // 2)
    point = box.cursorRect(cursor).center()
    target = box.viewport()
    QApplication.sendEvent(
        target, QHelpEvent(QEvent.Type.ToolTip, point, target.mapToGlobal(point))
    )
    for _ in range(5):
        QApplication.processEvents()
    shot = editor.grab()
    card = editor.wording.card
    painter = QPainter(shot)
    painter.drawPixmap(card.pos() - editor.mapToGlobal(QPoint(0, 0)), card.grab())
    painter.end()
    shot.save(str(out / "wording-editor.png"))
    print(f"saved {out / 'wording-editor.png'}")
    editor._closing = True
    editor.close()
    dialog = WordingFindingsDialog(vault, case_id, open_entry=lambda _entry_id: False)
    dialog.show_closed.setChecked(True)
    dialog.table.setCurrentCell(1, 0)
    dialog.resize(1060, 420)
    grab(dialog, out / "wording-findings.png")
    dialog.close()


def document_pages(out: Path, vault: OpenVault) -> None:
    case_id = vault.cases.summaries()[0].case.id
    family = PrintRequest("parents-carers", "Donna Reid", "Keeping the family informed")
    document = prepare(vault, case_id, family, example_support()).document
    for n, image in enumerate(page_images(document, range(2), dpi=110), start=1):
        image.save(str(out / f"parents-timeline-{n}.png"))
        print(f"saved {out / f'parents-timeline-{n}.png'}")
    pages = PdfReader(io.BytesIO(render_pdf(document))).pages
    challenged = next(n for n, p in enumerate(pages) if "challenged" in p.extract_text())
    [image] = page_images(document, range(challenged, challenged + 1), dpi=110)
    image.save(str(out / "parents-meeting-page.png"))  # a decision, its challenge, the answer
    print(f"saved {out / 'parents-meeting-page.png'}")
    meeting = PrintRequest(
        "strategy-meeting", "Members of the strategy meeting", "Strategy meeting"
    )
    document = prepare(vault, case_id, meeting).document
    [image] = page_images(document, range(1, 2), dpi=110)
    image.save(str(out / "strategy-meeting-page.png"))
    print(f"saved {out / 'strategy-meeting-page.png'}")
    dialog = PrintDialog(vault, case_id, example_support)
    dialog.recipients.setText("Donna Reid")
    dialog.purpose.setText("Keeping the family informed")
    grab(dialog, out / "print-dialog.png")
    dialog.close()


def meeting_screens(out: Path, vault: OpenVault) -> None:
    """The meeting form (a challenged decision), the safety plan, and the case list."""
    case_id = vault.cases.summaries()[0].case.id
    meetings = [e for e in vault.entries.entries(case_id) if e.meeting is not None]
    challenged = [e for e in meetings if e.meeting is not None and e.meeting.challenges]
    dialog = MeetingDialog(vault, case_id, (challenged or meetings)[-1])
    dialog.resize(1040, 1000)
    grab(dialog, out / "meeting-dialog.png")
    dialog.mark_unchanged()
    dialog.close()
    plan = SafetyPlanView(vault, case_id, writable=True)
    plan.resize(980, 720)
    grab(plan, out / "safety-plan.png")
    plan.close()
    window = MainWindow(vault)
    window.resize(1280, 800)
    window.select_case(case_id)
    grab(window.ui.case_panel, out / "case-list.png")
    window.clear_case_data()
    window.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("fftimeline")
    with tempfile.TemporaryDirectory(prefix="fftimeline-shots-") as tmp:
        vault_path = Path(tmp) / "work-chronologies.fft"
        secret = demo_passphrase()
        write_demo(vault_path, bytearray(secret), actor=ACTOR)
        start_screens(out, vault_path, Path(tmp))
        vault = open_vault(vault_path, secret, actor=ACTOR)
        secret[:] = bytes(len(secret))
        try:
            main_screens(out, vault)
            views_screens(out, vault)
            document_pages(out, vault)
            wording_screens(out, vault)
            meeting_screens(out, vault)
        finally:
            vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
