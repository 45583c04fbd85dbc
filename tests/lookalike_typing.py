"""Names typed with look-alike letters, for the redaction's and the scan's tests alike.

Each test module passes its own table of look-alikes (written by hand, never read from the
code under test), so the two sides are still tested against what people type.
"""

from __future__ import annotations

from hypothesis import strategies as st


@st.composite
def disguised(draw: st.DrawFn, names: list[str], lookalikes: dict[str, str]) -> str:
    """One of ``names`` with one or more letters swapped for look-alikes."""
    name = draw(st.sampled_from(names))
    places = [i for i, ch in enumerate(name) if ch in lookalikes]
    chosen = draw(st.lists(st.sampled_from(places), min_size=1, unique=True))
    letters = list(name)
    for i in chosen:
        letters[i] = draw(st.sampled_from(lookalikes[name[i]]))
    return "".join(letters)
