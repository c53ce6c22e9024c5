"""The two things `publish extract` does, each one call: write a submission, or check the package."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from publish.core import Report
from publish.extract.check import check
from publish.extract.core import extract
from publish.extract.model import Extraction
from publish.extract.output import default_folder, write_submission
from publish.extract.reference import load_reference


@dataclass
class Outcome:
    extraction: Extraction
    folder: Path | None = None
    files: list[Path] = field(default_factory=list)
    report: Report | None = None


def extract_submission(
    path: str | Path, department: str | None, package: str | Path, out: str | Path | None
) -> Outcome:
    """Extract the text at ``path`` and write it as a submission folder (``out`` or ``<department>-<year>``)."""
    ext = extract(path, department, package)
    folder = Path(out) if out else default_folder(ext)
    files = write_submission(ext, load_reference(package).package, folder)
    return Outcome(ext, folder, files)


def check_text(path: str | Path, department: str | None, package: str | Path) -> Outcome:
    """Extract the text at ``path`` and compare it with the package's tables for that department-year."""
    ext = extract(path, department, package)
    return Outcome(ext, report=check(ext, load_reference(package)))
