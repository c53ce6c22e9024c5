"""Render the catalog model in the requested formats, to one text or to files in a folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from publish.catalog import ckan, cn_catalog, dcat, schemaorg
from publish.catalog.model import CatalogModel
from publish.catalog.source import build
from publish.core import PackageError, Report, atomic, inside

Renderer = Callable[[CatalogModel], "str | bytes"]

# format -> the files it makes: (suffix after "<name>-<version>.", renderer); the first one is what stdout shows
FORMATS: dict[str, tuple[tuple[str, Renderer], ...]] = {
    "dcat-ttl": (("dcat.ttl", dcat.turtle),),
    "dcat-jsonld": (("dcat.jsonld", dcat.jsonld),),
    "schemaorg": (("schemaorg.jsonld", schemaorg.render),),
    "ckan": (("ckan.json", ckan.render),),
    "cn-catalog": (
        ("cn-catalog.json", cn_catalog.render_json),
        ("cn-catalog.xlsx", cn_catalog.render_xlsx),
        ("cn-catalog.csv", cn_catalog.render_csv_row),
    ),
}


@dataclass
class Export:
    """What an export produced: the findings that stopped it, or the text / the files written."""

    report: Report
    text: str | None = None
    written: list[Path] = field(default_factory=list)


def base_url_problem(url: str) -> tuple[str, str] | None:
    """Why ``url`` cannot be the base URL of the release downloads, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ("须为 http:// 或 https:// 开头的完整网址", "it must be a full http:// or https:// URL")
    if parts.query or parts.fragment:
        return ("不能带 ? 查询或 # 片段", "it must not have a ?query or #fragment")
    return None


def model_or_report(source: str | Path, base_url: str, landing_page: str | None = None):
    """(model, report): the model is None when the report has errors."""
    try:
        model, findings = build(source, base_url, landing_page)
    except PackageError as error:
        return None, Report(findings=list(error.findings))
    report = Report(findings=findings)
    return (model if report.valid else None), report


def export(
    source: str | Path,
    base_url: str,
    formats: list[str],
    out: str | Path | None = None,
    landing_page: str | None = None,
) -> Export:
    """Render ``formats``: into ``out`` as ``<name>-<version>.<suffix>`` files, or (one format) as text.

    Each file's path is checked by ``inside`` before any is written: a name cannot lead out of ``out``."""
    model, report = model_or_report(source, base_url, landing_page)
    if model is None:
        return Export(report=report)
    if out is None:
        rendered = FORMATS[formats[0]][0][1](model)
        return Export(report=report, text=rendered if isinstance(rendered, str) else rendered.decode("utf-8"))
    files = {
        inside(out, f"{model.release}.{suffix}"): render(model) for name in formats for suffix, render in FORMATS[name]
    }
    for path, content in files.items():
        atomic.write_bytes(path, content.encode("utf-8") if isinstance(content, str) else content)
    return Export(report=report, written=list(files))
