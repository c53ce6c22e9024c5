"""The files a reader can download, copied into the site so that every link resolves offline.

The site's ``download/`` folder mirrors the release layout, so it can itself serve as the base URL
of the release: ``download/<name>-<version>.zip``, ``download/<name>-<version>/datapackage.json``,
``.../data/<resource>.csv``, ``.../<name>-<version>.xlsx``. Beside them, ``download/<name>-<version>-excel/``
holds a UTF-8-with-BOM copy of each CSV, which Excel on Chinese Windows opens without garbling (and in which
text Excel would run as a formula, possible only in data built with --allow-invalid, starts with ').
Only files that exist are listed: a package folder has no zip or xlsx; catalog files appear once
`publish catalog` has written them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from publish.core import BOM, Package, escape

# Files `publish catalog --out DIR` writes, named `<name>-<version>.<suffix>`, with what they are.
CATALOG_FILES = (
    ("dcat.ttl", "DCAT-AP 3 元数据（Turtle）", "DCAT-AP 3 (Turtle)"),
    ("dcat.jsonld", "DCAT-AP 3 元数据（JSON-LD）", "DCAT-AP 3 (JSON-LD)"),
    ("schemaorg.jsonld", "schema.org 数据集描述（JSON-LD）", "schema.org Dataset (JSON-LD)"),
    ("ckan.json", "CKAN 数据集（package_create）", "CKAN dataset (package_create)"),
    ("cn-catalog.json", "政务信息资源目录（JSON）", "Government information resource catalog (JSON)"),
    ("cn-catalog.xlsx", "政务信息资源目录（Excel 导入表）", "Government information resource catalog (Excel)"),
    ("cn-catalog.csv", "政务信息资源目录（CSV）", "Government information resource catalog (CSV)"),
)
RELEASE_EXTRAS = (
    ("README.md", "说明", "README"),
    ("CHANGELOG.md", "更新记录", "Changelog"),
    ("SHA256SUMS", "校验和（SHA-256）", "Checksums (SHA-256)"),
)


@dataclass
class Download:
    href: str
    zh: str
    en: str
    size: int


@dataclass
class ResourceDownload:
    name: str
    title: str
    csv: Download
    excel_csv: Download
    schema: Download | None


@dataclass
class Downloads:
    """What goes into the site (target path → bytes) and what the pages list."""

    release_name: str
    files: dict[str, bytes] = field(default_factory=dict)
    package_files: list[Download] = field(default_factory=list)
    resources: list[ResourceDownload] = field(default_factory=list)
    catalog: list[Download] = field(default_factory=list)

    def add(self, target: str, data: bytes, zh: str, en: str) -> Download:
        self.files[target] = data
        return Download(target, zh, en, len(data))


def collect(package: Package, catalog_dir: Path | None = None) -> Downloads:
    """Read every downloadable file of the package or release into memory, under its site path."""
    name = package.release_name
    downloads = Downloads(name)
    base = f"download/{name}"
    zip_path = package.root.parent / f"{name}.zip"
    if package.root.name == name and zip_path.is_file():
        item = downloads.add(f"download/{name}.zip", zip_path.read_bytes(), "完整发布包（zip）", "Whole release (zip)")
        downloads.package_files.append(item)
    xlsx = package.root / f"{name}.xlsx"
    if xlsx.is_file():
        downloads.package_files.append(
            downloads.add(f"{base}/{xlsx.name}", xlsx.read_bytes(), "Excel 工作簿（每表一页）", "Excel workbook")
        )
    downloads.package_files.append(
        downloads.add(
            f"{base}/datapackage.json",
            package.descriptor_path.read_bytes(),
            "数据包描述（datapackage.json）",
            "Data package descriptor",
        )
    )
    for filename, zh, en in RELEASE_EXTRAS:
        if (package.root / filename).is_file():
            item = downloads.add(f"{base}/{filename}", (package.root / filename).read_bytes(), zh, en)
            downloads.package_files.append(item)
    _collect_resources(package, downloads, base)
    _collect_catalog(package, downloads, catalog_dir)
    return downloads


def _collect_catalog(package: Package, downloads: Downloads, catalog_dir: Path | None) -> None:
    """Catalog files of this release, where `publish catalog --out` puts them: beside the release folder
    (``dist/``), inside it, in its ``catalog/`` folder, or in the folder given. Absent files are not listed."""
    name = downloads.release_name
    folders = [catalog_dir] if catalog_dir else [package.root.parent, package.root, package.root / "catalog"]
    for suffix, zh, en in CATALOG_FILES:
        found = next((f / f"{name}.{suffix}" for f in folders if (f / f"{name}.{suffix}").is_file()), None)
        if found is not None:
            downloads.catalog.append(downloads.add(f"download/{found.name}", found.read_bytes(), zh, en))


def _collect_resources(package: Package, downloads: Downloads, base: str) -> None:
    for resource in package.resources.values():
        data = package.file(resource).read_bytes()
        csv = downloads.add(f"{base}/{resource.path}", data, "CSV（UTF-8，标准）", "CSV (UTF-8, canonical)")
        excel = downloads.add(
            f"{base}-excel/{Path(resource.path).name}",
            excel_copy(data),
            "CSV（UTF-8 带 BOM，Excel 用）",
            "CSV for Excel (UTF-8 with BOM)",
        )
        schema_ref = resource.descriptor.get("schema")
        schema = None
        if isinstance(schema_ref, str) and (package.root / schema_ref).is_file():
            schema_bytes = (package.root / schema_ref).read_bytes()
            schema = downloads.add(f"{base}/{schema_ref}", schema_bytes, "表结构", "Table Schema")
        title = str(resource.descriptor.get("title") or resource.schema.get("title") or resource.name)
        downloads.resources.append(ResourceDownload(resource.name, title, csv, excel, schema))


def excel_copy(data: bytes) -> bytes:
    """The CSV with a BOM for Excel; a cell Excel would run as a formula is made text (a leading ')."""
    body = data.removeprefix(BOM)
    try:
        rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    except (UnicodeDecodeError, csv.Error):
        return BOM + body
    safe = [[escape.excel(cell) for cell in row] for row in rows]
    if safe == rows:
        return BOM + body
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n" if b"\r\n" in body else "\n").writerows(safe)
    return BOM + out.getvalue().encode("utf-8")
