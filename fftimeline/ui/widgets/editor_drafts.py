"""Unsaved editor typing kept as encrypted drafts in the vault, and the questions about them.

All drafts live under one key in the vault's draft store (encrypted with the rest of the
vault) as a JSON list of {id, case_id, entry_id, state}. Nothing is written anywhere else.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox, QWidget

from fftimeline.ui.widgets.form_helpers import Button, ask_choice

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

DRAFT_KEY = "entry-editor"


def load_drafts(vault: OpenVault) -> list[dict[str, Any]]:
    """Every kept draft (an unreadable payload counts as none)."""
    payload = vault.drafts.load(DRAFT_KEY)
    if not payload:
        return []
    try:
        records = json.loads(payload)
    except ValueError:
        return []
    return [r for r in records if isinstance(r, dict)] if isinstance(records, list) else []


def store_drafts(vault: OpenVault, records: list[dict[str, Any]]) -> None:
    """Replace the kept drafts; an empty list removes the key altogether."""
    if records:
        vault.drafts.save(DRAFT_KEY, json.dumps(records))
    else:
        vault.drafts.discard(DRAFT_KEY)


class KeepDraftQuestion:
    """Asks what to do with unsaved typing when the editor is closed."""

    @classmethod
    def ask(cls, parent: QWidget) -> str | None:
        """'keep', 'discard', or None to carry on editing."""
        answer = ask_choice(
            parent,
            parent.tr("Unsaved entry"),
            parent.tr("You have not saved this entry."),
            [
                ("keep", parent.tr("Keep this as a draft"), QMessageBox.ButtonRole.AcceptRole),
                ("discard", parent.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole),
                ("carry-on", parent.tr("Carry on editing"), QMessageBox.ButtonRole.RejectRole),
            ],
            escape="carry-on",
        )
        return None if answer == "carry-on" else answer


class CarryOnQuestion:
    """After unlock, asks what to do with drafts kept when fftimeline locked.

    Three answers: carry on now, later (the draft stays, encrypted, and the question comes
    back at the next unlock; Esc means this), or discard, which is confirmed first.
    """

    @classmethod
    def ask(cls, parent: QWidget, count: int = 1, text: str = "") -> bool | None:
        """True to carry on now, None for later (draft kept), False to discard (confirmed).

        ``text`` is the question for other kinds of draft (a form); by default, entries.
        """
        text = text or (
            parent.tr("You were writing an entry when fftimeline locked. Carry on with it?")
            if count == 1
            else parent.tr(
                "You were writing %1 entries when fftimeline locked. Carry on with them?"
            ).replace("%1", str(count))
        )
        buttons: list[Button] = [
            ("carry-on", parent.tr("Carry on"), QMessageBox.ButtonRole.AcceptRole),
            ("later", parent.tr("Later"), QMessageBox.ButtonRole.RejectRole),
            ("discard", parent.tr("Discard…"), QMessageBox.ButtonRole.DestructiveRole),
        ]
        later = parent.tr("“Later” keeps it safe in the vault; you will be asked again next time.")
        while True:
            answer = ask_choice(
                parent,
                parent.tr("Unsaved entry"),
                text,
                buttons,
                escape="later",
                default="carry-on",
                informative=later,
            )
            if answer == "carry-on":
                return True
            if answer == "later":
                return None
            if cls.confirm_discard(parent):
                return False

    @classmethod
    def confirm_discard(cls, parent: QWidget) -> bool:
        """Ask once more before throwing unsaved typing away; Esc keeps it."""
        answer = ask_choice(
            parent,
            parent.tr("Discard the unsaved entry?"),
            parent.tr("Discard what you were writing? It cannot be got back."),
            [
                ("discard", parent.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole),
                ("keep", parent.tr("Keep it"), QMessageBox.ButtonRole.RejectRole),
            ],
            escape="keep",
            icon=QMessageBox.Icon.Warning,
        )
        return answer == "discard"
