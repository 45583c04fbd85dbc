"""The About box: version, licence, the libraries used and their licences (ui layer)."""

from __future__ import annotations

from html import escape

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fftimeline.services.about import AboutFacts, about_facts
from fftimeline.ui.app_icon import app_icon


class AboutDialog(QDialog):
    """Who made what: shown from Help → About fftimeline."""

    def __init__(self, facts: AboutFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About fftimeline"))
        self.facts = facts
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        self.heading_text = f"{facts.name} {facts.version}"
        heading = QLabel(f"<h2>{escape(self.heading_text)}</h2><p>{escape(facts.summary)}</p>")
        heading.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(logo)
        top.addWidget(heading, 1)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setHtml(self._details_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def _details_html(self) -> str:
        rows = "".join(
            f"<tr><td>{escape(lib.name)}</td><td>{escape(lib.version) or '—'}</td>"
            f"<td>{escape(lib.licence)}</td></tr>"
            for lib in self.facts.libraries
        )
        return (
            f"<p><b>{escape(self.tr('Licence'))}:</b> {escape(self.facts.licence)}</p>"
            f"<p><b>{escape(self.tr('Built with'))}</b></p>"
            f"<table cellpadding='3'><tr><th align='left'>{escape(self.tr('Library'))}</th>"
            f"<th align='left'>{escape(self.tr('Version'))}</th>"
            f"<th align='left'>{escape(self.tr('Licence'))}</th></tr>{rows}</table>"
        )

    @classmethod
    def show_about(cls, parent: QWidget | None) -> None:
        """Open the About box and wait until it is closed."""
        facts = about_facts({"qt": qVersion(), "pyside": pyside_version})
        cls(facts, parent).exec()
