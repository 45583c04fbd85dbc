"""Add or edit a case: the child, their family and the team around them (ui layer).

The form is checked as you type against the domain's `CaseDraft`; Save stays disabled,
with the reason shown in plain words, until the case can be saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from fftimeline.domain.cases import Case, CaseDraft, FamilyMember, TeamMember
from fftimeline.domain.errors import DomainError
from fftimeline.ui.widgets.form_helpers import (
    GuardedDialog,
    ask_choice,
    chosen_date,
    first_problem,
    optional_date_edit,
    problem_label,
    show_date,
)

if TYPE_CHECKING:
    from fftimeline.services.vault import OpenVault

_ACCEPT = QMessageBox.ButtonRole.AcceptRole


class PeopleTable(QWidget):
    """An editable table of people (family or team) with Add and Remove buttons."""

    def __init__(self, name: str, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers))
        self.table.setAccessibleName(name)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add a row to {name}").format(name=name))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleName(
            self.tr("Remove the row from {name}").format(name=name)
        )
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)

    def _add(self) -> None:
        self.add_row([""] * self.table.columnCount())
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def add_row(self, values: list[str]) -> None:
        """Append one person."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def rows(self) -> list[list[str]]:
        """Every row that is not completely empty, as stripped text."""
        out = []
        for row in range(self.table.rowCount()):
            cells = [self._text(row, c) for c in range(self.table.columnCount())]
            if any(cells):
                out.append(cells)
        return out

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""


