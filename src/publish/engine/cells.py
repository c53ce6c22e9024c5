"""Types and constraints of a table's columns, checked column-wise in a few polars queries per table.

A cell the fast path recognises (the canonical form of a common type, e.g. `360.67`, `2023`,
`2024-01-31`) is converted and constraint-checked with vectorised expressions. Every other
non-missing cell, and every cell of the rarer types (datetime, time, duration, object, array, list,
geopoint, geojson, any) or of a field with reading options (`bareNumber`, `groupChar`, `trueValues`,
a `format` …), is handed to frictionless's own cell reader for that field (cell_reader.py), so what is
valid, and which error a cell gets, is frictionless's decision. Constraint values are read by the field's own
frictionless value reader too. `pattern` is checked here for every cell (`patterns.py`).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import polars as pl

from publish.core import DECIMALS
from publish.engine.cell_reader import CellError, Column, convert_slow
from publish.engine.constraints import constraint_failures
from publish.engine.patterns import check_pattern, polars_pattern

FAST_FORMS = {
    "number": rf"^-?[0-9]{{1,15}}(\.[0-9]{{1,{DECIMALS}}})?$",
    "integer": r"^-?[0-9]{1,18}$",
    "year": r"^[0-9]{4}$",
    "yearmonth": r"^[0-9]{4}-(0[1-9]|1[0-2])$",
    "date": r"^([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-[0-9]{2}-[0-9]{2}$",
}
TRUE_VALUES = ["true", "True", "TRUE", "1"]
FALSE_VALUES = ["false", "False", "FALSE", "0"]
READING_OPTIONS = ("groupChar", "decimalChar", "bareNumber", "floatNumber", "trueValues", "falseValues")
# The order in which frictionless reports the constraints a cell fails.
CONSTRAINT_ORDER = ["required", "minLength", "maxLength", "pattern", "minimum", "maximum"]
CONSTRAINT_ORDER += ["exclusiveMinimum", "exclusiveMaximum", "enum"]


def check_columns(texts: list[pl.Series], specs: list[dict], markers: list[list[str]], missing: list[pl.Series]):
    """Each column of text cells converted to its field's type, with each type and constraint error (`Column`s).

    ``markers`` are each field's missing values and ``missing`` each column's missing cells (absent ones
    included, `rows._missing`). The vectorised work of the whole table runs in two polars queries, whatever
    its number of columns; the cells the fast path does not take are read one by one (`_convert_slow`).
    """
    if not specs:
        return []
    cells = pl.DataFrame(
        [t.alias(f"t{i}") for i, t in enumerate(texts)] + [m.alias(f"m{i}") for i, m in enumerate(missing)]
    )
    staged = cells.with_columns(e for i, spec in enumerate(specs) for e in _staging(i, spec, markers[i]))
    staged = staged.with_columns(_converted(i, spec.get("type", "string")) for i, spec in enumerate(specs))
    columns = []
    for i, spec in enumerate(specs):
        column = convert_slow(staged[f"t{i}"], staged[f"y{i}"], _positions(staged[f"s{i}"]), spec, markers[i])
        column.errors += _required_errors(staged[f"m{i}"], spec)
        columns.append(column)
    for column, failures in zip(columns, _failures(columns, specs, staged).values(), strict=True):
        column.errors += failures
    for column, spec in zip(columns, specs, strict=True):
        _python_pattern(column, spec)
        column.errors.sort(key=_report_order)
    return columns


def _staging(i: int, spec: dict[str, Any], missing_values: list[str]) -> list[pl.Expr]:
    """Column ``i``'s text (an empty cell as "" where "" is not a missing value), fast cells and slow cells."""
    kind = spec.get("type", "string") if _takes_fast(spec) else None
    return _staging_for(i, kind, "" in missing_values)


@cache
def _staging_for(i: int, kind: str | None, empty_is_missing: bool) -> list[pl.Expr]:
    """`_staging` for a field of ``kind`` whose cells can take the fast path (None: none can); built once."""
    text = pl.col(f"t{i}") if empty_is_missing else pl.col(f"t{i}").fill_null("")
    missing = pl.col(f"m{i}")
    fast = (~missing & _fast_mask(text, kind)).fill_null(False)
    return [text.alias(f"t{i}"), fast.alias(f"f{i}"), (~missing & ~fast).alias(f"s{i}")]


@cache
def _converted(i: int, kind: str) -> pl.Expr:
    """Column ``i``'s fast cells in the field's representation (values.py), null elsewhere; built once."""
    return _convert_fast(pl.when(pl.col(f"f{i}")).then(pl.col(f"t{i}")), kind).alias(f"y{i}")


