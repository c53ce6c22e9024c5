"""Submissions: one department-year read from a filled template or a CSV folder, checked with every
rule, and merged into the package all or nothing (`publish add`); those a pull request adds to a repository's
``submissions/`` folder, checked and merged by `publish submissions`."""

from publish.submission.folders import submission_paths
from publish.submission.inbox import RevisionError, submissions_named
from publish.submission.intake import DuplicateClaimError, add, add_all
from publish.submission.repository import InboxRun, check_submissions, merge_submissions
from publish.submission.text import add_report, batch_report, render_add, render_batch

__all__ = [
    "DuplicateClaimError",
    "InboxRun",
    "RevisionError",
    "add",
    "add_all",
    "add_report",
    "batch_report",
    "check_submissions",
    "merge_submissions",
    "render_add",
    "render_batch",
    "submission_paths",
    "submissions_named",
]
