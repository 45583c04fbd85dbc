"""What the underliner needs from a text field, for multi-line and one-line fields (ui layer).

A `QPlainTextEdit` is underlined with a `QSyntaxHighlighter`; a `QLineEdit` has no
document, so its underlines are set as input-method text formats, which change how the
text is drawn and nothing else (not the text, the undo history or "modified").

Positions here are Python string positions, as the checker reports them. Qt counts
UTF-16 units, which differ after characters such as emoji, so every position crossing to
Qt is converted.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Signal
from PySide6.QtGui import (
    QInputMethodEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from typing_extensions import override

Span = tuple[int, int, QTextCharFormat]
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def to_qt(text: str, index: int) -> int:
    """A Python position in ``text`` as a Qt (UTF-16) position."""
    if not _ASTRAL.search(text, 0, index):
        return index
    return index + len(_ASTRAL.findall(text, 0, index))


def to_python(text: str, position: int) -> int:
    """A Qt (UTF-16) position in ``text`` as a Python position."""
    if not _ASTRAL.search(text):
        return min(position, len(text))
    units = 0
    for index, char in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def qt_spans(text: str, spans: list[Span]) -> list[Span]:
    """Spans in Python positions as Qt positions (one quick look when there is no emoji)."""
    if not _ASTRAL.search(text):
        return spans
    return [(to_qt(text, s), to_qt(text, e), f) for s, e, f in spans]


def common_edit(old: str, new: str) -> tuple[int, int, int]:
    """(position, removed, added) of the one edit that turns ``old`` into ``new``."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return start, len(old) - start - end, len(new) - start - end


class Surface(QObject):
    """A text field the underliner works on.

    Signals:
        edited: the text changed: (position, characters removed, characters added), in
            Python positions; position -1 means "forget every underline".
    """

    edited = Signal(int, int, int)

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget

    def text(self) -> str:
        """The text now."""
        raise NotImplementedError

    def target(self) -> QWidget:
        """The widget that receives the mouse (for hover, click and the context menu)."""
        return self.widget

    def hit(self, point: QPoint) -> int:
        """The Python position under ``point`` (in `target` coordinates)."""
        raise NotImplementedError

    def caret(self) -> int:
        """Where the text cursor is, as a Python position."""
        raise NotImplementedError

    def replace(self, start: int, end: int, text: str) -> None:
        """Put ``text`` in place of ``start``..``end``, as one step that can be undone.

        Its first [placeholder] is then selected, so the key worker types the fact over it.
        """
        raise NotImplementedError

    def paint(self, spans: list[Span]) -> None:
        """Underline these spans (Python positions), and only these."""
        raise NotImplementedError

    def follow(self, spans: list[Span]) -> None:
        """The underlines moved with an edit: redraw as little as the field needs."""
        self.paint(spans)


def _placeholder(text: str) -> tuple[int, int] | None:
    found = re.search(r"\[[^\]]+\]", text)
    return found.span() if found else None


class _Highlighter(QSyntaxHighlighter):
    """Draws the underlines of a document from spans in Qt positions."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.spans: list[Span] = []

    @override
    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        start, end = block.position(), block.position() + block.length() - 1
        for s, e, fmt in self.spans:
            if s < end and e > start:
                self.setFormat(max(s, start) - start, min(e, end) - max(s, start), fmt)


class PlainSurface(Surface):
    """A multi-line field (`QPlainTextEdit`)."""

    def __init__(self, widget: QPlainTextEdit) -> None:
        super().__init__(widget)
        self.box = widget
        self._text = widget.toPlainText()
        # Connected before the highlighter: spans move before Qt redraws the edited block.
        widget.document().contentsChange.connect(self._changed)
        self.highlighter = _Highlighter(widget.document())

    @override
    def text(self) -> str:
        return self.box.toPlainText()

    @override
    def target(self) -> QWidget:
        return self.box.viewport()

    @override
    def hit(self, point: QPoint) -> int:
        return to_python(self._text, self.box.cursorForPosition(point).position())

    @override
    def caret(self) -> int:
        return to_python(self._text, self.box.textCursor().position())

    def _changed(self, position: int, removed: int, added: int) -> None:
        text = self.box.toPlainText()
        if text == self._text:  # only formats changed (the highlighter at work)
            return
        astral = _ASTRAL.search(text) or _ASTRAL.search(self._text)
        self._text = text
        self.edited.emit(-1 if astral else position, removed, added)

    @override
    def replace(self, start: int, end: int, text: str) -> None:
        cursor = QTextCursor(self.box.document())
        cursor.setPosition(to_qt(self._text, start))
        cursor.setPosition(to_qt(self._text, end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)
        inside = _placeholder(text)
        if inside is not None:
            first = to_qt(self.box.toPlainText(), start + inside[0])
            cursor.setPosition(first)
            cursor.setPosition(first + inside[1] - inside[0], QTextCursor.MoveMode.KeepAnchor)
        self.box.setTextCursor(cursor)

    @override
    def paint(self, spans: list[Span]) -> None:
        self.follow(spans)
        self.highlighter.rehighlight()

    @override
    def follow(self, spans: list[Span]) -> None:
        # Only the edited block needs drawing again, and Qt redraws it right after this (the
        # highlighter's slot runs after ours); other blocks keep their formats, which are
        # relative to their own start, so typing stays as fast as in a plain box.
        self.highlighter.spans = qt_spans(self._text, spans)


class LineSurface(Surface):
    """A one-line field (`QLineEdit`)."""

    def __init__(self, widget: QLineEdit) -> None:
        super().__init__(widget)
        self.line = widget
        self._text = widget.text()
        widget.textChanged.connect(self._changed)

    @override
    def text(self) -> str:
        return self.line.text()

    @override
    def hit(self, point: QPoint) -> int:
        return to_python(self._text, self.line.cursorPositionAt(point))

    @override
    def caret(self) -> int:
        return to_python(self._text, self.line.cursorPosition())

    def _changed(self, text: str) -> None:
        old, self._text = self._text, text
        if _ASTRAL.search(text) or _ASTRAL.search(old):
            self.edited.emit(-1, 0, 0)
        else:
            self.edited.emit(*common_edit(old, text))

    @override
    def replace(self, start: int, end: int, text: str) -> None:
        line, before = self.line, self._text
        line.setSelection(to_qt(before, start), to_qt(before, end) - to_qt(before, start))
        line.insert(text)
        inside = _placeholder(text)
        if inside is not None:
            first = to_qt(self._text, start + inside[0])
            line.setSelection(first, to_qt(self._text, start + inside[1]) - first)

    @override
    def paint(self, spans: list[Span]) -> None:
        caret = self.line.cursorPosition()
        kind = QInputMethodEvent.AttributeType.TextFormat
        attributes = [
            QInputMethodEvent.Attribute(kind, s - caret, e - s, fmt)
            for s, e, fmt in qt_spans(self._text, spans)
        ]
        QCoreApplication.sendEvent(self.line, QInputMethodEvent("", attributes))


def surface_for(widget: QWidget) -> Surface:
    """The surface for a text field.

    Raises:
        TypeError: the widget is not a text field the wording check can underline.
    """
    if isinstance(widget, QPlainTextEdit):
        return PlainSurface(widget)
    if isinstance(widget, QLineEdit):
        return LineSurface(widget)
    raise TypeError(type(widget).__name__)