class CaseDialog(GuardedDialog):
    """The case form; `ask` saves through `vault.cases` and returns the saved case."""

    draft_kind = "case"

    def __init__(self, vault: OpenVault, case: Case | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._case = case
        self.saved: Case | None = None
        self.setWindowTitle(self.tr("New case") if case is None else self.tr("Edit case"))
        self.child_name = self._line(self.tr("Child's name"))
        self.known_as = self._line(self.tr("Known as"))
        self.date_of_birth = optional_date_edit(self.tr("Date of birth"), self.tr("Not known"))
        self.pronouns = self._line(self.tr("Pronouns"))
        self.key_worker = self._line(self.tr("Key worker"))
        self.organisation = self._line(self.tr("Key worker's organisation"))
        self.phone = self._line(self.tr("Key worker's phone"))
        self.email = self._line(self.tr("Key worker's email"))
        for edit in (self.organisation, self.phone, self.email):
            edit.setToolTip(self.tr("Printed on the family's timeline, so they can reach you."))
        self.key_person_history = QLabel(self.tr("None recorded yet."))
        self.key_person_history.setWordWrap(True)
        self.key_person_history.setAccessibleName(self.tr("Key person history"))
        self.family = PeopleTable(
            self.tr("Family members"),
            [self.tr("Name"), self.tr("Relationship to the child"), self.tr("Contact")],
        )
        self.team = PeopleTable(
            self.tr("Team around the child"), [self.tr("Name"), self.tr("Agency"), self.tr("Role")]
        )
        self.problem = problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self._lay_out()
        if case is not None:
            self._fill(case)
        self.mark_unchanged()
        self._connect()
        self._check()
        self.keep_typing_in(vault, case.id if case is not None else None)

    @classmethod
    @override
    def from_draft(
        cls, parent: QWidget, vault: OpenVault, case_id: int | None, context: dict[str, Any]
    ) -> CaseDialog:
        """The form again after a lock: for the same case, or a new one."""
        return cls(vault, vault.cases.get(case_id) if case_id is not None else None, parent)

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        return edit

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Child's name"), self.child_name)
        form.addRow(self.tr("Known as"), self.known_as)
        form.addRow(self.tr("Date of birth"), self.date_of_birth)
        form.addRow(self.tr("Pronouns"), self.pronouns)
        form.addRow(self.tr("Key worker"), self.key_worker)
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Key person history"), self.key_person_history)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(QLabel(self.tr("Family members")))
        box.addWidget(self.family)
        box.addWidget(QLabel(self.tr("Team around the child")))
        box.addWidget(self.team)
        box.addWidget(self.problem)
        box.addWidget(self.buttons)
        self.resize(640, 640)

    def _fill(self, case: Case) -> None:
        self.child_name.setText(case.child_name)
        self.known_as.setText(case.known_as)
        show_date(self.date_of_birth, case.date_of_birth)
        self.pronouns.setText(case.pronouns)
        self.key_worker.setText(case.key_worker)
        self.organisation.setText(case.key_worker_organisation)
        self.phone.setText(case.key_worker_phone)
        self.email.setText(case.key_worker_email)
        if case.allocations:
            history = (a.wording() for a in reversed(case.allocations))
            self.key_person_history.setText("\n".join(history))
        for f in case.family:
            self.family.add_row([f.name, f.relationship, f.contact])
        for t in case.team:
            self.team.add_row([t.name, t.agency, t.role])

    def _connect(self) -> None:
        for edit in self._lines():
            edit.textChanged.connect(self._check)
        self.date_of_birth.edited.connect(self._check)
        for people in (self.family, self.team):
            people.table.itemChanged.connect(self._check)
            people.table.model().rowsRemoved.connect(self._check)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.cancel)

    @override
    def snapshot(self) -> tuple[object, ...]:
        """Everything in the form, to tell whether it was changed."""
        texts = tuple(edit.text() for edit in self._lines())
        return (*texts, self.date_of_birth.text(), self.family.rows(), self.team.rows())

    def _lines(self) -> tuple[QLineEdit, ...]:
        return (
            *(self.child_name, self.known_as, self.pronouns, self.key_worker),
            *(self.organisation, self.phone, self.email),
        )

    def draft(self) -> CaseDraft:
        """The case as typed; raises ValidationError (or DomainError) when a rule is broken."""
        family = tuple(self._family_member(r) for r in self.family.rows())
        team = tuple(self._team_member(r) for r in self.team.rows())
        return CaseDraft(
            child_name=self.child_name.text(),
            known_as=self.known_as.text(),
            date_of_birth=chosen_date(self.date_of_birth),
            pronouns=self.pronouns.text(),
            key_worker=self.key_worker.text(),
            key_worker_organisation=self.organisation.text(),
            key_worker_phone=self.phone.text(),
            key_worker_email=self.email.text(),
            family=family,
            team=team,
            allocations=self._case.allocations if self._case is not None else (),
        )

    def _family_member(self, row: list[str]) -> FamilyMember:
        if not row[0] or not row[1]:
            raise DomainError(
                "family_incomplete", self.tr("Give each family member's name and relationship.")
            )
        return FamilyMember(name=row[0], relationship=row[1], contact=row[2])

    def _team_member(self, row: list[str]) -> TeamMember:
        if not row[0]:
            raise DomainError(
                "team_incomplete", self.tr("Give the name of each person in the team.")
            )
        return TeamMember(name=row[0], agency=row[1], role=row[2])

    def _problem(self) -> str:
        """What stops the case being saved, in plain words ('' when it can be saved)."""
        labels = {
            "child_name": self.tr("Child's name"),
            "known_as": self.tr("Known as"),
            "pronouns": self.tr("Pronouns"),
            "key_worker": self.tr("Key worker"),
            "key_worker_organisation": self.tr("Organisation"),
            "key_worker_phone": self.tr("Phone"),
            "key_worker_email": self.tr("Email"),
        }
        if self.date_of_birth.problem():
            return self.tr("Date of birth: {problem}").format(problem=self.date_of_birth.problem())
        try:
            self.draft()
        except ValidationError as error:
            return first_problem(error, labels)
        except DomainError as error:
            return error.message
        return ""

    def _check(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)

    def _key_worker_change(self, draft: CaseDraft) -> str | None:
        """'correction', 'new' or None (cancelled) when the key worker's name was changed."""
        before = self._case.key_worker if self._case is not None else ""
        if not before or not draft.key_worker or draft.key_worker == before:
            return "new"
        return ask_choice(
            self,
            self.tr("Key worker"),
            self.tr("“{old}” is now “{new}”. Is this a new key person?").format(
                old=before, new=draft.key_worker
            ),
            [
                ("correction", self.tr("Same person: correct the name"), _ACCEPT),
                ("new", self.tr("A new key person: record a hand-over"), _ACCEPT),
                ("cancel", self.tr("Go back"), QMessageBox.ButtonRole.RejectRole),
            ],
            escape="cancel",
            informative=self.tr(
                "A correction keeps the key-person history as it is, with the name put right. "
                "A new key person ends the current allocation today and starts a new one."
            ),
        )

    def _save(self) -> None:
        try:
            draft = self.draft()
            if self._case is None:
                self.saved = self._vault.cases.add(draft)
            else:
                change = self._key_worker_change(draft)
                if change not in ("correction", "new"):
                    return
                self.saved = self._vault.cases.update(
                    self._case.id, draft, correction=change == "correction"
                )
        except (ValidationError, DomainError) as error:
            self.problem.setText(
                error.message if isinstance(error, DomainError) else first_problem(error, {})
            )
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget, vault: OpenVault, case: Case | None) -> Case | None:
        """Show the form; the saved case, or None when cancelled."""
        dialog = cls(vault, case, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.saved
