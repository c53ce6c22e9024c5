"""The tables of an export in batches: the whole package at once, or one partition of departments at a time.

`publish export --partitions N` splits the package as `publish validate --partitions N` does (`publish.validate`:
`partition_plan`, `split_package`, the partitions in a temporary folder under TMPDIR, removed whatever happens) and loads
one partition at a time, its rows numbered as in the original files (`Renumbered`): memory holds the largest
partition, not the package. The first batch holds every table; the others only the tables split by department
(the code lists copied into every partition are the same in each), without the rows a partition borrowed for a
reference (they belong to another partition's batch). Structural errors anywhere refuse the export once every
partition is read, each error listed once, as the whole export lists them. Where the package cannot be split
faithfully, or fewer than two partitions are asked for, the one batch is the whole package.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from publish.core import Package, load
from publish.engine import LINE, load_tables
from publish.export.typed import export_types, refuse_errors, released, typed_frames
from publish.validate import Renumbered, Unsplittable, counted, merged, partition_plan, split_package

UNSPLITTABLE = ("有文件无法逐字节拆分", "a file cannot be split byte for byte")


@dataclass
class Batches:
    frames: Iterator[dict[str, Any]]  # resource -> typed frame, one dict per batch
    split: set[str] = field(default_factory=set)  # the resources whose rows are spread over the batches
    partitions: int = 1
    refused: tuple[str, str] | None = None  # why the package is exported whole although partitions were asked (zh, en)


@contextmanager
def batches(package: Package, partitions: int) -> Iterator[Batches]:
    """The export's batches of ``package`` in ``partitions`` partitions of departments (one batch where fewer than
    two are asked or the package cannot be split faithfully: ``refused`` says why)."""
    chosen = partition_plan(package)
    if partitions < 2 or chosen.refused:
        yield Batches(_whole(package), refused=chosen.refused if partitions >= 2 else None)
        return
    with tempfile.TemporaryDirectory(prefix="publish-export-") as temp:
        try:
            split = split_package(package, chosen, partitions, Path(temp))
        except Unsplittable:
            split = None
        if split is not None:
            yield Batches(_partitions(package, chosen, split), {r.name for r in chosen.split}, partitions)
            return
    yield Batches(_whole(package), refused=UNSPLITTABLE)  # the partitions written so far removed first


def _whole(package: Package) -> Iterator[dict[str, Any]]:
    yield typed_frames(package)


def _partitions(package: Package, chosen, split) -> Iterator[dict[str, Any]]:
    """Each partition's tables typed, in turn; ExportRefused at the end if any partition holds an error."""
    errors: list[list] = []
    for index, folder in enumerate(split.folders):
        maps = {name: done.maps[index] for name, done in split.files.items()}
        tables, findings = load_tables(load(folder), only=Renumbered(maps))
        errors.append([f for f in findings if f.severity == "error"])
        if any(errors):
            continue  # refused below: the other partitions are read only for their errors
        frames = {}
        for name, table in released(tables):
            if index and name not in split.files:
                continue  # a copied resource: the first batch holds it
            borrowed = split.files[name].borrowed[index] if name in split.files else set()
            frame = table.frame.filter(~table.frame[LINE].is_in(sorted(borrowed))) if borrowed else table.frame
            frames[name] = export_types(frame, table.resource.fields)
        yield frames
    refuse_errors([*counted(package, chosen, split.files), *merged(package, chosen, split.files, errors)])