def _failures(columns: list[Column], specs: list[dict], staged: pl.DataFrame) -> dict:
    """Each column's constraint and pattern errors on its typed values, the whole table in one query."""
    typed = pl.DataFrame(
        [c.typed.alias(f"y{i}") for i, c in enumerate(columns)] + [staged[f"f{i}"] for i in range(len(specs))]
    )
    checks: dict[str, tuple[int, str, str]] = {}
    masks = []
    for i, spec in enumerate(specs):
        for name, note, failed in constraint_failures(pl.col(f"y{i}"), spec) if _takes_fast(spec) else []:
            checks[f"x{len(masks)}"] = (i, name, note)
            masks.append((failed & pl.col(f"f{i}")).fill_null(False).alias(f"x{len(masks)}"))
        pattern = _pattern(spec)
        if pattern is not None and polars_pattern(pattern) is not None:
            checks[f"x{len(masks)}"] = (i, "pattern", f'constraint "pattern" is "{pattern}"')
            masks.append(
                (~pl.col(f"y{i}").str.contains(polars_pattern(pattern))).fill_null(False).alias(f"x{len(masks)}")
            )
    found: dict[int, list[CellError]] = {i: [] for i in range(len(specs))}
    failed = typed.select(masks) if masks else pl.DataFrame()
    for mask, (i, name, note) in checks.items():
        if failed[mask].any():
            found[i] += [CellError(p, "constraint-error", note, name) for p in _positions(failed[mask])]
    return found


def _pattern(spec: dict[str, Any]) -> str | None:
    """The field's `pattern`, where one applies (to a string field)."""
    pattern = spec.get("constraints", {}).get("pattern")
    return pattern if spec.get("type", "string") == "string" and isinstance(pattern, str) else None


def _python_pattern(column: Column, spec: dict[str, Any]) -> None:
    """The `pattern` polars cannot read checked by the `regex` module, under its time budget (patterns.py)."""
    pattern = _pattern(spec)
    if pattern is None or polars_pattern(pattern) is not None:
        return
    check = check_pattern(column.typed, pattern)
    note = f'constraint "pattern" is "{pattern}"'
    column.errors += [CellError(i, "constraint-error", note, "pattern") for i in check.failed]
    column.timed_out = check.timed_out


def _report_order(error: CellError) -> tuple[int, int]:
    rank = CONSTRAINT_ORDER.index(error.constraint) + 1 if error.constraint in CONSTRAINT_ORDER else 0
    return error.index, rank


def _takes_fast(spec: dict[str, Any]) -> bool:
    """Some cells of the field can take the fast path (else frictionless reads, and checks, every cell)."""
    if spec.get("format", "default") != "default" or any(k in spec for k in READING_OPTIONS):
        return False
    return spec.get("type", "string") in ("string", "boolean", *FAST_FORMS)


def _fast_mask(text: pl.Expr, kind: str | None) -> pl.Expr:
    """The cells in the canonical form of ``kind`` (None: a field whose cells all go to frictionless)."""
    if kind is None:
        return pl.lit(False)
    if kind == "string":
        return pl.lit(True)
    if kind == "boolean":
        return text.is_in(TRUE_VALUES + FALSE_VALUES)
    mask = text.str.contains(FAST_FORMS[kind])
    if kind == "date":
        mask = mask & text.str.to_date("%Y-%m-%d", strict=False).is_not_null()
    return mask


def _convert_fast(kept: pl.Expr, kind: str) -> pl.Expr:
    if kind == "number":
        return kept.cast(pl.Decimal(20, DECIMALS), strict=False).to_physical().cast(pl.Int64)
    if kind in ("integer", "year"):
        return kept.cast(pl.Int64, strict=False)
    if kind == "yearmonth":
        return kept.str.replace("-", "", literal=True).cast(pl.Int64, strict=False)
    if kind == "date":
        return kept.str.to_date("%Y-%m-%d", strict=False)
    if kind == "boolean":
        return pl.when(kept.is_not_null()).then(kept.is_in(TRUE_VALUES))
    return kept


def _required_errors(missing: pl.Series, spec: dict[str, Any]) -> list[CellError]:
    if not spec.get("constraints", {}).get("required"):
        return []
    note = 'constraint "required" is "True"'
    return [CellError(i, "constraint-error", note, "required") for i in _positions(missing)]


def _positions(mask: pl.Series) -> list[int]:
    """The positions where ``mask`` is true; a polars query only where there is one."""
    return mask.arg_true().to_list() if mask.any() else []
