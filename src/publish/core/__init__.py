"""The small core every layer stands on: findings and reports, the package on disk, atomic writes,
the canonical CSV, the encodings and number habits of Excel, the official identifiers' checks, and the
one error type with its exit codes."""

from publish.core.csvfile import read_rows, write_rows
from publish.core.csvfile import render as render_csv
from publish.core.encoding import BOM, decode_excel_csv
from publish.core.errors import EXIT_INVALID, EXIT_OK, EXIT_TOOL_FAILURE, EXIT_USAGE, PublishError
from publish.core.habits import describe, normalise_number
from publish.core.identifiers import credit_code_problem, division_code_problem
from publish.core.package import DESCRIPTOR, Package, PackageError, Resource, load, locate, unsafe_reason
from publish.core.report import Finding, Report, Severity

__all__ = [
    "BOM",
    "DESCRIPTOR",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_TOOL_FAILURE",
    "EXIT_USAGE",
    "Finding",
    "Package",
    "PackageError",
    "PublishError",
    "Report",
    "Resource",
    "Severity",
    "credit_code_problem",
    "decode_excel_csv",
    "describe",
    "division_code_problem",
    "load",
    "locate",
    "normalise_number",
    "read_rows",
    "render_csv",
    "unsafe_reason",
    "write_rows",
]
