"""Which submissions a list of paths names: a folder of submission folders stands for each of them.

``publish extract DIR --out OUTDIR`` writes one submission folder per document under OUTDIR, beside its
``summary.csv``; ``publish add OUTDIR`` takes them all. A folder is read as a folder of submissions when it
holds no CSV file of its own but that summary, and has subfolders: a submission folder always holds CSVs.
Hidden subfolders (a staging folder left by a crash) and symbolic links are not submissions.
"""

from __future__ import annotations

from pathlib import Path

from publish.core import EXIT_USAGE, PublishError

SUMMARY = "summary.csv"  # the summary `publish extract DIR` writes beside the submission folders


def submission_paths(paths: list[str | Path]) -> list[Path]:
    """The submissions ``paths`` name, in order: each path, or the subfolders of a folder of submissions."""
    found: list[Path] = []
    for path in map(Path, paths):
        found += _subfolders(path) if _holds_submissions(path) else [path]
    return found


def _holds_submissions(path: Path) -> bool:
    """Whether ``path`` is a folder of submissions; one with only the summary (every document refused) is refused."""
    if not path.is_dir() or path.is_symlink():
        return False
    own_csv = [p.name for p in path.iterdir() if p.suffix.lower() == ".csv"]
    if own_csv == [SUMMARY] and not _subfolders(path):
        raise PublishError(
            f"{path} 中没有报送目录（只有 {SUMMARY}：提取时每个文件都未能读取，原因见该文件）",
            f"{path} holds no submission folder (only {SUMMARY}: no document could be extracted; it says why)",
            exit_code=EXIT_USAGE,
        )
    return not [name for name in own_csv if name != SUMMARY] and bool(_subfolders(path))


def _subfolders(path: Path) -> list[Path]:
    return sorted(p for p in path.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))
