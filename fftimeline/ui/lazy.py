"""Modules loaded on first use, so the welcome screen does not wait for them (ui layer).

`lazy_module` gives a module object at once and runs the module's code only when one of its
names is first used (the standard library's `importlib.util.LazyLoader`). The start window
uses it for the services behind its buttons (the demo story, opening a vault): they are
needed a moment after the window is shown, not before it can be drawn.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """The module `name`, its code run on the first attribute look-up (or now if loaded)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ImportError(f"No module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
