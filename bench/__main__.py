"""Run every benchmark in turn: ``python -m bench`` (``make bench``).

Each benchmark runs in its own process, so one's peak memory does not count against the
next, and prints its own table of figures as ratios against a raw baseline measured in the
same run; nothing here is a timed test.
"""

from __future__ import annotations

import os
import subprocess
import sys

BENCHES = (
    "bench.startup_bench",
    "bench.store_bench",
    "bench.ui_bench",
    "bench.export_bench",
    "bench.print_bench",
    "bench.wording_bench",
)


def main() -> int:
    """Run the start-up, store, UI, export, print and wording benchmarks; non-zero if any failed."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    failed = 0
    for module in BENCHES:
        print(f"\n## {module}", flush=True)
        failed += (
            subprocess.run([sys.executable, "-m", module], env=env, check=False).returncode != 0
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
