"""Naming a new audience built on one of the usual ones, and choosing what it sees (UI)."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from fftimeline.domain.sharing import AUDIENCE_LABELS, Audience
from fftimeline.services.export import AUDIENCE_FIELD_LABELS, AudienceProfile, make_custom
from fftimeline.ui.widgets.form_helpers import problem_label

FIELD_ROLE = Qt.ItemDataRole.UserRole


class CustomAudienceDialog(QDialog):
    """Name a new audience, pick the usual audience it builds on, and the fields it sees."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New audience"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Name of the audience"))
        self.name.setPlaceholderText(self.tr("For example: Youth justice team"))
        self.base = QComboBox()
        self.base.setAccessibleName(self.tr("Gets the entries shared with"))
        for audience, label in AUDIENCE_LABELS.items():
            self.base.addItem(label, audience.value)
        self.fields = QListWidget()
        self.fields.setAccessibleName(self.tr("What this audience sees"))
        for field, label in AUDIENCE_FIELD_LABELS.items():
            item = QListWidgetItem(label)
            item.setData(FIELD_ROLE, field.value)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.fields.addItem(item)
        self.problem = problem_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Gets the entries shared with"), self.base)
        form.addRow(self.tr("Also sees"), self.fields)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.profile: AudienceProfile | None = None

    def _check(self) -> None:
        chosen = frozenset(
            str(item.data(FIELD_ROLE))
            for item in (self.fields.item(i) for i in range(self.fields.count()))
            if item.checkState() == Qt.CheckState.Checked
        )
        try:
            self.profile = make_custom(
                self.name.text().strip(),
                Audience(str(self.base.currentData())),
                frozenset(f for f in AUDIENCE_FIELD_LABELS if f.value in chosen),
            )
        except ValidationError:
            self.problem.setText(self.tr("Give the audience a name."))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None) -> AudienceProfile | None:
        """The new audience, or None when cancelled."""
        dialog = cls(parent)
        return dialog.profile if dialog.exec() == QDialog.DialogCode.Accepted else None
