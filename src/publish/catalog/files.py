"""The release's files as distributions: download URLs, sizes, SHA-256 sums and record counts.

Sizes and sums come from the release's datapackage.json (``bytes`` and ``hash`` per resource)
when it has them, else from the files themselves. The zip lies beside the release folder,
the xlsx inside it; in a plain package folder neither exists yet, so their size is unknown.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path
from typing import Any

from publish.catalog.model import Distribution, Text
from publish.core import Package, Resource

SHA256 = re.compile(r"sha256:[0-9a-f]{64}")
BILINGUAL = re.compile(r"(.*。)\s*([A-Za-z].*)", re.DOTALL)
WHOLE = {
    "zip": (
        Text(zh="完整数据包（ZIP）", en="The whole data package (ZIP)"),
        Text(
            zh="发布版本的全部文件：datapackage.json、表结构、数据、说明、变更记录与校验和。",
            en="Every file of the release: datapackage.json, schemas, data, README, CHANGELOG and checksums.",
        ),
    ),
    "xlsx": (
        Text(zh="全部数据表（Excel 工作簿）", en="All tables (Excel workbook)"),
        Text(zh="全部数据表，每张表一个工作表。", en="All tables, one worksheet each."),
    ),
}


def distributions(package: Package, release: str, release_url: str) -> list[Distribution]:
    """One distribution per data file, then the zip and the xlsx of the release."""
    found = [_table(package, resource, release_url) for resource in package.resources.values()]
    zip_path = package.root.parent / f"{release}.zip"
    xlsx_path = package.root / f"{release}.xlsx"
    found.append(_whole("zip", zip_path, f"{release_url}.zip", "ZIP"))
    found.append(_whole("xlsx", xlsx_path, f"{release_url}/{release}.xlsx", "XLSX"))
    return found


def missing_files(package: Package) -> list[Resource]:
    """Data files the descriptor lists but the folder does not hold."""
    return [r for r in package.resources.values() if not package.file(r).is_file()]


def _table(package: Package, resource: Resource, release_url: str) -> Distribution:
    path = package.file(resource)
    size, digest = _declared(resource.descriptor)
    if (size is None or digest is None) and path.is_file():
        size, digest = path.stat().st_size, sha256_of(path)
    title = resource.descriptor.get("title") or resource.name
    return Distribution(
        key=resource.name,
        title=Text(zh=f"{title}（CSV）", en=f"{resource.name.replace('_', ' ').capitalize()} (CSV)"),
        description=split_languages(resource.descriptor.get("description") or str(title)),
        url=f"{release_url}/{resource.path}",
        file_format="CSV",
        byte_size=size,
        sha256=digest,
        records=count_records(path) if path.is_file() else None,
    )


def _whole(key: str, path: Path, url: str, file_format: str) -> Distribution:
    title, description = WHOLE[key]
    found = path.is_file()
    return Distribution(
        key=key,
        title=title,
        description=description,
        url=url,
        file_format=file_format,
        byte_size=path.stat().st_size if found else None,
        sha256=sha256_of(path) if found else None,
    )


def split_languages(text: str) -> Text:
    """A descriptor text written "中文。English." as its two halves (the whole text twice if it is not)."""
    match = BILINGUAL.match(text.strip())
    return Text(zh=match[1], en=match[2]) if match else Text(zh=text, en=text)


def _declared(descriptor: dict[str, Any]) -> tuple[int | None, str | None]:
    """``bytes`` and the SHA-256 of ``hash`` ("sha256:<hex>") as the descriptor states them."""
    size = descriptor.get("bytes")
    declared = descriptor.get("hash")
    digest = None
    if isinstance(declared, str) and SHA256.fullmatch(declared.lower()):
        digest = declared.split(":", 1)[1].lower()
    return (size if isinstance(size, int) and size >= 0 else None), digest


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def count_records(path: Path) -> int:
    """Data rows of a CSV file (the header is not counted; quoted line breaks stay in one row)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return max(sum(1 for _ in csv.reader(handle)) - 1, 0)
