"""How a finding looks: its underline, and the card that shows why and what instead (ui).

The underline's style carries the strength as well as its colour (wavy for strongly
advised against, dashed for advised against, dotted for the rest), and the card always
says it in words, so meaning is never carried by colour alone.

The card appears when the mouse rests on underlined words or they are clicked. It never
takes the keyboard from the field being typed in; clicking one of its alternatives puts it
in place of exactly the underlined words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QCursor, QFontMetrics, QKeyEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from fftimeline.domain.wording_check import MARK_LABELS, MarkKind
from fftimeline.language import SEVERITY_LABELS, Severity, WordingFinding

_CTX = "WordingCard"
_COLOURS = {
    Severity.HIGH: "#c0392b",
    Severity.MEDIUM: "#c25e00",
    Severity.LOW: "#2e6fba",
    Severity.NOTE: "#7f8c8d",
}
_STYLES = {
    Severity.HIGH: QTextCharFormat.UnderlineStyle.WaveUnderline,
    Severity.MEDIUM: QTextCharFormat.UnderlineStyle.DashUnderline,
    Severity.LOW: QTextCharFormat.UnderlineStyle.DotLine,
    Severity.NOTE: QTextCharFormat.UnderlineStyle.DotLine,
}
_CARD_WIDTH = 480


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def underline_format(finding: WordingFinding) -> QTextCharFormat:
    """The underline for a finding: style and colour by strength; marked ones grey dotted."""
    severity = Severity.NOTE if finding.mark is not None else finding.severity
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(_STYLES[severity])
    fmt.setUnderlineColor(QColor(_COLOURS[severity]))
    return fmt


def strength_words(finding: WordingFinding) -> str:
    """The finding's strength in words ('Strongly advised against', 'Marked: Their own words')."""
    if finding.mark is not None:
        return _tr("Marked: {kind}").format(kind=_tr(MARK_LABELS[finding.mark.kind]))
    return _tr(SEVERITY_LABELS[finding.severity])


def button_metrics(widget: QWidget) -> QFontMetrics:
    """The metrics of the font the card's buttons are drawn in."""
    return QFontMetrics(widget.font())


def _wrapped(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` broken into lines no wider than ``width`` (a button does not wrap by itself)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and metrics.horizontalAdvance(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return "\n".join([*lines, line])


class FindingCard(QFrame):
    """The card for one finding: strength, why, alternatives to click, and marks.

    Signals:
        alternative_chosen: an alternative was clicked; carries its text.
        mark_requested: "Their own words…" or "Accurate here…" was clicked.
        unmark_requested: "Remove the mark" was clicked.
    """

    alternative_chosen = Signal(str)
    mark_requested = Signal(MarkKind)
    unmark_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_tr("Wording finding"))
        self.setFixedWidth(_CARD_WIDTH)
        self.finding: WordingFinding | None = None
        self.owner: QObject | None = None
        """The underliner that showed the card (it acts on the card's buttons)."""
        self.area: QWidget | None = None
        self._shown_at = QPoint()
        self._watch = QTimer(self)
        self._watch.setInterval(300)
        self._watch.timeout.connect(self._hide_when_mouse_leaves)
        self.heading = self._label()
        self.why = self._label()
        self.note = self._label()
        self.instead = self._label()
        self.instead.setText(_tr("Click to use instead:"))
        self.buttons: list[QPushButton] = []
        self._choices = QVBoxLayout()
        self._choices.setSpacing(2)
        self.own_words = self._action(_tr("Their own words…"), MarkKind.OWN_WORDS)
        self.accurate = self._action(_tr("Accurate here…"), MarkKind.ACCURATE)
        self.unmark = QPushButton(_tr("Remove the mark"))
        self.unmark.clicked.connect(self.unmark_requested)
        marks = QHBoxLayout()
        for button in (self.own_words, self.accurate, self.unmark):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            marks.addWidget(button)
        marks.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.why, self.note, self.instead):
            layout.addWidget(widget)
        layout.addLayout(self._choices)
        layout.addLayout(marks)

    def _label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _action(self, text: str, kind: MarkKind) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda: self.mark_requested.emit(kind))
        return button

    def show_finding(self, finding: WordingFinding, at: QPoint, area: QWidget) -> None:
        """Fill the card for ``finding`` and show it with its top-left corner at ``at``.

        It stays while the mouse is over ``area`` (the field) or the card, and goes once
        the mouse has moved away from both, or on Esc.
        """
        self.finding, self.area = finding, area
        self._shown_at = QCursor.pos()
        self._watch.start()
        self.heading.setText(f"{strength_words(finding)} · {finding.title}")
        self.why.setText(_tr("Why: {reason}").format(reason=finding.reason))
        mark = finding.mark
        note = _tr("Reason given: {reason}").format(reason=mark.reason) if mark else finding.note
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self._fill_choices(finding.alternatives)
        self.own_words.setVisible(mark is None)
        self.accurate.setVisible(mark is None)
        self.unmark.setVisible(mark is not None)
        layout = self.layout()
        height = layout.totalHeightForWidth(_CARD_WIDTH) if layout else self.sizeHint().height()
        self.resize(_CARD_WIDTH, height)
        self.move(self._inside(at, area))
        self.show()
        self.raise_()

    def _inside(self, at: QPoint, area: QWidget) -> QPoint:
        """``at``, moved left or up where the card would run off the window or the screen."""
        bounds = area.window().frameGeometry()
        screen = area.screen()
        if screen is not None:
            bounds = bounds.intersected(screen.availableGeometry()) or bounds
        x = max(min(at.x(), bounds.right() - self.width()), bounds.left())
        y = at.y() if at.y() + self.height() <= bounds.bottom() else at.y() - self.height() - 24
        return QPoint(x, max(y, bounds.top()))

    def _fill_choices(self, alternatives: tuple[str, ...]) -> None:
        for button in self.buttons:
            self._choices.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        room = _CARD_WIDTH - 40
        for text in alternatives:
            button = QPushButton(_wrapped(text, button_metrics(self), room))
            button.setAccessibleName(text)
            button.setFlat(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet("text-align: left; padding: 2px 4px;")
            button.setToolTip(_tr("Put this in place of the underlined words"))
            button.clicked.connect(lambda _checked=False, t=text: self.alternative_chosen.emit(t))
            self._choices.addWidget(button)
            self.buttons.append(button)
        self.instead.setVisible(bool(alternatives))

    def _hide_when_mouse_leaves(self) -> None:
        at = QCursor.pos()
        if not self.isVisible():
            self._watch.stop()
            return
        if at == self._shown_at or self.frameGeometry().contains(at):
            return
        area = self.area
        if area is None or not area.rect().contains(area.mapFromGlobal(at)):
            self.hide()
            self._watch.stop()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the card."""
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)
