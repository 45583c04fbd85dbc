"""Run every benchmark in turn: ``python -m bench`` (``make bench``).

Each prints its own table of figures as ratios against a raw baseline measured in the
same run; nothing here is a timed test.
"""

from __future__ import annotations

import os

from bench import export_bench, store_bench, ui_bench


def main() -> None:
    """Run the store, UI and export benchmarks."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for bench in (store_bench, ui_bench, export_bench):
        print(f"\n## {bench.__name__}")
        bench.main()


if __name__ == "__main__":
    main()
