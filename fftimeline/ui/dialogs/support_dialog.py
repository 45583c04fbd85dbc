"""The support organisations printed at the end of the family's timeline (ui layer).

They are the key worker's own list, kept in the app's settings (not in a case: the same
list serves every family). The app ships an example to start from; "Use the example"
puts it back.
"""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from fftimeline.domain.support import SupportOrganisation
from fftimeline.settings import example_support
from fftimeline.ui.dialogs.case_dialog import PeopleTable
from fftimeline.ui.widgets.form_helpers import GuardedDialog, first_problem, problem_label


class SupportDialog(GuardedDialog):
    """Edit the list: name, what they help with, phone and website of each organisation."""

    def __init__(
        self, current: tuple[SupportOrganisation, ...], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Where to get support"))
        self.saved: tuple[SupportOrganisation, ...] | None = None
        intro = QLabel(
            self.tr(
                "These organisations are printed at the end of every family's timeline. "
                "Check that each one is right for the families you work with."
            )
        )
        intro.setWordWrap(True)
        self.table = PeopleTable(
            self.tr("Support organisations"),
            [self.tr("Name"), self.tr("What they help with"), self.tr("Phone"), self.tr("Website")],
        )
        self.example = QPushButton(self.tr("Use the example"))
        self.example.setToolTip(self.tr("Replace the list with the example shipped with the app"))
        self.problem = problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.table, 1)
        box.addWidget(self.example)
        box.addWidget(self.problem)
        box.addWidget(self.buttons)
        self._fill(current)
        self.mark_unchanged()
        self.example.clicked.connect(lambda: self._fill(example_support()))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.cancel)
        self.resize(820, 420)

    def _fill(self, organisations: tuple[SupportOrganisation, ...]) -> None:
        self.table.table.setRowCount(0)
        for org in organisations:
            self.table.add_row([org.name, org.helps_with, org.phone, org.website])

    def snapshot(self) -> object:
        """The rows typed, to tell whether the list was changed."""
        return self.table.rows()

    def organisations(self) -> tuple[SupportOrganisation, ...]:
        """The list as typed; raises ValidationError when a row has no name."""
        return tuple(
            SupportOrganisation(name=r[0], helps_with=r[1], phone=r[2], website=r[3])
            for r in self.table.rows()
        )

    def _save(self) -> None:
        try:
            self.saved = self.organisations()
        except ValidationError as error:
            self.problem.setText(
                first_problem(error, {"name": self.tr("Name")})
                + " "
                + self.tr("Every organisation needs a name.")
            )
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, current: tuple[SupportOrganisation, ...]
    ) -> tuple[SupportOrganisation, ...] | None:
        """The edited list, or None when cancelled."""
        dialog = cls(current, parent)
        dialog.exec()
        return dialog.saved
