"""The leak scan's reader for spreadsheets: every text of an xlsx, and its structure.

Turns the bytes of a workbook into `TextUnit`s for the format-independent scan
(`leak_scan`): every cell (shared, inline and formula text), every part of every header and
footer (their codes removed), the sheet names, the document properties, defined names and
every other text node and attribute value of every part, each decompressed and
XML-unescaped. The writer's `Layout` says which cells belong to which entry's which field
and which positions hold the document's own words.

It also refuses what a plain spreadsheet does not need, whatever it says: parts other than
the expected ones (comments, drawings, custom XML), hidden sheets, rows and columns,
drawings, tables, links and data validation, defined names other than the print titles and
filter range, XML with a DOCTYPE or CDATA, and anything it cannot read (it fails closed).
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from openpyxl.writer.theme import theme_xml

from fftimeline.export.layout import Layout, field_place
from fftimeline.export.leak_scan import TextUnit

ALLOWED_PARTS = frozenset(
    {
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/theme/theme1.xml",
        "xl/sharedStrings.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
    }
)
_THEME = theme_xml.encode("utf-8")

UNREADABLE = "the file (it could not be read back)"
EXTRA_PART = "a part of the file that should not be there"
STRUCTURE = "the workbook's structure"
PROPERTIES = "the file's properties"
SHEET_NAMES = "the sheet names"

_I = re.IGNORECASE | re.DOTALL
_BAD_XML = re.compile(r"<!(?:DOCTYPE|\[CDATA\[)", re.IGNORECASE)
_HIDDEN_SHEET = re.compile(r'\bstate="(hidden|veryHidden)"', _I)
_DEFINED = re.compile(r"<definedName\b([^>]*)>(.*?)</definedName>", _I)
_EMPTY_DEFINED = re.compile(r"<definedName\b[^>]*/>", _I)
_BUILT_IN_NAMES = ('name="_xlnm.print_titles"', 'name="_xlnm._filterdatabase"')
_REFERENCE = re.compile(r"^('[^'<>]*'|[a-z0-9_]+)!(\$?[a-z]*\$?\d*)(:\$?[a-z]*\$?\d*)?$", _I)
_HIDDEN = re.compile(r'\shidden\s*=\s*["\'](?:1|true)')
_NOT_PLAIN = (
    "legacyDrawing",
    "drawing",
    "tablePart",
    "hyperlink",
    "dataValidation",
    "oleObject",
    "control",
    "picture",
)
"""Sheet elements a plain spreadsheet does not need: drawings, tables, links, objects."""
_SHEET = re.compile(r'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"', _I)
_RELATION = re.compile(r"<Relationship\b([^>]*)/?>", _I)
_CELL = re.compile(
    r'<c r="([A-Z]+\d+)"(?: s="\d+")? t="(?:inlineStr"><is><t(?: xml:space="preserve")?>|n"><v>)'
    r"([^<]*)</(?:t></is>|v>)</c>"
    r"|<c\b([^>]*?)(?:/>|>(.*?)</c>)",
    re.DOTALL,
)
"""A cell: either a plain inline string or number as our writers write it (reference and
text), or any other cell (attributes and body)."""
_TYPE = re.compile(r'\bt="(\w+)"')
_VALUE = re.compile(r"<v\b[^>]*>([^<]*)</v>", _I)
_FORMULA = re.compile(r"<f\b[^>]*>([^<]*)</f>", _I)
_SHARED = re.compile(r"<si\b[^>]*>(.*?)</si>", _I)
_T = re.compile(r"<t\b[^>]*>([^<]*)</t>", _I)
_HEADER_FOOTER = re.compile(r"<((?:odd|even|first)(?:Header|Footer))>(.*?)</\1>", _I)
_HF_SECTION = re.compile(r"&([LCR])")
_HF_CODE = re.compile(r'&(?:"[^"]*"|\d+|K[0-9a-f]{6}|.)', _I)
_TEXT_NODE = re.compile(r">([^<]+)<")
_ATTRIBUTE = re.compile(r'="([^"]*)"')
_PROPERTY = re.compile(r"<(?:\w+:)?(\w+)\b[^>]*>([^<]+)</", _I)
_SECTIONS = {"L": "left", "C": "center", "R": "right"}


@dataclass
class XlsxText:
    """What the scan reads from a workbook: its text units and structural problems."""

    units: list[TextUnit] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_xlsx(data: bytes, layout: Layout) -> XlsxText:
    """Every text of the workbook ``data`` as units, and every structural problem."""
    out = XlsxText()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = {i.filename: z.read(i) for i in z.infolist()}
            if len(parts) != len(z.infolist()):
                out.problems.append(EXTRA_PART)
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError):
        out.problems.append(UNREADABLE)
        return out
    _Reader(parts, layout, out).read()
    return out


class _Reader:
    def __init__(self, parts: dict[str, bytes], layout: Layout, out: XlsxText) -> None:
        self.parts = parts
        self.layout = layout
        self.out = out
        self.shared: list[str] = []

    def read(self) -> None:
        texts = {name: raw.decode("utf-8", "replace") for name, raw in self.parts.items()}
        for name, xml in texts.items():
            if name not in ALLOWED_PARTS:
                self.out.problems.append(EXTRA_PART)
            elif "<!" in xml and _BAD_XML.search(xml):
                self.out.problems.append(STRUCTURE)
        self.shared = [
            _unescape("".join(_T.findall(s)))
            for s in _SHARED.findall(texts.get("xl/sharedStrings.xml", ""))
        ]
        sheets = _sheet_parts(texts)
        for name, xml in texts.items():
            if name in sheets:
                self._sheet(sheets[name], xml)
            elif name == "xl/workbook.xml":
                self._workbook(xml)
            elif name.startswith("docProps/"):
                self._properties(xml)
            elif name != "xl/sharedStrings.xml" and self.parts[name] != _THEME:
                self._markup(xml, STRUCTURE)

    def _unit(self, text: str, key: str, place: str) -> None:
        entry = self.layout.entries.get(key)
        if entry is not None:
            self.out.units.append(TextUnit(text, field_place(entry[1]), entry[0]))
        else:
            self.out.units.append(TextUnit(text, place, None, self.layout.own.get(key)))

    def _markup(self, xml: str, place: str) -> None:
        """Every text node and attribute value, each its own unit (never excused)."""
        for value in _TEXT_NODE.findall(xml) + _ATTRIBUTE.findall(xml):
            if value.strip():
                self.out.units.append(TextUnit(_unescape(value), place))

    def _workbook(self, xml: str) -> None:
        if _HIDDEN_SHEET.search(xml):
            self.out.problems.append(STRUCTURE)
        for attributes, body in _DEFINED.findall(xml):
            built_in = any(b in attributes.lower() for b in _BUILT_IN_NAMES)
            if not built_in or not _REFERENCE.match(_unescape(body).strip()):
                self.out.problems.append(STRUCTURE)
        if _EMPTY_DEFINED.search(xml):
            self.out.problems.append(STRUCTURE)
        for n, (name, _) in enumerate(_SHEET.findall(xml), start=1):
            self._unit(_unescape(name), f"sheet {n}", SHEET_NAMES)
        self._markup(_SHEET.sub("", xml), STRUCTURE)

    def _properties(self, xml: str) -> None:
        for tag, value in _PROPERTY.findall(xml):
            self._unit(_unescape(value), f"properties:{tag}", PROPERTIES)
        self._markup(_TEXT_NODE.sub("><", xml), PROPERTIES)

    def _sheet(self, sheet: str, xml: str) -> None:
        place = f"the {sheet.lower()} sheet"
        if _hides_something(xml):
            self.out.problems.append(place)
        self._cells(sheet, xml, place)
        for kind, body in _HEADER_FOOTER.findall(xml):
            for section, text in _sections(_unescape(body)):
                key = f"{sheet}!{kind}.{section}"
                expected = self.layout.own.get(key)
                own = _HF_CODE.sub(" ", expected) if expected is not None else None
                where = f"the header or footer of the {sheet.lower()} sheet"
                self.out.units.append(TextUnit(_HF_CODE.sub(" ", text), where, None, own))
        self._markup(_outside_cells(xml), place)

    def _cells(self, sheet: str, xml: str, place: str) -> None:
        """Every cell as a unit: the shapes openpyxl writes quickly, any other one fully."""
        entries, own, units = self.layout.entries, self.layout.own, self.out.units
        for ref, plain, attributes, body in _CELL.findall(xml):
            if ref:
                text = _unescape(plain)
            elif body:
                ref, text = _ref(attributes), self._cell_text(attributes, body)
            else:
                continue
            key = f"{sheet}!{ref}"
            entry = entries.get(key)
            if entry is not None:
                units.append(TextUnit(text, field_place(entry[1]), entry[0]))
            else:
                units.append(TextUnit(text, place, None, own.get(key)))

    def _cell_text(self, attributes: str, body: str) -> str:
        """A cell's text: rich-text runs joined as one, a formula's text after it."""
        kind = _TYPE.search(attributes)
        formula = [_unescape(f) for f in _FORMULA.findall(body)]
        if kind and kind.group(1) == "inlineStr":
            return "\n".join([_unescape("".join(_T.findall(body))), *formula])
        value = _unescape("".join(_VALUE.findall(body)))
        if kind and kind.group(1) == "s":
            index = value.strip()
            ok = index.isdigit() and int(index) < len(self.shared)
            value = self.shared[int(index)] if ok else value
        return "\n".join([value, *formula])


def _hides_something(xml: str) -> bool:
    """Hidden rows or columns, or an element a plain sheet does not need."""
    if "hidden" in xml and _HIDDEN.search(xml):
        return True
    return any(name in xml and re.search(rf"<(?:\w+:)?{name}[\s>/]", xml) for name in _NOT_PLAIN)


def _outside_cells(xml: str) -> str:
    """The sheet's markup without its cells and its headers and footers (read on their own)."""
    for tag in ("sheetData", "headerFooter"):
        start, end = xml.find(f"<{tag}"), xml.find(f"</{tag}>")
        if start != -1 and end != -1:
            xml = xml[:start] + xml[end + len(tag) + 3 :]
    return xml


