"""Pausing Python's cycle collector around work that builds many objects at once.

Loading, redacting, writing or scanning thousands of entries creates hundreds of
thousands of small objects while the loaded entries fill the heap; the cycle collector
would rescan all of them again and again (measured: a quarter to a third of a 10,000-entry
export, and 3x slower loads). Reference counting still frees memory meanwhile, and the
collector runs again as soon as the work ends. Nested pauses are fine: only the outermost
one switches the collector back on.

Only the main thread pauses. The switch is process-wide: a worker thread switching the
collector back on would let a collection start in whichever thread allocates next, and one
in a worker thread can destroy Qt objects from the wrong thread (a crash). In the desktop
app the collector is already off and driven from the interface thread
(`fftimeline.ui.collector`), so work on its worker threads needs no pause.

It imports nothing of fftimeline, so every layer may use it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the ``with`` block with the cycle collector off (and back on after, if it was).

    Off the main thread it changes nothing (see the module's docstring).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
