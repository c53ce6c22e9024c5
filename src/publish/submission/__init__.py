"""Submissions: one department-year read from a filled template or a CSV folder, checked with every
rule, and merged into the package all or nothing (`publish add`)."""

from publish.submission.folders import submission_paths
from publish.submission.intake import DuplicateClaimError, add, add_all
from publish.submission.text import add_report, batch_report, render_add, render_batch

__all__ = [
    "DuplicateClaimError",
    "add",
    "add_all",
    "add_report",
    "batch_report",
    "render_add",
    "render_batch",
    "submission_paths",
]
