"""Compare two versions of the data package and work out the semver bump the changes require.

``diff(old, new)`` takes release zips, release folders, package folders or datapackage.json
files. Schemas are compared field by field (``releasing.schema_diff``), rows by primary key
(``releasing.row_diff``); the result is a ``PackageDiff`` whose ``bump`` is the highest level
of its changes: major, minor, patch, or none when nothing a consumer reads has changed.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from publish.core import Finding, Package, PackageError, load
from publish.release import row_diff, schema_diff
from publish.release.archive import opened
from publish.release.changes import Change, PackageDiff

__all__ = ["Change", "PackageDiff", "diff", "diff_packages"]


def diff(old: str | Path, new: str | Path) -> PackageDiff:
    """The differences from ``old`` to ``new`` (zips are read safely into temporary folders)."""
    with opened(old) as old_root, opened(new) as new_root:
        return diff_packages(load(old_root), load(new_root))


def diff_packages(old: Package, new: Package) -> PackageDiff:
    """The differences between two loaded packages."""
    result = PackageDiff(old.descriptor.get("version"), new.descriptor.get("version"))
    result.changes.extend(schema_diff.descriptor_changes(old.descriptor, new.descriptor))
    for name in old.resources.keys() - new.resources.keys():
        result.changes.append(Change("resource-removed", "major", name))
    for name in new.resources.keys() - old.resources.keys():
        result.changes.append(Change("resource-added", "minor", name))
    for name in [n for n in new.resources if n in old.resources]:
        with _readable(name):
            _compare_resource(result, old, new, name)
    with _readable("department-years"):
        old_years, new_years = _department_years(old), _department_years(new)
    result.department_years_added = sorted(new_years - old_years)
    result.department_years_removed = sorted(old_years - new_years)
    result.changes.sort(key=lambda change: (change.resource or "", change.key, change.field or "", change.kind))
    return result


def _compare_resource(result: PackageDiff, old: Package, new: Package, name: str) -> None:
    before, after = old.resources[name], new.resources[name]
    result.changes.extend(schema_diff.resource_property_changes(name, before.descriptor, after.descriptor))
    result.changes.extend(schema_diff.schema_changes(name, before.schema, after.schema))
    if not row_diff.keys_comparable(before.schema, after.schema):
        return
    added, removed, changes = row_diff.row_changes(name, old.file(before), new.file(after), before.schema, after.schema)
    result.rows_added[name] = added
    result.rows_removed[name] = removed
    result.changes.extend(changes)


@contextmanager
def _readable(resource: str) -> Iterator[None]:
    """A data file that cannot be read as the canonical CSV makes the version unreadable, not the tool."""
    try:
        yield
    except (UnicodeDecodeError, csv.Error, KeyError, OSError) as error:
        raise PackageError(
            [
                Finding(
                    rule="unreadable-data",
                    severity="error",
                    resource=resource,
                    message_zh=f"{resource}：数据文件无法按 UTF-8 CSV 读取（{type(error).__name__}: {error}），无法比较；请先用 "
                    "publish verify 或 publish validate 检查该版本。",
                    message_en=f"{resource}: a data file cannot be read as UTF-8 CSV ({type(error).__name__}: {error}), so "
                    "the versions cannot be compared; check that version with publish verify or publish validate first.",
                )
            ]
        ) from None


def _department_years(package: Package) -> set[tuple[str, ...]]:
    pairs: set[tuple[str, ...]] = set()
    for resource in package.resources.values():
        pairs |= row_diff.department_years(package.file(resource), resource.schema)
    return pairs
