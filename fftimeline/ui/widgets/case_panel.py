"""The case list on the left: one child per row, and buttons to add and look after a case (ui)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fftimeline.ui.models.case_list_model import CASE_ID_ROLE, CaseListModel


class CasePanel(QWidget):
    """Lists the vault's cases; selecting one shows its chronology."""

    case_selected = Signal(object)
    """Emitted with the chosen case id, or None when no case is selected."""
    new_requested = Signal()
    edit_requested = Signal()
    register_requested = Signal()
    safety_plan_requested = Signal()

    def __init__(self, model: CaseListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        title = QLabel(self.tr("Cases"))
        self.view = QListView()
        self.view.setAccessibleName(self.tr("Cases"))
        self.view.setModel(model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.setSpacing(2)
        title.setBuddy(self.view)
        self.new_button = self._button(self.tr("New case…"), self.tr("New case"))
        self.edit_button = self._button(self.tr("Edit case…"), self.tr("Edit the selected case"))
        self.register_button = self._button(
            self.tr("People, places, vehicles…"),
            self.tr("People, places and vehicles linked to the selected case"),
        )
        self.safety_plan_button = self._button(
            self.tr("Safety plan…"), self.tr("The safety plan of the selected case")
        )
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(title)
        box.addWidget(self.view, 1)
        buttons = (self.new_button, self.edit_button, self.register_button)
        for button in (*buttons, self.safety_plan_button):
            box.addWidget(button)
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button.clicked.connect(self.edit_requested)
        self.register_button.clicked.connect(self.register_requested)
        self.safety_plan_button.clicked.connect(self.safety_plan_requested)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        return button

    def current_case_id(self) -> int | None:
        """The selected case's id, if any."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(CASE_ID_ROLE)
        return int(value) if value is not None else None

    def select(self, case_id: int) -> bool:
        """Select a case by id; False when it is not in the list."""
        row = self.model.row_of(case_id)
        if row is None:
            return False
        self.view.setCurrentIndex(self.model.index(row))
        return True

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._update_buttons()
        self.case_selected.emit(self.current_case_id())

    def _update_buttons(self) -> None:
        chosen = self.current_case_id() is not None
        self.edit_button.setEnabled(chosen)
        self.register_button.setEnabled(chosen)
        self.safety_plan_button.setEnabled(chosen)
