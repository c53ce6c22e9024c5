"""Submissions: one department-year read from a filled template or a CSV folder, checked with every
rule, and merged into the package all or nothing (`publish add`)."""

from publish.submission.intake import add
from publish.submission.text import add_report, render_add

__all__ = ["add", "add_report", "render_add"]
