"""Small pieces shared by the case, register and task dialogs (ui layer).

Optional date boxes are typed into like any text field and read by
`domain.date_parsing`; form dialogs ask before Esc or Cancel throws typing away.

A broken rule is worded for people: the domain's own rule messages are already plain;
pydantic's built-in ones ("String should have at least 1 character") are replaced by
"Fill in <field>." so a key worker never sees a validator's jargon.
"""

from __future__ import annotations

import calendar
import datetime as dt

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)
from typing_extensions import override

from fftimeline.domain import dates
from fftimeline.domain.date_parsing import parse_day
from fftimeline.domain.errors import DomainError
from fftimeline.ui.errors import validation_messages
from fftimeline.ui.widgets.form_drafts import DraftKeepingDialog

NO_DATE = QDate(1900, 1, 1)
"""What `OptionalDateEdit.date()` gives when no date is chosen (as the old QDateEdit did)."""
_CTX = "Forms"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def first_problem(error: ValidationError, labels: dict[str, str]) -> str:
    """The first broken rule in plain words, naming the field by its label."""
    for loc, code, message in validation_messages(error):
        label = labels.get(str(loc[0]), "") if loc else ""
        if code in ("string_too_short", "missing"):
            return _tr("Fill in “{field}”.").format(field=label) if label else message
        if code == "string_too_long":
            return _tr("“{field}” is too long. Shorten it.").format(field=label or _tr("A field"))
        return message
    return _tr("Something is not right. Check the fields.")


class OptionalDateEdit(QWidget):
    """A date box people can type into ("12/3/25", "3 May", "today"); empty means no date.

    The label under the box says how the text was understood, what it could not read, or
    what an empty box means ("Any", "Not known"). Tab moves on like any text field; the
    arrow beside it opens a calendar at the chosen day, or at today.

    It keeps the parts of `QDateEdit` its callers use: `dateChanged`, `date()` and
    `setDate()` (`NO_DATE` for no date).

    Signals:
        dateChanged: the understood date changed (`NO_DATE` when there is none now).
        edited: the text changed (so a form can say when it became unreadable).
    """

    dateChanged = Signal(QDate)  # noqa: N815 - mirrors QDateEdit
    edited = Signal()
    """Emitted on every change of the text, readable or not (forms re-check on it)."""

    def __init__(
        self, name: str, empty_text: str, *, ahead: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._empty_text, self._ahead = empty_text, ahead
        self._day: dt.date | None = None
        self._problem = self._short_problem = ""
        self.line = QLineEdit(self)
        self.line.setAccessibleName(name)
        self.line.setPlaceholderText(self.tr("e.g. 12/3/25"))
        self.line.setToolTip(
            self.tr("Type a date, for example 12/3/25 or 3 May 2025. Empty: {empty}.").format(
                empty=empty_text
            )
        )
        self._name = name
        self.calendar: QCalendarWidget | None = None  # only while the calendar is open
        self.calendar_menu: QMenu | None = None
        self.calendar_button = QToolButton(self)
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field
        pick = self.tr("Pick {name} from a calendar").format(name=name)
        self.calendar_button.setAccessibleName(pick)
        self.calendar_button.setToolTip(pick)
        self.calendar_button.clicked.connect(self.open_calendar)
        self.readback = QLabel(self)
        self.readback.setAccessibleName(self.tr("How the date was understood"))
        self.readback.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.calendar_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addLayout(row)
        box.addWidget(self.readback)
        self.setFocusProxy(self.line)
        self.line.textChanged.connect(self._reread)
        self._reread()

    def text(self) -> str:
        """What is typed in the box."""
        return self.line.text()

    def day(self) -> dt.date | None:
        """The day understood, or None when the box is empty or unreadable."""
        return self._day

    def problem(self) -> str:
        """Plain words for what could not be read ('' when fine or empty)."""
        return self._problem

    def date(self) -> QDate:
        """The day as a `QDate` (`NO_DATE` when there is none), as `QDateEdit` gives it."""
        day = self._day
        return NO_DATE if day is None else QDate(day.year, day.month, day.day)

    def setDate(self, date: QDate) -> None:  # noqa: N802 - mirrors QDateEdit
        """Show a day (`NO_DATE` or an invalid date empties the box)."""
        if not date.isValid() or date == NO_DATE:
            self.line.clear()
        else:
            self.line.setText(_wording(dt.date(date.year(), date.month(), date.day())))

    def open_calendar(self) -> None:
        """Show a calendar under the box, at the chosen day or else at today.

        The calendar exists only while it is open, so no stray model of dates stays in
        the window (locking checks that every model in the main window is empty).
        """
        menu = QMenu(self)
        calendar = QCalendarWidget()
        calendar.setGridVisible(True)
        calendar.setAccessibleName(self.tr("Calendar for {name}").format(name=self._name))
        day = self._day or dates.today()
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)
        calendar.clicked.connect(self._picked)
        calendar.activated.connect(self._picked)
        menu.aboutToHide.connect(self._forget_calendar)
        self.calendar, self.calendar_menu = calendar, menu
        menu.popup(self.line.mapToGlobal(self.line.rect().bottomLeft()))
        calendar.setFocus()

    def _picked(self, date: QDate) -> None:
        self.setDate(date)
        if self.calendar_menu is not None:
            self.calendar_menu.close()
        self.line.setFocus()

    def _forget_calendar(self) -> None:
        menu = self.calendar_menu
        self.calendar = self.calendar_menu = None
        if menu is not None:
            menu.deleteLater()

    def _reread(self) -> None:
        before = self._day
        self._day, self._problem, self._short_problem = None, "", ""
        if self.line.text().strip():
            try:
                self._day = parse_day(self.line.text(), ahead=self._ahead)
            except DomainError as error:
                self._problem = self.tr(error.message)
                self._short_problem = {
                    "date_unreadable": self.tr("Can't read this date. Try 12/3/25."),
                    "date_not_a_day": self.tr("Give one day, e.g. 12/3/25."),
                }.get(error.code, self._problem)
        self.readback.setToolTip(self._problem)
        if self._problem:
            self.readback.setText(self._short_problem)
        elif self._day is not None:
            self.readback.setText(self.tr("understood as: {day}").format(day=_long(self._day)))
        else:
            self.readback.setText(self._empty_text)
        if self._day != before:
            self.dateChanged.emit(self.date())
        self.edited.emit()


