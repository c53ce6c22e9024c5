"""A progress bar on stderr for long validations, shown only to a person at a terminal.

In CI, in a pipe or with `CI` set, nothing is drawn: the output stays the report alone.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator

STAGES = {
    "tables": "读取与结构检查 reading and structure",
    "rules": "预算规则 budget rules",
    "documents": "提取文件 extracting documents",
}


def wanted(stream=None) -> bool:
    stream = stream or sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("CI")


@contextlib.contextmanager
def progress_bar(enabled: bool | None = None) -> Iterator[Callable[[str, int, int], None] | None]:
    """A ``progress(stage, done, total)`` callback drawing a rich bar on stderr, or None when not wanted."""
    if not (wanted() if enabled is None else enabled):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        tasks: dict[str, int] = {}

        def advance(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(STAGES.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done)

        yield advance
