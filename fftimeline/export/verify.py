"""The fail-closed leak scanner for spreadsheets (export layer).

Redaction happens in the data layer; this module proves it worked on the actual bytes before
anything is written. It opens every part of the xlsx zip, decompresses and XML-unescapes it,
and looks for every needle (each value the audience must not see) as a whole word, ignoring
case. It also refuses parts a plain spreadsheet does not need, hidden sheets, rows and
columns, comments and drawings, and defined names other than the print titles and filter
range. Headers and footers are allowed (they carry the marking and page numbers) but are
scanned like everything else. Finally it checks the file name.

Anything it cannot read counts as a hit: the scanner fails closed.
"""

from __future__ import annotations

import html
import io
import itertools
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from openpyxl.writer.theme import theme_xml

from fftimeline.domain.text import fold

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
_HIDDEN_SHEET = re.compile(r'state="(hidden|veryhidden)"')
_DEFINED = re.compile(r"<definedname\b([^>]*)>(.*?)</definedname>", re.DOTALL)
_BUILT_IN_NAMES = ('name="_xlnm.print_titles"', 'name="_xlnm._filterdatabase"')
_REFERENCE = re.compile(r"^('[^'<>]*'|[a-z0-9_]+)!(\$?[a-z]*\$?\d*)(:\$?[a-z]*\$?\d*)?$")
_HIDDEN_IN_SHEET = re.compile(
    r'\bhidden="(1|true)"|<(legacydrawing|drawing|tablepart|hyperlink|datavalidation|oleobject)[\s>/]'
)
_WORD = re.compile(r"\w")
_TOKEN = re.compile(r"\w+")
_HEADER_FOOTER = re.compile(r"<((?:odd|even|first)(?:header|footer))>(.*?)</\1>", re.DOTALL)
_TEXT_NODE = re.compile(r">([^<]+)<")
_NAME_ATTR = re.compile(r'\bname="([^"]*)"')
MIN_MARKUP_NEEDLE = 3
"""Needles shorter than this are searched in text, not markup (see `_short_needles`)."""
_HF_CODE = re.compile(r'&(?:"[^"]*"|\d+|k[0-9a-f]{6}|.)', re.DOTALL)


@dataclass(frozen=True)
class Hit:
    """One reason the file must not be written.

    Attributes:
        where: the zip part, ``"file name"`` or ``"file"``; safe to show the user.
        what: what was found; for a needle this is the needle itself, so never show it.
        needle: whether ``what`` is a protected value rather than a structural problem.
    """

    where: str
    what: str
    needle: bool = False


def scan_xlsx(data: bytes, needles: Iterable[str], file_name: str = "") -> list[Hit]:
    """Every problem found in ``data`` and ``file_name``; an empty list means safe to write."""
    folded = sorted({fold(n) for n in needles if n.strip()}, key=len)
    hits = scan_file_name(file_name, folded)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for name in z.namelist():
                hits += _scan_part(name, z.read(name), folded)
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        hits.append(Hit("file", "the workbook could not be read back"))
    return hits


def scan_file_name(file_name: str, folded: list[str]) -> list[Hit]:
    """Needles in the file name, treating '-', '_' and '.' as spaces."""
    plain = re.sub(r"[-_.]+", " ", fold(file_name))
    return [
        Hit("file name", n, needle=True)
        for n in folded
        if contains_word(plain, re.sub(r"[-_.]+", " ", n))
    ]


def _scan_part(name: str, raw: bytes, folded: list[str]) -> list[Hit]:
    if name not in ALLOWED_PARTS:
        return [Hit(name, "a part a plain spreadsheet does not need")]
    if name == "xl/theme/theme1.xml" and raw == _THEME:
        return []  # the fixed default theme: no case data can be in it
    text = fold(html.unescape(raw.decode("utf-8", "replace")))
    index = _TokenIndex(text)
    short = [n for n in folded if len(n) < MIN_MARKUP_NEEDLE]
    hits = [
        Hit(name, n, needle=True)
        for n in folded[len(short) :]
        if index.may_contain(n) and contains_word(text, n)
    ]
    hits += _short_needles(name, raw, short)
    if name == "xl/workbook.xml":
        hits += _workbook_structure(text)
    if name.startswith("xl/worksheets/"):
        hits += _header_footer_needles(name, text, folded)
        if _HIDDEN_IN_SHEET.search(text):
            hits.append(Hit(name, "hidden rows or columns, comments, drawings or links"))
    return hits


def _short_needles(name: str, raw: bytes, short: list[str]) -> list[Hit]:
    """Needles of one or two characters ('B', 'JJ'), looked for in the part's text only.

    Markup is full of one-letter words (cell types, column letters) that would stop every
    export; what a reader sees is in text nodes (cells, properties, headers) and in names
    (sheet names), so those are searched instead, each as whole words.
    """
    if not short:
        return []
    xml = raw.decode("utf-8", "replace")
    values = _TEXT_NODE.findall(xml) + _NAME_ATTR.findall(xml)
    text = fold(html.unescape("\n".join(values)))
    return [Hit(name, n, needle=True) for n in short if contains_word(text, n)]


def _header_footer_needles(name: str, text: str, folded: list[str]) -> list[Hit]:
    """Needles in headers and footers, whose codes ('&L', '&12') glue onto the words.

    The codes are removed and the needles searched as plain substrings: the marking and page
    numbers are all a header should hold, so any needle inside one is a leak.
    """
    hits = []
    for _, body in _HEADER_FOOTER.findall(text):
        plain = _HF_CODE.sub("", body)
        hits += [
            Hit(name, n, needle=True)
            for n in folded
            if contains_word(plain, n) or (len(n) >= MIN_MARKUP_NEEDLE and n in body)
        ]
    return hits


def _workbook_structure(text: str) -> list[Hit]:
    hits = []
    if _HIDDEN_SHEET.search(text):
        hits.append(Hit("xl/workbook.xml", "a hidden sheet"))
    for attrs, body in _DEFINED.findall(text):
        built_in = any(b in attrs for b in _BUILT_IN_NAMES)
        if not built_in or not _REFERENCE.match(body.strip()):
            hits.append(Hit("xl/workbook.xml", "a defined name holding data"))
    if re.search(r"<definedname\b[^>]*/>", text):
        hits.append(Hit("xl/workbook.xml", "a defined name holding data"))
    return hits


class _TokenIndex:
    """The words of a text and its pairs of neighbouring words, for a quick sound pre-check.

    Words are maximal runs of word characters, in needle and text alike, so a needle found
    at word boundaries has each of its words, and each pair of its neighbouring words, as
    whole tokens (pairs) of the text. Thousands of needles then cost one pass over the text.
    """

    def __init__(self, text: str) -> None:
        words = _TOKEN.findall(text)
        self.words = set(words)
        self.pairs = set(itertools.pairwise(words))

    def may_contain(self, needle: str) -> bool:
        """False only when ``needle`` certainly does not occur as whole words."""
        words = _TOKEN.findall(needle)
        return all(w in self.words for w in words) and all(
            p in self.pairs for p in itertools.pairwise(words)
        )


def contains_word(text: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``text`` not inside a longer word (both folded)."""
    start = text.find(needle)
    while start != -1:
        end = start + len(needle)
        before_ok = start == 0 or not _is_word(text[start - 1]) or not _is_word(needle[0])
        after_ok = end == len(text) or not _is_word(text[end]) or not _is_word(needle[-1])
        if before_ok and after_ok:
            return True
        start = text.find(needle, start + 1)
    return False


def _is_word(ch: str) -> bool:
    return bool(_WORD.match(ch))
