"""Writing files and folders so that a reader never sees half of one.

Every file the tool writes goes through ``write_bytes``: the bytes go to a temporary file in
the same folder, are flushed to disk, and replace the target in one rename. A folder (a release,
an export, a site, an extraction) is built in a ``staging`` folder beside its target and moved
into place by ``move_into_place``: renames only, all or nothing. ``checkpoint`` is called before
each write and each move so that tests can fail the Nth one (fault injection).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

# Tests replace this to raise at a chosen write; it receives the target path.
checkpoint: Callable[[Path], None] = lambda path: None  # noqa: E731


def write_bytes(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (same-folder temp file, fsync, rename)."""
    path = Path(path)
    checkpoint(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets what the umask allows (as open() would)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text(path: str | Path, text: str) -> None:
    """Replace ``path`` with UTF-8 ``text`` atomically; line endings are written as given."""
    write_bytes(path, text.encode("utf-8"))


@contextmanager
def staging(beside: str | Path, prefix: str) -> Iterator[Path]:
    """A new temporary folder in ``beside`` (same file system as the targets) to build in; removed on leaving."""
    beside = Path(beside)
    beside.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=beside))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def move_into_place(moves: Sequence[tuple[Path, Path]], replace: bool = False) -> None:
    """Rename each built path onto its target, in order, all or nothing.

    An existing target is refused (FileExistsError), or with ``replace`` set aside and removed once every
    move is made. On any failure the moves made are undone and what was set aside is put back.
    """
    moved: list[tuple[Path, Path]] = []
    retired: list[tuple[Path, Path]] = []
    try:
        for source, target in moves:
            checkpoint(target)
            if os.path.lexists(target):
                if not replace:
                    raise FileExistsError(target)
                retired.append((target, _set_aside(target)))
            os.rename(source, target)
            moved.append((source, target))
    except BaseException:
        for source, target in reversed(moved):
            os.rename(target, source)
        for target, aside in reversed(retired):
            os.rename(aside, target)
            shutil.rmtree(aside.parent, ignore_errors=True)
        raise
    for _, aside in retired:
        shutil.rmtree(aside.parent, ignore_errors=True)


def _set_aside(target: Path) -> Path:
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent)) / target.name
    os.rename(target, aside)
    return aside
