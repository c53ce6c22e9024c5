"""Primary keys, foreign keys and `unique` over whole typed tables, with frictionless's semantics.

A primary key whose cells are all empty is an error, and so is each later row repeating an
earlier row's key; a `unique` field's later repeats are errors too. A foreign key is checked on
rows whose key cells are not all empty, against the referenced rows whose key cells are not all
empty; empty cells compare equal, as Python's tuples do in frictionless. Values compare as
frictionless's Python values do (values.py): exactly (1.001 is not 1.004), and across types only
where Python's `==` holds (the text "1" is not the integer 1). A key, foreign key or `unique` over a
field the header lacks is skipped, as frictionless skips it (missing-label reports the field).
"""

from __future__ import annotations

import itertools

import polars as pl

from publish.core import Finding, Resource
from publish.engine.findings import structural_finding
from publish.engine.reading import LINE
from publish.engine.values import canonical_series

ORDINAL = "_ordinal"
SMALL_TABLE = 1000  # rows; a key's order in a table this small is told without a polars query


def key_column(frame: pl.DataFrame, keys: dict[str, pl.Series], name: str) -> pl.Series:
    """The values of ``name`` as keys compare them: the exact keys where the column rounds, else the column."""
    return keys[name] if name in keys else frame[name]


def check_primary_key(resource: Resource, frame: pl.DataFrame, keys: dict, present: set[str]) -> list[Finding]:
    key = resource.primary_key
    if not key or not set(key) <= present or not set(key) <= set(frame.columns):
        return []
    if not set(key) & set(keys) and _strictly_ascending(frame, key):
        return []  # sorted by the key with no empty cell, as canonical files are: no key can repeat
    keyed = pl.DataFrame([frame[LINE], *(key_column(frame, keys, k) for k in key)]).with_row_index(ORDINAL)
    all_empty = pl.all_horizontal(pl.col(k).is_null() for k in key)
    findings = [
        structural_finding(
            "primary-key",
            resource.path,
            resource.name,
            row=line,
            note='cells composing the primary keys are all "None"',
        )
        for line in keyed.filter(all_empty)[LINE].to_list()
    ]
    for line, first, cells in _repeats(keyed.filter(~all_empty), key, frame):
        findings.append(
            structural_finding(
                "primary-key",
                resource.path,
                resource.name,
                row=line,
                cell=", ".join(map(str, cells)),
                note=f"the same as in the row at line {first}",
                involved=(first,),
            )
        )
    return sorted(findings, key=lambda f: f.row or 0)


def check_unique(resource: Resource, frame: pl.DataFrame, keys: dict, present: set[str]) -> list[Finding]:
    """A `unique: true` field's repeated values (empty cells aside): each repeat after the first."""
    findings = []
    for spec in resource.fields:
        name = spec["name"]
        if not spec.get("constraints", {}).get("unique") or name not in present or name not in frame.columns:
            continue
        keyed = pl.DataFrame([frame[LINE], key_column(frame, keys, name)]).with_row_index(ORDINAL)
        for line, first, cells in _repeats(keyed.filter(pl.col(name).is_not_null()), [name], frame):
            findings.append(
                structural_finding(
                    "unique-error",
                    resource.path,
                    resource.name,
                    row=line,
                    field=name,
                    cell=str(cells[0]),
                    note=f"the same as in the row at line {first}",
                    involved=(first,),
                )
            )
    return findings


def _repeats(keyed: pl.DataFrame, key: list[str], frame: pl.DataFrame):
    """(line, first line with the same key, the key's cells as the table holds them) of each repeat."""
    first = pl.col(ORDINAL).min().over(key, mapping_strategy="group_to_rows")
    repeats = keyed.with_columns(first.alias("_first")).filter(pl.col(ORDINAL) != pl.col("_first"))
    if not repeats.height:
        return []
    lines = frame[LINE]
    shown = frame.select(key)
    return [
        (line, lines[first_ordinal], shown.row(ordinal))
        for ordinal, line, first_ordinal in repeats.select(ORDINAL, LINE, "_first").iter_rows()
    ]


