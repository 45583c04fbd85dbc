"""The leak scan before anything is printed or saved as a PDF, and the fixes when it stops (ui).

What goes to the printer or into a PDF is first rendered and passed through the
independent leak scan (`services.printing.checked_pdf`), off the interface thread. When it
stops, the dialog lists each finding in a sentence, as the export dialog does
(`LeakFindingsPanel`: "A person the parents must not see is in the entry of 3 March 2025
(entry 12), what happened."), the protected words only when asked and never while "Hide
names" is on. "Open the entry" opens the editor and "Hide these words" hides them from this
audience in that entry; either way the document is checked again at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic import ValidationError
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget

from fftimeline.domain.errors import DomainError
from fftimeline.domain.leaks import LeakFound
from fftimeline.printing import render_pdf
from fftimeline.services.export import ManualSpan, add_manual_redaction
from fftimeline.services.printing import Prepared, checked_pdf
from fftimeline.ui.background import run_in_background
from fftimeline.ui.dialogs.entry_editor import EntryEditorDialog
from fftimeline.ui.errors import plain_message
from fftimeline.ui.widgets.leak_findings import LeakFindingsPanel

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault


class PrintCheck(QObject):
    """Checks a prepared document before it is printed or saved, and helps fix a stop.

    Attributes:
        panel: the findings of the last stop (hidden while nothing is stopped).
        file_name: the name of the PDF about to be saved ('' when printing), scanned too.
    """

    def __init__(
        self,
        dialog: QWidget,
        vault: OpenVault,
        case_id: int,
        audience: Callable[[], str],
        prepared: Callable[[], Prepared | None],
        problem: QLabel,
        *,
        names_hidden: bool,
    ) -> None:
        super().__init__(dialog)
        self._dialog, self._vault, self._case_id = dialog, vault, case_id
        self._audience, self._prepared, self._problem = audience, prepared, problem
        self._names_hidden = names_hidden
        self.file_name = ""
        self.panel = LeakFindingsPanel()
        self.panel.open_requested.connect(self._open_found)
        self.panel.redact_requested.connect(self._hide_found)

    def passes(self, prepared: Prepared) -> bool:
        """Whether the scan passes ``prepared``; when it stops, the findings are listed."""
        try:
            run_in_background(
                self._dialog,
                self.tr("Checking the document…"),
                lambda progress: checked_pdf(
                    self._vault, self._case_id, prepared, render_pdf, progress, self.file_name
                ),
            )
        except LeakFound as stop:
            self.show_stop(stop)
            return False
        except (DomainError, ValidationError) as exc:
            self._problem.setText(plain_message(exc))
            return False
        self.panel.hide()
        return True

    def show_stop(self, stop: LeakFound) -> None:
        """List what stopped the print or the PDF."""
        self._problem.clear()
        self.panel.show_stop(stop, names_hidden=self._names_hidden)

    def _hide_found(self, entry_id: int, value: str) -> None:
        """Hide a found value from this audience in that entry, then check again."""
        span = ManualSpan(entry_id=entry_id, audience=self._audience(), text=value)
        try:
            add_manual_redaction(self._vault, self._case_id, span)
        except (DomainError, ValidationError) as exc:
            self._problem.setText(plain_message(exc))
            return
        self._recheck()

    def _open_found(self, entry_id: int) -> None:
        """Open the entry a finding is in; after saving it, check again."""
        try:
            entry = self._vault.entries.get(entry_id)
        except DomainError as exc:
            self._problem.setText(plain_message(exc))
            return
        if EntryEditorDialog.ask(self._dialog, self._vault, self._case_id, entry) is not None:
            self._recheck()

    def _recheck(self) -> None:
        """Check the document again (nothing is printed, written or recorded)."""
        prepared = self._prepared()
        if prepared is not None and self.passes(prepared):
            self.panel.show_passed(
                self.tr("Checked again: nothing this audience must not see is left.")
            )
