"""The two things `publish extract` does, each one call: write a submission, or check the package.

Either way the outcome's report holds the findings (none when writing a submission; the comparison's
when checking) and, as the JSON key ``extraction``, the department-year read, what could not be read
(the rows of extraction/unread.csv) and what was written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from publish.core import Report
from publish.extract.check import check
from publish.extract.core import extract
from publish.extract.errors import ExtractError
from publish.extract.identity import Overrides
from publish.extract.model import Extraction
from publish.extract.output import default_folder, write_submission
from publish.extract.reference import load_reference


@dataclass
class Outcome:
    extraction: Extraction
    report: Report
    folder: Path | None = None
    files: list[Path] = field(default_factory=list)


def extract_submission(
    path: str | Path,
    department: str | None,
    package: str | Path,
    out: str | Path | None,
    overrides: Overrides | None = None,
) -> Outcome:
    """Extract the text at ``path`` and write it as a submission folder (``out`` or ``<department>-<year>``);
    where ``package`` holds no package, a standalone one in the data model shipped with the tool."""
    ext = extract(path, department, package, overrides)
    folder = Path(out) if out else default_folder(ext)
    reference = load_reference(package)
    files = write_submission(ext, reference.package, folder)
    written = {"folder": str(folder), "files": [str(file) for file in files], "standalone": reference.standalone}
    return Outcome(ext, Report(extra={"extraction": {**_read(ext), **written}}), folder, files)


def check_text(
    path: str | Path, department: str | None, package: str | Path, overrides: Overrides | None = None
) -> Outcome:
    """Extract the text at ``path`` and compare it with the package's tables for that department-year."""
    reference = load_reference(package)
    if reference.standalone:
        raise ExtractError(
            f"{package} 中没有数据包（datapackage.json），--check 无表可比；请用 --package 指定数据包目录",
            f"there is no package (datapackage.json) in {package}, so --check has no tables to compare with; "
            "give the package folder with --package",
        )
    ext = extract(path, department, package, overrides)
    report = check(ext, reference)
    report.extra["extraction"] = _read(ext)
    return Outcome(ext, report)


def _read(ext: Extraction) -> dict[str, Any]:
    """The department-year read, its rows by table, and what could not be read (``complete`` if nothing)."""
    return {
        "fiscal_year": ext.fiscal_year,
        "department_id": ext.department_id,
        "document_kind": ext.document_kind,
        "scope": ext.scope,
        **({"proposed_department": ext.proposal} if ext.proposal else {}),
        "rows": {name: len(rows) for name, rows in ext.rows.items()},
        "complete": ext.complete,
        "unread": [unread.as_row() for unread in ext.unread],
    }
