"""Close a case, with a reason and the date to keep it until (ui layer).

A closed case can still be read, searched and exported, but not changed; it is listed
after the open cases. From its keep-until date the key worker can purge it for good.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget
from typing_extensions import override

from fftimeline.domain.closing import CaseClosure, ClosureDraft, suggested_retention
from fftimeline.domain.dates import today
from fftimeline.domain.errors import DomainError
from fftimeline.ui.widgets.form_dialog import FormDialog
from fftimeline.ui.widgets.form_helpers import chosen_date, optional_date_edit, show_date

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault


class CloseCaseDialog(FormDialog):
    """Why the case is closed and until when it is kept; `ask` closes it."""

    draft_kind = "close-case"

    def __init__(self, vault: OpenVault, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, save_text=self.tr("Close the case"))
        self.setWindowTitle(self.tr("Close the case"))
        self._vault, self._case_id = vault, case_id
        self.close_button = self.save_button
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
        form = QFormLayout()
        form.addRow(self.tr("Why it is closed"), self.reason)
        form.addRow(self.tr("Keep until"), self.keep_until)
        box = QVBoxLayout()
        box.addWidget(intro)
        box.addLayout(form)
        self.watch(self.reason, self.keep_until)
        self.finish(box, vault, case_id)
        self.resize(560, 340)

    @classmethod
    @override
    def from_draft(
        cls, parent: QWidget, vault: OpenVault, case_id: int | None, context: dict[str, Any]
    ) -> CloseCaseDialog | None:
        """The form again after a lock."""
        return None if case_id is None else cls(vault, case_id, parent)

    @override
    def draft(self) -> ClosureDraft:
        """The closure as typed; raises ValidationError or DomainError when not ready."""
        if self.keep_until.problem():
            raise DomainError("date", self.keep_until.problem())
        day = chosen_date(self.keep_until)
        if day is None:
            raise DomainError("date", self.tr("Say until when the case is kept."))
        return ClosureDraft(reason=self.reason.toPlainText(), retain_until=day)

    @override
    def labels(self) -> dict[str, str]:
        """The fields by name, for messages."""
        return {"reason": self.tr("Why it is closed")}

    @override
    def persist(self, draft: ClosureDraft) -> CaseClosure:
        """Close the case."""
        return self._vault.closing.close(self._case_id, draft)

    @classmethod
    def ask(cls, parent: QWidget, vault: OpenVault, case_id: int) -> CaseClosure | None:
        """Show the form; the closure saved, or None."""
        saved: CaseClosure | None = cls(vault, case_id, parent).run()
        return saved
