"""Keeps Python 3.11 alive under PySide6 wheels that treat ``None`` as immortal (ui layer).

PySide6 6.12's stable-ABI wheels were built with CPython headers whose ``Py_RETURN_NONE``
assumed an immortal ``None`` (CPython gh-134989). On 3.12+ that is true; on 3.11 every
Qt call that returns nothing drops one reference to ``None``, and after a few thousand
calls Python aborts with "none_dealloc: deallocating None". Until the project moves to
Python 3.12 or a fixed wheel, call `guard_none_refcount` once at start-up, before Qt work.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

_HEADROOM = 1 << 40
"""References added to ``None``: more than any session can drop (one per void Qt call)."""


def none_refcount_drops() -> bool:
    """Whether a Qt call that returns nothing loses a reference to ``None`` here."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 50


def guard_none_refcount() -> bool:
    """On CPython < 3.12 with the faulty wheel, give ``None`` ample references.

    Returns:
        True when the guard was applied (nothing to do on 3.12+ or a fixed wheel).
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not none_refcount_drops():
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is PyObject's first field
    refcount.value += _HEADROOM
    return True
