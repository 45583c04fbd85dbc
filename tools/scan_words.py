"""Make resources/leak_scan/english-words.txt: ordinary English words, for the leak scan.

A nickname is often an ordinary word ("Boss", "Tiny", "Chef"). The leak scan counts a
one-word nickname that is an ordinary word only where it is used as a name (capitalised,
after a title, possessive...), so "her boss at the café" does not stop an export. The words
are those SCOWL's British English list, size 50 (Debian package ``wbritish-small``), spells
in lower case, of three letters or more. The scan reads its own copy: it shares no data or
code with the redaction. Run after ``apt-get install wbritish-small``:

    python tools/scan_words.py /usr/share/dict/british-english-small
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "leak_scan" / "english-words.txt"
HEADER = (
    "# Ordinary English words (lower case, three letters or more) from SCOWL's British\n"
    "# English list, size 50, for nicknames that are words. Made by tools/scan_words.py;\n"
    "# SCOWL's licence is in resources/redaction/SCOWL-LICENSE.txt.\n"
)


def main(source: str) -> None:
    text = Path(source).read_text(encoding="utf-8")
    found = sorted({w for w in text.split() if re.fullmatch(r"[a-z]{3,}", w)})
    OUT.write_text(HEADER + "\n".join(found) + "\n", encoding="utf-8")
    print(f"{len(found)} words -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
