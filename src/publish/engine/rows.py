"""A table of text cells typed column by column, with the row findings frictionless would make.

Each column is read as the field the header pairs it with (header.py); cell errors on a blank row
are replaced by one blank-row error, a row with more cells than fields has extra-cell errors and
one with fewer has missing-cell errors (a cell that is absent is missing, not empty).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl

from publish.core import Finding, Resource
from publish.engine import limits
from publish.engine.cell_reader import CellError
from publish.engine.cells import check_columns
from publish.engine.findings import structural_finding
from publish.engine.reading import LINE, TextTable
from publish.engine.values import dtype


@dataclass
class TypedRows:
    frame: pl.DataFrame  # `_line` and one typed column per field of the schema
    findings: list[Finding] = field(default_factory=list)
    remarks: list[tuple[int, str, str, str]] = field(default_factory=list)  # (line, field, cell, remark)
    keys: dict[str, pl.Series] = field(default_factory=dict)  # exact key values where a column rounds


def missing_values(spec: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    """The field's missing values (its own, else the schema's), labelled ones (Table Schema v2) by their value."""
    values = spec.get("missingValues", schema.get("missingValues", [""]))
    return [v["value"] if isinstance(v, dict) else v for v in values]


def type_rows(raw: TextTable, expected: list[dict], resource: Resource) -> TypedRows:
    """Type every column of ``raw`` as its ``expected`` field; fields the file lacks become empty columns."""
    cells, n = raw.cells, len(expected)
    for i in range(cells.width - 1, n):
        cells = cells.with_columns(pl.lit("").alias(f"_c{i}"))
    lines = cells[LINE]
    markers = [missing_values(spec, resource.schema) for spec in expected]
    absent = [_absent(raw, i) for i in range(n)]
    missing = _missing(cells, markers, absent)
    blank = _blank(missing, raw)
    declared = {id(spec) for spec in resource.fields}
    result = TypedRows(pl.DataFrame([lines]))
    located: list[tuple[int, int, Finding]] = []
    columns = [lines]
    numbers = [number for number, spec in enumerate(expected) if id(spec) in declared]  # else a label the
    # schema lacks: read as `any`, which no cell fails
    checked = check_columns(
        [cells[f"_c{number}"] for number in numbers],
        [expected[number] for number in numbers],
        [markers[number] for number in numbers],
        [missing[number] for number in numbers],
    )
    for number, column in zip(numbers, checked, strict=True):
        spec = expected[number]
        columns.append(column.typed.alias(spec["name"]))
        located += _column_findings(result, column, cells[f"_c{number}"], number, spec, blank, resource)
    if raw.widths is not None:
        located += _shape_findings(raw, n, blank, expected, resource)
    located += [
        (i, -1, structural_finding("blank-row", resource.path, resource.name, row=lines[i]))
        for i in (blank.arg_true().to_list() if blank.any() else [])
    ]
    result.findings += [f for _, _, f in sorted(located, key=lambda item: (item[0], item[1]))]
    names = {spec["name"] for spec in expected if id(spec) in declared}
    columns += [  # declared but absent from the header (missing-label says so)
        pl.Series(spec["name"], [None] * cells.height, dtype=dtype(spec.get("type", "string")))
        for spec in resource.fields
        if spec["name"] not in names
    ]
    result.frame = pl.DataFrame(columns)
    return result


def _column_findings(result: TypedRows, column, text: pl.Series, number: int, spec: dict, blank, resource) -> list:
    """The column's located cell findings (none on a blank row); its keys, remarks and time-outs into ``result``."""
    lines = result.frame[LINE]
    if column.key is not None:
        result.keys[spec["name"]] = column.key.alias(spec["name"])
    result.remarks += [(lines[i], spec["name"], text[i], remark) for i, remark in column.remarks]
    if column.timed_out:
        result.findings.append(_pattern_timeout(spec, resource))
    return [
        (e.index, number, _cell_finding(e, text, lines, spec, resource)) for e in column.errors if not blank[e.index]
    ]


def _absent(raw: TextTable, position: int) -> pl.Series | None:
    """The rows too short to have a cell at ``position`` (None where every row has every cell)."""
    return None if raw.widths is None else raw.widths <= position


def _missing(cells: pl.DataFrame, markers: list[list[str]], absent: list) -> list[pl.Series]:
    """Each column's missing cells (a missing value, or absent), all columns in one pass."""
    alike: dict[tuple[str, ...], list[str]] = {}  # columns by their missing values: one expression each
    for i, values in enumerate(markers):
        alike.setdefault(tuple(values), []).append(f"_c{i}")
    masks = [pl.col(names).is_in(list(values)).fill_null("" in values) for values, names in alike.items()]
    found = cells.select(masks) if masks else pl.DataFrame()
    return [found[f"_c{i}"] | absent[i] if absent[i] is not None else found[f"_c{i}"] for i in range(len(markers))]


def _blank(missing: list[pl.Series], raw: TextTable) -> pl.Series:
    """Rows whose every cell is missing, as frictionless's blank-row."""
    blank = pl.Series("literal", [True], dtype=pl.Boolean).new_from_index(0, raw.cells.height)
    for column in missing:
        blank = blank & column
    if raw.widths is not None:
        blank = blank | (raw.widths == 0)
    return blank


def _cell_finding(error: CellError, text: pl.Series, lines: pl.Series, spec: dict, resource: Resource) -> Finding:
    return structural_finding(
        error.kind,
        resource.path,
        resource.name,
        row=lines[error.index],
        field=spec["name"],
        cell=text[error.index] or "",
        note=error.note,
        field_type=spec.get("type", "string"),
    )


def _pattern_timeout(spec: dict, resource: Resource) -> Finding:
    pattern = spec["constraints"]["pattern"]
    return structural_finding(
        "limit-exceeded",
        resource.path,
        resource.name,
        field=spec["name"],
        note=f'the pattern "{pattern}" took more than {limits.PATTERN_SECONDS} s on this column; the rest was not checked. '
        "Simplify the pattern (no backreference or look-around) so that it runs in linear time",
    )


def _shape_findings(raw: TextTable, n: int, blank: pl.Series, expected: list[dict], resource: Resource) -> list:
    found = []
    lines = raw.cells[LINE]
    widths = raw.widths.to_list()
    for index in ((raw.widths != n) & ~blank).arg_true().to_list():
        width = widths[index]
        for number in range(n, width):
            cell = raw.cells[f"_c{number}"][index]
            found.append(
                (
                    index,
                    number,
                    structural_finding("extra-cell", resource.path, resource.name, row=lines[index], cell=cell),
                )
            )
        for number in range(width, n):
            name = expected[number]["name"]
            found.append(
                (
                    index,
                    number,
                    structural_finding("missing-cell", resource.path, resource.name, row=lines[index], field=name),
                )
            )
    return found
