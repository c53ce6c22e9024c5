"""What any input may lead to: a clean report or a clear error (exit 0, 1, 2), never a crash."""

from __future__ import annotations

import hashlib
from pathlib import Path

from click.testing import CliRunner, Result

from publish.cli import main

ALLOWED_EXIT_CODES = (0, 1, 2)


def invoke(*args: object) -> Result:
    """Run ``publish`` in-process the way a user would (stdout and stderr both captured)."""
    return CliRunner().invoke(main, [str(a) for a in args])


def assert_clean_outcome(result: Result, *, shown: str = "") -> None:
    """A report or a clear error: no traceback, no tool failure, no unexpected exception."""
    context = f"{shown}\n--- output ---\n{result.output[-3000:]}"
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"unexpected {type(result.exception).__name__}: {result.exception}{context}"
    )
    assert "Traceback" not in result.output, context
    assert result.exit_code in ALLOWED_EXIT_CODES, f"exit {result.exit_code}{context}"


HASHED_BYTES = 64 * 1024**2  # larger (sparse test) files are compared by size and modification time


def tree_hashes(folder: Path) -> dict[str, str]:
    """Every file and link below ``folder`` (dot files included) with the sha256 of its bytes or link target."""
    hashes = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            hashes[key] = "link:" + str(path.readlink())
        elif path.is_file() and path.stat().st_size > HASHED_BYTES:
            hashes[key] = f"size:{path.stat().st_size} mtime:{path.stat().st_mtime_ns}"
        elif path.is_file():
            hashes[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir():
            hashes[key] = "dir"
    return hashes


def refused(args: list, watched: list[Path], *needles: str, code: int = 1) -> Result:
    """Run ``publish *args``; assert exit ``code``, every needle in the output and every watched tree untouched."""
    before = [tree_hashes(folder) for folder in watched]
    result = invoke(*args)
    assert_clean_outcome(result)
    assert result.exit_code == code, result.output
    for needle in needles:
        assert needle in result.output, (needle, result.output)
    assert [tree_hashes(folder) for folder in watched] == before, "a refused input changed files"
    return result
