"""Typing in any form dialog kept as an encrypted draft when the app locks (ui layer).

Every `GuardedDialog` that calls ``keep_typing_in`` takes part: on lock, the base reads
what its editable fields hold (`read_fields`: text boxes, text areas, choices, ticks,
editable tables and check lists; never a password box), saves it in the vault's draft store
(encrypted with the rest of the vault) under `FORM_DRAFT_KEY`, empties the fields
(`wipe_fields`) and closes the dialog. After unlock the base asks to carry on, later or
discard; carrying on reopens the same dialog on the same case and puts the typing back
(`restore_fields`). This module is the fields and the store; the dialog side is in
`form_helpers.GuardedDialog`.

The fields are read in the order the dialog builds them, so a dialog built again from the
same context gives every value back to the same field. Nothing is written anywhere else.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

from fftimeline.domain.errors import DomainError

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

FORM_DRAFT_KEY = "form-dialogs"
"""The draft-store key of kept form typing: a JSON list of {id, kind, case_id, context, fields}."""

Fields = dict[str, Any]


def _editable_line(line: QLineEdit) -> bool:
    in_combo = isinstance(line.parent(), QComboBox)
    return line.echoMode() == QLineEdit.EchoMode.Normal and not line.isReadOnly() and not in_combo


def _editable_table(table: QTableWidget) -> bool:
    return table.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers


def _checkable(items: QListWidget) -> bool:
    first = items.item(0)
    return first is not None and bool(first.flags() & Qt.ItemFlag.ItemIsUserCheckable)


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def _value(widget: QWidget) -> object | None:
    """What one editable field holds, or None when the widget is not one to keep."""
    if isinstance(widget, QLineEdit):
        return widget.text() if _editable_line(widget) else None
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QTableWidget) and _editable_table(widget):
        columns = range(widget.columnCount())
        return [[_cell(widget, r, c) for c in columns] for r in range(widget.rowCount())]
    if isinstance(widget, QListWidget) and _checkable(widget):
        return [widget.item(i).checkState() == Qt.CheckState.Checked for i in range(widget.count())]
    return None


def _fields(dialog: QWidget) -> list[tuple[str, QWidget]]:
    """The dialog's fields to keep, each with a key naming its kind and place."""
    keyed: list[tuple[str, QWidget]] = []
    counts: dict[str, int] = {}
    for widget in dialog.findChildren(QWidget):
        if _value(widget) is None:
            continue
        kind = type(widget).__name__
        counts[kind] = counts.get(kind, 0) + 1
        keyed.append((f"{kind}:{counts[kind]}", widget))
    return keyed


def read_fields(dialog: QWidget) -> Fields:
    """Everything typed or chosen in the dialog's editable fields (no passwords)."""
    return {key: _value(widget) for key, widget in _fields(dialog)}


def _put(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(str(value))
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.setPlainText(str(value))
    elif isinstance(widget, QComboBox) and 0 <= int(value) < widget.count():
        widget.setCurrentIndex(int(value))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QTableWidget):
        widget.setRowCount(0)
        for row, cells in enumerate(value):
            widget.insertRow(row)
            for column, text in enumerate(cells[: widget.columnCount()]):
                widget.setItem(row, column, QTableWidgetItem(str(text)))
    elif isinstance(widget, QListWidget):
        for i, on in enumerate(value[: widget.count()]):
            state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
            widget.item(i).setCheckState(state)


def restore_fields(dialog: QWidget, fields: Fields) -> None:
    """Put kept typing back into a dialog built again from the same context."""
    # Choices first: changing one can refill other fields (an audience names the file).
    order = sorted(_fields(dialog), key=lambda kw: not isinstance(kw[1], QComboBox | QCheckBox))
    for key, widget in order:
        if key in fields:
            _put(widget, fields[key])


def wipe_fields(dialog: QWidget) -> None:
    """Empty every text field and table, so no typing stays in memory once locked."""
    for line in dialog.findChildren(QLineEdit):
        line.clear()
    for box in dialog.findChildren(QPlainTextEdit):
        box.clear()
    for table in dialog.findChildren(QTableWidget):
        table.setRowCount(0)


def load_form_drafts(vault: OpenVault) -> list[dict[str, Any]]:
    """Every kept form draft (an unreadable payload counts as none)."""
    try:
        records = json.loads(vault.drafts.load(FORM_DRAFT_KEY) or "[]")
    except ValueError:
        return []
    return [r for r in records if isinstance(r, dict)] if isinstance(records, list) else []


def _store(vault: OpenVault, records: list[dict[str, Any]]) -> None:
    if records:
        vault.drafts.save(FORM_DRAFT_KEY, json.dumps(records))
    else:
        vault.drafts.discard(FORM_DRAFT_KEY)


def keep_draft(vault: OpenVault, record: dict[str, Any]) -> None:
    """Save one dialog's typing, replacing an earlier draft of the same dialog."""
    records = [r for r in load_form_drafts(vault) if r.get("id") != record["id"]]
    _store(vault, [*records, record])


def drop_draft(vault: OpenVault, draft_id: str) -> None:
    """Forget one dialog's kept typing (saved, or discarded on purpose)."""
    records = load_form_drafts(vault)
    kept = [r for r in records if r.get("id") != draft_id]
    if len(kept) != len(records):
        _store(vault, kept)


