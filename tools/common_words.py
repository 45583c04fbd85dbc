"""Make resources/redaction/common-words.txt: ordinary English words that may also be names.

A registered name that is also an ordinary word ("Will", "Rose", "Hale") is replaced only
where it is used as a name, never as the word ("he will", "hale and hearty"). The list of
ordinary words comes from SCOWL's British English word list, size 50 (Debian package
``wbritish-small``): the words it spells in lower case are ordinary words; its capitalised
entries are proper names and are left out. Run after ``apt-get install wbritish-small``:

    python tools/common_words.py /usr/share/dict/british-english-small
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "redaction" / "common-words.txt"
HEADER = (
    "# Ordinary English words (lower case) from SCOWL's British English list, size 50.\n"
    "# Made by tools/common_words.py; see SCOWL-LICENSE.txt beside this file.\n"
)


def main(source: str) -> None:
    words = {
        w for w in Path(source).read_text(encoding="utf-8").split() if re.fullmatch(r"[a-z]{2,}", w)
    }
    OUT.write_text(HEADER + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/british-english-small")
