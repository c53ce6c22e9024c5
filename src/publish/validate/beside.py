"""The work a run does beside loading its tables, in one background thread.

Two fixed costs of a small run are pure Python that does not need the tables: frictionless's check of a
descriptor whose verdict is not in the cache, and pandera's one-time setup for the row models
(`publish.models.prepare`). The tables load meanwhile in the calling thread, where polars reads and types
them outside the interpreter's lock. The two run one after the other, the descriptor first: its verdict is
needed before any rule runs (a descriptor with errors ends the run, and then pandera is not set up at all),
and two threads importing pydantic's graph at once is a risk not worth the little the second core would add.

The thread is always joined before the run returns. An exception in the descriptor's check is raised again in
the calling thread when it asks for the verdict, as if it had been raised there.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from publish import models
from publish.core import Finding, Package
from publish.validate.descriptor import descriptor_findings


class Beside:
    """The descriptor's findings (when ``check_descriptor``), then the models of ``modelled`` set up."""

    def __init__(self, package: Package, *, check_descriptor: bool, cache: bool, modelled: list[str]) -> None:
        self.package, self.check_descriptor, self.cache, self.modelled = package, check_descriptor, cache, modelled
        self.checked = threading.Event()
        self.findings: list[Finding] = []
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="publish-beside", daemon=True)

    def _run(self) -> None:
        try:
            if self.check_descriptor:
                self.findings = descriptor_findings(self.package, cache=self.cache)
        except BaseException as error:  # raised again in the calling thread, by `descriptor`
            self.error = error
        finally:
            self.checked.set()
        if self.error is None and self.modelled and not any(f.severity == "error" for f in self.findings):
            models.prepare(self.modelled)

    def descriptor(self) -> list[Finding]:
        """The descriptor's findings, once checked (none when it was not to be checked here)."""
        self.checked.wait()
        if self.error is not None:
            raise self.error
        return self.findings


@contextmanager
def beside(package: Package, *, check_descriptor: bool, cache: bool, modelled: list[str]) -> Iterator[Beside]:
    """``Beside`` started for the block and joined when it ends, however it ends."""
    work = Beside(package, check_descriptor=check_descriptor, cache=cache, modelled=modelled)
    if not (check_descriptor or modelled):
        work.checked.set()  # nothing to do: no thread
        yield work
        return
    work.thread.start()
    try:
        yield work
    finally:
        work.thread.join()
