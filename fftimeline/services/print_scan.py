"""The fail-closed leak scan of a PDF, before it is written (services layer, Qt-free).

The one seam every PDF goes through, on the same independent scan as the spreadsheet
(`services.leak_check`): the protected values come from the vault's raw records, never from
the redaction. The file is read back by `export.leak_pdf` (every page, the properties,
bookmarks, notes and every string in its objects); the document it was made from says
whose words each text is, so the document's own words (headings, "Page 2 of 9", the
footer, the key worker's name and contact details, the glossary, the support list, the
months) are excused where they stand and nowhere else, and a finding names its entry and
field ("the entry of 3 March 2025, what happened") as the spreadsheet's do.

Any finding, any structure a printed document does not need, a word that is not the
document's, or a file that cannot be read back stops it: nothing is written and nothing
recorded.
"""

from __future__ import annotations

from fftimeline.domain.leaks import LeakFound
from fftimeline.export.document import Document
from fftimeline.services.leak_check import LeakCheck, check_pdf


def scan_pdf(data: bytes, document: Document, check: LeakCheck, file_name: str) -> int:
    """How many pages the PDF has, only if nothing the audience must not see is in it.

    Raises:
        LeakFound: a protected value, an unexpected structure or unexpected words were
            found, or the file could not be read back; the findings say what and where
            (the value is shown only when asked), the message names places only.
    """
    findings, problems, pages = check_pdf(check, data, document, file_name)
    if findings or problems:
        raise LeakFound(problems, findings, printed=True)
    return pages
