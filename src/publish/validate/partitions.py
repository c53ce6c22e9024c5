"""Validate a package in partitions of departments: memory bounded by the largest partition, not the package.

`publish validate --partitions N`: the descriptor is checked once, on the package itself; each table keyed by
department is split by a hash of `department_id` into N partition files (`splitting.py`, streaming, bytes kept
as written), the other resources copied whole (`plan.py` says which checks this keeps faithful, and validates
the package whole where it cannot); each partition is validated in turn as a package of its own, its rows
numbered as in the original files, so every finding names the original file and line. The findings are merged:
a row's come from its department's partition only; those about a whole file or a copied resource, the same in
every partition, once. The descriptor's `bytes`, `hash` and `rows` are checked on the original files. The
partitions live in a temporary folder (under TMPDIR), removed at the end, whatever happens.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import polars as pl

from publish.core import (
    DESCRIPTOR,
    EXIT_TOOL_FAILURE,
    Package,
    PublishError,
    Report,
    inside,
)
from publish.engine import LINE
from publish.validate.merging import counted, merged, merged_stats
from publish.validate.plan import KEY, Plan, plan
from publish.validate.records import Unsplittable, check_utf8, column_values
from publish.validate.run import loaded, validate
from publish.validate.splitting import FileSplit, read_map, split_file

COUNTED = ("hash", "bytes", "rows")  # descriptor facts about a whole file: checked on the original


class PartitionError(PublishError):
    """The partitions cannot be written (no room in the temporary folder)."""

    exit_code = EXIT_TOOL_FAILURE


@dataclass
class Renumbered:
    """Every row of a partition, numbered by its line in the original file (the engine's `only` hook)."""

    maps: dict[str, Path] = field(default_factory=dict)  # resource -> its line map in this partition

    def filter(self, raw, resource: str | None = None):
        if resource not in self.maps:
            return raw
        part, original = read_map(self.maps[resource])
        if original.is_empty():
            return raw
        at = part.search_sorted(raw.cells[LINE].cast(pl.Int64)).clip(0, original.len() - 1)
        lines = original.gather(at).cast(raw.cells.schema[LINE])
        return replace(raw, cells=raw.cells.with_columns(lines.alias(LINE)))


@dataclass
class Split:
    folders: list[Path]
    files: dict[str, FileSplit]  # resource -> how its file was split
    bytes: int = 0


def validate_in_partitions(
    path: str | Path,
    partitions: int,
    *,
    select: Iterable[str] = (),
    skip: Iterable[str] = (),
    progress=None,
    cache: bool = True,
) -> Report:
    """``validate(path)``'s report, computed in ``partitions`` partitions of departments (whole where the package
    cannot be split faithfully: `plan.py`; ``stats.partitions`` says how it ran)."""
    started = time.perf_counter()
    package, report = loaded(path, cache=cache)
    if package is None:
        return report
    chosen = plan(package)
    if partitions < 2 or chosen.refused:
        return _whole(path, select, skip, progress, chosen.refused, cache)
    with tempfile.TemporaryDirectory(prefix="publish-partitions-") as temp:
        try:
            split = split_package(package, chosen, partitions, Path(temp))
        except Unsplittable:
            refused = ("有文件无法逐字节拆分", "a file cannot be split byte for byte")
            return _whole(path, select, skip, progress, refused, cache)
        reports = []
        for index, folder in enumerate(split.folders):
            maps = {name: done.maps[index] for name, done in split.files.items()}
            reports.append(validate(folder, select=select, skip=skip, only=Renumbered(maps)))
            if progress:
                progress("partitions", index + 1, partitions)
        report.extend(counted(package, chosen, split.files))
        report.extend(merged(package, chosen, split.files, [r.findings for r in reports]))
        report.stats.update(merged_stats(package, split.files, reports, time.perf_counter() - started))
        report.stats["partition_bytes"] = split.bytes
    return report


def _whole(path, select, skip, progress, refused: tuple[str, str] | None, cache: bool) -> Report:
    report = validate(path, select=select, skip=skip, progress=progress, cache=cache)
    report.stats["partitions"] = 1
    if refused:
        report.stats["partitions_refused"] = f"{refused[0]}，整体校验 / {refused[1]}; validated whole"
    return report


def split_package(package: Package, chosen: Plan, partitions: int, temp: Path) -> Split:
    """Write the partition packages into ``temp``: split tables, copied resources, schemas and the descriptor."""
    _check_room(package, chosen, partitions, temp)
    folders = [temp / f"part-{index:04d}" for index in range(partitions)]
    split = Split(folders, {})
    quoted = {resource.name: check_utf8(package.file(resource)) for resource in chosen.split}
    borrow = {
        target: column_values(package.file(package.resources[source]), column, KEY, partitions)
        for target, (source, column) in chosen.borrow.items()
    }
    for number, resource in enumerate(chosen.split):
        outs = [inside(folder, resource.path) for folder in folders]
        maps = [temp / f"lines-{number:03d}-{index:04d}.ipc" for index in range(partitions)]
        for out in outs:
            out.parent.mkdir(parents=True, exist_ok=True)
        algorithm = _algorithm(resource.descriptor.get("hash"))
        try:
            split.files[resource.name] = split_file(
                package.file(resource), KEY, outs, maps, borrow.get(resource.name), algorithm, quoted[resource.name]
            )
        except ValueError:  # no header, or no department_id in it: the whole validation says so
            raise Unsplittable(resource.path) from None
    for folder in folders:
        _copy_shared(package, chosen, folder)
    split.bytes = sum(f.stat().st_size for f in temp.rglob("*") if f.is_file())
    return split


def _check_room(package: Package, chosen: Plan, partitions: int, temp: Path) -> None:
    """Refuse before writing anything where the partitions would not fit: about the split files' size (and a
    line map), plus the copied files once per partition."""
    size = sum(package.file(r).stat().st_size for r in chosen.split if package.file(r).is_file())
    shared = sum(package.file(r).stat().st_size for r in chosen.shared if package.file(r).is_file())
    need = int(size * 1.3) + partitions * shared
    free = shutil.disk_usage(temp).free
    if need > free:
        raise PartitionError(
            f"临时目录 {temp.parent} 只剩 {free >> 20} MiB，分区约需 {need >> 20} MiB：请让 TMPDIR 指向更大的磁盘。",
            f"the temporary folder {temp.parent} has {free >> 20} MiB free and the partitions need about "
            f"{need >> 20} MiB: point TMPDIR at a larger disk.",
        )


def _copy_shared(package: Package, chosen: Plan, folder: Path) -> None:
    """The descriptor (without the facts about whole files), the schemas and the resources not split."""
    descriptor = json.loads(json.dumps(package.descriptor))
    split = {r.name for r in chosen.split}
    wanted = [r.path for r in chosen.shared]
    for entry in descriptor.get("resources", []):
        if isinstance(entry, dict):
            for key in ("schema", "dialect"):
                if isinstance(entry.get(key), str):
                    wanted.append(entry[key])
            if entry.get("name") in split:
                for key in COUNTED:
                    entry.pop(key, None)
    for relative in dict.fromkeys(wanted):
        source = package.root / relative
        if source.is_file():
            target = inside(folder, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            _link_or_copy(source, target)
    (folder / DESCRIPTOR).write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(source, target)


def _algorithm(declared) -> str | None:
    if not isinstance(declared, str):
        return None
    algorithm = declared.rpartition(":")[0] or "md5"
    return algorithm if algorithm in ("md5", "sha256") else None
