"""A form dialog whose main button starts long work in the background (ui layer).

The hand-over dialogs share this: a progress panel with Cancel, a main button (``go``) that
is disabled while the work runs, a line for what went wrong, a Cancel button that stops the
work instead of closing while it runs, and closing (or locking) that first stops the work and
then forgets the secrets the dialog held (`forget_secrets`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QWidget
from typing_extensions import override

from fftimeline.ui.background import ProgressPanel, Work
from fftimeline.ui.errors import plain_message
from fftimeline.ui.widgets.form_helpers import GuardedDialog, problem_label


class WorkDialog(GuardedDialog):
    """The shared frame: `problem`, `progress`, `buttons` with Cancel and ``go``."""

    def __init__(self, go_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem_label()
        self.progress = ProgressPanel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go = self.buttons.addButton(go_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.cancel)

    def run(self, work: Work, on_done: Callable[[object], None]) -> None:
        """Start ``work`` in the background; ``on_done(result)`` runs when it succeeds."""
        self.problem.clear()
        self.go.setEnabled(False)
        self.progress.run(work, on_done, self._failed)

    def finished_work(self, go_text: str) -> None:
        """The work is done: the main button now closes, and Cancel goes."""
        self.go.setText(go_text)
        self.go.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()

    def _failed(self, error: object) -> None:
        self.go.setEnabled(True)
        self.problem.setText(plain_message(error) if isinstance(error, Exception) else str(error))

    def forget_secrets(self) -> None:
        """Clear any passphrase the dialog holds (subclasses); called when it closes."""

    @override
    def cancel(self) -> None:
        """Cancel while working stops the work (it undoes itself); otherwise close."""
        if self.progress.running:
            self.progress.cancel()
            return
        super().cancel()

    @override
    def done(self, code: int) -> None:
        """Closing (or locking) first stops any work, then forgets the secrets."""
        self.progress.stop_and_wait()
        self.forget_secrets()
        super().done(code)