def new_draft_id() -> str:
    """A fresh id for one dialog's draft."""
    return uuid.uuid4().hex


AskCarryOn = Callable[[QWidget, int, str], "bool | None"]
"""The carry-on question: True to carry on, None for later, False to discard."""


class DraftKeepingDialog(QDialog):
    """The base of every form dialog: its typing is kept as an encrypted draft on lock.

    A subclass sets ``draft_kind``, calls `keep_typing_in` once built, implements
    `from_draft` (build the dialog again from a draft's case and context) and `has_changes`.
    """

    draft_kind: ClassVar[str] = ""
    """Names the dialog in a kept draft; set by every dialog that can be reopened."""
    _kinds: ClassVar[dict[str, type[DraftKeepingDialog]]] = {}
    _keeping: ClassVar[list[DraftKeepingDialog]] = []

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.draft_kind:
            DraftKeepingDialog._kinds[cls.draft_kind] = cls

    def has_changes(self) -> bool:
        """Whether anything was typed that is not saved (subclasses override)."""
        return False

    def keep_typing_in(
        self, vault: OpenVault, case_id: int | None, context: dict[str, Any] | None = None
    ) -> None:
        """Keep this dialog's typing in ``vault`` if the app locks while it is open.

        ``case_id`` and ``context`` are what `from_draft` needs to build the dialog again.
        """
        self._draft_vault = vault
        self._draft: dict[str, Any] = {
            "id": new_draft_id(),
            "kind": self.draft_kind,
            "case_id": case_id,
            "context": context or {},
        }
        self._stashed = False
        DraftKeepingDialog._keeping.append(self)
        self.finished.connect(self._typing_finished)

    def draft_context(self) -> dict[str, Any]:
        """What `from_draft` needs besides the case, as it is now (subclasses may override)."""
        context: dict[str, Any] = self._draft["context"]
        return context

    @classmethod
    def from_draft(
        cls, parent: QWidget, vault: OpenVault, case_id: int | None, context: dict[str, Any]
    ) -> DraftKeepingDialog | None:
        """Build the dialog a draft came from (subclasses that set ``draft_kind``)."""
        return None

    def _typing_finished(self) -> None:
        if self in DraftKeepingDialog._keeping:
            DraftKeepingDialog._keeping.remove(self)
        if not self._stashed:  # saved or discarded on purpose: no draft to offer again
            with contextlib.suppress(DomainError):
                drop_draft(self._draft_vault, self._draft["id"])

    @classmethod
    def stash_open_forms(cls) -> None:
        """On lock: every open form keeps its typing as an encrypted draft, then closes empty."""
        for dialog in list(DraftKeepingDialog._keeping):
            if not isValid(dialog) or dialog._draft_vault.closed:
                continue  # deleted with its window, or its vault is already locked
            dialog._stashed = True
            if dialog.has_changes():
                context = dialog.draft_context()
                record = {**dialog._draft, "context": context, "fields": read_fields(dialog)}
                keep_draft(dialog._draft_vault, record)
            dialog.done(QDialog.DialogCode.Rejected)
            wipe_fields(dialog)
        DraftKeepingDialog._keeping.clear()

    @classmethod
    def reopen(
        cls, parent: QWidget, vault: OpenVault, record: dict[str, Any]
    ) -> DraftKeepingDialog | None:
        """The dialog a kept draft came from, with the typing put back; None if it cannot be."""
        kind = DraftKeepingDialog._kinds.get(str(record.get("kind")))
        if kind is None:
            return None
        case_id = record.get("case_id")
        try:
            dialog = kind.from_draft(parent, vault, case_id, dict(record.get("context") or {}))
        except DomainError:  # the case or item is no longer there
            return None
        if dialog is None:
            return None
        dialog._draft["id"] = record.get("id")
        restore_fields(dialog, dict(record.get("fields") or {}))
        return dialog

    @classmethod
    def offer_drafts(
        cls,
        parent: QWidget,
        vault: OpenVault,
        ask: AskCarryOn,
        on_done: Callable[[int | None], None],
    ) -> None:
        """After unlock: carry on with forms kept at the last lock, later, or discard them.

        ``ask`` is the carry-on question (true, None for later, false to discard);
        ``on_done`` is told the case each reopened form was about, once it closes.
        """
        records = load_form_drafts(vault)
        if not records:
            return
        text = (
            parent.tr("You were filling in a form when fftimeline locked. Carry on with it?")
            if len(records) == 1
            else parent.tr(
                "You were filling in %1 forms when fftimeline locked. Carry on with them?"
            ).replace("%1", str(len(records)))
        )
        choice = ask(parent, len(records), text)
        if choice is None:
            return
        if not choice:
            vault.drafts.discard(FORM_DRAFT_KEY)
            return
        for record in records:
            if vault.closed:  # locked again while a form was open: asked again next time
                return
            dialog = cls.reopen(parent, vault, record)
            if dialog is None:
                drop_draft(vault, str(record.get("id")))
                continue
            dialog.exec()
            on_done(record.get("case_id"))
