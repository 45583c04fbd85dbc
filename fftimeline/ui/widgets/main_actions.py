"""The main window's actions with their keyboard shortcuts and accessible names (ui layer).

Kept apart from the window so the window's code reads as "what happens", and so every
shortcut the key person relies on (Ctrl+N, Ctrl+F, Ctrl+E, Ctrl+L, Enter, F7) is listed in
one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence

from fftimeline.ui import icons

# Words are translated in the "MainWindow" context, written out in each call so that
# pyside6-lupdate files them there (it cannot see through a helper function).


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
    print_: QAction
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
    wording: QAction
    new_meeting: QAction
    support_offered: QAction
    safety_plan: QAction

    def entry_actions(self) -> tuple[QAction, ...]:
        """Actions that need a selected entry."""
        return (self.open_entry, self.history, self.retract, self.copy_entry)

    def case_actions(self) -> tuple[QAction, ...]:
        """Actions that need a selected case."""
        return (
            self.new_entry,
            self.export,
            self.print_,
            self.disclosures,
            self.edit_case,
            self.register,
            self.new_task,
            self.wording,
            self.new_meeting,
            self.support_offered,
            self.safety_plan,
        )


def build_actions(parent: QObject) -> MainActions:
    """Create the actions, owned by `parent`."""
    key = QKeySequence
    enter = [key(Qt.Key.Key_Return), key(Qt.Key.Key_Enter)]
    actions = MainActions(
        new_entry=_action(
            parent,
            QCoreApplication.translate("MainWindow", "+ Entry"),
            [key("Ctrl+N")],
            tip=QCoreApplication.translate("MainWindow", "Add an entry"),
            icon=icons.new_entry(),
        ),
        open_entry=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Open or amend…"),
            enter,
            tip=QCoreApplication.translate("MainWindow", "Open the entry"),
        ),
        history=_action(
            parent,
            QCoreApplication.translate("MainWindow", "History…"),
            [key("Ctrl+H")],
            tip=QCoreApplication.translate("MainWindow", "Every version"),
        ),
        retract=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Withdraw…"),
            tip=QCoreApplication.translate("MainWindow", "Withdraw the entry, with a reason"),
        ),
        export=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Export…"),
            [key("Ctrl+E")],
            icon=icons.export(),
        ),
        print_=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Print…"),
            [key("Ctrl+P")],
            tip=QCoreApplication.translate(
                "MainWindow", "Print, preview or save as PDF for an audience"
            ),
            icon=icons.print_(),
        ),
        disclosures=_action(
            parent,
            QCoreApplication.translate("MainWindow", "What was shared…"),
            [key("Ctrl+Shift+E")],
            tip=QCoreApplication.translate(
                "MainWindow", "The disclosure register: every export of this case, to whom and why"
            ),
        ),
        lock=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Lock"),
            [key("Ctrl+L")],
            tip=QCoreApplication.translate("MainWindow", "Lock the vault now"),
            icon=icons.lock(),
        ),
        find=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Search"),
            [key("Ctrl+F")],
            tip=QCoreApplication.translate("MainWindow", "Search this case"),
        ),
        filters=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Filters"),
            [key("Ctrl+Shift+F")],
            tip=QCoreApplication.translate("MainWindow", "Show or hide the filters"),
            icon=icons.filters(),
        ),
        hide_names=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Hide names"),
            [key("Ctrl+Shift+H")],
            tip=QCoreApplication.translate(
                "MainWindow", "Show initials instead of children's names"
            ),
        ),
        new_case=_action(parent, QCoreApplication.translate("MainWindow", "New case…")),
        edit_case=_action(parent, QCoreApplication.translate("MainWindow", "Edit case…")),
        register=_action(
            parent, QCoreApplication.translate("MainWindow", "People, places, vehicles…")
        ),
        new_task=_action(
            parent, QCoreApplication.translate("MainWindow", "New task…"), [key("Ctrl+T")]
        ),
        copy_entry=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Copy entry"),
            [key(QKeySequence.StandardKey.Copy)],
            tip=QCoreApplication.translate(
                "MainWindow", "Copy the selected entry; the clipboard is cleared after 30 seconds"
            ),
        ),
        hand_over=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Hand over case…"),
            tip=QCoreApplication.translate(
                "MainWindow", "Put the whole case in an encrypted file for the new key worker"
            ),
        ),
        import_handover=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Import a hand-over…"),
            tip=QCoreApplication.translate("MainWindow", "Add a case another key worker sent"),
        ),
        close_case=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Close case…"),
            tip=QCoreApplication.translate(
                "MainWindow", "Close the case: kept, read-only, listed apart"
            ),
        ),
        purge_case=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Purge case…"),
            tip=QCoreApplication.translate(
                "MainWindow", "Remove a closed case for good, once its keep-until date has come"
            ),
        ),
        wording=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Check wording…"),
            [key("F7")],
            tip=QCoreApplication.translate(
                "MainWindow", "Every wording finding in this case, each a click from its entry"
            ),
        ),
        new_meeting=_action(
            parent,
            QCoreApplication.translate("MainWindow", "New meeting…"),
            [key("Ctrl+M")],
            tip=QCoreApplication.translate(
                "MainWindow",
                "Record a meeting: who came, whether the parents were invited, decisions, "
                "challenges and the tasks that follow",
            ),
        ),
        support_offered=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Support offered…"),
            tip=QCoreApplication.translate(
                "MainWindow", "Record support offered to the family, and whether it was taken up"
            ),
        ),
        safety_plan=_action(
            parent,
            QCoreApplication.translate("MainWindow", "Safety plan…"),
            [key("Ctrl+Shift+S")],
            tip=QCoreApplication.translate(
                "MainWindow", "The case's safety plan: agree it, review it, every version"
            ),
        ),
    )
    actions.filters.setCheckable(True)
    actions.hide_names.setCheckable(True)
    return actions
