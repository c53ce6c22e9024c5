"""Replacing one department-year in the package: what changes, and writing it all or nothing.

``plan`` computes every data file as it would be with the department-year's rows replaced by the
submission's (and the department's row added or updated), and what changed, row by row. A
figure written differently but equal (``38.2`` for ``38.20``) keeps the published text, so adding
the same submission twice changes nothing and no other row is rewritten.

``apply`` writes only the files that change, in three steps, each write through
``publish.core.atomic`` (so a test can fail any one of them):

1. every new file is written next to its target as ``.<name>.publish-new``;
2. every target's current bytes are saved as ``.<name>.publish-backup`` and a journal
   ``data/.publish-merge.json`` lists the pairs;
3. the new files are renamed over the targets; then journal and backups are removed.

A failure in step 1 or 2 leaves the data files untouched; a failure in step 3 restores the
backups at once. A crash (power loss) during step 3 leaves the journal, and ``recover`` (run
by ``publish add`` before anything else) restores the backups it lists.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from publish.core import IDENTITY, OutsideError, Package, atomic, csvfile, inside
from publish.submission.model import Submission
from publish.submission.table import Origin
from publish.template import submitted_resources

JOURNAL = ".publish-merge.json"


@dataclass
class NewTable:
    """A resource's rows after the merge, sorted, with the origin of each submitted row (None for others)."""

    resource: str
    rows: list[dict[str, str]]
    origins: list[Origin | None]
    text: str
    old_text: str

    @property
    def changed(self) -> bool:
        return self.text != self.old_text


@dataclass
class RowChange:
    resource: str
    key: tuple[str, ...]
    kind: str  # "added", "removed", "changed"
    fields: dict[str, tuple[str, str]] = field(default_factory=dict)  # field -> (old, new)


@dataclass
class Plan:
    tables: dict[str, NewTable]
    changes: list[RowChange]

    @property
    def changed_files(self) -> list[str]:
        return [name for name, table in self.tables.items() if table.changed]


def plan(package: Package, submission: Submission, base: Plan | None = None) -> Plan:
    """What the package's data files would be with the submission's disclosure replaced (its year, department,
    kind and scope: a budget never replaces the same year's final account). ``base``: the files as an earlier
    plan leaves them (several submissions merged at once), instead of the files on disk."""
    claim = submission.claim or ("", "", "", "")
    tables: dict[str, NewTable] = {}
    changes: list[RowChange] = []
    for name, resource in submitted_resources(package).items():
        old_text, old = _current(package, name, base)
        mine = _belongs(name, claim, bool(submission.rows.get("departments")))
        kept = [(row, origin) for row, origin in old if not mine(row)]
        old_mine = {_key(resource.primary_key, row): row for row, _ in old if mine(row)}
        new = [_keep_equal_text(resource, row, old_mine) for row in submission.rows.get(name, [])]
        origins = submission.origins.get(name, [])
        if name == "departments" and not new:
            kept, old_mine = old, {}
        tagged = kept + list(zip(new, origins, strict=True))
        tagged.sort(key=lambda pair: csvfile.sort_key(resource.schema)(pair[0]))
        rows = [row for row, _ in tagged]
        text = csvfile.render(resource.schema, rows)
        tables[name] = NewTable(name, rows, [origin for _, origin in tagged], text, old_text)
        changes.extend(_diff(name, resource, old_mine, new))
    return Plan(tables, changes)


def plan_all(package: Package, submissions: list[Submission]) -> list[Plan]:
    """One plan per submission, each on the files as the ones before leave them: the last holds every file as it
    would be with all of them merged (written at once by ``apply``), each its own submission's changes."""
    plans: list[Plan] = []
    for submission in submissions:
        plans.append(plan(package, submission, plans[-1] if plans else None))
    return plans


def _current(package: Package, name: str, base: Plan | None) -> tuple[str, list[tuple[dict[str, str], Origin | None]]]:
    """The file's text on disk, and its rows (each with its submitted origin, None for the package's) as ``base``
    leaves them, else as on disk."""
    path = package.file(package.resources[name])
    old_text = path.read_text(encoding="utf-8") if path.exists() else ""
    if base is not None and name in base.tables:
        return old_text, list(zip(base.tables[name].rows, base.tables[name].origins, strict=True))
    return old_text, [(row, None) for row in (csvfile.read_rows(path) if path.exists() else [])]


def _belongs(resource: str, claim: tuple[str, ...], replaces_department: bool):
    """Whether a row of the package is the claimed disclosure's (a column the table lacks is no difference)."""
    if resource == "departments":
        return lambda row: replaces_department and row.get("department_id") == claim[1]
    return lambda row: all(row.get(name, value) == value for name, value in zip(IDENTITY, claim, strict=True))


