"""Rendering one report: every output format lives here, none in the rules or the commands.

Each renderer takes the report and a language: "zh", "en" or "both" (Chinese first). ``relocated`` names the
files from the repository's root first, for a package in a sub-folder (``repository_prefix`` reads that folder).
"""

from __future__ import annotations

from collections.abc import Callable

from publish.core import Report
from publish.render import csv_table, github, json_report, text
from publish.render.prefix import PrefixError, relocated, repository_prefix
from publish.render.progress import progress_bar

RENDERERS: dict[str, Callable[[Report, str], str]] = {
    "text": text.render,
    "json": json_report.render,
    "github": github.render,
    "csv": csv_table.render,
}

__all__ = ["RENDERERS", "PrefixError", "progress_bar", "relocated", "repository_prefix"]
