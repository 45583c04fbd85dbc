"""The main window's actions with their keyboard shortcuts and accessible names (ui layer).

Kept apart from the window so the window's code reads as "what happens", and so every
shortcut the key person relies on (Ctrl+N, Ctrl+F, Ctrl+E, Ctrl+L, Enter) is listed in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence

from fftimeline.ui import icons

_CTX = "MainWindow"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _action(
    parent: QObject,
    text: str,
    keys: list[QKeySequence] | None = None,
    *,
    tip: str = "",
    icon: QIcon | None = None,
) -> QAction:
    action = QAction(text, parent)
    if keys:
        action.setShortcuts(keys)
    if icon is not None:
        action.setIcon(icon)
    shortcut = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
    tip = tip or text.replace("…", "")
    action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    action.setStatusTip(tip)
    return action


@dataclass(frozen=True)
class MainActions:
    """Every command of the main window."""

    new_entry: QAction
    open_entry: QAction
    history: QAction
    retract: QAction
    export: QAction
    disclosures: QAction
    lock: QAction
    find: QAction
    filters: QAction
    hide_names: QAction
    new_case: QAction
    edit_case: QAction
    register: QAction
    new_task: QAction
    copy_entry: QAction
    hand_over: QAction
    import_handover: QAction
    close_case: QAction
    purge_case: QAction

    def entry_actions(self) -> tuple[QAction, ...]:
        """Actions that need a selected entry."""
        return (self.open_entry, self.history, self.retract, self.copy_entry)

    def case_actions(self) -> tuple[QAction, ...]:
        """Actions that need a selected case."""
        return (
            self.new_entry,
            self.export,
            self.disclosures,
            self.edit_case,
            self.register,
            self.new_task,
        )


def build_actions(parent: QObject) -> MainActions:
    """Create the actions, owned by `parent`."""
    key = QKeySequence
    enter = [key(Qt.Key.Key_Return), key(Qt.Key.Key_Enter)]
    actions = MainActions(
        new_entry=_action(
            parent,
            _tr("+ Entry"),
            [key("Ctrl+N")],
            tip=_tr("Add an entry"),
            icon=icons.new_entry(),
        ),
        open_entry=_action(parent, _tr("Open or amend…"), enter, tip=_tr("Open the entry")),
        history=_action(parent, _tr("History…"), [key("Ctrl+H")], tip=_tr("Every version")),
        retract=_action(parent, _tr("Withdraw…"), tip=_tr("Withdraw the entry, with a reason")),
        export=_action(parent, _tr("Export…"), [key("Ctrl+E")], icon=icons.export()),
        disclosures=_action(
            parent,
            _tr("What was shared…"),
            [key("Ctrl+Shift+E")],
            tip=_tr("The disclosure register: every export of this case, to whom and why"),
        ),
        lock=_action(
            parent, _tr("Lock"), [key("Ctrl+L")], tip=_tr("Lock the vault now"), icon=icons.lock()
        ),
        find=_action(parent, _tr("Search"), [key("Ctrl+F")], tip=_tr("Search this case")),
        filters=_action(
            parent,
            _tr("Filters"),
            [key("Ctrl+Shift+F")],
            tip=_tr("Show or hide the filters"),
            icon=icons.filters(),
        ),
        hide_names=_action(
            parent,
            _tr("Hide names"),
            [key("Ctrl+Shift+H")],
            tip=_tr("Show initials instead of children's names"),
        ),
        new_case=_action(parent, _tr("New case…")),
        edit_case=_action(parent, _tr("Edit case…")),
        register=_action(parent, _tr("People, places, vehicles…")),
        new_task=_action(parent, _tr("New task…"), [key("Ctrl+T")]),
        copy_entry=_action(
            parent,
            _tr("Copy entry"),
            [key(QKeySequence.StandardKey.Copy)],
            tip=_tr("Copy the selected entry; the clipboard is cleared after 30 seconds"),
        ),
        hand_over=_action(
            parent,
            _tr("Hand over case…"),
            tip=_tr("Put the whole case in an encrypted file for the new key worker"),
        ),
        import_handover=_action(
            parent, _tr("Import a hand-over…"), tip=_tr("Add a case another key worker sent")
        ),
        close_case=_action(
            parent, _tr("Close case…"), tip=_tr("Close the case: kept, read-only, listed apart")
        ),
        purge_case=_action(
            parent,
            _tr("Purge case…"),
            tip=_tr("Remove a closed case for good, once its keep-until date has come"),
        ),
    )
    actions.filters.setCheckable(True)
    actions.hide_names.setCheckable(True)
    return actions
