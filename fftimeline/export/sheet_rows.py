"""The chronology sheet's body rows, written straight to XML (export layer).

openpyxl builds a Python object for every cell and serialises each one through a general
XML writer: for a 10,000-entry export that was most of the export's time. The body of the
chronology sheet is simple — text cells sharing one style, each row with its height — so
its rows are written here as XML text in one pass and put into the sheet that openpyxl
wrote with its heading row only. Everything else in the workbook (styles, the cover and
summary sheets, print setup, properties) is still openpyxl's.

Cells are inline strings (``t="inlineStr"``), which Excel and LibreOffice read like shared
strings; empty values get no cell at all, as openpyxl does for empty cells.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence

from openpyxl.utils import get_column_letter

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"\s*/>')
_END_OF_DATA = b"</sheetData>"


def rows_xml(
    rows: Sequence[Sequence[str]], first: int, style_id: int, heights: Sequence[float]
) -> str:
    """The ``<row>`` elements for ``rows``, the first numbered ``first``.

    Every value must already be safe cell text (see `xlsx.cell_text`): no characters XML
    cannot hold. ``heights`` are the rows' heights in points, one per row.
    """
    letters = [get_column_letter(i) for i in range(1, max(map(len, rows), default=0) + 1)]
    style = f'" s="{style_id}" t="inlineStr"><is><t xml:space="preserve">'
    out: list[str] = []
    for number, (values, height) in enumerate(zip(rows, heights, strict=True), start=first):
        out.append(f'<row r="{number}" ht="{height:g}" customHeight="1">')
        out.extend(
            f'<c r="{letter}{number}{style}{value.translate(_ESCAPES)}</t></is></c>'
            for letter, value in zip(letters, values, strict=False)
            if value
        )
        out.append("</row>")
    return "".join(out)


FAST = 1
"""zlib's fastest level, for the sheet that holds every row."""


def add_rows(workbook: bytes, part: str, rows: str, dimension: str) -> bytes:
    """``workbook`` with ``rows`` appended to the sheet data of ``part``.

    ``dimension`` is the sheet's used range with the rows in ("A1:I7501"). Every other part
    of the file is copied as it was, in the same order.
    """
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == part:
                data = _with_rows(data, rows.encode("utf-8"), dimension.encode("ascii"))
            # The body is most of the file: the fastest deflate level (a slightly larger file).
            level = FAST if info.filename == part else None
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=level)
    return out.getvalue()


def _with_rows(sheet: bytes, rows: bytes, dimension: bytes) -> bytes:
    """The sheet's XML with ``rows`` at the end of its sheet data and its range widened."""
    if sheet.count(_END_OF_DATA) != 1:
        raise ValueError("the sheet has no single sheetData to add rows to")
    sheet = _DIMENSION.sub(b'<dimension ref="' + dimension + b'"/>', sheet, count=1)
    return sheet.replace(_END_OF_DATA, rows + _END_OF_DATA)
