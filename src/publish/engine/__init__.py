"""The columnar validation engine: read each table once, check whole columns at a time.

It keeps frictionless's semantics for structure (the same error types on the same rows) and
uses frictionless's own cell readers only for the rare cells that the vectorised fast path
cannot decide, so the two agree by construction.
"""

from publish.engine.findings import ERROR_EN, ERROR_ZH, declared_count_findings, structural_finding
from publish.engine.limits import MAX_ENUM_VALUES, MAX_FIELDS
from publish.engine.patterns import pattern_problem
from publish.engine.reading import BOM, LINE, parse
from publish.engine.scope import Scope
from publish.engine.tables import Tables, load_tables

__all__ = [
    "BOM",
    "ERROR_EN",
    "ERROR_ZH",
    "LINE",
    "MAX_ENUM_VALUES",
    "MAX_FIELDS",
    "Scope",
    "Tables",
    "declared_count_findings",
    "load_tables",
    "parse",
    "pattern_problem",
    "structural_finding",
]
