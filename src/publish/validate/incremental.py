"""Validate only what changed since a git revision: the disclosures whose rows changed.

The data files that differ from ``REF`` (git decides, by content hash) are compared with their
``REF`` version by whole rows; each added, removed or edited row names its disclosure (year, department,
kind, scope; a change to `departments` names every disclosure of that department). Those rows, the same
departments' neighbouring years (the cross-year rules compare Y with Y−1 and Y+1), and the rows
they reference are validated with every structural check and budget rule; only findings in the
changed disclosures are reported, plus cross-year findings in their neighbours. A change to
the descriptor, a schema or a table without department ids (the code lists) validates everything.
A finding about other lines too (a sum's parts, a repeated key's first row, the prior year's row) carries those of
its lines that were added or edited, where `--format github` annotates it as well (`publish.render.placement`).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from pathlib import Path

from publish.core import (
    DESCRIPTOR,
    DOCUMENT_KINDS,
    EXIT_USAGE,
    IDENTITY,
    Finding,
    PackageError,
    PublishError,
    Report,
    load,
)
from publish.engine import BOM, LINE, Scope, parse
from publish.validate.run import validate

CROSS_YEAR_RULES = {"prior-year-mismatch"}
COPY = "_copy"


class IncrementalError(PublishError):
    """The revision cannot be compared (not a git work tree, an unknown revision)."""

    exit_code = EXIT_USAGE


@dataclass
class Change:
    pairs: set[tuple[str, ...]]  # the changed disclosures' identities (fiscal_year, department_id, kind, scope)
    departments: set[str]
    files: list[str]
    everything: bool = False
    lines: dict[str, set[int]] = dataclass_field(default_factory=dict)  # each file's added or edited lines

    @property
    def neighbours(self) -> set[tuple[str, ...]]:
        """The same department and scope in the years before and after each changed disclosure, of every kind
        (the cross-year rules compare a year with the prior one, of its kind or of the kind its basis names)."""
        return {
            (str(int(year) + step), department, kind, scope)
            for year, department, _, scope in self.pairs
            if year.isdigit()
            for step in (-1, 1)
            for kind in (*DOCUMENT_KINDS, "")
        } - self.pairs


def validate_changed(
    path: str | Path,
    since: str,
    *,
    select: Iterable[str] = (),
    skip: Iterable[str] = (),
    engine: str = "columnar",
    progress=None,
    cache: bool = True,
) -> Report:
    """The findings of ``validate`` restricted to the department-years changed since ``since``."""
    try:
        package = load(path)
    except PackageError:
        return validate(path, select=select, skip=skip, engine=engine, cache=cache)
    change = changes_since(package, since)
    if change.everything:
        report = validate(path, select=select, skip=skip, engine=engine, progress=progress, cache=cache)
        report.stats.update({"incremental": "full", "changed_files": change.files})
        return report

    scope = Scope(change.pairs | change.neighbours, set(change.departments))
    report = validate(path, select=select, skip=skip, engine=engine, only=scope, progress=progress, cache=cache)
    kept = Report()
    kept.extend([_where_changed(f, change) for f in report.findings if _reported(f, change)])
    kept.stats.update(report.stats)
    kept.stats.update(
        {"incremental": since, "changed_files": change.files, "changed_department_years": len(change.pairs)}
    )
    return kept


def _reported(finding, change: Change) -> bool:
    department = finding.department_id
    if department is None:
        return finding.path in change.files or finding.path == DESCRIPTOR
    if department in change.departments or _among(finding, change.pairs):
        return True
    return finding.rule in CROSS_YEAR_RULES and _among(finding, change.neighbours)


def _where_changed(finding: Finding, change: Change) -> Finding:
    """The finding with the lines it involves (its own and the others) that changed, where it involves others."""
    lines = change.lines.get(finding.path or "", set())
    changed = tuple(n for n in sorted({finding.row, *finding.involved} & lines) if n)
    return replace(finding, changed=changed) if finding.involved and changed else finding


def _among(finding, identities: set[tuple[str, ...]]) -> bool:
    """Whether the finding's disclosure is one of ``identities``; a kind or scope it does not name matches any."""
    named = (str(finding.fiscal_year), finding.department_id, finding.document_kind, finding.scope)
    return any(all(part is None or part == other for part, other in zip(named, key, strict=True)) for key in identities)


