"""Parquet files of an export: one per resource and fiscal year, hive style, each carrying its Table Schema."""

from __future__ import annotations

import io
import json
from pathlib import Path

from publish.core import Package, atomic, inside


def write_parquet(package: Package, frames: dict, root: Path, name_version: str) -> list[Path]:
    """`<resource>/fiscal_year=<year>/part-0.parquet` (hive style), or `<resource>/part-0.parquet`.

    Every path is checked by ``inside`` before anything is written: a resource name cannot lead out of ``root``."""
    parts = []
    for name, frame in frames.items():
        metadata = parquet_metadata(package, name, name_version)
        if "fiscal_year" not in frame.columns:
            parts.append((inside(root, f"{name}/part-0.parquet"), frame, metadata))
            continue
        for (year,), part in sorted(frame.partition_by("fiscal_year", as_dict=True).items()):
            target = inside(root, f"{name}/fiscal_year={year}/part-0.parquet")
            parts.append((target, part.drop("fiscal_year"), metadata))
    return [write_one(frame, target, metadata) for target, frame, metadata in parts]


def parquet_metadata(package: Package, name: str, name_version: str) -> dict[str, str]:
    resource = package.resources[name]
    titles = {f["name"]: f.get("title", "") for f in resource.fields}
    return {
        "publish.package": name_version,
        "publish.resource": name,
        "publish.title": resource.descriptor.get("title", ""),
        "publish.field_titles": json.dumps(titles, ensure_ascii=False),
        "frictionless.schema": json.dumps(resource.schema, ensure_ascii=False),
    }


def write_one(frame, target: Path, metadata: dict[str, str]) -> Path:
    buffer = io.BytesIO()
    frame.write_parquet(buffer, compression="zstd", metadata=metadata)
    atomic.write_bytes(target, buffer.getvalue())
    return target
