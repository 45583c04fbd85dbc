"""Import a hand-over: check the file, see what it holds, add the case (ui layer).

First "Check the file" opens it with its passphrase and checks every hash, in the
background; the dialog then says whose case it is, from whom, what it holds and its check
code, to compare with the one the sender read out. "Import" adds it as a new case in one
transaction (Cancel undoes it all) and `ask` returns the new case's id.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
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

from fftimeline.services.handover import (
    HandoverSummary,
    ImportResult,
    import_handover,
    read_handover,
)
from fftimeline.services.progress import Progress
from fftimeline.ui.widgets.work_dialog import WorkDialog

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault


def _tr(text: str) -> str:
    return QCoreApplication.translate("HandoverImport", text)


def _count(n: int, one: str, many: str) -> str:
    return _tr(one) if n == 1 else _tr(many).format(n=n)


def summary_words(summary: HandoverSummary) -> str:
    """What a hand-over holds, in plain words."""
    c = summary.counts.get
    made = summary.made_at.astimezone()
    holds = ", ".join(
        (
            _count(c("entries", 0), "1 entry", "{n} entries")
            + " ("
            + _count(c("versions", 0), "1 version", "{n} versions")
            + ")",
            _count(
                c("register", 0), "1 person, place or vehicle", "{n} people, places and vehicles"
            ),
            _count(c("tasks", 0), "1 task", "{n} tasks"),
            _count(
                c("disclosures", 0), "1 record of what was shared", "{n} records of what was shared"
            ),
            _count(c("history", 0), "1 history record", "{n} history records"),
        )
    )
    return _tr(
        "The case of {child}, handed over by {sender} on {day} to {worker}.\n{holds}.\n"
        "Check code: {sha}\nCompare it with the one the sender read out to you."
    ).format(
        child=summary.child_initials,
        sender=summary.made_by,
        day=f"{made.day} {made.strftime('%B %Y')}",
        worker=summary.to_worker,
        holds=holds,
        sha=summary.file_sha256,
    )


class HandoverImportDialog(WorkDialog):
    """Choose the file, type its passphrase, check it, then import it."""

    def __init__(self, vault: OpenVault, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Check the file"), parent)
        self.setWindowTitle(self.tr("Import a hand-over"))
        self._vault = vault
        self.checked: HandoverSummary | None = None
        self.imported: ImportResult | None = None
        self._build()
        self.mark_unchanged()

    def _build(self) -> None:
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Hand-over file"))
        choose = QPushButton(self.tr("Choose…"))
        choose.setAccessibleName(self.tr("Choose the hand-over file"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        self.passphrase = QLineEdit()
        self.passphrase.setAccessibleName(self.tr("Passphrase of the hand-over file"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Hand-over file"), row)
        form.addRow(self.tr("Its passphrase"), self.passphrase)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setAccessibleName(self.tr("What the hand-over holds"))
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons.accepted.connect(self._next)
        self.path.textChanged.connect(self._forget_check)
        self.passphrase.textChanged.connect(self._forget_check)
        box = QVBoxLayout(self)
        box.addLayout(form)
        for widget in (self.about, self.problem, self.progress, self.buttons):
            box.addWidget(widget)
        self.resize(640, 320)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the hand-over file"), self.path.text(),
            self.tr("Hand-over file (*.handover);;All files (*)"),
        )  # fmt: skip
        if path:
            self.path.setText(path)

    @override
    def snapshot(self) -> tuple[str, ...]:
        """The file chosen and whether a passphrase was typed."""
        return (self.path.text(), str(bool(self.passphrase.text())))

    @override
    def has_changes(self) -> bool:
        """Something chosen or typed, and nothing imported yet."""
        return self.imported is None and super().has_changes()

    def _forget_check(self) -> None:
        if self.checked is not None and self.imported is None:
            self.checked = None
            self.about.clear()
            self.go.setText(self.tr("Check the file"))

    def _secret(self) -> bytearray:
        return bytearray(self.passphrase.text().encode("utf-8"))

    def _next(self) -> None:
        if self.imported is not None:
            self.accept()
            return
        path, secret, vault = Path(self.path.text().strip()), self._secret(), self._vault
        if not self.path.text().strip() or not secret:
            self.problem.setText(self.tr("Choose the file and type its passphrase."))
            return

        def check(progress: Progress) -> object:
            try:
                return read_handover(path, secret, progress)[0]
            finally:
                secret[:] = bytes(len(secret))

        def take(progress: Progress) -> object:
            try:
                return import_handover(vault, path, secret, progress=progress)
            finally:
                secret[:] = bytes(len(secret))

        if self.checked is None:
            self.run(check, self._checked)
        else:
            self.run(take, self._imported)

    def _checked(self, summary: object) -> None:
        assert isinstance(summary, HandoverSummary)
        self.checked = summary
        self.about.setText(summary_words(summary))
        self.go.setText(self.tr("Import"))
        self.go.setEnabled(True)

    def _imported(self, result: object) -> None:
        assert isinstance(result, ImportResult)
        self.imported = result
        self.passphrase.clear()
        self.about.setText(
            self.tr("Imported as a new case. You are its key worker now.\n\n")
            + summary_words(result.summary)
        )
        self.finished_work(self.tr("Close"))

    @override
    def forget_secrets(self) -> None:
        """The typed passphrase goes when the dialog closes."""
        self.passphrase.clear()

    @classmethod
    def ask(cls, parent: QWidget, vault: OpenVault) -> int | None:
        """Show the dialog; the new case's id, or None when nothing was imported."""
        dialog = cls(vault, parent)
        dialog.exec()
        return dialog.imported.case_id if dialog.imported is not None else None
