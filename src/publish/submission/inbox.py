"""Which submissions wait in the repository's ``submissions/`` folder: those a pull request (or a push) added.

A department uploads its filled template (``submissions/<name>.xlsx``) or a folder of CSVs
(``submissions/<folder>/*.csv``) with GitHub's web page. ``changed_submissions`` asks git which files changed
since a revision (``git diff --name-only -z REF...HEAD``, an argument list, never a shell) and names the
submissions they belong to; ``waiting_submissions`` names every one in the folder. What is under
``submissions/merged/`` has been merged already and is never named again.

Names from git are input from outside: a name that is not plainly a path below ``submissions/`` (absolute, with
``..``, a backslash, a control character, or leading through a symbolic link) is refused, never followed.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path, PurePosixPath

from publish.core import EXIT_USAGE, PublishError

INBOX = "submissions"
MERGED = "merged"  # submissions/merged/: what has been merged, kept as it was submitted
WORKBOOK = ".xlsx"
CONTROL = re.compile(r"[\x00-\x1f\x7f\\:]")


class RevisionError(PublishError):
    """The revision cannot be compared with (not a git work tree, an unknown revision, git missing)."""

    exit_code = EXIT_USAGE


def changed_submissions(root: Path, since: str) -> list[str]:
    """The submissions (paths from ``root``) with a file added or changed between ``since`` and HEAD."""
    if since.startswith("-") or not since.strip():
        raise RevisionError(f"“{since}”不是 git 版本", f"'{since}' is not a git revision")
    _git(root, "rev-parse", "--verify", "--quiet", f"{since}^{{commit}}", shown=since)
    listed = _git(root, "diff", "--name-only", "-z", "--no-renames", "--relative", f"{since}...HEAD", "--", INBOX)
    return submissions_named(root, [name for name in listed.split("\0") if name])


def waiting_submissions(root: Path) -> list[str]:
    """Every submission in ``root``/submissions that is not merged yet."""
    inbox = root / INBOX
    if not inbox.is_dir() or inbox.is_symlink():
        return []
    names = [path.relative_to(root).as_posix() for path in inbox.rglob("*") if path.is_file()]
    return submissions_named(root, names)


def submissions_named(root: Path, names: list[str]) -> list[str]:
    """The submissions ``names`` (files, from ``root``) belong to, sorted: a workbook itself, a CSV its folder.
    A name outside ``submissions/``, under ``submissions/merged/``, gone from the work tree or refused is left out."""
    found = set()
    for name in names:
        submission = _submission_of(name)
        if submission and _plain(root, submission):
            found.add(submission)
    return sorted(found)


def _submission_of(name: str) -> str | None:
    """The submission a file belongs to: ``submissions/a.xlsx`` itself, ``submissions/b/income.csv`` its folder."""
    if not isinstance(name, str) or CONTROL.search(name) or name.startswith(("/", "~")):
        return None
    parts = PurePosixPath(name).parts
    if len(parts) < 2 or parts[0] != INBOX or parts[1] == MERGED or {".", ".."} & set(parts):
        return None
    if any(part.startswith(".") for part in parts[1:]):
        return None  # hidden files and folders (an editor's or a staging folder's) are not submissions
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == WORKBOOK:
        return name
    if suffix == ".csv" and len(parts) >= 3:
        return "/".join(parts[:-1])
    return None


def _plain(root: Path, relative: str) -> bool:
    """Whether ``relative`` exists below ``root``/submissions with no symbolic link on the way."""
    path = root
    for part in relative.split("/"):
        path = path / part
        if path.is_symlink():
            return False
    return path.exists() and path.resolve().is_relative_to((root / INBOX).resolve())


def _git(root: Path, *args: str, shown: str = "") -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        raise RevisionError(f"无法运行 git（{error}）", f"git cannot be run ({error})") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip() or "不是 git 仓库或版本不存在 not a git work tree"
        raise RevisionError(
            f"无法与 git 版本 {shown} 比较（{detail}）。请给出存在的提交，如 main 或提交号",
            f"cannot compare with git revision {shown} ({detail}); name an existing commit, such as main",
        )
    return done.stdout.decode("utf-8", "surrogateescape")
