"""The export dialog: who it is for, what goes, a preview, protection, and save (UI layer).

Slots are short: read the form, call one function of `services.export`, show the result.
After saving, the dialog says where the file went and that it is recorded in "What was
shared" (the file's SHA-256 is kept in a details line), and `ask` returns the disclosure that
was recorded. Esc or Cancel asks before throwing away recipients, purpose or a password typed.
The dialog fits a 768-pixel-high screen: the preview and the form share a splitter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from fftimeline.domain.entries import KIND_LABELS, Kind
from fftimeline.domain.errors import DomainError
from fftimeline.domain.leaks import LeakFound
from fftimeline.domain.records import Disclosure
from fftimeline.domain.sharing import Audience
from fftimeline.services.export import (
    AudienceProfile,
    ChildWishNotConfirmed,
    ExportRequest,
    ExportResult,
    Filters,
    ManualSpan,
    add_manual_redaction,
    audiences,
    check_export,
    default_file_name,
    export_xlsx,
    manual_redactions,
    password_problems,
    preview,
    remove_manual_redaction,
    save_custom_audience,
)
from fftimeline.ui.background import run_in_background
from fftimeline.ui.dialogs.child_wish_dialog import ChildWishDialog
from fftimeline.ui.dialogs.custom_audience_dialog import CustomAudienceDialog
from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog
from fftimeline.ui.errors import plain_message
from fftimeline.ui.models.entry_text import NameMask, no_mask
from fftimeline.ui.safety_plans.plan_offer import offer_plan, plan_tick
from fftimeline.ui.widgets.form_helpers import (
    GuardedDialog,
    chosen_date,
    line_edit,
    optional_date_edit,
    problem_label,
)
from fftimeline.ui.widgets.leak_findings import LeakFindingsPanel
from fftimeline.ui.widgets.redaction_preview import RedactionPreviewWidget
from fftimeline.ui.wording.notice import WordingNotice

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

KIND_ROLE = Qt.ItemDataRole.UserRole
__all__ = ["CustomAudienceDialog", "ExportDialog"]


def _write(
    vault: OpenVault, case_id: int, request: ExportRequest, target: Path, _progress: object
) -> ExportResult:
    """The export itself, run off the interface thread."""
    return export_xlsx(vault, case_id, request, target)


class ExportDialog(GuardedDialog):
    """Choose an audience and filters, check the preview, then save a redacted spreadsheet."""

    draft_kind = "export"

    def __init__(
        self,
        vault: OpenVault,
        case_id: int,
        parent: QWidget | None = None,
        *,
        mask: NameMask = no_mask,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export for an audience"))
        self._vault, self._case_id = vault, case_id
        self._mask = mask
        self.disclosure: Disclosure | None = None
        self._build_fields()
        self._lay_out()
        self._connect()
        self._on_audience()
        self.keep_typing_in(vault, case_id, {"hide_names": mask is not no_mask})

    @classmethod
    @override
    def from_draft(
        cls, parent: QWidget, vault: OpenVault, case_id: int | None, context: dict[str, Any]
    ) -> ExportDialog | None:
        """The dialog again after a lock (passwords are never kept: they are typed again)."""
        if case_id is None:
            return None
        hidden = vault.people.screen_mask(case_id) if context.get("hide_names") else no_mask
        return cls(vault, case_id, parent, mask=hidden)

    # Building ---------------------------------------------------------------------------
    def _build_fields(self) -> None:
        self.audience = QComboBox()
        self.audience.setAccessibleName(self.tr("Audience"))
        for profile in audiences(self._vault):
            self.audience.addItem(profile.label, profile.slug)
        self.audience.setCurrentIndex(max(self.audience.findData("strategy-meeting"), 0))
        self.new_audience = QPushButton(self.tr("New audience…"))
        self.new_audience.setToolTip(self.tr("Add an audience built on one of the usual ones"))
        self.child_name = QCheckBox(self.tr("Show the child's full name (otherwise initials)"))
        self.grading = QCheckBox(self.tr("Show intelligence grading (3x5x2)"))
        self.grading.setToolTip(
            self.tr("A strategy meeting sees grading only when you choose it for this export")
        )
        self.safety_plan = plan_tick(self.tr("Add the current safety plan, on its own sheet"))
        self.date_from = optional_date_edit(self.tr("From"), self.tr("Any"))
        self.date_to = optional_date_edit(self.tr("To"), self.tr("Any"))
        self.kinds = QListWidget()
        self.kinds.setAccessibleName(self.tr("Kinds of entry"))
        self.kinds.setFlow(QListWidget.Flow.LeftToRight)
        self.kinds.setWrapping(True)
        self.kinds.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.kinds.setSpacing(2)
        line = self.kinds.fontMetrics().height() + 6
        self.kinds.setMaximumHeight(2 * line + 8)  # two rows of kinds at a normal width
        for kind, label in KIND_LABELS.items():
            item = QListWidgetItem(label)
            item.setData(KIND_ROLE, kind.value)
            item.setCheckState(Qt.CheckState.Checked)
            self.kinds.addItem(item)
        self.preview = RedactionPreviewWidget(mask=self._mask)
        self.wording = WordingNotice(self._vault, self._case_id)  # findings in what goes out
        self.findings = LeakFindingsPanel()
        self.recipients = self._line(self.tr("Recipients"), self.tr("Who will receive it"))
        self.purpose = self._line(
            self.tr("Purpose or lawful basis"), self.tr("Why it is being shared")
        )
        self.protect = QCheckBox(self.tr("Protect the file with a password"))
        self.password = self._line(self.tr("Password"), "", secret=True)
        self.password_again = self._line(self.tr("Password again"), "", secret=True)
        self.reminder = QLabel()
        self.reminder.setWordWrap(True)
        self.file_name = self._line(self.tr("Save as"), "")
        self.folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        self.choose = QPushButton(self.tr("Choose…"))
        self.choose.setAccessibleName(self.tr("Choose where to save"))
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setAccessibleName(self.tr("Where the file will be saved"))
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = problem_label()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(self.tr("What was saved"))
        self.result_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self._on_protect()

    def _line(self, name: str, hint: str, *, secret: bool = False) -> QLineEdit:
        return line_edit(name, hint, secret=secret)

    def _lay_out(self) -> None:
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        who = QHBoxLayout()
        who.addWidget(self.audience, 1)
        who.addWidget(self.new_audience)
        top = QFormLayout()
        top.addRow(self.tr("Audience"), who)
        top.addRow("", self.child_name)
        choices = QHBoxLayout()  # one row: the dialog must fit a 768-pixel screen
        choices.addWidget(self.grading)
        choices.addWidget(self.safety_plan)
        choices.addStretch(1)
        top.addRow("", choices)
        top.addRow(self.tr("Dates"), dates)
        top.addRow(self.tr("Kinds"), self.kinds)
        save_as = QHBoxLayout()
        save_as.addWidget(self.file_name, 1)
        save_as.addWidget(self.choose)
        form_part = QWidget()
        self.bottom = QFormLayout(form_part)
        self.bottom.setContentsMargins(0, 0, 0, 0)
        self.bottom.addRow(self.tr("Recipients"), self.recipients)
        self.bottom.addRow(self.tr("Purpose or lawful basis"), self.purpose)
        self.bottom.addRow("", self.protect)
        self.bottom.addRow(self.tr("Password"), self.password)
        self.bottom.addRow(self.tr("Password again"), self.password_again)
        self.bottom.addRow("", self.reminder)
        self.bottom.addRow(self.tr("Save as"), save_as)
        self.bottom.addRow("", self.where)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.preview)
        self.split.addWidget(form_part)
        self.split.setChildrenCollapsible(False)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.split, 1)
        box.addWidget(self.findings)
        box.addWidget(self.problem)
        box.addWidget(self.result_label)
        closing = QHBoxLayout()  # the wording line sits beside Save: the preview keeps its height
        closing.addWidget(self.wording, 1)
        closing.addWidget(self.buttons)
        box.addLayout(closing)
        self.result_label.hide()  # until saved
        self.resize(1000, 680)  # Save and Cancel stay on a 768-pixel-high screen
        self._show_password_rows()
        self.split.setSizes([10_000, form_part.sizeHint().height()])  # the preview gets the rest

    def _connect(self) -> None:
        self.audience.currentIndexChanged.connect(self._on_audience)
        self.child_name.toggled.connect(self.refresh)
        self.grading.toggled.connect(self.refresh)
        self.findings.open_requested.connect(self._open_found)
        self.findings.redact_requested.connect(self._hide_found)
        self.findings.entry_chosen.connect(self.preview.select_entry)
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)
        self.kinds.itemChanged.connect(self.refresh)
        self.protect.toggled.connect(self._on_protect)
        self.preview.redact_requested.connect(self._redact)
        self.preview.unredact_requested.connect(self._unredact)
        self.wording.entries_changed.connect(self.refresh)
        self.choose.clicked.connect(self._choose_file)
        self.file_name.textChanged.connect(self._show_where)
        self.new_audience.clicked.connect(self._add_audience)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.cancel)

    # Reading the form --------------------------------------------------------------------
    def audience_slug(self) -> str:
        """The slug of the chosen audience."""
        return str(self.audience.currentData())

    def profile(self) -> AudienceProfile:
        """The chosen audience."""
        slug = self.audience_slug()
        return next(p for p in audiences(self._vault) if p.slug == slug)

    def request(self, password: bytearray | None = None) -> ExportRequest:
        """What the key worker chose, as the services take it."""
        return ExportRequest(
            audience=self.audience_slug(),
            recipients=self.recipients.text().strip(),
            purpose=self.purpose.text().strip(),
            filters=self.filters(),
            show_child_name=self.child_name.isChecked(),
            password=password,
            show_grading=self.grading.isEnabled() and self.grading.isChecked(),
            safety_plan=self.safety_plan.isEnabled() and self.safety_plan.isChecked(),
        )

    def filters(self) -> Filters:
        """Date range and kinds chosen."""
        kinds = frozenset(
            Kind(str(item.data(KIND_ROLE)))
            for item in (self.kinds.item(i) for i in range(self.kinds.count()))
            if item.checkState() == Qt.CheckState.Checked
        )
        every = len(kinds) == self.kinds.count()
        return Filters(
            start=chosen_date(self.date_from),
            end=chosen_date(self.date_to),
            kinds=None if every else kinds,
        )

    def target(self) -> Path:
        """Where the file will be written."""
        typed = Path(self.file_name.text().strip())
        return typed if typed.is_absolute() else self.folder / typed

    def has_changes(self) -> bool:
        """Recipients, purpose or a password typed and not yet exported (Esc asks first)."""
        if self.disclosure is not None:
            return False
        typed = (self.recipients, self.purpose, self.password, self.password_again)
        return any(edit.text().strip() for edit in typed)

    # Slots ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the preview for the audience, filters and name choice."""
        choice = self.request()
        try:
            view = run_in_background(
                self,
                self.tr("Preparing the preview…"),
                lambda _progress: preview(
                    self._vault,
                    self._case_id,
                    choice.audience,
                    choice.filters,
                    show_child_name=choice.show_child_name,
                    show_grading=choice.show_grading,
                ),
                cancellable=False,
            )
        except DomainError as exc:
            self.problem.setText(plain_message(exc))
            return
        slug = self.audience_slug()
        manual = manual_redactions(self._vault, self._case_id)
        hidden = {row.entry_id: manual.spans_for(row.entry_id, slug) for row in view.rows}
        self.preview.show_preview(view, hidden)
        going = [row.entry_id for row in view.rows if row.shown is not None]
        self.wording.show_for(going, view.profile.base)

    def _on_audience(self) -> None:
        profile = self.profile()
        self.file_name.setText(default_file_name(profile, dt.date.today()))
        initials_only = "child-name" not in profile.fields
        self.child_name.setEnabled(initials_only)
        self.child_name.setChecked(not initials_only)
        chooses_grading = (
            profile.base is Audience.STRATEGY_MEETING and "grading" not in profile.fields
        )
        self.grading.blockSignals(True)
        self.grading.setEnabled(chooses_grading)
        self.grading.setChecked("grading" in profile.fields)
        self.grading.blockSignals(False)
        offer_plan(self.safety_plan, self._vault, self._case_id, profile.base)
        self.findings.hide()
        self.refresh()

    def _show_where(self) -> None:
        """Say the whole folder before saving, so the key worker knows where the file goes."""
        if not self.file_name.text().strip():
            self.where.clear()
            return
        self.where.setText(self.tr("In the folder: {folder}").format(folder=self.target().parent))

    def _show_password_rows(self) -> None:
        if hasattr(self, "bottom"):
            on = self.protect.isChecked()
            self.bottom.setRowVisible(self.password, on)
            self.bottom.setRowVisible(self.password_again, on)

    def _on_protect(self) -> None:
        on = self.protect.isChecked()
        self.password.setEnabled(on)
        self.password_again.setEnabled(on)
        self._show_password_rows()
        self.reminder.setText(
            self.tr(
                "Send the password by a different route from the file (for example by "
                "phone, not in the same email)."
            )
            if on
            else self.tr("This export is not protected: anyone who gets the file can read it.")
        )
        if not self.file_name.text():
            self.file_name.setText(default_file_name(self.profile(), dt.date.today()))

    def _redact(self, entry_id: int, text: str) -> None:
        span = ManualSpan(entry_id=entry_id, audience=self.audience_slug(), text=text)
        try:
            add_manual_redaction(self._vault, self._case_id, span)
        except (DomainError, ValidationError) as exc:
            self.problem.setText(plain_message(exc))
            return
        self.refresh()
        if text.casefold() in self.preview.shown.toPlainText().casefold():
            self.problem.setText(
                self.tr(
                    "Those words are not in the entry as recorded. Select words that do not "
                    "include a name that is already replaced."
                )
            )
        else:
            self.problem.clear()

    def _unredact(self, entry_id: int, text: str) -> None:
        span = ManualSpan(entry_id=entry_id, audience=self.audience_slug(), text=text)
        try:
            remove_manual_redaction(self._vault, self._case_id, span)
        except (DomainError, ValidationError) as exc:
            self.problem.setText(plain_message(exc))
            return
        self.problem.clear()
        self.refresh()

    def _hide_found(self, entry_id: int, value: str) -> None:
        """Hide a found value from this audience in that entry, then check again."""
        self._redact(entry_id, value)
        self._recheck()

    def _open_found(self, entry_id: int) -> None:
        """Open the entry a finding is in; after saving it, check again."""
        try:
            entry = self._vault.entries.get(entry_id)
        except DomainError as exc:
            self.problem.setText(plain_message(exc))
            return
        if EntryEditorDialog.ask(self, self._vault, self._case_id, entry) is not None:
            self.refresh()
            self._recheck()

    def _recheck(self) -> None:
        """Run the export's check again (nothing is written) and say what it found."""
        try:
            check_export(self._vault, self._case_id, self.request(), self.target().name)
        except LeakFound as stop:
            self.findings.show_stop(stop, names_hidden=self._names_hidden)
            return
        except (DomainError, ValidationError) as exc:
            self.problem.setText(plain_message(exc))
            return
        self.findings.show_passed(
            self.tr("Checked again: nothing this audience must not see is left. You can save.")
        )

    @property
    def _names_hidden(self) -> bool:
        return self._mask is not no_mask

    def _add_audience(self) -> None:
        profile = CustomAudienceDialog.ask(self)
        if profile is None:
            return
        try:
            save_custom_audience(self._vault, profile)
        except DomainError as exc:  # a name that names someone protected
            self.problem.setText(plain_message(exc))
            return
        self.audience.addItem(profile.label, profile.slug)
        self.audience.setCurrentIndex(self.audience.findData(profile.slug))

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the export as"), str(self.target()), self.tr("Spreadsheet (*.xlsx)")
        )
        if path:
            self.file_name.setText(path if path.endswith(".xlsx") else f"{path}.xlsx")

    def _problems(self) -> list[str]:
        problems = []
        if not self.recipients.text().strip():
            problems.append(self.tr("Say who will receive the file."))
        if not self.purpose.text().strip():
            problems.append(self.tr("Say why it is being shared (purpose or lawful basis)."))
        if self.protect.isChecked():
            problems += password_problems(self.password.text(), self.password_again.text())
        if not self.file_name.text().strip():
            problems.append(self.tr("Give the file a name."))
        return problems

    def _save(self) -> None:
        if self.disclosure is not None:
            self.accept()
            return
        problems = self._problems()
        if problems:
            self.problem.setText(problems[0])
            return
        password = bytearray(self.password.text().encode()) if self.protect.isChecked() else None
        try:
            result = self._export(self.request(password), self.target())
        finally:
            if password is not None:
                password[:] = bytes(len(password))
        if result is None:
            return
        self.findings.hide()
        self.password.clear()
        self.password_again.clear()
        self.disclosure = result.disclosure
        self._show_saved(str(result.path), result.sha256)

    def _export(self, request: ExportRequest, target: Path) -> ExportResult | None:
        """Export off the interface thread; the result, or None when it did not go.

        When the child asked this audience not to be told about an entry going out, the key
        worker is asked why it goes anyway; the reason goes with the export's record.
        """
        while True:
            try:
                return run_in_background(
                    self,
                    self.tr("Saving the export…"),
                    partial(_write, self._vault, self._case_id, request, target),
                    cancellable=False,
                )
            except ChildWishNotConfirmed as stop:
                reason = ChildWishDialog.ask(self, stop, self._mask)
                if reason is None:
                    self.problem.setText(self.tr("Not exported: the child's wish is kept."))
                    return None
                request = replace(request, child_wish_reason=reason)
            except LeakFound as stop:
                self.problem.clear()
                self.findings.show_stop(stop, names_hidden=self._names_hidden)
                return None
            except (DomainError, ValidationError, OSError) as exc:
                self.problem.setText(plain_message(exc))
                return None

    def _show_saved(self, path: str, sha256: str) -> None:
        self.problem.clear()
        self.result_label.show()
        self.result_label.setText(
            self.tr(
                "Saved to {path}\n"
                "Recorded in What was shared (the disclosure register).\n"
                "Details: the file's check code (SHA-256) is {sha}"
            ).format(path=path, sha=sha256)
        )
        self.result_label.setToolTip(
            self.tr("The check code shows later that the file has not been changed.")
        )
        done: tuple[QWidget, ...] = (
            *(self.audience, self.preview, self.recipients, self.purpose, self.protect),
            *(self.file_name, self.choose, self.child_name, self.kinds, self.new_audience),
            *(self.date_from, self.date_to),
        )
        for widget in done:
            widget.setEnabled(False)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Close"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        vault: OpenVault,
        case_id: int,
        *,
        mask: NameMask = no_mask,
    ) -> Disclosure | None:
        """Show the dialog; the recorded disclosure, or None when nothing was exported.

        ``mask`` shows the child's names as initials when "Hide names" is on.
        """
        dialog = cls(vault, case_id, parent, mask=mask)
        dialog.exec()
        return dialog.disclosure
