"""A minimal schema.org Dataset record, embedded in the index page for dataset search engines.

Download links are relative to the index page unless a base URL is given; then they follow the
release URL conventions (``<base>/<name>-<version>.zip`` …).
"""

from __future__ import annotations

import json
from typing import Any

from publish.site.downloads import Downloads
from publish.site.model import SiteData


def dataset(site: SiteData, downloads: Downloads, base_url: str | None = None) -> dict[str, Any]:
    """The schema.org Dataset describing the package (or release) the site is built from."""
    descriptor = site.package.descriptor
    spatial = descriptor.get("spatial") or {}
    years = sorted(site.years)
    record: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": descriptor.get("title") or descriptor.get("name"),
        "alternateName": descriptor.get("name"),
        "description": descriptor.get("description") or descriptor.get("title"),
        "identifier": downloads.release_name,
        "version": descriptor.get("version"),
        "keywords": descriptor.get("keywords", []),
        "inLanguage": ["zh-CN", "en"],
        "isAccessibleForFree": True,
        "license": next((lic.get("path") for lic in descriptor.get("licenses", []) if lic.get("path")), None),
        "creator": [
            {"@type": "Organization", "name": c.get("organization") or c.get("title")}
            for c in descriptor.get("contributors", [])
            if "publisher" in (c.get("roles") or [])
        ],
        "spatialCoverage": {"@type": "Place", "name": spatial.get("division_name")} if spatial else None,
        "temporalCoverage": f"{years[0]}/{years[-1]}" if len(years) > 1 else (years[0] if years else None),
        "distribution": [_distribution(d.href, d.en, base_url) for d in _all(downloads)],
    }
    return {key: value for key, value in record.items() if value not in (None, [], "")}


def script_text(record: dict[str, Any]) -> str:
    """JSON safe to place inside <script type="application/ld+json"> (no '</script>' can close it early)."""
    text = json.dumps(record, ensure_ascii=False, indent=2)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _all(downloads: Downloads):
    yield from downloads.package_files
    for resource in downloads.resources:
        yield resource.csv


def _distribution(href: str, name: str, base_url: str | None) -> dict[str, Any]:
    url = href
    if base_url:
        url = base_url.rstrip("/") + "/" + href.removeprefix("download/")
    formats = {"csv": "text/csv", "json": "application/json", "zip": "application/zip"}
    suffix = href.rsplit(".", 1)[-1].lower()
    encoding = formats.get(suffix)
    if suffix == "xlsx":
        encoding = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    record = {"@type": "DataDownload", "name": name, "contentUrl": url, "encodingFormat": encoding}
    return {key: value for key, value in record.items() if value}
