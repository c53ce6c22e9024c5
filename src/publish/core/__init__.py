"""The small core every layer stands on: findings and reports, the package on disk, atomic writes,
the canonical CSV, the encodings and number habits of Excel, the official identifiers' checks, and what
guards input from outside (limits, Office zips) and output (paths inside the output folder, locks)."""

from publish.core.csvfile import read_rows, write_rows
from publish.core.csvfile import render as render_csv
from publish.core.encoding import BOM, decode_excel_csv
from publish.core.habits import describe, normalise_number
from publish.core.identifiers import credit_code_problem, division_code_problem
from publish.core.lock import LockedError, locked
from publish.core.names import SEMVER, name_problem
from publish.core.office import ZIP_ERRORS, unsafe_office_file
from publish.core.package import DESCRIPTOR, Package, PackageError, Resource, load, locate, unsafe_reason
from publish.core.paths import OutsideError, inside
from publish.core.report import Finding, Report, Severity

__all__ = [
    "BOM",
    "DESCRIPTOR",
    "SEMVER",
    "ZIP_ERRORS",
    "Finding",
    "LockedError",
    "OutsideError",
    "Package",
    "PackageError",
    "Report",
    "Resource",
    "Severity",
    "credit_code_problem",
    "decode_excel_csv",
    "describe",
    "division_code_problem",
    "inside",
    "load",
    "locate",
    "locked",
    "name_problem",
    "normalise_number",
    "read_rows",
    "render_csv",
    "unsafe_office_file",
    "unsafe_reason",
    "write_rows",
]
