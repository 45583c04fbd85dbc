"""Pausing the cycle collector: only ever from the main thread (the switch is process-wide)."""

from __future__ import annotations

import gc
import threading

from fftimeline.collector import collector_paused


def _in_a_worker() -> list[bool]:
    """Whether the collector was on inside and after a pause taken in a worker thread."""
    seen: list[bool] = []

    def work() -> None:
        with collector_paused():
            seen.append(gc.isenabled())
        seen.append(gc.isenabled())

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    return seen


def test_a_pause_in_a_worker_never_switches_the_collector_on() -> None:
    gc.disable()  # as the desktop app keeps it
    try:
        assert _in_a_worker() == [False, False]
    finally:
        gc.enable()


def test_a_pause_in_a_worker_never_switches_the_collector_off() -> None:
    assert _in_a_worker() == [True, True]


def test_a_pause_on_the_main_thread_switches_it_off_and_back_on() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: only the outermost switches it back on
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
