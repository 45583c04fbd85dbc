"""The support organisations printed at the end of the family's timeline (ui layer).

They are the key worker's own list, kept in the app's settings (not in a case: the same
list serves every family). The app ships an example to start from; "Use the example"
puts it back.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from typing_extensions import override

from fftimeline.domain.errors import DomainError
from fftimeline.domain.support import SupportOrganisation
from fftimeline.settings import example_support
from fftimeline.ui.widgets.form_dialog import FormDialog
from fftimeline.ui.widgets.form_tables import RowsTable


class SupportDialog(FormDialog):
    """Edit the list: name, what they help with, phone and website of each organisation."""

    def __init__(
        self, current: tuple[SupportOrganisation, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Where to get support"))
        intro = QLabel(
            self.tr(
                "These organisations are printed at the end of every family's timeline. "
                "Check that each one is right for the families you work with."
            )
        )
        intro.setWordWrap(True)
        self.table = RowsTable(
            self.tr("Support organisations"),
            [self.tr("Name"), self.tr("What they help with"), self.tr("Phone"), self.tr("Website")],
        )
        self.example = QPushButton(self.tr("Use the example"))
        self.example.setToolTip(self.tr("Replace the list with the example shipped with the app"))
        box = QVBoxLayout()
        box.addWidget(intro)
        box.addWidget(self.table, 1)
        box.addWidget(self.example)
        self._fill(current)
        self.watch(self.table.table)
        self.finish(box)  # the app's settings, not a case: no draft is kept in a vault
        self.example.clicked.connect(lambda: self._fill(example_support()))
        self.resize(820, 420)

    def _fill(self, organisations: tuple[SupportOrganisation, ...]) -> None:
        self.table.table.setRowCount(0)
        for org in organisations:
            self.table.add_row([org.name, org.helps_with, org.phone, org.website])

    @override
    def snapshot(self) -> object:
        """The rows typed, to tell whether the list was changed."""
        return self.table.rows()

    def organisations(self) -> tuple[SupportOrganisation, ...]:
        """The list as typed; raises DomainError when a row has no name."""
        rows = self.table.rows()
        if any(not r[0] for r in rows):
            raise DomainError("support_needs_name", self.tr("Every organisation needs a name."))
        return tuple(
            SupportOrganisation(name=r[0], helps_with=r[1], phone=r[2], website=r[3]) for r in rows
        )

    @override
    def draft(self) -> tuple[SupportOrganisation, ...]:
        """The list as typed."""
        return self.organisations()

    @override
    def persist(self, draft: tuple[SupportOrganisation, ...]) -> tuple[SupportOrganisation, ...]:
        """Nothing to save here: the caller keeps the list in the app's settings."""
        return draft

    @classmethod
    def ask(
        cls, parent: QWidget | None, current: tuple[SupportOrganisation, ...]
    ) -> tuple[SupportOrganisation, ...] | None:
        """The edited list, or None when cancelled."""
        saved: tuple[SupportOrganisation, ...] | None = cls(current, parent).run()
        return saved