def _wording(day: dt.date) -> str:
    """'12 Mar 2025': how a chosen day is put back into the box."""
    return f"{day.day} {calendar.month_abbr[day.month]} {day.year}"


def _long(day: dt.date) -> str:
    """'12 March 2025': the read-back under the box."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def optional_date_edit(name: str, empty_text: str, *, ahead: bool = False) -> OptionalDateEdit:
    """A date box that can be typed into; empty means `empty_text` ("Not known", "Any").

    Args:
        name: the accessible name of the box.
        empty_text: what an empty box means.
        ahead: a day typed without a year is the next one to come (due dates).
    """
    return OptionalDateEdit(name, empty_text, ahead=ahead)


def chosen_date(edit: OptionalDateEdit) -> dt.date | None:
    """The date chosen in an optional date box, or None."""
    return edit.day()


def show_date(edit: OptionalDateEdit, day: dt.date | None) -> None:
    """Put a date (or "not known") into an optional date box."""
    edit.setDate(NO_DATE if day is None else QDate(day.year, day.month, day.day))


Button = tuple[str, str, QMessageBox.ButtonRole]
"""One answer of a question: (key returned, label shown, its role)."""


def ask_choice(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: list[Button],
    *,
    escape: str,
    default: str | None = None,
    informative: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> str:
    """Ask a question with named answers; the key of the one chosen (``escape`` for Esc)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    made = {key: box.addButton(label, role) for key, label, role in buttons}
    box.setDefaultButton(made[default or escape])
    box.setEscapeButton(made[escape])
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return next((key for key, button in made.items() if button is clicked), escape)


def ask_discard_changes(parent: QWidget | None) -> bool:
    """Ask "Discard your changes?"; True to discard. Esc (and Enter) mean carry on editing."""
    answer = ask_choice(
        parent,
        _tr("Unsaved changes"),
        _tr("Discard your changes?"),
        [
            ("discard", _tr("Discard"), QMessageBox.ButtonRole.DestructiveRole),
            ("carry-on", _tr("Carry on editing"), QMessageBox.ButtonRole.RejectRole),
        ],
        escape="carry-on",
    )
    return answer == "discard"


class GuardedDialog(DraftKeepingDialog):
    """A form dialog whose Esc, Cancel, close button and a lock never throw typing away.

    Subclasses return what the form holds from `snapshot`, call `mark_unchanged` once it
    is filled (and after saving an item), and connect their Cancel button to `cancel`. When
    the form has changed, `ask_discard_changes` is asked first. `reject()` itself still
    closes at once, so locking the app never stops on a question.

    Its base, `form_drafts.DraftKeepingDialog`, keeps the typing across a lock: a subclass
    that sets ``draft_kind``, calls ``keep_typing_in`` and implements ``from_draft`` has it
    saved as an encrypted draft in the vault and offered back after unlock.
    """

    _unchanged: object = None

    def snapshot(self) -> object:
        """Everything typed or chosen in the form, comparable (subclasses override)."""
        return None

    def mark_unchanged(self) -> None:
        """Take the form as it is now as the state that needs no question to leave."""
        self._unchanged = self.snapshot()

    @override
    def has_changes(self) -> bool:
        """Whether the form differs from how it was when last marked unchanged."""
        return self.snapshot() != self._unchanged

    def cancel(self) -> None:
        """Esc / Cancel / close: close, asking first if there are changes."""
        if not self.has_changes() or ask_discard_changes(self):
            self.reject()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            event.accept()
            self.cancel()
            return
        super().keyPressEvent(event)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible() and self.has_changes() and not ask_discard_changes(self):
            event.ignore()
            return
        super().closeEvent(event)


def line_edit(name: str, hint: str = "", *, secret: bool = False) -> QLineEdit:
    """A one-line text box with its accessible name, a hint, and dots for a secret."""
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(hint)
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def problem_label() -> QLabel:
    """The label under a form that says, in plain words, what to fix."""
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName(_tr("What to fix"))
    return label


def typed_reason(dialog: QDialog, box: QPlainTextEdit) -> str | None:
    """Show a reason dialog; what was typed in ``box`` once accepted, or None if cancelled."""
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return box.toPlainText().strip()
        return None
    finally:
        dialog.deleteLater()