def _ref(attributes: str) -> str:
    """The cell reference in a cell's attributes ('D2'), '' when it has none."""
    start = attributes.find(' r="')
    if start == -1:
        return ""
    start += 4
    return attributes[start : attributes.find('"', start)]


def _sections(body: str) -> Iterator[tuple[str, str]]:
    """(left/center/right, text) of one header or footer; text before a code is centred."""
    pieces = _HF_SECTION.split(body)
    yield "center", pieces[0]
    for code, text in zip(pieces[1::2], pieces[2::2], strict=True):
        yield _SECTIONS[code.upper()], text


def _sheet_parts(texts: dict[str, str]) -> dict[str, str]:
    """Worksheet part → sheet name, read from the workbook and its relationships."""
    targets: dict[str, str] = {}
    for attributes in _RELATION.findall(texts.get("xl/_rels/workbook.xml.rels", "")):
        rid = re.search(r'\bId="([^"]*)"', attributes)
        target = re.search(r'\bTarget="([^"]*)"', attributes)
        if rid and target:
            path = target.group(1).lstrip("/")
            targets[rid.group(1)] = path if path.startswith("xl/") else f"xl/{path}"
    sheets = {}
    for name, rid in _SHEET.findall(texts.get("xl/workbook.xml", "")):
        if rid in targets:
            sheets[targets[rid]] = _unescape(name)
    return {part: name for part, name in sheets.items() if part.startswith("xl/worksheets/")}


def _unescape(text: str) -> str:
    return html.unescape(text) if "&" in text else text