def _strictly_ascending(frame: pl.DataFrame, key: list[str]) -> bool:
    """Each row's key is greater than the previous row's (compared column by column), none empty."""
    if any(frame[k].null_count() for k in key):
        return False
    if frame.height < 2:
        return True
    if frame.height <= SMALL_TABLE:  # compared in Python, as tuples compare: cheaper than a query this small
        rows = list(zip(*(frame[k].to_list() for k in key), strict=True))
        return all(before < after for before, after in itertools.pairwise(rows))
    later = pl.lit(False)
    for k in reversed(key):
        column, previous = pl.col(k), pl.col(k).shift(1)
        later = (column > previous) | ((column == previous) & later)
    return bool(frame.select(later.slice(1).all()).item())


def check_foreign_keys(table, tables: dict, names: set[str]) -> list[Finding]:
    """Every foreign key of ``table`` (a `tables.Table`) against the tables loaded; ``names``: every resource."""
    resource = table.resource
    findings: list[Finding] = []
    for fk in resource.schema.get("foreignKeys", []):
        local = _as_list(fk["fields"])
        target_name = fk["reference"].get("resource") or resource.name
        if target_name not in names:
            note = f'failed to handle a foreign key for resource "{resource.name}" as resource "{target_name}" does not exist'
            findings.append(structural_finding("resource-error", resource.path, resource.name, note=note))
            continue
        target = tables.get(target_name)
        if target is None or not set(local) <= table.present:
            continue  # the referenced file cannot be read (its own finding says so), or the header lacks a field
        findings += _missing_references(table, local, target, _as_list(fk["reference"]["fields"]), target_name)
    return findings


def _missing_references(table, local: list[str], target, remote: list[str], target_name: str) -> list[Finding]:
    renamed = [f"_k{i}" for i in range(len(local))]
    mine, theirs = _comparable(table, local, target, remote)
    some = ~pl.all_horizontal(pl.col(n).is_null() for n in renamed)
    known = pl.LazyFrame([s.alias(n) for s, n in zip(theirs, renamed, strict=True)]).filter(some).unique()
    rows = pl.LazyFrame([table.frame[LINE], *(s.alias(n) for s, n in zip(mine, renamed, strict=True))]).filter(some)
    missing = rows.join(known, on=renamed, how="anti", nulls_equal=True).select(LINE)
    shown = table.frame.lazy().select(LINE, *local).join(missing, on=LINE, how="semi").sort(LINE)  # a line is one row
    findings = []
    for line, *cells in shown.collect().iter_rows():
        cell = ", ".join("None" if c is None else str(c) for c in cells)
        findings.append(
            structural_finding(
                "foreign-key",
                table.resource.path,
                table.resource.name,
                row=line,
                cell=cell,
                note=f'for "{", ".join(local)}": values "{cell}" not found in the lookup table '
                f'"{target_name}" as "{", ".join(remote)}"',
            )
        )
    return findings


def _comparable(table, local: list[str], target, remote: list[str]) -> tuple[list[pl.Series], list[pl.Series]]:
    """Both sides' key columns in one representation: the columns themselves where they are alike, else `canonical`."""
    kinds = _kinds(table.resource)
    target_kinds = _kinds(target.resource)
    alike = all(
        kinds.get(a) == target_kinds.get(b)
        and a not in table.keys
        and b not in target.keys
        and b in target.frame.columns
        for a, b in zip(local, remote, strict=True)
    )
    mine = [table.frame[a] if alike else _canonical(table, a, kinds.get(a, "string")) for a in local]
    theirs = [target.frame[b] if alike else _canonical(target, b, target_kinds.get(b, "string")) for b in remote]
    return mine, theirs


def _canonical(table, name: str, kind: str) -> pl.Series:
    if name in table.keys:
        return table.keys[name]
    if name not in table.frame.columns:
        return pl.Series(name, [None] * table.frame.height, dtype=pl.String)
    return canonical_series(table.frame[name], kind)


def _kinds(resource: Resource) -> dict[str, str]:
    return {spec["name"]: spec.get("type", "string") for spec in resource.fields}


def _as_list(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)
