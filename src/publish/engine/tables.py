"""Loading every resource of a package into typed columnar tables, once.

`load_tables` returns the typed tables (one polars DataFrame per resource, a column per field
plus `_line`, the file's line number) and the structural findings made on the way: encoding,
header, row shape, types, constraints, primary and foreign keys, in frictionless's terms.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

import polars as pl

from publish.core import Finding, Package, Resource
from publish.engine.cells import CellError, check_column
from publish.engine.findings import structural_finding
from publish.engine.keys import check_foreign_keys, check_primary_key
from publish.engine.reading import LINE, TextTable, UnreadableFile, read_text_table
from publish.engine.scope import Scope

THREADS = min(4, os.cpu_count() or 1)
MAX_FILE_BYTES = 512 << 20  # larger files are refused with a message, never read


@dataclass
class Table:
    resource: Resource
    frame: pl.DataFrame
    remarks: list[tuple[int, str, str, str]] = field(default_factory=list)  # (line, field, cell, remark)


@dataclass
class Tables:
    """The typed tables of a package, by resource name; a resource that could not be read is absent."""

    tables: dict[str, Table] = field(default_factory=dict)

    def __contains__(self, name: str) -> bool:
        return name in self.tables

    def __getitem__(self, name: str) -> pl.DataFrame:
        return self.tables[name].frame

    def path(self, name: str) -> str:
        return self.tables[name].resource.path

    def items(self):
        return self.tables.items()


def load_tables(package: Package, only: Scope | None = None, progress=None) -> tuple[Tables, list[Finding]]:
    """Every resource typed and checked; with ``only``, just the rows in that scope.

    ``progress(stage, done, total)``, if given, is called as each table is loaded.
    """
    tables = Tables()
    findings: list[Finding] = []
    resources = list(package.resources.values())
    with ThreadPoolExecutor(max_workers=THREADS) as pool:  # polars works outside the GIL
        loaded = []
        for result in pool.map(lambda resource: load_table(package, resource, only), resources):
            loaded.append(result)
            if progress:
                progress("tables", len(loaded), len(resources))
    for resource, (table, found) in zip(resources, loaded, strict=True):
        findings += found
        if table is not None:
            tables.tables[resource.name] = table
    for table in tables.tables.values():
        findings += check_foreign_keys(table.resource, table.frame, tables.tables)
    return tables, findings


def load_table(package: Package, resource: Resource, only: Scope | None = None) -> tuple[Table | None, list[Finding]]:
    path = resource.path
    try:
        raw, findings = read_text_table(_read_bounded(package, resource), path, resource.name)
    except UnreadableFile as error:
        return None, [error.finding]
    except OSError as error:
        return None, [structural_finding("scheme-error", path, resource.name, note=str(error.strerror or error))]
    if only is not None:
        raw = only.filter(raw)
    fields = resource.fields
    findings += _header_findings(raw.labels, fields, path, resource.name)
    frame, row_findings, remarks = _typed_frame(raw, fields, resource, path)
    findings += _with_department_year(row_findings + check_primary_key(resource, frame, path), frame)
    return Table(resource, frame, remarks), findings


def _with_department_year(findings: list[Finding], frame: pl.DataFrame) -> list[Finding]:
    """Name the department-year a row finding belongs to, where the row's key cells could be read."""
    if not findings or not {"fiscal_year", "department_id"} <= set(frame.columns):
        return findings
    lines = {f.row for f in findings if f.row}
    keys = frame.filter(pl.col(LINE).is_in(list(lines))).select(LINE, "fiscal_year", "department_id")
    by_line = {line: (year, department) for line, year, department in keys.iter_rows()}
    return [
        replace(f, fiscal_year=by_line[f.row][0], department_id=by_line[f.row][1])
        if f.row in by_line and None not in by_line[f.row]
        else f
        for f in findings
    ]


