"""Parquet files of an export: one per resource and fiscal year, hive style, each carrying its Table Schema."""

from __future__ import annotations

import io
import json
from pathlib import Path

from publish.core import Package, atomic


def write_parquet(package: Package, frames: dict, root: Path, name_version: str) -> list[Path]:
    """`<resource>/fiscal_year=<year>/part-0.parquet` (hive style), or `<resource>/part-0.parquet`."""
    written = []
    for name, frame in frames.items():
        metadata = parquet_metadata(package, name, name_version)
        if "fiscal_year" not in frame.columns:
            written.append(write_one(frame, root / name / "part-0.parquet", metadata))
            continue
        for (year,), part in sorted(frame.partition_by("fiscal_year", as_dict=True).items()):
            target = root / name / f"fiscal_year={year}" / "part-0.parquet"
            written.append(write_one(part.drop("fiscal_year"), target, metadata))
    return written


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
