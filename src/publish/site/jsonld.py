"""The schema.org Dataset record embedded in the index page for dataset search engines.

With a base URL (where the site's ``download/`` folder is served), the record is the one
`publish catalog --format schemaorg` makes, so the site and the catalog files never disagree.
Without one, a minimal record is built here whose download links are relative to the index page.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from publish.catalog import base_url_problem, model_or_report, render_schemaorg
from publish.core import escape
from publish.site.downloads import Downloads
from publish.site.model import SiteData


def catalog_dataset(source: Path, base_url: str) -> dict[str, Any] | tuple[str, str]:
    """The catalog's schema.org record for ``base_url``, or (Chinese, English) saying why there is none."""
    problem = base_url_problem(base_url)
    if problem:
        return (f"--base-url {base_url} 无效：{problem[0]}", f"--base-url {base_url} is not usable: {problem[1]}")
    model, report = model_or_report(source, base_url)
    if model is None:
        first = report.errors[0] if report.errors else None
        return (first.message_zh if first else "无法生成目录元数据", first.message_en if first else "no catalog model")
    return json.loads(render_schemaorg(model))


def dataset(site: SiteData, downloads: Downloads) -> dict[str, Any]:
    """A minimal schema.org Dataset of the package (or release), download links relative to the index page."""
    descriptor, facts = site.package.descriptor, site.facts
    years = sorted(site.years)
    record: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": facts["title"],
        "alternateName": descriptor.get("name"),
        "description": descriptor.get("description") or descriptor.get("title"),
        "identifier": downloads.release_name,
        "version": facts["version"],
        "keywords": descriptor.get("keywords", []),
        "inLanguage": ["zh-CN", "en"],
        "isAccessibleForFree": True,
        "license": next((lic.get("path") for lic in _objects(descriptor, "licenses") if lic.get("path")), None),
        "creator": [
            {"@type": "Organization", "name": c.get("organization") or c.get("title")}
            for c in _objects(descriptor, "contributors")
            if "publisher" in (c.get("roles") or [])
        ],
        "spatialCoverage": {"@type": "Place", "name": facts["division_name"]} if facts["division_name"] else None,
        "temporalCoverage": f"{years[0]}/{years[-1]}" if len(years) > 1 else (years[0] if years else None),
        "distribution": [_distribution(d.href, d.en) for d in _all(downloads)],
    }
    return {key: value for key, value in record.items() if value not in (None, [], "")}


def _objects(descriptor: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The objects listed under ``key`` (a descriptor that failed validation may list anything there)."""
    items = descriptor.get(key)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def script_text(record: dict[str, Any]) -> str:
    """JSON safe to place inside <script type="application/ld+json"> (no '</script>' can close it early)."""
    return escape.script_json(json.dumps(record, ensure_ascii=False, indent=2))


def _all(downloads: Downloads):
    yield from downloads.package_files
    for resource in downloads.resources:
        yield resource.csv


def _distribution(href: str, name: str) -> dict[str, Any]:
    formats = {"csv": "text/csv", "json": "application/json", "zip": "application/zip"}
    suffix = href.rsplit(".", 1)[-1].lower()
    encoding = formats.get(suffix)
    if suffix == "xlsx":
        encoding = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    record = {"@type": "DataDownload", "name": name, "contentUrl": href, "encodingFormat": encoding}
    return {key: value for key, value in record.items() if value}
