"""Validate a package: our path checks, then frictionless for structure."""

from __future__ import annotations

from pathlib import Path

from publish.package import PackageError, load
from publish.report import Report
from publish.structure import check_structure


def validate(path: str | Path) -> Report:
    """Check the package at ``path`` (its folder or its datapackage.json) and report what is wrong."""
    report = Report()
    try:
        package = load(path)
    except PackageError as error:
        report.extend(error.findings)
        return report
    report.stats["resources"] = len(package.resources)
    report.extend(check_structure(package))
    return report
