"""Writing files so that a reader never sees half of one.

Every file the tool writes goes through ``write_bytes``: the bytes go to a temporary file in
the same folder, are flushed to disk, and replace the target in one rename. ``checkpoint`` is
called before each write so that tests can fail the Nth write (fault injection).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

# Tests replace this to raise at a chosen write; it receives the target path.
checkpoint: Callable[[Path], None] = lambda path: None  # noqa: E731


def write_bytes(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (same-folder temp file, fsync, rename)."""
    path = Path(path)
    checkpoint(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text(path: str | Path, text: str) -> None:
    """Replace ``path`` with UTF-8 ``text`` atomically; line endings are written as given."""
    write_bytes(path, text.encode("utf-8"))
