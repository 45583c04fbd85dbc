"""A date field that takes what people type and shows how it understood it (UI layer).

"around March 2025" or "12/3/25" is read by `domain.date_parsing` on every keystroke; the
label beside the field says "understood as: …" or, in plain words, what it could not read.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from fftimeline.domain.date_parsing import describe, parse_day, parse_event_date
from fftimeline.domain.dates import Certainty, EventDate, day_words
from fftimeline.domain.errors import DomainError


class DateEdit(QWidget):
    """Free-text date entry with a live 'understood as' read-back.

    Signals:
        changed: emitted after every edit, once the text has been read again.
    """

    changed = Signal()

    def __init__(
        self,
        accessible_name: str,
        *,
        exact_only: bool = False,
        ahead: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._exact_only = exact_only or ahead
        self._ahead = ahead
        """A day still to come is fine (a due date); an event must have happened."""
        self._day: dt.date | None = None
        self._value: EventDate | None = None
        self._problem = ""
        self.line = QLineEdit(self)
        self.line.setAccessibleName(accessible_name)
        self.line.setPlaceholderText(
            self.tr("e.g. 12/3/25")
            if self._exact_only
            else self.tr("e.g. 12/3/25, March 2025, around 2024")
        )
        self.readback = QLabel(self)
        self.readback.setAccessibleName(self.tr("How the date was understood"))
        self.readback.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.readback, 1)
        self.setFocusProxy(self.line)
        self.line.textChanged.connect(self._reread)

    def text(self) -> str:
        """What the user typed."""
        return self.line.text()

    def setText(self, text: str) -> None:  # noqa: N802 - mirrors QLineEdit
        """Replace the typed text (and read it again)."""
        self.line.setText(text)
        self._reread()

    def event_date(self) -> EventDate | None:
        """The date as understood, or None when empty or unreadable."""
        return self._value

    def day(self) -> dt.date | None:
        """The exact day typed (for fields that need a single day)."""
        if self._ahead:
            return self._day
        return self._value.start if self._value is not None else None

    def problem(self) -> str:
        """Plain words for what is wrong with the text ('' when fine or empty)."""
        return self._problem

    def _reread(self) -> None:
        text = self.line.text()
        self._value, self._day, self._problem = None, None, ""
        if self._ahead:
            self._reread_day(text)
            return
        if text.strip():
            try:
                value = parse_event_date(text)
            except DomainError as exc:
                self._problem = self.tr(exc.message)
            else:
                if self._exact_only and (value.certainty is not Certainty.EXACT or value.time):
                    self._problem = self.tr("Give one day here, for example 12/3/25.")
                else:
                    self._value = value
        self.readback.setText(self.tr(describe(self._value)) if self._value else "")
        self.changed.emit()

    def _reread_day(self, text: str) -> None:
        """A due date: one day, which may be still to come."""
        if text.strip():
            try:
                self._day = parse_day(text, ahead=True)
            except DomainError as exc:
                self._problem = self.tr(exc.message)
        words = day_words(self._day) if self._day is not None else ""
        self.readback.setText(self.tr("understood as: {day}").format(day=words) if words else "")
        self.changed.emit()
