"""Small building blocks for the entry editor's form: a field registry with errors (UI layer).

Every input is registered under a form key (see `editor_state`), so the whole form can be
read as one JSON-able state, filled from one, and show each validation message in a label
right next to the field it belongs to.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fftimeline.ui.widgets.date_edit import DateEdit
from fftimeline.ui.widgets.editor_state import FormState, FormValue

_W = TypeVar("_W", bound=QWidget)
_K = TypeVar("_K", bound=str)


class FieldRegistry(QObject):
    """Keeps the form's inputs by key, reads and writes their values, and shows errors.

    Signals:
        edited: a field changed; carries its key.
    """

    edited = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

    # Building -----------------------------------------------------------------
    def line(self, key: str, name: str, placeholder: str = "") -> QLineEdit:
        """A one-line text field."""
        widget = QLineEdit()
        widget.setPlaceholderText(placeholder)
        widget.textChanged.connect(lambda _t: self.edited.emit(key))
        return self._add(key, name, widget)

    def text_box(self, key: str, name: str, lines: int = 3) -> QPlainTextEdit:
        """A multi-line text field; Tab moves on rather than typing a tab."""
        widget = QPlainTextEdit()
        widget.setTabChangesFocus(True)
        widget.setFixedHeight(widget.fontMetrics().lineSpacing() * lines + 14)
        widget.textChanged.connect(lambda: self.edited.emit(key))
        return self._add(key, name, widget)

    def combo(self, key: str, name: str, labels: Mapping[_K, str]) -> QComboBox:
        """A drop-down whose values are the stable codes and whose texts are plain words."""
        widget = QComboBox()
        for value, label in labels.items():
            widget.addItem(self.tr(label), str(value))
        widget.currentIndexChanged.connect(lambda _i: self.edited.emit(key))
        return self._add(key, name, widget)

    def check(self, key: str, label: str) -> QCheckBox:
        """A tick box."""
        widget = QCheckBox(label)
        widget.toggled.connect(lambda _b: self.edited.emit(key))
        return self._add(key, label, widget)

    def date(
        self, key: str, name: str, *, exact_only: bool = False, ahead: bool = False
    ) -> DateEdit:
        """A free-text date field with its 'understood as' read-back (``ahead``: a due date)."""
        widget = DateEdit(name, exact_only=exact_only, ahead=ahead)
        widget.setAccessibleName(name)
        widget.changed.connect(lambda: self.edited.emit(key))
        self.widgets[key] = widget
        return widget

    def checklist(self, key: str, name: str) -> QListWidget:
        """A list of tick boxes whose values are ids."""
        widget = QListWidget()
        widget.itemChanged.connect(lambda _i: self.edited.emit(key))
        return self._add(key, name, widget)

    def _add(self, key: str, name: str, widget: _W) -> _W:
        widget.setAccessibleName(name)
        self.widgets[key] = widget
        return widget

    def with_error(self, key: str, field: QWidget) -> QWidget:
        """Wrap a field with the label that shows its problem underneath it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error_label(key))
        return box

    def error_label(self, key: str) -> QLabel:
        """The (initially hidden) label where ``key``'s problem is shown."""
        label = QLabel()
        label.setWordWrap(True)
        label.setAccessibleName(self.tr("Problem"))
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        self.errors[key] = label
        return label

    # Reading and writing ------------------------------------------------------
    def state(self) -> FormState:
        """Every field's current value."""
        return {key: _read(widget) for key, widget in self.widgets.items()}

    def load(self, state: FormState) -> None:
        """Set fields from a state; keys not in the form are ignored."""
        for key, value in state.items():
            widget = self.widgets.get(key)
            if widget is not None:
                _write(widget, value)

    def show_problems(self, problems: Mapping[str, str], visible_keys: set[str]) -> None:
        """Show each problem next to its field if that field should show it; hide the rest."""
        for key, label in self.errors.items():
            message = problems.get(key, "") if key in visible_keys else ""
            label.setText(("⚠ " + message) if message else "")
            label.setVisible(bool(message))
            field = self.widgets.get(key)
            if field is not None:
                field.setAccessibleDescription(message)


def _read(widget: QWidget) -> FormValue:
    if isinstance(widget, DateEdit):
        return widget.text()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return str(widget.currentData() or "")
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QListWidget):
        items = (widget.item(i) for i in range(widget.count()))
        return [int(i.data(Qt.ItemDataRole.UserRole)) for i in items if _ticked(i)]
    raise TypeError(type(widget).__name__)


def _ticked(item: QListWidgetItem) -> bool:
    return item.checkState() == Qt.CheckState.Checked


def _write(widget: QWidget, value: FormValue) -> None:
    if isinstance(widget, DateEdit) and isinstance(value, str):
        widget.setText(value)
    elif isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
        widget.setCursorPosition(0)  # show the start of long text, not its end
    elif isinstance(widget, QPlainTextEdit) and isinstance(value, str):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox) and isinstance(value, str):
        index = widget.findData(value)
        widget.setCurrentIndex(max(index, 0))
    elif isinstance(widget, QCheckBox) and isinstance(value, bool):
        widget.setChecked(value)
    elif isinstance(widget, QListWidget) and isinstance(value, list):
        for i in range(widget.count()):
            item = widget.item(i)
            ticked = int(item.data(Qt.ItemDataRole.UserRole)) in value
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
