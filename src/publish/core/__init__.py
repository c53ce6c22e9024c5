"""The small core every layer stands on: findings and reports, the package on disk, atomic writes,
the canonical CSV, the encodings and number habits of Excel, the official identifiers' checks, the
knowledge several layers share (units, code shapes, change words, the names lines are published under, the lines every disclosure lists), one
error type with its exit codes, and what guards input from outside (limits, Office zips) and output
(paths inside the output folder, locks)."""

from publish.core.change_words import CHANGE_WORDS, FALL, FLAT, RISE
from publish.core.codes import DEPARTMENT_ID, parent_code
from publish.core.csvfile import read_rows, write_rows
from publish.core.csvfile import render as render_csv
from publish.core.encoding import BOM, decode_excel_csv
from publish.core.errors import EXIT_INVALID, EXIT_OK, EXIT_TOOL_FAILURE, EXIT_USAGE, PublishError
from publish.core.habits import HABITS, NUMERIC, describe, normalise_number, undo_habits
from publish.core.identifiers import credit_code_problem, division_code_problem
from publish.core.identity import DEFAULT_KIND, DEFAULT_SCOPE, DOCUMENT_KINDS, IDENTITY, SCOPES, identity_words
from publish.core.lock import LockedError, locked
from publish.core.names import SEMVER, name_problem
from publish.core.office import ZIP_ERRORS, unsafe_office_file
from publish.core.package import (
    DESCRIPTOR,
    Package,
    PackageError,
    Resource,
    load,
    locate,
    release_name,
    unsafe_reason,
)
from publish.core.paths import OutsideError, inside
from publish.core.report import Finding, Report, Severity
from publish.core.required import (
    DEFAULT_PROFILE,
    PROFILE_PATTERN,
    PROFILES,
    REQUIRED_LINES,
    STATUSES,
    Part,
    Profile,
    profile_lines,
    profile_of,
)
from publish.core.units import CENTI, DECIMALS, DEFAULT_UNIT, UNIT_DECIMALS, YUAN_PER_UNIT, YUAN_PER_WANYUAN, fen
from publish.core.vocabulary import (
    CHANGE_WORD_ALIASES,
    CHANGE_WORD_SIGNS,
    FUND_NAMES,
    VEHICLE_MEASURES,
    known_names,
    official_names,
)

__all__ = [
    "BOM",
    "CENTI",
    "CHANGE_WORDS",
    "CHANGE_WORD_ALIASES",
    "CHANGE_WORD_SIGNS",
    "DECIMALS",
    "DEFAULT_KIND",
    "DEFAULT_PROFILE",
    "DEFAULT_SCOPE",
    "DEFAULT_UNIT",
    "DEPARTMENT_ID",
    "DESCRIPTOR",
    "DOCUMENT_KINDS",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_TOOL_FAILURE",
    "EXIT_USAGE",
    "FALL",
    "FLAT",
    "FUND_NAMES",
    "HABITS",
    "IDENTITY",
    "NUMERIC",
    "PROFILES",
    "PROFILE_PATTERN",
    "REQUIRED_LINES",
    "RISE",
    "SCOPES",
    "SEMVER",
    "STATUSES",
    "UNIT_DECIMALS",
    "VEHICLE_MEASURES",
    "YUAN_PER_UNIT",
    "YUAN_PER_WANYUAN",
    "ZIP_ERRORS",
    "Finding",
    "LockedError",
    "OutsideError",
    "Package",
    "PackageError",
    "Part",
    "Profile",
    "PublishError",
    "Report",
    "Resource",
    "Severity",
    "credit_code_problem",
    "decode_excel_csv",
    "describe",
    "division_code_problem",
    "fen",
    "identity_words",
    "inside",
    "known_names",
    "load",
    "locate",
    "locked",
    "name_problem",
    "normalise_number",
    "official_names",
    "parent_code",
    "profile_lines",
    "profile_of",
    "read_rows",
    "release_name",
    "render_csv",
    "undo_habits",
    "unsafe_office_file",
    "unsafe_reason",
    "write_rows",
]