def _read_bounded(package: Package, resource: Resource) -> bytes:
    file = package.file(resource)
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES >> 20
        raise UnreadableFile(
            Finding(
                rule="source-error",
                severity="error",
                resource=resource.name,
                path=resource.path,
                values={"bytes": size},
                message_zh=f"{resource.path}：文件有 {size} 字节，超过 publish 读取的上限 {limit} MiB，未读取。"
                "请按年度或地区拆分。",
                message_en=f"{resource.path}: the file has {size} bytes, more than the {limit} MiB publish reads; "
                "nothing was read. Split it by year or region.",
            )
        )
    return file.read_bytes()


def _header_findings(labels: list[str], fields: list[dict], path: str, resource: str) -> list[Finding]:
    findings = []
    names = [f["name"] for f in fields]
    for number, label in enumerate(labels, start=1):
        if number > len(names):
            kind = "extra-label"
        elif label == "":
            kind = "blank-label"
        elif label in labels[: number - 1]:
            kind = "duplicate-label"
        elif label != names[number - 1]:
            kind = "incorrect-label"
        else:
            continue
        findings.append(
            structural_finding(
                kind, path, resource, row=1, field=names[number - 1] if number <= len(names) else None, cell=label
            )
        )
    for name in names[len(labels) :]:
        findings.append(structural_finding("missing-label", path, resource, row=1, field=name))
    return findings


def _typed_frame(raw: TextTable, fields: list[dict], resource: Resource, path: str):
    cells = raw.cells
    expected = fields[: len(raw.labels)] if len(raw.labels) < len(fields) else fields
    missing_values = resource.schema.get("missingValues", [""])
    n = len(expected)
    for i in range(cells.width - 1, n):
        cells = cells.with_columns(pl.lit("").alias(f"_c{i}"))
    empty_is_missing = "" in missing_values
    blank = cells.select(
        pl.all_horizontal(
            pl.lit(True), *[pl.col(f"_c{i}").is_in(missing_values).fill_null(empty_is_missing) for i in range(n)]
        )
    )
    blank = blank.to_series()
    if raw.widths is not None:
        blank = blank | (raw.widths == 0)
    lines = cells[LINE]
    findings: list[tuple[int, int, Finding]] = []
    remarks: list[tuple[int, str, str, str]] = []
    typed_columns = [lines]
    for number, spec in enumerate(expected):
        text = cells[f"_c{number}"]
        column = check_column(text, spec, missing_values)
        typed_columns.append(column.typed.alias(spec["name"]))
        remarks += [(lines[i], spec["name"], text[i], remark) for i, remark in column.remarks]
        for error in column.errors:
            if not blank[error.index]:
                findings.append((error.index, number, _cell_finding(error, text, lines, spec, path, resource.name)))
    if raw.widths is not None:
        findings += _shape_findings(raw, n, blank, expected, path, resource.name)
    for index in blank.arg_true().to_list():
        findings.append((index, -1, structural_finding("blank-row", path, resource.name, row=lines[index])))
    findings.sort(key=lambda item: (item[0], item[1]))
    for spec in fields[len(expected) :]:  # declared but absent from the header (missing-label says so)
        typed_columns.append(
            check_column(pl.Series([""] * cells.height, dtype=pl.String), spec, [""]).typed.alias(spec["name"])
        )
    return pl.DataFrame(typed_columns), [f for _, _, f in findings], remarks


def _cell_finding(error: CellError, text: pl.Series, lines: pl.Series, spec: dict, path: str, resource: str):
    return structural_finding(
        error.kind,
        path,
        resource,
        row=lines[error.index],
        field=spec["name"],
        cell=text[error.index] or "",
        note=error.note,
        field_type=spec.get("type", "string"),
    )


def _shape_findings(raw: TextTable, n: int, blank: pl.Series, expected, path, resource) -> list:
    found = []
    widths = raw.widths.to_list()
    lines = raw.cells[LINE]
    for index, width in enumerate(widths):
        if blank[index]:
            continue
        for number in range(n, width):
            found.append(
                (
                    index,
                    number,
                    structural_finding(
                        "extra-cell", path, resource, row=lines[index], cell=raw.cells[f"_c{number}"][index]
                    ),
                )
            )
        for number in range(width, n):
            found.append(
                (
                    index,
                    number,
                    structural_finding(
                        "missing-cell", path, resource, row=lines[index], field=expected[number]["name"]
                    ),
                )
            )
    return found