def changes_since(package, since: str) -> Change:
    """Which department-years (and departments) differ between ``since`` and the working tree."""
    root = package.root.resolve()
    _git(root, "rev-parse", "--verify", "--quiet", f"{since}^{{commit}}", shown=since)
    files = {r.path: r for r in package.resources.values()}
    schemas = {r.descriptor.get("schema") for r in files.values()}
    tracked = [DESCRIPTOR, *files, *sorted(s for s in schemas if isinstance(s, str))]
    changed = _git(root, "diff", "--name-only", "--relative", since, "--", *tracked, shown=since).splitlines()
    changed += _git(root, "ls-files", "--others", "--exclude-standard", "--", *tracked, shown=since).splitlines()
    change = Change(set(), set(), sorted(set(changed)))
    for name in change.files:
        resource = files.get(name)
        exists = (root / name).is_file()
        if resource is None or not exists or "department_id" not in {f["name"] for f in resource.fields}:
            change.everything = True
            return change
        old = _show(root, since, name)
        pairs, departments, lines = changed_keys(old, (root / name).read_bytes(), name)
        change.pairs |= pairs
        change.departments |= departments
        change.lines[name] = lines
    return change


def changed_keys(old: bytes, new: bytes, path: str) -> tuple[set[tuple[str, ...]], set[str], set[int]]:
    """The keys of the rows that differ between two versions of a file (compared as whole rows, a repeated row
    by its copies), and the lines of the new version's added or edited rows."""
    before, after = (parse(data.removeprefix(BOM), path, path) for data in (old, new))
    if before.labels != after.labels or before.cells.width != after.cells.width:
        rows = [(before.labels, before.cells), (after.labels, after.cells)]
        return (*_keys(rows), set(after.cells[LINE].to_list()))
    columns = [c for c in after.cells.columns if c != LINE]
    a, b = (_numbered(frame, columns) for frame in (after.cells, before.cells))
    on = [*columns, COPY]
    added = a.join(b.drop(LINE), on=on, how="anti")
    rows = [(after.labels, added), (before.labels, b.join(a.drop(LINE), on=on, how="anti"))]
    return (*_keys(rows), set(added[LINE].to_list()))


def _numbered(cells, columns: list[str]):
    """The rows with empty cells as "" and `_copy`: how many identical rows come before each."""
    import polars as pl

    frame = cells.select(LINE, pl.col(columns).fill_null(""))
    return frame.with_columns(pl.int_range(pl.len()).over(columns).alias(COPY))


def _keys(rows) -> tuple[set[tuple[str, ...]], set[str]]:
    """The disclosures (and, in a table without years, the departments) that ``rows`` (labels, cells) name."""
    pairs: set[tuple[str, ...]] = set()
    departments: set[str] = set()
    for labels, frame in rows:
        if "department_id" not in labels:
            continue
        if "fiscal_year" not in labels:
            departments |= set(frame[f"_c{labels.index('department_id')}"].fill_null("").to_list())
            continue
        columns = [frame[f"_c{labels.index(name)}"].fill_null("") if name in labels else None for name in IDENTITY]
        cells = [column.to_list() if column is not None else [""] * frame.height for column in columns]
        pairs |= set(zip(*cells, strict=True))
    return pairs, departments


def _show(root: Path, since: str, name: str) -> bytes:
    done = subprocess.run(["git", "-C", str(root), "show", f"{since}:./{name}"], capture_output=True)
    return done.stdout if done.returncode == 0 else b""


def _git(root: Path, *args: str, shown: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
    except FileNotFoundError:
        raise IncrementalError("找不到 git 程序", "git is not installed") from None
    if done.returncode != 0:
        raise IncrementalError(
            f"无法与 git 版本 {shown} 比较（{done.stderr.strip() or '不是 git 仓库或版本不存在'}）",
            f"cannot compare with git revision {shown} ({done.stderr.strip() or 'not a git work tree or no such revision'})",
        )
    return done.stdout
