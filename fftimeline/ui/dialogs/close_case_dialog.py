"""Close a case, with a reason and the date to keep it until (ui layer).

A closed case can still be read, searched and exported, but not changed; it is listed
after the open cases. From its keep-until date the key worker can purge it for good.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from fftimeline.domain.closing import CaseClosure, ClosureDraft, suggested_retention
from fftimeline.domain.dates import today
from fftimeline.domain.errors import DomainError
from fftimeline.ui.errors import plain_message
from fftimeline.ui.widgets.form_helpers import (
    GuardedDialog,
    chosen_date,
    first_problem,
    optional_date_edit,
    problem_label,
    show_date,
)

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault


class CloseCaseDialog(GuardedDialog):
    """Why the case is closed and until when it is kept; `ask` closes it."""

    draft_kind = "close-case"

    def __init__(self, vault: OpenVault, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close the case"))
        self._vault, self._case_id = vault, case_id
        self.saved: CaseClosure | None = None
        case = vault.cases.get(case_id)
        intro = QLabel(
            self.tr(
                "A closed case can still be read, searched and exported, but nothing in it "
                "can be changed. It is kept until the date below (check your organisation's "
                "retention schedule); from that day it can be purged, which removes it from "
                "the vault for good."
            )
        )
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Why the case is closed"))
        self.reason.setTabChangesFocus(True)
        self.keep_until = optional_date_edit(
            self.tr("Keep until"), self.tr("Choose a date"), ahead=True
        )
        show_date(self.keep_until, suggested_retention(case.date_of_birth, today()))
        self.problem = problem_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(
            self.tr("Close the case"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        form = QFormLayout()
        form.addRow(self.tr("Why it is closed"), self.reason)
        form.addRow(self.tr("Keep until"), self.keep_until)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addLayout(form)
        box.addWidget(self.problem)
        box.addWidget(self.buttons)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.cancel)
        self.reason.textChanged.connect(self._check)
        self.keep_until.edited.connect(self._check)
        self.mark_unchanged()
        self._check()
        self.keep_typing_in(vault, case_id)
        self.resize(560, 340)

    @classmethod
    @override
    def from_draft(
        cls, parent: QWidget, vault: OpenVault, case_id: int | None, context: dict[str, Any]
    ) -> CloseCaseDialog | None:
        """The form again after a lock."""
        return None if case_id is None else cls(vault, case_id, parent)

    @override
    def snapshot(self) -> tuple[str, str]:
        """The reason and the date typed."""
        return (self.reason.toPlainText(), self.keep_until.text())

    def draft(self) -> ClosureDraft:
        """The closure as typed; raises ValidationError or DomainError when not ready."""
        if self.keep_until.problem():
            raise DomainError("date", self.keep_until.problem())
        day = chosen_date(self.keep_until)
        if day is None:
            raise DomainError("date", self.tr("Say until when the case is kept."))
        return ClosureDraft(reason=self.reason.toPlainText(), retain_until=day)

    def _problem(self) -> str:
        try:
            self.draft()
        except ValidationError as error:
            return first_problem(error, {"reason": self.tr("Why it is closed")})
        except DomainError as error:
            return error.message
        return ""

    def _check(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        self.close_button.setEnabled(not problem)

    def _save(self) -> None:
        try:
            self.saved = self._vault.closing.close(self._case_id, self.draft())
        except (ValidationError, DomainError) as error:
            self.problem.setText(plain_message(error))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget, vault: OpenVault, case_id: int) -> CaseClosure | None:
        """Show the form; the closure saved, or None."""
        dialog = cls(vault, case_id, parent)
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None
