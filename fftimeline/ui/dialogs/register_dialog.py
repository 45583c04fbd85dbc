"""The case's register: people, places, vehicles, phone numbers and online handles (ui layer).

Entries link to these items. A third-party person keeps a role label ("an adult male")
that stands in for their name in anything shared, so the form asks for it as you type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from fftimeline.domain.people import LINK_KIND_LABELS, Linked, LinkKind
from fftimeline.ui.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault


class RegisterDialog(FormDialog):
    """Lists the register and edits one item at a time; each Save is committed at once."""

    draft_kind = "register"

    def __init__(self, vault: OpenVault, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, save_text=self.tr("Save item"), in_place=True)
        self._vault = vault
        self._case_id = case_id
        self.items: list[Linked] = []
        self._editing: Linked | None = None
        self.setWindowTitle(self.tr("People, places and vehicles"))
        self._build()
        self.watch(self.name, self.role, self.nicknames, self.notes, self.kind, self.third_party)
        self.table.currentCellChanged.connect(self._row_chosen)
        self.new_button.clicked.connect(self._new_item)
        self._reload()
        self.finish(self._lay_out(), vault, case_id)
        self._new_item()
        self.resize(720, 520)

    @property
    def changed(self) -> bool:
        """Whether an item was saved while the register was open."""
        return self.saved_any

    @override
    def draft_context(self) -> dict[str, Any]:
        """The item being edited when the app locked (None for a new one)."""
        return {"item_id": self._editing.id if self._editing is not None else None}

    @classmethod
    @override
    def from_draft(
        cls, parent: QWidget, vault: OpenVault, case_id: int | None, context: dict[str, Any]
    ) -> RegisterDialog | None:
        """The register again after a lock, editing the same item."""
        if case_id is None:
            return None
        dialog = cls(vault, case_id, parent)
        item_id = context.get("item_id")
        row = next((i for i, item in enumerate(dialog.items) if item.id == item_id), None)
        if row is not None:
            dialog.table.setCurrentCell(row, 0)
        return dialog

    def _build(self) -> None:
        headers = [self.tr("What"), self.tr("Name"), self.tr("Role or description")]
        headers += [self.tr("Also known as"), self.tr("Third party")]
        self.table = QTableWidget(0, len(headers))
        self.table.setAccessibleName(self.tr("Register of this case"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (0, 4):  # "What" and "Third party" are short
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What it is"))
        for kind in LinkKind:
            self.kind.addItem(self.tr(LINK_KIND_LABELS[kind]), kind.value)
        self.name = self._line(self.tr("Name, place, registration, number or handle"))
        self.role = self._line(self.tr("Role label or description"))
        self.role.setPlaceholderText(self.tr("For example: an adult male, a friend of the child"))
        self.nicknames = self._line(self.tr("Also known as"))
        self.nicknames.setPlaceholderText(self.tr("Other names, separated by commas"))
        self.third_party = QCheckBox(self.tr("Third party: hide their name in anything shared"))
        self.third_party.setAccessibleName(self.tr("Third party"))
        self.notes = self._line(self.tr("Notes"))
        self.new_button = QPushButton(self.tr("New item"))
        self.new_button.setAccessibleName(self.tr("Start a new item"))
        self.save_button.setAccessibleName(self.tr("Save this item"))

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        return edit

    def _lay_out(self) -> QVBoxLayout:
        form = QFormLayout()
        form.addRow(self.tr("What it is"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role or description"), self.role)
        form.addRow(self.tr("Also known as"), self.nicknames)
        form.addRow("", self.third_party)
        form.addRow(self.tr("Notes"), self.notes)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.new_button)
        row.addWidget(self.save_button)
        box = QVBoxLayout()
        box.addWidget(self.table, 1)
        box.addLayout(form)
        box.addLayout(row)
        return box

    def _reload(self) -> None:
        self.items = self._vault.links.items(self._case_id)
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for item in self.items:
            self._add_row(item)
        self.table.blockSignals(False)

    def _add_row(self, item: Linked) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        third = self.tr("Yes") if item.third_party else ""
        cells = [self.tr(LINK_KIND_LABELS[item.kind]), item.name, item.role]
        cells += [", ".join(item.nicknames), third]
        for column, text in enumerate(cells):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def _row_chosen(self, row: int, _c: int, _pr: int, _pc: int) -> None:
        if 0 <= row < len(self.items):
            self._show(self.items[row])

    def _show(self, item: Linked | None) -> None:
        self._editing = item
        self.kind.setCurrentIndex(
            self.kind.findData((item.kind if item else LinkKind.PERSON).value)
        )
        self.name.setText(item.name if item else "")
        self.role.setText(item.role if item else "")
        self.nicknames.setText(", ".join(item.nicknames) if item else "")
        self.third_party.setChecked(item.third_party if item else False)
        self.notes.setText(item.notes if item else "")
        self.mark_unchanged()
        self.check()

    @override
    def snapshot(self) -> tuple[object, ...]:
        """The item's fields (not the list above them), to tell whether it was changed."""
        texts = tuple(e.text() for e in (self.name, self.role, self.nicknames, self.notes))
        return (*texts, self.kind.currentData(), self.third_party.isChecked())

    def _new_item(self) -> None:
        self.table.clearSelection()
        self._show(None)
        self.name.setFocus()

    @override
    def draft(self) -> Linked:
        """The item as typed (`item`)."""
        return self.item()

    def item(self) -> Linked:
        """The item as typed; raises ValidationError when a rule is broken."""
        return Linked(
            id=self._editing.id if self._editing is not None else None,
            kind=LinkKind(self.kind.currentData()),
            name=self.name.text(),
            role=self.role.text(),
            nicknames=tuple(n for n in self.nicknames.text().split(",")),
            third_party=self.third_party.isChecked(),
            notes=self.notes.text(),
        )

    @override
    def labels(self) -> dict[str, str]:
        """The fields by name, for messages."""
        return {"name": self.tr("Name"), "role": self.tr("Role")}

    @override
    def persist(self, draft: Linked) -> Linked:
        """Save the item (a new one, or the one chosen in the list)."""
        return self._vault.links.save(self._case_id, draft)

    @override
    def after_save(self, saved: object) -> None:
        """The list shows the item; the form starts a new one."""
        assert isinstance(saved, Linked)
        self._reload()
        self._new_item()
        self.problem.setText(self.tr("Saved “{name}”.").format(name=saved.label))

    @classmethod
    def ask(cls, parent: QWidget, vault: OpenVault, case_id: int) -> list[Linked] | None:
        """Edit the register; the items after any change, or None when nothing was saved."""
        dialog = cls(vault, case_id, parent)
        dialog.exec()
        return dialog.items if dialog.changed else None
