"""Verdicts already reached, kept on disk by the hash of everything they depend on.

A verdict is small JSON data (what frictionless said of a descriptor and its schemas). It is kept in
one file per key under ``verdicts/`` in the user's cache folder: ``$PUBLISH_CACHE_DIR`` if set, else
``$XDG_CACHE_HOME/publish``, else ``~/.cache/publish``. Deleting the folder is always safe; the cache keeps
itself small, at most MAX_ENTRIES verdicts, the least recently used going first.

The cache is only ever a shortcut: a file that is missing, unreadable, not a plain file, too large,
not JSON or not written for its key is a miss, and a folder that cannot be written is passed over in
silence. The caller checks the shape of what comes back, as of any input.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import stat
import tempfile
import time
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

FORMAT = "publish-verdict/1"
FOLDER = "verdicts"
MAX_BYTES = 1 << 20  # a verdict is a few kilobytes; anything larger is not ours
MAX_ENTRIES = 256  # verdicts kept (one per version of a descriptor seen); a few kilobytes each
STALE_SECONDS = 3600  # a temporary file this old was left by a run that crashed


def cache_dir() -> Path | None:
    """The user's cache folder for publish, or None when there is no home to put it in."""
    for variable, below in (("PUBLISH_CACHE_DIR", ()), ("XDG_CACHE_HOME", ("publish",))):
        value = os.environ.get(variable)
        if value and Path(value).is_absolute():
            return Path(value, *below)
    try:
        return Path.home() / ".cache" / "publish"
    except RuntimeError:  # no home directory can be determined
        return None


def content_key(parts: Iterable[bytes]) -> str:
    """The SHA-256 of ``parts``, each prefixed by its length so that no two lists of parts collide."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def installed(name: str) -> str:
    """Which ``name`` is installed, without importing it: where it is and the version its metadata folder names
    (a few stats, where `importlib.metadata.version` reads every distribution's metadata in tens of milliseconds)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        raise PackageNotFoundError(name)
    package = Path(spec.origin).parent
    prefix = f"{name.replace('-', '_')}-"
    folders = sorted(
        entry.name
        for entry in os.scandir(package.parent)
        if entry.name.startswith(prefix) and entry.name.endswith((".dist-info", ".egg-info"))
    )
    return f"{package} {' '.join(folders) or version(name)}"


def recalled(key: str) -> Any | None:
    """The verdict kept for ``key``, or None (a miss) for anything but a plain file written for that key."""
    path = _entry(key)
    if path is None:
        return None
    try:
        held = json.loads(_small_file(path))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(held, dict) or held.get("format") != FORMAT or held.get("key") != key:
        return None
    _touch(path)
    return held.get("verdict")


def remember(key: str, verdict: Any) -> None:
    """Keep ``verdict`` for ``key``, replacing the file in one rename; a cache that cannot be written is skipped.

    The file is the cache's own, not one of the user's: it is not counted among the tool's writes
    (`core.atomic`), and a crash leaves at most a temporary file that is never read.
    """
    path = _entry(key)
    if path is None:
        return
    data = json.dumps({"format": FORMAT, "key": key, "verdict": verdict}, ensure_ascii=False).encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
    except OSError:
        return
    prune(path.parent)


def prune(folder: Path, keep: int = MAX_ENTRIES) -> None:
    """Remove all but the ``keep`` most recently used verdicts in ``folder``, and the temporary files of crashed
    runs; only files named as this module names them are touched, and a folder that cannot be read is left."""
    now, verdicts = time.time(), []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if not entry.is_file(follow_symlinks=False):
                    continue
                used = entry.stat(follow_symlinks=False).st_mtime
                if _is_verdict(entry.name):
                    verdicts.append((used, entry.name))
                elif _is_temporary(entry.name) and now - used > STALE_SECONDS:
                    _remove(folder / entry.name)
    except OSError:
        return
    for _, name in sorted(verdicts, reverse=True)[keep:]:
        _remove(folder / name)


def _is_verdict(name: str) -> bool:
    key, dot, suffix = name.partition(".")
    return dot == "." and suffix == "json" and len(key) == 64 and all(c in "0123456789abcdef" for c in key)


def _is_temporary(name: str) -> bool:
    return name.startswith(".") and name.endswith(".tmp") and _is_verdict(name[1:70])


def _touch(path: Path) -> None:
    """Mark a verdict as just used (a cache that cannot be written is left as it is)."""
    try:
        os.utime(path, follow_symlinks=False)
    except OSError:
        return


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        return


def _entry(key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / FOLDER / f"{key}.json"


def _small_file(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES (never blocking on a pipe or a device)."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(handle, "rb") as file:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise OSError(f"{path} is not a regular file")
        data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise OSError(f"{path} is larger than a verdict")
    return data
