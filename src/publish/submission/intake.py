"""`publish add` as a library call: read a submission, check it with every rule, merge it if clean."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from publish.core import Finding, load
from publish.submission import merge
from publish.submission.check import check
from publish.submission.merge import Plan
from publish.submission.model import Submission
from publish.submission.read import read_submission


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
    expected: tuple[str, str] | None = None,
) -> AddResult:
    """Check the submission at ``submission_path`` and, unless ``dry_run`` or it has errors, merge it.

    ``expected``: (fiscal year, department id) the caller says the submission is for; another is refused.
    Raises ``publish.core.package.PackageError`` if the package itself cannot be loaded.
    """
    package = load(package_path)
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
