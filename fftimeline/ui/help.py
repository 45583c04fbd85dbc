"""Help inside the app: a short plain-words guide with the keyboard shortcuts (ui layer).

The guide is a Markdown file in ``resources/help/`` (``en.md``, and one per translated
language, e.g. ``cy.md``), shown offline in a text browser. F1 opens it from any window.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from fftimeline.assets import MissingResource, resource_path
from fftimeline.ui.translations import current_language


def help_text(language: str) -> str:
    """The guide in `language`, or in English when there is none in that language."""
    for name in (f"{language}.md", "en.md"):
        try:
            return resource_path("help", name).read_text(encoding="utf-8")
        except MissingResource:
            continue
    return ""


class HelpDialog(QDialog):
    """The guide, in a window the user can keep open beside the app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("fftimeline help"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(help_text(current_language()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(620, 560)

    @classmethod
    def show_help(cls, parent: QWidget | None) -> None:
        """Open the guide (not modal, so it can stay open while working)."""
        dialog = cls(parent)
        dialog.setModal(False)
        dialog.show()


def add_help_key(widget: QWidget) -> QShortcut:
    """Make F1 open the guide from `widget` (the start window, the main window)."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), widget)
    shortcut.activated.connect(lambda: HelpDialog.show_help(widget))
    return shortcut
