"""Marks the words being searched for inside table cells, in bold and underlined (ui layer).

Only cells that contain a searched word are drawn as rich text; every other cell is drawn
by the platform style as usual, so scrolling stays fast. A marked cell too long for its
width ends in "…" like every other cell, never mid-word without a sign.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem
from typing_extensions import override

_Index = QModelIndex | QPersistentModelIndex
_WORD = re.compile(r"\w+", re.UNICODE)
ELLIPSIS = "…"


def search_terms(query: str) -> list[str]:
    """The words of a search query, longest first so longer matches win."""
    terms = {w.casefold() for w in _WORD.findall(query)}
    return sorted(terms, key=len, reverse=True)


def marked_html(text: str, pattern: re.Pattern[str]) -> str:
    """The text as HTML with every match in bold and underlined."""
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(html.escape(text[pos : m.start()]))
        out.append(f"<b><u>{html.escape(m.group(0))}</u></b>")
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def marked_document(text: str, pattern: re.Pattern[str], font: QFont, width: int) -> QTextDocument:
    """One line of marked text that fits ``width``: cut at the end with "…" when too long."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(1)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    doc.setDefaultTextOption(option)
    line = " ".join(text.split())

    def fits(shown: str) -> bool:
        doc.setHtml(marked_html(shown, pattern))
        return doc.idealWidth() <= width

    if fits(line):
        return doc
    low, high = 0, len(line)  # the longest start that fits with "…" after it
    while low < high:
        middle = (low + high + 1) // 2
        if fits(line[:middle].rstrip() + ELLIPSIS):
            low = middle
        else:
            high = middle - 1
    doc.setHtml(marked_html(line[:low].rstrip() + ELLIPSIS, pattern))
    return doc


class HighlightDelegate(QStyledItemDelegate):
    """Draws matches of the current search in bold and underlined."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pattern: re.Pattern[str] | None = None

    def set_query(self, query: str) -> None:
        """Mark the words of this query ('' marks nothing)."""
        terms = search_terms(query)
        self._pattern = (
            re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE) if terms else None
        )

    @property
    def active(self) -> bool:
        """Whether any words are being marked."""
        return self._pattern is not None

    def matches(self, text: str) -> bool:
        """Whether a cell's text contains a searched word."""
        return self._pattern is not None and self._pattern.search(text) is not None

    @override
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        text = index.data()
        if self._pattern is None or not isinstance(text, str) or not self.matches(text):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        doc = marked_document(text, self._pattern, opt.font, rect.width())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        rect.setTop(rect.top() + max(0, (rect.height() - int(doc.size().height())) // 2))
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()
