"""Primary and foreign keys over whole typed tables, with frictionless's semantics.

A primary key whose cells are all empty is an error, and so is each later row repeating an
earlier row's key. A foreign key is checked on rows whose key cells are not all empty, against
the referenced rows whose key cells are not all empty; empty cells compare equal, as Python's
tuples do in frictionless.
"""

from __future__ import annotations

import polars as pl

from publish.core import Finding, Resource
from publish.engine.findings import structural_finding
from publish.engine.reading import LINE

ORDINAL = "_ordinal"


def check_primary_key(resource: Resource, frame: pl.DataFrame, path: str) -> list[Finding]:
    key = [k for k in resource.primary_key if k in frame.columns]
    if not key or len(key) != len(resource.primary_key):
        return []
    if _strictly_ascending(frame, key):
        return []  # sorted by the key with no empty cell, as canonical files are: no key can repeat
    keyed = frame.select(LINE, *key).with_row_index(ORDINAL)
    all_empty = pl.all_horizontal(pl.col(k).is_null() for k in key)
    first = pl.col(ORDINAL).min().over(key, mapping_strategy="group_to_rows")
    empty = keyed.filter(all_empty)
    repeats = keyed.filter(~all_empty).with_columns(first.alias("_first")).filter(pl.col(ORDINAL) != pl.col("_first"))
    firsts = keyed.filter(pl.col(ORDINAL).is_in(repeats["_first"].implode())) if repeats.height else keyed.clear()
    first_lines = dict(zip(firsts[ORDINAL].to_list(), firsts[LINE].to_list(), strict=True))
    findings = [
        structural_finding(
            "primary-key", path, resource.name, row=line, note='cells composing the primary keys are all "None"'
        )
        for line in empty[LINE].to_list()
    ]
    for line, first_ordinal, *cells in repeats.select(LINE, "_first", *key).iter_rows():
        findings.append(
            structural_finding(
                "primary-key",
                path,
                resource.name,
                row=line,
                cell=", ".join(map(str, cells)),
                note=f"the same as in the row at line {first_lines[first_ordinal]}",
            )
        )
    return sorted(findings, key=lambda f: f.row or 0)


def _strictly_ascending(frame: pl.DataFrame, key: list[str]) -> bool:
    """Each row's key is greater than the previous row's (compared column by column), none empty."""
    if frame.height < 2:
        return frame.select(pl.any_horizontal(pl.col(k).is_null() for k in key).any()).item() is False
    if any(frame[k].null_count() for k in key):
        return False
    later = pl.lit(False)
    for k in reversed(key):
        column, previous = pl.col(k), pl.col(k).shift(1)
        later = (column > previous) | ((column == previous) & later)
    return bool(frame.select(later.slice(1).all()).item())


def check_foreign_keys(resource: Resource, frame: pl.DataFrame, tables: dict) -> list[Finding]:
    findings: list[Finding] = []
    for fk in resource.schema.get("foreignKeys", []):
        local = _as_list(fk["fields"])
        target_name = fk["reference"].get("resource") or resource.name
        remote = _as_list(fk["reference"]["fields"])
        target = tables.get(target_name)
        if target is None or not set(local) <= set(frame.columns) or not set(remote) <= set(target.frame.columns):
            continue
        findings += _missing_references(resource, frame, local, target.frame, remote, target_name)
    return findings


def _missing_references(resource, frame, local, target, remote, target_name) -> list[Finding]:
    renamed = [f"_k{i}" for i in range(len(local))]
    known = (
        target.select([pl.col(r).alias(n) for r, n in zip(remote, renamed, strict=True)])
        .filter(~pl.all_horizontal(pl.col(n).is_null() for n in renamed))
        .unique()
    )
    rows = frame.select(LINE, *[pl.col(c).alias(n) for c, n in zip(local, renamed, strict=True)]).filter(
        ~pl.all_horizontal(pl.col(n).is_null() for n in renamed)
    )
    casted = rows.with_columns(pl.col(n).cast(known[n].dtype, strict=False) for n in renamed)
    missing = casted.join(known, on=renamed, how="anti", nulls_equal=True).sort(LINE)
    findings = []
    for line, *cells in rows.filter(pl.col(LINE).is_in(missing[LINE].implode())).iter_rows():
        shown = ", ".join("None" if c is None else str(c) for c in cells)
        findings.append(
            structural_finding(
                "foreign-key",
                resource.path,
                resource.name,
                row=line,
                cell=shown,
                note=f'for "{", ".join(local)}": values "{shown}" not found in the lookup table '
                f'"{target_name}" as "{", ".join(remote)}"',
            )
        )
    return findings


def _as_list(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)
