"""`publish add` as a library call: read a submission, check it with every rule, merge it if clean.

A merge holds the package's lock (``<package>/.publish-add.lock``, through ``publish.core.locked``, as a
release holds its own) from recovering an interrupted merge to the last rename, so two adds at once
never both merge from the same old files: the second is refused and changes nothing.

Several submissions (``add_all``) are checked together, against the package with all of them merged, and
written in one merge: if any is refused, none is written. Two claiming the same disclosure are refused at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from publish.core import EXIT_USAGE, Finding, LockedError, Package, PublishError, load, locked
from publish.submission import merge
from publish.submission.check import check_all
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


@dataclass
class BatchResult:
    """Several submissions added at once: each one's result, and the files written for all of them (or none)."""

    results: list[AddResult]
    written: list[str] = field(default_factory=list)
    dry_run: bool = False
    recovered: bool = False

    @property
    def accepted(self) -> bool:
        return all(result.accepted for result in self.results)

    @property
    def refused(self) -> list[AddResult]:
        return [result for result in self.results if not result.accepted]


class DuplicateClaimError(PublishError):
    """Two submissions of one batch claim the same disclosure: which one is meant is the caller's to say."""

    exit_code = EXIT_USAGE


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
    return add_all(package_path, [submission_path], dry_run, expected).results[0]


def add_all(
    package_path: str | Path,
    submission_paths: list[str | Path],
    dry_run: bool = False,
    expected: tuple[str, ...] | None = None,
) -> BatchResult:
    """Check every submission and, unless ``dry_run`` or one has errors, merge them all in one write: all or none.

    Raises ``DuplicateClaimError`` when two claim the same disclosure (year, department, kind, scope).
    """
    package = load(package_path)
    if dry_run:
        return _add_all(package, submission_paths, expected, dry_run=True)
    try:
        with locked(package.root / LOCK):
            return _add_all(package, submission_paths, expected, dry_run=False)
    except LockedError as error:
        return BatchResult([AddResult(None, findings=[_locked(package, str(error.lock))])])


def _add_all(package: Package, paths: list[str | Path], expected: tuple[str, ...] | None, dry_run: bool) -> BatchResult:
    recovered = False if dry_run else merge.recover(package)
    results = [AddResult(read_submission(path, package, expected), dry_run=dry_run) for path in paths]
    for result in results[:1]:
        result.recovered = recovered
    claimed = []
    for result in results:
        if result.submission.readable and result.submission.claim is not None:
            claimed.append(result)
        else:
            result.findings = list(result.submission.problems)
    _refuse_duplicates([result.submission for result in claimed])
    batch = BatchResult(results, dry_run=dry_run, recovered=recovered)
    if not claimed:
        return batch
    plans = merge.plan_all(package, [result.submission for result in claimed])
    findings = check_all(package, [result.submission for result in claimed], plans[-1])
    for result, planned, found in zip(claimed, plans, findings, strict=True):
        result.plan, result.findings = planned, found
    if batch.accepted and not dry_run:
        batch.written = merge.apply(package, plans[-1])
        for result in results:
            result.written = batch.written
    return batch


def _refuse_duplicates(submissions: list[Submission]) -> None:
    first: dict[tuple[str, ...], Submission] = {}
    for submission in submissions:
        earlier = first.setdefault(submission.claim, submission)
        if earlier is not submission:
            shown = " ".join(submission.claim)
            raise DuplicateClaimError(
                f"{earlier.source} 与 {submission.source} 报送的是同一份公开文件（{shown}）；一次只能并入其中一个，"
                "请去掉其中一个后重试。未写入任何文件",
                f"{earlier.source} and {submission.source} both submit the same disclosure ({shown}); only one of "
                "them can be merged: leave one out and retry. Nothing was written",
            )


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
