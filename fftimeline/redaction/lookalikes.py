"""Letters that look Latin but are not: "Вugsy" with a Cyrillic В, "Μarcus" with a Greek Μ.

Such a name reads as the name but is spelt with other letters, so folding it to ASCII by
sound ("В" is "V") misses it. `to_latin` writes each look-alike letter as the Latin letter
it looks like, one character for one, so a match found in the result is at the same place
in the text the key worker wrote. The matcher looks at both readings: a text in Cyrillic or
Greek is still read by sound as well.

The table (``resources/redaction/lookalikes.tsv``) comes from Unicode's confusables data;
``tools/lookalikes.py`` makes it.
"""

from __future__ import annotations

from functools import cache

from fftimeline.assets import resource_path


@cache
def lookalike_table() -> dict[int, str]:
    """Code point -> the Latin letter it looks like, read once from the shipped table."""
    table: dict[int, str] = {}
    text = resource_path("redaction", "lookalikes.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, latin = line.split("\t")[:2]
            table[int(code, 16)] = latin
    return table


def to_latin(text: str) -> str | None:
    """``text`` with look-alike letters written as Latin ones; None if it has none."""
    if text.isascii():
        return None
    latin = text.translate(lookalike_table())
    return None if latin == text else latin
