"""Print, preview or save as PDF for one audience (ui layer).

One layout for all three: the document `services.printing.prepare` builds is what the
preview shows, what the printer prints and what the PDF holds. Getting the document ready
and writing a PDF run off the interface thread with a progress bar and Cancel
(`ui.background`). Before anything is printed or saved the document passes the
independent leak scan, and a stop lists what was found and where (`print_check`). A print
and a PDF are recorded in "What was shared" like an export; an audience with nothing to
print is told so before anything is written or recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fftimeline.domain.errors import DomainError
from fftimeline.domain.leaks import LeakFound
from fftimeline.domain.records import Disclosure
from fftimeline.domain.support import SupportOrganisation
from fftimeline.printing import page_count, paint_on_printer, render_pdf
from fftimeline.services.child_wishes import unconfirmed
from fftimeline.services.export import audiences, password_problems
from fftimeline.services.printing import (
    FAMILY_AUDIENCES,
    Prepared,
    PrintRequest,
    default_pdf_name,
    export_pdf,
    prepare,
    record_print,
)
from fftimeline.ui.background import run_in_background
from fftimeline.ui.dialogs.child_wish_dialog import ChildWishDialog
from fftimeline.ui.dialogs.print_check import PrintCheck
from fftimeline.ui.errors import plain_message
from fftimeline.ui.models.entry_text import NameMask, no_mask
from fftimeline.ui.safety_plans.plan_offer import offer_plan, plan_tick
from fftimeline.ui.widgets.form_helpers import line_edit, problem_label
from fftimeline.ui.wording.notice import WordingNotice

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

SupportList = Callable[[], tuple[SupportOrganisation, ...]]


class PrintDialog(QDialog):
    """Choose who it is for, then preview, print or save it as a PDF."""

    def __init__(
        self,
        vault: OpenVault,
        case_id: int,
        support: SupportList,
        parent: QWidget | None = None,
        *,
        mask: NameMask = no_mask,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print for an audience"))
        self._vault, self._case_id, self._support = vault, case_id, support
        self._mask = mask
        self.recorded: list[Disclosure] = []
        self.audience = QComboBox()
        self.audience.setAccessibleName(self.tr("Audience"))
        for profile in audiences(vault):
            self.audience.addItem(profile.label, profile.slug)
        self.audience.setCurrentIndex(max(self.audience.findData("parents-carers"), 0))
        self.child_name = QCheckBox(self.tr("Show the child's full name (otherwise initials)"))
        self.large_print = QCheckBox(self.tr("Large print (at least 16 point)"))
        self.safety_plan = plan_tick(self.tr("End with the current safety plan"))
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.what.setAccessibleName(self.tr("What will be printed"))
        self.recipients = self._line(self.tr("Who it is for"), self.tr("For example: Donna Reid"))
        self.purpose = self._line(
            self.tr("Purpose or lawful basis"), self.tr("Why it is being shared")
        )
        self.protect = QCheckBox(self.tr("Protect the PDF with a password"))
        self.password = self._line(self.tr("Password"), "", secret=True)
        self.password_again = self._line(self.tr("Password again"), "", secret=True)
        self.problem = problem_label()
        self.check = PrintCheck(
            self, vault, case_id, self.audience_slug, self.prepared, self.problem,
            names_hidden=mask is not no_mask,
        )  # fmt: skip
        self.findings = self.check.panel
        self.wording = WordingNotice(vault, case_id)  # findings in the entries going out
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("What was done"))
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.preview_button, self.print_button, self.pdf_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self._lay_out()
        self.audience.currentIndexChanged.connect(self._on_audience)
        self.protect.toggled.connect(self._on_protect)
        self.safety_plan.toggled.connect(self._count_wording)
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button.clicked.connect(self.print_now)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.buttons.rejected.connect(self.reject)
        self.wording.entries_changed.connect(self._on_audience)
        self._on_audience()
        self._on_protect()

    def _line(self, name: str, hint: str, *, secret: bool = False) -> QLineEdit:
        return line_edit(name, hint, secret=secret)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Audience"), self.audience)
        form.addRow("", self.what)
        form.addRow("", self.child_name)
        form.addRow("", self.large_print)
        form.addRow("", self.safety_plan)
        form.addRow(self.tr("Who it is for"), self.recipients)
        form.addRow(self.tr("Purpose or lawful basis"), self.purpose)
        form.addRow("", self.protect)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.password_again)
        self.form = form
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.wording)
        box.addWidget(self.problem)
        box.addWidget(self.findings)
        box.addWidget(self.result_label)
        box.addWidget(self.buttons)
        self.result_label.hide()
        self.resize(560, 360)

    # Reading the form --------------------------------------------------------------------
    def audience_slug(self) -> str:
        """The slug of the chosen audience."""
        return str(self.audience.currentData())

    def request(self, *, with_password: bool = False) -> PrintRequest:
        """What is chosen in the form (the password only when saving a protected PDF)."""
        password = None
        if with_password and self.protect.isChecked():
            password = bytearray(self.password.text().encode("utf-8"))
        return PrintRequest(
            audience=self.audience_slug(),
            recipients=self.recipients.text().strip(),
            purpose=self.purpose.text().strip(),
            show_child_name=self.child_name.isChecked(),
            large_print=self.large_print.isChecked(),
            password=password,
            safety_plan=self.safety_plan.isEnabled() and self.safety_plan.isChecked(),
        )

    def _problems(self, *, pdf: bool = False) -> list[str]:
        problems = []
        if not self.recipients.text().strip():
            problems.append(self.tr("Say who it is for: printing it is recorded."))
        if not self.purpose.text().strip():
            problems.append(self.tr("Say why it is being shared (purpose or lawful basis)."))
        if pdf and self.protect.isChecked():
            problems += password_problems(self.password.text(), self.password_again.text())
        return problems

    # Slots ------------------------------------------------------------------------------
    def _on_audience(self) -> None:
        profile = next(p for p in audiences(self._vault) if p.slug == self.audience_slug())
        initials_only = "child-name" not in profile.fields
        self.child_name.setEnabled(initials_only)
        self.child_name.setChecked(not initials_only)
        offer_plan(self.safety_plan, self._vault, self._case_id, profile.base)
        self._count_wording()
        if profile.base in FAMILY_AUDIENCES:
            self.what.setText(
                self.tr(
                    "A timeline written for them in plain words: how to reach you, how "
                    "information is shared, every entry with their view beside it, and where "
                    "to get support."
                )
            )
        else:
            self.what.setText(
                self.tr("The chronology as a landscape table, with the marking on every page.")
            )

    def _count_wording(self) -> None:
        """The notice counts the entries going out, and the safety plan when it goes too."""
        base = next(p for p in audiences(self._vault) if p.slug == self.audience_slug()).base
        going = self._vault.wording.ids_going_to(self._case_id, base)
        plan = self.safety_plan.isEnabled() and self.safety_plan.isChecked()
        self.wording.show_for(going, base, plan=plan)

    def _on_protect(self) -> None:
        on = self.protect.isChecked()
        self.form.setRowVisible(self.password, on)
        self.form.setRowVisible(self.password_again, on)

    def prepared(self) -> Prepared | None:
        """The document for the form's choices, made off the interface thread (or None)."""
        problems = self._problems()
        if problems:
            self.problem.setText(problems[0])
            return None
        request, support = self.request(), self._support()
        try:
            return run_in_background(
                self,
                self.tr("Getting the document ready…"),
                lambda _progress: prepare(self._vault, self._case_id, request, support),
            )
        except (DomainError, ValidationError) as exc:
            self.problem.setText(plain_message(exc))
            return None

    def show_preview(self) -> None:
        """Qt's print preview of the checked document; printing from it is recorded."""
        prepared = self._checked()
        if prepared is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        preview = QPrintPreviewDialog(printer, self)
        preview.setWindowTitle(self.tr("Print preview"))
        preview.paintRequested.connect(lambda p: paint_on_printer(prepared.document, p))
        preview.resize(900, 760)
        self.preview = preview
        if preview.exec() == QDialog.DialogCode.Accepted:
            self._record_print(prepared)
        preview.deleteLater()

    def print_now(self) -> None:
        """The system's print dialog, then print the checked document and record it."""
        prepared = self._checked()
        if prepared is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        chooser = QPrintDialog(printer, self)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return
        paint_on_printer(prepared.document, printer)
        self._record_print(prepared)

    def _checked(self) -> Prepared | None:
        """The document for the form's choices, if the leak scan passes it (or None)."""
        self.check.file_name = ""
        prepared = self._confirmed(self.prepared())
        return prepared if prepared is not None and self.check.passes(prepared) else None

    def _confirmed(self, prepared: Prepared | None) -> Prepared | None:
        """The document, once the key worker confirmed any entry the child asked to keep.

        When the child asked this audience not to be told about an entry in it, the key
        worker says why it goes anyway (recorded with the print), or nothing is printed.
        """
        if prepared is None:
            return None
        stop = unconfirmed(prepared.chron)
        if stop is None:
            return prepared
        reason = ChildWishDialog.ask(self, stop, self._mask)
        if reason is None:
            self.problem.setText(self.tr("Not printed: the child's wish is kept."))
            return None
        request = replace(prepared.request, child_wish_reason=reason)
        return Prepared(prepared.document, prepared.chron, request)

    def _record_print(self, prepared: Prepared) -> None:
        try:
            disclosure = record_print(
                self._vault, self._case_id, prepared, page_count(prepared.document)
            )
        except (DomainError, ValidationError) as exc:
            self.problem.setText(plain_message(exc))
            return
        self.recorded.append(disclosure)
        self._done(
            self.tr("Printed {pages} pages. Recorded in What was shared.").format(
                pages=disclosure.pages
            )
        )

    def save_pdf(self) -> None:
        """Choose where, then make, check, write and record the PDF off the interface thread."""
        problems = self._problems(pdf=True)
        if problems:
            self.problem.setText(problems[0])
            return
        target = self._choose_file()
        if target is None:
            return
        self.check.file_name = target.name
        prepared = self._confirmed(self.prepared())
        if prepared is None:
            return
        reason = prepared.request.child_wish_reason
        request = replace(self.request(with_password=True), child_wish_reason=reason)
        prepared = Prepared(prepared.document, prepared.chron, request)
        try:
            result = run_in_background(
                self,
                self.tr("Making the PDF…"),
                lambda progress: export_pdf(
                    self._vault, self._case_id, prepared, target, render_pdf, progress
                ),
            )
        except LeakFound as stop:
            self.check.show_stop(stop)
            return
        except (DomainError, ValidationError, OSError) as exc:
            self.problem.setText(plain_message(exc))
            return
        finally:
            if request.password is not None:
                request.password[:] = bytes(len(request.password))
        self.findings.hide()
        self.password.clear()
        self.password_again.clear()
        self.recorded.append(result.disclosure)
        self._done(
            self.tr(
                "Saved to {path} ({pages} pages).\nRecorded in What was shared "
                "(the disclosure register)."
            ).format(path=result.path, pages=result.pages)
        )

    def _choose_file(self) -> Path | None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        suggested = Path(folder) / default_pdf_name(self.audience_slug(), dt.date.today())
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the PDF as"), str(suggested), self.tr("PDF (*.pdf)")
        )
        if not path:
            return None
        return Path(path if path.lower().endswith(".pdf") else f"{path}.pdf")

    def _done(self, text: str) -> None:
        self.problem.clear()
        self.result_label.setText(text)
        self.result_label.show()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        vault: OpenVault,
        case_id: int,
        support: SupportList,
        *,
        mask: NameMask = no_mask,
    ) -> list[Disclosure]:
        """Show the dialog; the prints and PDFs it recorded.

        With ``mask`` ("Hide names" is on) the words a stop found are never shown.
        """
        dialog = cls(vault, case_id, support, parent, mask=mask)
        dialog.exec()
        return dialog.recorded
