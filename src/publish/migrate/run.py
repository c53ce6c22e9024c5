"""`publish migrate`: apply the plan to a package on disk, all or nothing.

The package is read whole (descriptor, schemas, rows), every step is applied in memory (`apply.py`), and each
changed file — schemas, CSVs in canonical form, ``datapackage.json`` with the next MAJOR version — is written
into a staging folder inside the package, then renamed into place together (`core.atomic`), holding the
package's lock. A failure at any point leaves the package as it was. A package that already has every step is
refused ("already migrated"), as is one that has only some of them or lacks a table the plan changes.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from publish.core import (
    DESCRIPTOR,
    EXIT_INVALID,
    EXIT_USAGE,
    SEMVER,
    Package,
    PublishError,
    atomic,
    csvfile,
    inside,
    load,
    locked,
    render_csv,
)
from publish.migrate.apply import Contents, applied, apply, describe
from publish.migrate.plan import PLAN
from publish.migrate.step import AddResource, SetConstraints, Step

LOCK = ".publish-add.lock"  # the package's lock: no `publish add` merges while the model changes
STALE = ("bytes", "hash")  # what a changed file's resource entry can no longer claim


class MigrationRefused(PublishError):
    """The package cannot be migrated as it is; the message says why and what to do."""


@dataclass(frozen=True)
class Migration:
    """What a migration changed (or, in a dry run, would change)."""

    root: Path
    version_from: str | None
    version_to: str
    changes: tuple[tuple[str, str], ...]
    files: tuple[str, ...]
    dry_run: bool


def migrate(path: str | Path, *, dry_run: bool = False, plan: tuple[Step, ...] = PLAN) -> Migration:
    """Move the package at ``path`` to the current data model; ``dry_run`` only says what would change."""
    package = load(path)
    if dry_run:
        return _migrated(package, plan, dry_run)
    with locked(package.root / LOCK):
        return _migrated(package, plan, dry_run)


def _migrated(package: Package, plan: tuple[Step, ...], dry_run: bool) -> Migration:
    contents = _read(package)
    _check_state(contents, plan)
    version_from = contents.descriptor.get("version")
    for step in plan:
        apply(contents, step)
    version_to = next_major(version_from)
    contents.descriptor["version"] = version_to
    files = _files(contents)
    if not dry_run:
        _write(package.root, files)
    changes = tuple(describe(step) for step in plan)
    return Migration(package.root, version_from, version_to, changes, tuple(files), dry_run)


def next_major(version: Any) -> str:
    """The next MAJOR version: 0.x.y → 1.0.0, 1.2.3 → 2.0.0; no usable version → 1.0.0."""
    match = SEMVER.match(version) if isinstance(version, str) else None
    return f"{int(match.group(1)) + 1}.0.0" if match else "1.0.0"


def _read(package: Package) -> Contents:
    schemas, rows = {}, {}
    for name, resource in package.resources.items():
        schemas[name] = json.loads(json.dumps(resource.schema))
        rows[name] = _rows(package, name, resource.path, [spec.get("name") for spec in resource.fields])
    return Contents(descriptor=json.loads(json.dumps(package.descriptor)), schemas=schemas, rows=rows)


def _rows(package: Package, name: str, relative: str, columns: list[Any]) -> list[dict[str, str]]:
    try:
        with open(package.root / relative, encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), [])
        rows = csvfile.read_rows(package.root / relative)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise _refused(
            f"无法读取 {relative}（资源 {name}）：{error}", f"{relative} (resource {name}) cannot be read: {error}"
        ) from None
    if sorted(header) != sorted(str(column) for column in columns):
        raise _refused(
            f"{relative} 的表头与其表结构不一致，请先用 publish validate 修正",
            f"the header of {relative} differs from its schema; fix it first (publish validate)",
        )
    return rows


def _check_state(contents: Contents, plan: tuple[Step, ...]) -> None:
    missing = sorted({step.resource for step in plan if not isinstance(step, AddResource)} - set(contents.schemas))
    if missing:
        tables = ", ".join(missing)
        raise _refused(
            f"不是 publish 数据模型 v1 的数据包：缺少表 {tables}，未更改任何文件",
            f"not a package of publish data model v1: it lacks the table(s) {tables}; nothing was changed",
        )
    additions = tuple(step for step in plan if not isinstance(step, SetConstraints))  # what a v2 package has
    done = [applied(contents, step) for step in additions]
    if additions and all(done):
        raise MigrationRefused(
            "数据包已是当前数据模型（v2），无需迁移，未更改任何文件",
            "the package is already v2 (the current data model): nothing to migrate, nothing was changed",
            exit_code=EXIT_USAGE,
        )
    if any(done):
        first = additions[done.index(True)]
        zh, en = describe(first)
        raise _refused(
            f"数据包只迁移了一部分（已有：{zh}），无法判断其状态，未更改任何文件",
            f"the package is partly migrated (it already has: {en}); its state is unknown, nothing was changed",
        )


def _files(contents: Contents) -> dict[str, str]:
    """Each file to write, by its path in the package, with its new text."""
    files: dict[str, str] = {}
    entries = {entry["name"]: entry for entry in contents.descriptor["resources"]}
    for name in sorted(contents.changed):
        entry, schema = entries[name], contents.schemas[name]
        for key in STALE:
            entry.pop(key, None)
        if isinstance(entry.get("schema"), str):
            files[entry["schema"]] = _json(schema)
        else:
            entry["schema"] = schema
        files[entry["path"]] = render_csv(schema, contents.rows[name])
    files[DESCRIPTOR] = _json(contents.descriptor)
    return files


def _json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _write(root: Path, files: dict[str, str]) -> None:
    """Every file into a staging folder inside the package, then all renamed into place together."""
    targets = {relative: inside(root, relative) for relative in files}
    with atomic.staging(root, ".publish-migrate-") as staging:
        moves = []
        for relative, text in files.items():
            built = staging / relative
            atomic.write_text(built, text)
            moves.append((built, targets[relative]))
        for _, target in moves:
            target.parent.mkdir(parents=True, exist_ok=True)
        atomic.move_into_place(moves, replace=True)


def _refused(zh: str, en: str) -> MigrationRefused:
    return MigrationRefused(zh, en, exit_code=EXIT_INVALID)
