"""`publish release`: a versioned, reproducible, immutable release of the data package.

``release(path, bump, out)`` validates the package (refusing on errors), compares it with the
previous release (``releasing.previous``), works out the semver bump (``diff``), and builds
``<out>/<name>-<version>/`` and ``<out>/<name>-<version>.zip`` (``releasing.build``); then it
writes the new version into the package's datapackage.json and the new entry on top of its
CHANGELOG.md. When nothing changed since the previous release, nothing is built: the release
is already there (a missing zip of it is rebuilt from its folder).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from publish.core import (
    EXIT_USAGE,
    Finding,
    LockedError,
    Package,
    PackageError,
    PublishError,
    load,
    locate,
    locked,
    release_name,
)
from publish.release import changelog, repo, versions
from publish.release.build import LOCK, release_files, release_paths, write_release
from publish.release.comparison import PackageDiff, diff_packages
from publish.release.hashing import files_under
from publish.release.previous import GitError, PreviousRelease, find_previous, materialized
from publish.release.source_date import SourceDateError, source_date
from publish.release.verification import check_descriptor, check_sums
from publish.validate import validate

BUMPS = ("auto", "patch", "minor", "major")


class ReleaseRefused(PublishError):
    """The release was not made; the messages say why and what to do, the findings what is wrong."""

    def __init__(self, zh: str, en: str, *, exit_code: int | None = None, findings: Iterable[Finding] = ()):
        super().__init__(f"未发布：{zh}。", f"Not released: {en}.", exit_code=exit_code, findings=findings)


@dataclass
class ReleaseResult:
    status: str  # built | unchanged | repaired
    version: str
    previous: str | None
    level: str  # the bump applied: none, patch, minor, major (first for a first release)
    diff: PackageDiff
    folder: Path
    zip: Path
    written: list[str] = field(default_factory=list)
    origin: str | None = None  # where the previous release was found (a dist folder or a git tag)

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "version": self.version,
            "previous": self.previous,
            "level": self.level,
            "origin": self.origin,
            "folder": str(self.folder),
            "zip": str(self.zip),
            "written": self.written,
            "diff": self.diff.to_dict(),
        }


def release(path: str | Path = ".", bump: str = "auto", out: str | Path | None = None) -> ReleaseResult:
    """Release the package at ``path`` into ``out`` (default: its ``dist/`` folder)."""
    if bump not in BUMPS:
        raise ReleaseRefused(
            f"--bump 只能是 {'/'.join(BUMPS)}", f"--bump must be one of {', '.join(BUMPS)}", exit_code=EXIT_USAGE
        )
    root = locate(path).parent
    report = validate(root)
    if not report.valid:
        raise ReleaseRefused(
            "数据包未通过校验，不能发布", "the package is not valid, nothing was released", findings=report.errors
        )
    package = load(root)
    out = Path(out) if out is not None else root / "dist"
    release_paths(out, release_name(package.descriptor.get("name"), versions.FIRST_VERSION))  # before the lock
    try:
        moment = source_date(root)
    except SourceDateError as error:
        raise ReleaseRefused(error.message_zh, error.message_en, exit_code=error.exit_code) from None
    try:
        with locked(out / LOCK):
            return _release(package, out, bump, moment)
    except LockedError as error:
        raise ReleaseRefused(
            f"另一个发布正在进行（锁文件 {error.lock}）；如确认没有，请删除该锁文件后重试",
            f"another release is running (lock file {error.lock}); if none is, delete the lock file and retry",
        ) from None


def _release(package: Package, out: Path, bump: str, moment: datetime) -> ReleaseResult:
    previous = find_previous(package.root, out, package.descriptor["name"])
    if previous is None:
        version = package.descriptor.get("version", "")
        version = version if versions.parse(version) else versions.FIRST_VERSION
        empty = Package(root=package.root, descriptor={"resources": []})
        return _build(package, out, version, moment, diff_packages(empty, package), None, "first")
    difference = _diff_with(previous, package)
    level = _chosen_level(difference, bump)
    if level == "none":
        return _unchanged(package, out, previous, difference, moment)
    version = versions.bump(previous.version, level)
    result = _build(package, out, version, moment, difference, previous.version, level)
    result.origin = previous.origin
    return result


def _diff_with(previous: PreviousRelease, package: Package) -> PackageDiff:
    try:
        with materialized(previous, package.root) as old_root:
            if previous.folder is not None:
                _check_intact(previous.folder)
            return diff_packages(load(old_root), package)
    except (GitError, PackageError) as error:
        raise ReleaseRefused(
            f"无法读取上一个发布 {previous.version}（{previous.origin}）：{error.message_zh}",
            f"the previous release {previous.version} ({previous.origin}) cannot be read: {error.message_en}",
            findings=error.findings,
        ) from None


def _build(package, out, version, moment, difference, previous, level, entry=True) -> ReleaseResult:
    top = release_name(package.descriptor["name"], version)
    for existing in (out / top, out / f"{top}.zip"):
        if existing.exists():
            raise ReleaseRefused(
                f"版本 {version} 已存在（{existing}），发布不可覆盖；若它不是正式发布，请先移走它",
                f"version {version} already exists ({existing}) and a release is never overwritten; "
                "move it away first if it was not really released",
            )
    text = repo.changelog_text(package.root)
    if entry:
        new_entry = changelog.entry(difference, version, moment.date().isoformat(), level)
        text = changelog.prepend(text, new_entry, version)
    files = release_files(package, version, moment, repo.readme_text(package), text)
    write_release(out, top, files, moment)
    written = repo.sync(package.root, version, text, replace=entry)
    return ReleaseResult("built", version, previous, level, difference, out / top, out / f"{top}.zip", written)


def _unchanged(package, out, previous: PreviousRelease, difference, moment) -> ReleaseResult:
    """Nothing changed since ``previous``: make sure its folder and zip exist, and the package says its version."""
    if previous.folder is None:  # a tagged release not built on this machine: build it as it was
        return _build(package, out, previous.version, moment, difference, previous.version, "none", entry=False)
    folder = previous.folder
    zip_path = folder.with_name(folder.name + ".zip")
    status = "unchanged"
    if not zip_path.exists():
        files = {name: (folder / name).read_bytes() for name in files_under(folder)}
        created = json.loads(files["datapackage.json"]).get("created", "")
        write_release(out, folder.name, files, datetime.fromisoformat(created.replace("Z", "+00:00")), True)
        status = "repaired"
    released_log = (folder / repo.CHANGELOG).read_text(encoding="utf-8") if (folder / repo.CHANGELOG).is_file() else ""
    written = repo.sync(package.root, previous.version, released_log, replace=False)
    return ReleaseResult(status, previous.version, previous.version, "none", difference, folder, zip_path, written)


def _chosen_level(difference: PackageDiff, bump: str) -> str:
    required = difference.bump
    if bump == "auto":
        return required
    if versions.rank(bump) < versions.rank(required):
        reasons = ", ".join(difference.reasons())
        raise ReleaseRefused(
            f"这些变化需要 {required} 级别的版本号变更，--bump {bump} 不够（{reasons}）；"
            f"请去掉 --bump 或用 --bump {required}",
            f"these changes require a {required} bump, --bump {bump} is not enough ({reasons}); "
            f"drop --bump or use --bump {required}",
            exit_code=EXIT_USAGE,
        )
    return bump


def _check_intact(folder: Path) -> None:
    findings = check_sums(folder) + check_descriptor(folder)
    if findings:
        raise ReleaseRefused(
            f"上一个发布 {folder} 已损坏，无法与之比较；请从正式发布处恢复它",
            f"the previous release {folder} is damaged and cannot be compared with; restore it from the published copy",
            findings=findings,
        )
