"""`publish add` as a library call: read a submission, check it with every rule, merge it if clean.

A merge holds the package's lock (``<package>/.publish-add.lock``, through ``publish.core.locked``, as a
release holds its own) from recovering an interrupted merge to the last rename, so two adds at once
never both merge from the same old files: the second is refused and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from publish.core import Finding, LockedError, Package, load, locked
from publish.submission import merge
from publish.submission.check import check
from publish.submission.merge import Plan
from publish.submission.model import Submission
from publish.submission.read import read_submission

LOCK = ".publish-add.lock"


@dataclass
class AddResult:
    submission: Submission | None
    findings: list[Finding] = field(default_factory=list)
    plan: Plan | None = None
    written: list[str] = field(default_factory=list)
    dry_run: bool = False
    recovered: bool = False

    @property
    def notes(self) -> list[Finding]:
        return self.submission.notes if self.submission else []

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def accepted(self) -> bool:
        return not self.errors


def add(
    package_path: str | Path,
    submission_path: str | Path,
    dry_run: bool = False,
    expected: tuple[str, ...] | None = None,
) -> AddResult:
    """Check the submission at ``submission_path`` and, unless ``dry_run`` or it has errors, merge it.

    ``expected``: (fiscal year, department id[, document kind, scope]) the caller says the submission is for
    (kind and scope left out: the consolidated budget); another is refused.
    Raises ``publish.core.package.PackageError`` if the package itself cannot be loaded.
    """
    package = load(package_path)
    if dry_run:
        return _add(package, submission_path, expected, dry_run=True)
    try:
        with locked(package.root / LOCK):
            return _add(package, submission_path, expected, dry_run=False)
    except LockedError as error:
        return AddResult(None, findings=[_locked(package, str(error.lock))])


def _add(package: Package, submission_path: str | Path, expected: tuple[str, ...] | None, dry_run: bool) -> AddResult:
    recovered = False if dry_run else merge.recover(package)
    submission = read_submission(submission_path, package, expected)
    result = AddResult(submission, dry_run=dry_run, recovered=recovered)
    if not submission.readable or submission.claim is None:
        result.findings = list(submission.problems)
        return result
    result.plan = merge.plan(package, submission)
    result.findings = check(package, submission, result.plan)
    if result.accepted and not dry_run:
        result.written = merge.apply(package, result.plan)
    return result


def _locked(package: Package, lock: str) -> Finding:
    return Finding(
        rule="package-locked",
        severity="error",
        path=LOCK,
        message_zh=f"另一个 publish add 正在向本数据包合并报送（锁文件 {lock}），本次未读取、未更改任何文件；请等它完成后"
        "重试。如确认没有其他合并在进行（例如上次被强行中止），请删除该锁文件后重试。",
        message_en=f"another publish add is merging into this package (lock file {lock}); nothing was read or "
        "changed. Retry once it has finished; if none is running (one was killed), delete the lock file and retry.",
    )
