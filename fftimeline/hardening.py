"""Process hardening done once at start-up by the composition roots (app.py, cli.py).

A crash must not leave case data behind: a core dump would hold decrypted pages and the key
in plain form, so core dumps are switched off where the platform allows it. (Swap and
hibernation files are covered by the operating system's disk encryption, not by us.)
"""

from __future__ import annotations

import contextlib


def disable_core_dumps() -> bool:
    """Forbid core dumps for this process; True when that worked (POSIX only)."""
    try:
        import resource
    except ImportError:
        return False
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        return True
    return False
