"""Hand over a case: the whole case into an encrypted file, for the new key worker (ui layer).

The dialog asks who is taking over and where to save, shows the file's passphrase (made
fresh, ten plain words) once, and writes the file in the background with progress and
Cancel. Once saved it shows the file's check code to read out with the passphrase, by
phone, and `ask` returns the recorded hand-over. The passphrase is never kept anywhere.
"""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from fftimeline.services.handover import HandoverResult, handover_passphrase, write_handover
from fftimeline.services.progress import Progress
from fftimeline.ui.widgets.work_dialog import WorkDialog

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

SUFFIX = ".handover"


def default_name(today: dt.date | None = None) -> str:
    """'handover-2026-11-30-3fa9c1.handover': no personal data in the file name."""
    day = (today or dt.date.today()).isoformat()
    return f"handover-{day}-{secrets.token_hex(3)}{SUFFIX}"


class HandoverDialog(WorkDialog):
    """Who takes over, where the file goes, its passphrase; then write it in the background."""

    draft_kind = "handover"

    def __init__(self, vault: OpenVault, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Hand over"), parent)
        self.setWindowTitle(self.tr("Hand over the case"))
        self._vault, self._case_id = vault, case_id
        self.handed: HandoverResult | None = None
        self._secret = handover_passphrase()
        self._build()
        self.mark_unchanged()
        self.keep_typing_in(vault, case_id)

    @classmethod
    @override
    def from_draft(
        cls, parent: QWidget, vault: OpenVault, case_id: int | None, context: dict[str, Any]
    ) -> HandoverDialog | None:
        """The dialog again after a lock (with a new passphrase: nothing was written)."""
        return None if case_id is None else cls(vault, case_id, parent)

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "This puts the whole case (every entry and its versions, the people, places "
                "and vehicles, tasks, what was shared and the history) into one file, locked "
                "with its own passphrase. Send the file one way and the passphrase another: "
                "read it out by phone, never in the same email."
            )
        )
        intro.setWordWrap(True)
        self.worker = QLineEdit()
        self.worker.setAccessibleName(self.tr("Who is taking over the case"))
        self.worker.setPlaceholderText(self.tr("The new key worker's name"))
        self.file_name = QLineEdit(str(self._folder() / default_name()))
        self.file_name.setAccessibleName(self.tr("Save as"))
        choose = QPushButton(self.tr("Choose…"))
        choose.setAccessibleName(self.tr("Choose where to save"))
        choose.clicked.connect(self._choose)
        save_as = QHBoxLayout()
        save_as.addWidget(self.file_name, 1)
        save_as.addWidget(choose)
        self.passphrase = QLabel(self._secret.decode("ascii"))
        self.passphrase.setAccessibleName(self.tr("Passphrase of the hand-over file"))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.2)
        self.passphrase.setFont(mono)
        self.passphrase.setWordWrap(True)
        self.passphrase.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        note = QLabel(self.tr("Write it down or read it out now: it is shown only here."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Who is taking over"), self.worker)
        form.addRow(self.tr("Save as"), save_as)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow("", note)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setAccessibleName(self.tr("What was saved"))
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_label.hide()
        self.buttons.accepted.connect(self._start)
        box = QVBoxLayout(self)
        for part in (intro, form, self.problem, self.done_label, self.progress, self.buttons):
            box.addLayout(part) if isinstance(part, QFormLayout) else box.addWidget(part)
        self.resize(620, 380)

    def _folder(self) -> Path:
        documents = QStandardPaths.StandardLocation.DocumentsLocation
        return Path(QStandardPaths.writableLocation(documents) or Path.home())

    def _choose(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the hand-over as"), self.file_name.text(),
            self.tr("Hand-over file (*.handover)"),
        )  # fmt: skip
        if path:
            self.file_name.setText(path if path.endswith(SUFFIX) else path + SUFFIX)

    @override
    def snapshot(self) -> tuple[str, ...]:
        """The name typed (the file name is made up for the user)."""
        return (self.worker.text(),)

    @override
    def has_changes(self) -> bool:
        """A name typed and no hand-over written yet."""
        return self.handed is None and super().has_changes()

    def _start(self) -> None:
        if self.handed is not None:
            self.accept()
            return
        if not self.worker.text().strip():
            self.problem.setText(self.tr("Say who is taking over the case."))
            return
        out, worker, secret = Path(self.file_name.text().strip()), self.worker.text(), self._secret

        def work(progress: Progress) -> object:
            return write_handover(
                self._vault, self._case_id, out, secret, to_worker=worker, progress=progress
            )

        self.run(work, self._done)

    def _done(self, result: object) -> None:
        assert isinstance(result, HandoverResult)
        self.handed = result
        self.done_label.setText(
            self.tr(
                "Saved to {path}\nRecorded in What was shared.\nCheck code (read it out with "
                "the passphrase, so they can compare): {sha}"
            ).format(path=result.path, sha=result.sha256)
        )
        self.done_label.show()
        self.finished_work(self.tr("Close"))
        for widget in (self.worker, self.file_name):
            widget.setEnabled(False)

    @override
    def forget_secrets(self) -> None:
        """The passphrase is shown once: gone from memory and screen when the dialog closes."""
        self._secret[:] = bytes(len(self._secret))
        self.passphrase.clear()

    @classmethod
    def ask(cls, parent: QWidget, vault: OpenVault, case_id: int) -> HandoverResult | None:
        """Show the dialog; the hand-over written, or None."""
        dialog = cls(vault, case_id, parent)
        dialog.exec()
        return dialog.handed