def _key(primary_key: list[str], row: dict[str, str]) -> tuple[str, ...]:
    return tuple(row.get(name, "") for name in primary_key)


def _keep_equal_text(resource: Any, row: dict[str, str], old: dict[tuple, dict[str, str]]) -> dict[str, str]:
    previous = old.get(_key(resource.primary_key, row))
    if previous is None:
        return row
    kept = dict(row)
    for field_ in resource.fields:
        name = field_["name"]
        if field_.get("type") in ("number", "integer") and _same_number(previous.get(name, ""), row.get(name, "")):
            kept[name] = previous[name]
    return kept


def _same_number(old: str, new: str) -> bool:
    try:
        return old != "" and new != "" and Decimal(old) == Decimal(new)
    except InvalidOperation:
        return False


def _diff(
    name: str, resource: Any, old: dict[tuple, dict[str, str]], new_rows: list[dict[str, str]]
) -> list[RowChange]:
    columns = [f["name"] for f in resource.fields]
    new = {_key(resource.primary_key, row): row for row in new_rows}
    changes = [RowChange(name, key, "removed") for key in old if key not in new]
    for key, row in new.items():
        if key not in old:
            changes.append(RowChange(name, key, "added", {c: ("", row.get(c, "")) for c in columns if row.get(c)}))
            continue
        differ = {c: (old[key].get(c, ""), row.get(c, "")) for c in columns if old[key].get(c, "") != row.get(c, "")}
        if differ:
            changes.append(RowChange(name, key, "changed", differ))
    return changes


def apply(package: Package, planned: Plan) -> list[str]:
    """Write the files that change, all or none; return their resource names."""
    targets = [package.file(package.resources[name]) for name in planned.changed_files]
    if not targets:
        return []
    staged = [_sibling(target, "new") for target in targets]
    backups = [_sibling(target, "backup") for target in targets]
    try:
        for target, new in zip(targets, staged, strict=True):
            atomic.write_text(new, planned.tables[_resource_of(package, target)].text)
        for target, backup in zip(targets, backups, strict=True):
            if target.exists():
                atomic.write_bytes(backup, target.read_bytes())
        _write_journal(package, targets)
    except BaseException:
        _unlink(staged + backups)
        raise
    _rename_all(package, targets, staged)
    _journal_path(package).unlink()
    _unlink(backups)
    return planned.changed_files


def _resource_of(package: Package, target: Path) -> str:
    return next(name for name, resource in package.resources.items() if package.file(resource) == target)


def _unlink(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def _rename_all(package: Package, targets: list[Path], staged: list[Path]) -> None:
    """Rename the staged files over their targets; on any failure put every backup back."""
    try:
        for target, new in zip(targets, staged, strict=True):
            atomic.checkpoint(target)
            os.replace(new, target)
    except BaseException:
        recover(package)
        raise


def _sibling(target: Path, what: str) -> Path:
    return target.with_name(f".{target.name}.publish-{what}")


def _journal_path(package: Package) -> Path:
    return package.root / "data" / JOURNAL


def _write_journal(package: Package, targets: list[Path]) -> None:
    """The files being replaced, relative to the package; a target with no backup did not exist before."""
    entries = [str(target.relative_to(package.root)) for target in targets]
    atomic.write_text(_journal_path(package), json.dumps({"replacing": entries}, ensure_ascii=False))


def recover(package: Package) -> bool:
    """Undo a merge that stopped while renaming (its journal is still there); True if one was undone.

    Without a journal, leftover staged files and backups are only removed: the data files were not touched.
    """
    journal = _journal_path(package)
    replacing = _journal_entries(package, journal)
    for target in replacing:
        backup = _sibling(target, "backup")
        if backup.exists():
            os.replace(backup, target)
        else:
            target.unlink(missing_ok=True)
    journal.unlink(missing_ok=True)
    for resource in package.resources.values():
        for what in ("new", "backup"):
            _sibling(package.file(resource), what).unlink(missing_ok=True)
    return bool(replacing)


def _journal_entries(package: Package, journal: Path) -> list[Path]:
    """The data files a journal lists. The journal is a file in the package, so it is read as input from
    outside: an entry that is not one of the package's own data files is ignored, an unreadable journal too."""
    try:
        listed = json.loads(journal.read_text(encoding="utf-8")).get("replacing") if journal.exists() else []
    except (OSError, ValueError, AttributeError, RecursionError):
        return []
    data_files = {package.file(resource).resolve() for resource in package.resources.values()}
    entries = []
    for relative in listed if isinstance(listed, list) else []:
        try:
            target = inside(package.root, relative)
        except (OutsideError, TypeError):
            continue
        if target in data_files:
            entries.append(target)
    return entries
