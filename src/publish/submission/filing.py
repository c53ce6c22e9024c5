"""Filing merged submissions away: each moves, as it was submitted, to ``submissions/merged/``.

A name already there gets a numbered suffix (``财政局.xlsx`` → ``财政局-2.xlsx``, a folder ``财政局`` → ``财政局-2``):
nothing filed earlier is ever overwritten. The moves are renames through ``publish.core.atomic.move_into_place``,
all or none, and are made only after the merge wrote the data files.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from publish.core import atomic
from publish.submission.inbox import INBOX, MERGED


def file_merged(root: Path, submissions: list[str]) -> list[tuple[str, str]]:
    """Move each submission (a path from ``root``) into submissions/merged/; (from, to) per move, from ``root``."""
    folder = root / INBOX / MERGED
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    moves = []
    for submission in submissions:
        name = free_name(folder, PurePosixPath(submission).name, taken)
        taken.add(name)
        moves.append((submission, f"{INBOX}/{MERGED}/{name}"))
    atomic.move_into_place([(root / source, root / target) for source, target in moves])
    return moves


def free_name(folder: Path, name: str, taken: set[str] = frozenset()) -> str:
    """``name``, or with the first free numbered suffix (-2, -3 …) before its extension, in ``folder``."""
    path = PurePosixPath(name)
    stem, suffix = (path.stem, path.suffix) if path.suffix.lower() == ".xlsx" else (name, "")
    candidate, number = name, 1
    while candidate in taken or (folder / candidate).exists() or (folder / candidate).is_symlink():
        number += 1
        candidate = f"{stem}-{number}{suffix}"
    return candidate
