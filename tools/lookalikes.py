"""Make the two tables of look-alike letters: Cyrillic, Greek and other letters that look Latin.

A name typed or pasted with a Cyrillic "В" or a Greek "Μ" inside ("Вugsy", "Μarcus") reads
as the name but is spelt with other letters. The redaction and the leak scan each fold such
letters to the Latin letter they look like, from their own table (they share no code):

- ``resources/redaction/lookalikes.tsv``: one letter a line, ``code point<TAB>Latin letter``;
- ``resources/leak_scan/lookalikes.txt``: one Latin letter a line, then every letter that
  looks like it.

A look-alike of a capital (or a small capital) is written as the capital, so "вell" reads as
"Bell", a name, and not as the ordinary word "bell".

Both come from Unicode's confusables data (UTS #39, ``confusables.txt``) as shipped in JSON by
the ``confusable-homoglyphs`` package (3.3.1): every letter that Unicode lists as confusable
with one Latin letter, less those that compatibility decomposition already turns into a Latin
letter (full-width and mathematical letters). Letters whose Unicode prototype is not a single
Latin letter but that people use for one are added from `EXTRA` (small capitals, "к", "т",
"ε", "η", the palochka), each with the reason. Run after ``pip download --no-deps
confusable-homoglyphs==3.3.1`` and unzipping the wheel:

    python tools/lookalikes.py path/to/confusable_homoglyphs/confusables.json
"""

from __future__ import annotations

import json
import string
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "resources"
REDACTION = ROOT / "redaction" / "lookalikes.tsv"
SCAN = ROOT / "leak_scan" / "lookalikes.txt"

EXTRA = {
    # Unicode's prototype for these is another symbol, but they are typed for the letter.
    "ε": "e",  # Greek epsilon, for "e"
    "Ɛ": "E",
    "ɛ": "e",
    "η": "n",  # Greek eta, for "n"
    "κ": "k",  # Greek kappa, for "k"
    "к": "K",  # Cyrillic ka: a small-capital K
    "т": "T",  # Cyrillic te: a small-capital T
    "в": "B",  # Cyrillic ve: a small-capital B
    "м": "M",  # Cyrillic em: a small-capital M
    "н": "H",  # Cyrillic en: a small-capital H
    "ь": "b",  # Cyrillic soft sign
    "п": "n",  # Cyrillic pe
    "ӏ": "l",  # Cyrillic palochka, lower case: typed for "l" inside a word
    "Ӏ": "I",  # Cyrillic palochka, capital: typed for "I" at the start of a name
    "ι": "i",  # Greek iota
    "τ": "t",  # Greek tau
    "χ": "x",  # Greek chi
}

HEADER = (
    "# Letters that look like a Latin letter, from Unicode's confusables data (UTS #39,\n"
    "# Unicode licence) and tools/lookalikes.py's EXTRA. Made by tools/lookalikes.py.\n"
)


def _small_capitals() -> dict[str, str]:
    """Small capitals ("ʙᴜɢꜱʏ") by their Unicode names: LATIN LETTER SMALL CAPITAL B.

    They stand for capitals: "ʙell" is "Bell", a name, not the ordinary word "bell".
    """
    out: dict[str, str] = {}
    for code in range(0x80, 0x20000):
        name = unicodedata.name(chr(code), "")
        prefix = "LATIN LETTER SMALL CAPITAL "
        if name.startswith(prefix) and len(name) == len(prefix) + 1:
            out[chr(code)] = name[-1]
    return out


def lookalikes(confusables: dict[str, list[dict[str, str]]]) -> dict[str, str]:
    """Each non-Latin letter that looks like one Latin letter, and that letter."""
    found: dict[str, str] = {}
    for latin in string.ascii_letters:
        for item in confusables.get(latin, []):
            ch = item["c"].strip("\u200e\u200f")
            if len(ch) != 1 or ch.isascii() or not unicodedata.category(ch).startswith("L"):
                continue
            if unicodedata.normalize("NFKD", ch).isascii():
                continue  # full-width and mathematical letters: decomposition does it
            found.setdefault(ch, latin)
    found.update(_small_capitals())
    found.update(EXTRA)
    return dict(sorted(found.items()))


def main(source: str) -> None:
    table = lookalikes(json.loads(Path(source).read_text(encoding="utf-8")))
    lines = [f"{ord(ch):04X}\t{latin}\t# {unicodedata.name(ch)}" for ch, latin in table.items()]
    REDACTION.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    by_latin: dict[str, list[str]] = {}
    for ch, latin in table.items():
        by_latin.setdefault(latin, []).append(ch)
    rows = [f"{latin} {''.join(chars)}" for latin, chars in sorted(by_latin.items())]
    SCAN.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(table)} letters -> {REDACTION}, {SCAN}")


if __name__ == "__main__":
    main(sys.argv[1])
