"""Cycle collection stays on the interface thread: a worker thread never frees Qt objects."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from fftimeline.ui.collector import InterfaceCollector


class _Cycle:
    """Garbage only the cycle collector can free; records the thread that freed it."""

    def __init__(self, freed_in: list[str]) -> None:
        self.me = self
        self.freed_in = freed_in

    def __del__(self) -> None:
        self.freed_in.append(threading.current_thread().name)


def test_a_worker_thread_never_collects_cycles_and_the_interface_thread_does(
    qtbot: QtBot,
) -> None:
    freed_in: list[str] = []
    kept: list[list[int]] = []
    collector = InterfaceCollector(interval_ms=20)
    try:
        _Cycle(freed_in)  # dropped at once: now cyclic garbage

        def export_like_work() -> None:  # many small objects, as an export builds
            kept.extend([i] for i in range(200_000))

        worker = threading.Thread(target=export_like_work, name="worker")
        worker.start()
        worker.join()
        assert freed_in == []  # the worker's allocations started no collection
        qtbot.waitUntil(lambda: freed_in != [], timeout=3000)
        assert freed_in == [threading.main_thread().name]
    finally:
        collector.stop()
        kept.clear()


def test_stop_gives_collection_back_to_python() -> None:
    gc.enable()
    try:
        collector = InterfaceCollector()
        assert not gc.isenabled()
        collector.stop()
        assert gc.isenabled()
    finally:
        gc.disable()  # as the GUI tests' fixture left it
