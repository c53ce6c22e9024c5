"""The submissions in a repository's ``submissions/`` folder, checked in a pull request and merged after it.

``check_submissions`` checks every submission a pull request added or changed (``since``: its base commit; none:
every one waiting) as ``publish add --dry-run`` does, all together. ``merge_submissions`` merges them as
``publish add`` does, all or none, and only then files each under ``submissions/merged/``. Either way the report
names each finding from the repository's root, where GitHub places its annotation: a workbook's findings on the
workbook (``submissions/财政局.xlsx``, the message naming sheet and cell: ``收入预算!H3``), a CSV folder's on the
file and line (``submissions/财政局/income.csv``, line 4). The package is the repository's root.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from publish.core import Finding, Report, load
from publish.render import relocated
from publish.submission.filing import file_merged
from publish.submission.inbox import changed_submissions, waiting_submissions
from publish.submission.intake import AddResult, BatchResult, add_all
from publish.submission.text import add_report, render_batch


@dataclass
class InboxRun:
    """The submissions found (paths from the repository's root), what checking or merging them gave, what moved."""

    submissions: list[str]
    batch: BatchResult | None = None
    filed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        return self.batch is None or self.batch.accepted

    def report(self) -> Report:
        """Every submission's notes and findings, each named from the repository's root."""
        if self.batch is None:
            return Report()
        findings = []
        for submission, result in zip(self.submissions, self.batch.results, strict=False):
            findings += [_in_repository(finding, submission, result) for finding in add_report(result).findings]
        return Report(findings=findings)

    def render(self) -> str:
        """What was found, each submission's changes and verdict, and where the merged ones went."""
        if self.batch is None:
            return "没有新增或改动的报送 / no submission was added or changed under submissions/"
        lines = ["报送 submissions: " + ", ".join(self.submissions), render_batch(self.batch)]
        lines += [f"已归档 filed: {source} → {target}" for source, target in self.filed]
        return "\n".join(lines)


def check_submissions(root: str | Path, since: str | None = None) -> InboxRun:
    """Check the submissions added or changed since ``since`` (or all waiting) as ``publish add --dry-run``."""
    return _run(load(root).root, since, dry_run=True)


def merge_submissions(root: str | Path, since: str | None = None) -> InboxRun:
    """Merge the submissions added or changed since ``since`` (or all waiting), all or none; then file them."""
    root = load(root).root  # the package's folder, also when given its datapackage.json
    run = _run(root, since, dry_run=False)
    if run.batch is not None and run.batch.accepted:
        run.filed = file_merged(root, run.submissions)
    return run


def _run(root: Path, since: str | None, dry_run: bool) -> InboxRun:
    submissions = changed_submissions(root, since) if since else waiting_submissions(root)
    if not submissions:
        return InboxRun([])
    batch = add_all(root, [root / submission for submission in submissions], dry_run=dry_run)
    for submission, result in zip(submissions, batch.results, strict=False):
        if result.submission is not None:  # shown from the repository's root, as in the findings
            result.submission.source = Path(submission)
    return InboxRun(submissions, batch)


def _in_repository(finding: Finding, submission: str, result: AddResult) -> Finding:
    """``finding`` named from the repository's root: on the workbook itself, or on the CSV folder's file and line."""
    if result.submission is None:  # the package was locked: nothing was read
        return finding
    own = result.submission.source.name
    if not submission.lower().endswith(".xlsx") and finding.path and finding.path != own:
        return relocated(Report(findings=[finding]), submission).findings[0]
    return replace(finding, path=submission, row=None, cell=None)
