"""Small pieces shared by the case, register and task dialogs (ui layer).

A broken rule is worded for people: the domain's own rule messages are already plain;
pydantic's built-in ones ("String should have at least 1 character") are replaced by
"Fill in <field>." so a key worker never sees a validator's jargon.
"""

from __future__ import annotations

import datetime as dt

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit, QLabel

from fftimeline.ui.errors import validation_messages

NO_DATE = QDate(1900, 1, 1)
"""The value an optional date box holds when no date is chosen."""
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


def optional_date_edit(name: str, empty_text: str) -> QDateEdit:
    """A date box that reads `empty_text` ("Not known", "Any") until a date is chosen."""
    edit = QDateEdit()
    edit.setAccessibleName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(empty_text)
    edit.setDate(NO_DATE)
    return edit


def chosen_date(edit: QDateEdit) -> dt.date | None:
    """The date chosen in an optional date box, or None."""
    day = edit.date()
    return None if day == NO_DATE else dt.date(day.year(), day.month(), day.day())


def show_date(edit: QDateEdit, day: dt.date | None) -> None:
    """Put a date (or "not known") into an optional date box."""
    edit.setDate(NO_DATE if day is None else QDate(day.year, day.month, day.day))


def problem_label() -> QLabel:
    """The label under a form that says, in plain words, what to fix."""
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName(_tr("What to fix"))
    return label
