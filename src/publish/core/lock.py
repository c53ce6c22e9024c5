"""One writer at a time: a lock file created exclusively, held while a command changes a folder.

``publish release`` holds ``<out>/.release.lock`` while it builds; ``publish add`` holds
``<package>/.publish-add.lock`` while it reads, checks and merges a submission. A second run meanwhile
gets LockedError and changes nothing. A process killed while holding the lock leaves the file: the
refusal names it, to be deleted once no run is going on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from publish.core import atomic
from publish.core.errors import PublishError


class LockedError(PublishError):
    """Another run holds the lock file ``lock``."""

    def __init__(self, lock: Path):
        super().__init__(
            f"另一个进程正在更改此目录（锁文件 {lock}）；如确认没有，请删除该锁文件后重试",
            f"another run is changing this folder (lock file {lock}); if none is, delete the lock file and retry",
        )
        self.lock = lock


@contextmanager
def locked(lock: Path) -> Iterator[None]:
    """Hold the lock file ``lock`` (its folder is made if missing); raise LockedError if it exists."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    atomic.checkpoint(lock)
    try:
        handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        raise LockedError(lock) from None
    try:
        os.write(handle, f"{os.getpid()}\n".encode())
        os.close(handle)
        yield
    finally:
        lock.unlink(missing_ok=True)
