"""pandera as a polars-only install: without numpy and hypothesis, which publish never uses through it.

pandera imports numpy (to look for pandas) and hypothesis (for the strategies that synthesise test
data from a model) when it is first imported and when it first registers its checks; publish only
validates polars frames, and those two imports are a fifth of a second of a small run. While
`polars_only` holds, an import of either made by this thread finds it not installed, as in an
install of ``pandera[polars]`` alone, which pandera supports (pandera GH #2387); pandera goes
without. A module already loaded (numpy or hypothesis in the test suite) is left as it is, and
other threads are not affected.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.abc import MetaPathFinder

SKIPPED = ("numpy", "hypothesis")


class NotInstalled(MetaPathFinder):
    """A finder that reports ``names`` (top-level packages) as not installed to one thread."""

    def __init__(self, names: tuple[str, ...]):
        self.names, self.thread = names, threading.get_ident()

    def find_spec(self, fullname, path=None, target=None):
        if fullname.partition(".")[0] in self.names and threading.get_ident() == self.thread:
            raise ModuleNotFoundError(f"No module named '{fullname}'", name=fullname)
        return None


@contextmanager
def polars_only() -> Iterator[None]:
    """pandera's imports made within, in this thread, see numpy and hypothesis as not installed (unless loaded)."""
    finder = NotInstalled(tuple(name for name in SKIPPED if name not in sys.modules))
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
