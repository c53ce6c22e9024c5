"""Loading every resource of a package into typed columnar tables, once.

`load_tables` returns the typed tables (one polars DataFrame per resource, a column per field
plus `_line`, the file's line number) and the structural findings made on the way: encoding,
header, row shape, types, constraints, unique, primary and foreign keys, bytes, hash and row
count, in frictionless's terms. A resource that is not a CSV file is handed whole to frictionless
(delegate.py).
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

import polars as pl

from publish.core import IDENTITY, Finding, Package, Resource
from publish.engine.delegate import load_delegated, read_by_frictionless
from publish.engine.dialect import declared
from publish.engine.findings import declared_count_findings, structural_finding
from publish.engine.header import match_header
from publish.engine.keys import check_foreign_keys, check_primary_key, check_unique
from publish.engine.limits import MAX_FILE_BYTES
from publish.engine.reading import LINE, TextTable, UnreadableFile, read_text_table
from publish.engine.rows import type_rows
from publish.engine.scope import Scope

THREADS = min(4, os.cpu_count() or 1)


@dataclass
class Table:
    resource: Resource
    frame: pl.DataFrame
    remarks: list[tuple[int, str, str, str]] = field(default_factory=list)  # (line, field, cell, remark)
    keys: dict[str, pl.Series] = field(default_factory=dict)  # exact key values where a column rounds
    present: set[str] = field(default_factory=set)  # the fields the header names
    delegated: bool = False  # read and checked by frictionless itself, keys included


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
    largest_first = sorted(range(len(resources)), key=lambda i: -_size(package, resources[i]))
    loaded: list = [None] * len(resources)
    with ThreadPoolExecutor(max_workers=THREADS) as pool:  # polars works outside the GIL
        work = pool.map(lambda i: load_table(package, resources[i], only), largest_first)
        for done, (i, result) in enumerate(zip(largest_first, work, strict=True), start=1):
            loaded[i] = result
            if progress:
                progress("tables", done, len(resources))
        for resource, (table, found) in zip(resources, loaded, strict=True):
            findings += found
            if table is not None:
                tables.tables[resource.name] = table
        checked = [table for table in tables.tables.values() if not table.delegated]
        names = set(package.resources)
        for found in pool.map(lambda table: check_foreign_keys(table, tables.tables, names), checked):
            findings += found  # in table order, as one after another
    return tables, findings


def _size(package: Package, resource: Resource) -> int:
    """The resource's file size (0 where it cannot be told): the largest files are read first, so that the last
    one to finish is a small one."""
    try:
        return package.file(resource).stat().st_size
    except (OSError, TypeError, ValueError):
        return 0


def load_table(package: Package, resource: Resource, only: Scope | None = None) -> tuple[Table | None, list[Finding]]:
    if read_by_frictionless(resource):
        frame, keys, findings = load_delegated(package, resource)
        table = (
            Table(resource, frame, keys=keys, present=set(frame.columns), delegated=True) if frame is not None else None
        )
        return table, findings
    path = resource.path
    options = declared(resource.descriptor, package.root)
    try:
        data = _read_bounded(package, resource)
        raw, findings = read_text_table(data, path, resource.name, options, resource.descriptor.get("encoding"))
    except UnreadableFile as error:
        return None, [error.finding]
    except OSError as error:
        return None, [structural_finding("scheme-error", path, resource.name, note=str(error.strerror or error))]
    findings += _file_findings(data, raw, resource)
    if only is not None:
        raw = only.filter(raw, resource.name)
    header = match_header(raw.labels, resource.schema, ignore_case=options.get("header_case") is False)
    findings += _header_findings(header.problems, resource, raw.header_line)
    typed = type_rows(raw, header.expected, resource)
    present = {spec["name"] for spec in header.expected}
    keyed = check_primary_key(resource, typed.frame, typed.keys, present)
    keyed += check_unique(resource, typed.frame, typed.keys, present)
    findings += _with_department_year(typed.findings + keyed, typed.frame)
    return Table(resource, typed.frame, typed.remarks, typed.keys, present), findings


def _with_department_year(findings: list[Finding], frame: pl.DataFrame) -> list[Finding]:
    """Name the disclosure a row finding belongs to (year, department, and kind and scope where the table has
    them), where the row's key cells could be read."""
    if not findings or not {"fiscal_year", "department_id"} <= set(frame.columns):
        return findings
    named = [name for name in IDENTITY if name in frame.columns]
    lines = {f.row for f in findings if f.row}
    keys = frame.filter(pl.col(LINE).is_in(list(lines))).select(LINE, *named)
    by_line = {line: dict(zip(named, key, strict=True)) for line, *key in keys.iter_rows()}
    return [
        replace(f, **by_line[f.row])
        if f.row in by_line and None not in (by_line[f.row]["fiscal_year"], by_line[f.row]["department_id"])
        else f
        for f in findings
    ]


def _file_findings(data: bytes, raw: TextTable, resource: Resource) -> list[Finding]:
    """The source is empty; the descriptor's `bytes`, `hash` and `rows` differ from the file's."""
    findings = []
    if raw.empty:
        findings.append(structural_finding("source-error", resource.path, resource.name, note="the source is empty"))
    expected = resource.descriptor.get("hash")
    algorithm = (expected.rpartition(":")[0] or "md5") if isinstance(expected, str) else None
    digest = hashlib.new(algorithm, data).hexdigest() if algorithm in ("md5", "sha256") else None
    return findings + declared_count_findings(resource, digest=digest, size=len(data), rows=raw.cells.height)


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


def _header_findings(problems: list, resource: Resource, line: int) -> list[Finding]:
    return [
        structural_finding(kind, resource.path, resource.name, row=line, field=name, cell=label)
        for kind, name, label in problems
    ]
