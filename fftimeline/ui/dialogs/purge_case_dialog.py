"""Purge a closed case whose keep-until date has come: gone from the vault for good (ui).

The dialog says what will go, asks why (a fixed reason: the audit log keeps the purge but
never content), and needs the key worker to tick that they understand it cannot be undone.
The purge and the rewriting of the file run in the background; a purge cannot be stopped
half-way (it is one transaction), so there is no Cancel once it has begun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fftimeline.domain.cases import CaseSummary
from fftimeline.domain.closing import PURGE_REASON_LABELS, PurgeReason, PurgeReport
from fftimeline.services.progress import Progress
from fftimeline.ui.background import ProgressPanel
from fftimeline.ui.errors import plain_message
from fftimeline.ui.widgets.form_helpers import problem_label

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault


class PurgeCaseDialog(QDialog):
    """Why, and "I understand"; then purge in the background. `ask` returns the report."""

    def __init__(
        self, vault: OpenVault, summary: CaseSummary, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Purge the case"))
        self._vault, self._case_id = vault, summary.case.id
        self.report: PurgeReport | None = None
        what = QLabel(
            self.tr(
                "Purging removes the case of {name} from this vault for good: its {n} entries "
                "with every version, the people, places and vehicles, tasks, what was shared and "
                "any drafts. It cannot be undone. The history log keeps only that the case was "
                "purged, by whom, when and why, with counts: no names and no content.\n\n"
                "Backups made before today still hold the case until they are replaced."
            ).format(name=name, n=summary.entry_count)
        )
        what.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setAccessibleName(self.tr("Why the case is purged"))
        for reason, label in PURGE_REASON_LABELS.items():
            self.reason.addItem(self.tr(label), reason.value)
        self.understood = QCheckBox(self.tr("I understand the case cannot be got back"))
        self.problem = problem_label()
        self.progress = ProgressPanel()
        self.progress.cancel_button.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.purge = self.buttons.addButton(
            self.tr("Purge for good"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.purge.setEnabled(False)
        self.understood.toggled.connect(self.purge.setEnabled)
        self.purge.clicked.connect(self._start)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Why"), self.reason)
        box = QVBoxLayout(self)
        box.addWidget(what)
        box.addLayout(form)
        box.addWidget(self.understood)
        box.addWidget(self.problem)
        box.addWidget(self.progress)
        box.addWidget(self.buttons)
        self.resize(560, 320)

    def _start(self) -> None:
        reason, vault, case_id = PurgeReason(self.reason.currentData()), self._vault, self._case_id

        def work(progress: Progress) -> object:
            progress.step(0, 1, "Purging the case and rewriting the vault")
            return vault.closing.purge(case_id, reason)

        for widget in (self.purge, self.understood, self.reason):
            widget.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(False)
        self.progress.run(work, self._done, self._failed)

    def _done(self, report: object) -> None:
        assert isinstance(report, PurgeReport)
        self.report = report
        self.accept()

    def _failed(self, error: object) -> None:
        self.problem.setText(plain_message(error) if isinstance(error, Exception) else str(error))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(True)

    def done(self, code: int) -> None:  # noqa: D102 - a purge under way is waited for
        self.progress.stop_and_wait()
        super().done(code)

    @classmethod
    def ask(
        cls, parent: QWidget, vault: OpenVault, summary: CaseSummary, name: str
    ) -> PurgeReport | None:
        """Show the dialog; what the purge removed, or None when nothing was purged."""
        dialog = cls(vault, summary, name, parent)
        dialog.exec()
        return dialog.report
