"""Turn the site's data into pages: Jinja2 templates in ``templates/``, assets from ``static/``.

Every page is rendered with autoescaping on; the only unescaped inserts are the SVG produced by
vl-convert, the JSON-LD (escaped for a script element) and the changelog rendered by markdown-it
with raw HTML, links and images switched off.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from publish import __version__
from publish.core import Report
from publish.site import figures, formatting
from publish.site.chart_pool import charts_of_every_page
from publish.site.comparison import comparison_for
from publish.site.county import YearKind, county_pages
from publish.site.downloads import Downloads
from publish.site.jsonld import script_text
from publish.site.model import DepartmentYear, SiteData
from publish.site.overview import overview_for
from publish.site.sections import tables_for

STATIC = ("site.css", "site.js")
DEPARTMENT_FOLDER = "department"


def render_site(site: SiteData, downloads: Downloads, report: Report, jsonld: dict[str, Any]) -> dict[str, bytes]:
    """Every file of the site except the downloads: site path → bytes."""
    env = _environment()
    common = {
        "site": site,
        "facts": site.facts,
        "downloads": downloads,
        "report": report,
        "tool_version": __version__,
    }
    files: dict[str, bytes] = {}
    pages = county_pages(site)
    index = env.get_template("index.html").render(
        **common,
        root="",
        county=pages[0] if pages else None,
        county_pages=pages,
        changelog=_changelog_html(downloads),
        jsonld=script_text(jsonld),
    )
    files["index.html"] = index.encode("utf-8")
    for county in pages:
        page = env.get_template("county.html").render(**common, root="../", page=county, pages=pages)
        files[county.year_kind.path] = page.encode("utf-8")
    for view, charts in zip(site.department_years, charts_of_every_page(site), strict=True):
        page = env.get_template("department.html").render(
            **common,
            root="../",
            view=view,
            tables=tables_for(view),
            charts=charts,
            findings=_findings_of(report, view),
            county_page=YearKind(view.fiscal_year, view.document_kind),
            overview=overview_for(view),
            comparison=comparison_for(view, site.department_years),
        )
        files[page_path(view)] = page.encode("utf-8")
    for name in STATIC:
        files[f"assets/{name}"] = resources.files("publish.site").joinpath("static", name).read_bytes()
    return files


def page_path(view: DepartmentYear) -> str:
    return f"{DEPARTMENT_FOLDER}/{view.slug}.html"


def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("publish.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["wan"] = formatting.wan
    env.filters["sort_key"] = formatting.sort_key
    env.filters["change"] = formatting.change_text
    env.filters["change_class"] = formatting.change_class
    env.filters["size"] = _size
    env.filters["plain"] = figures.sort_text
    env.filters["percent"] = figures.percent_text
    env.globals["page_path"] = page_path
    return env


def _findings_of(report: Report, view: DepartmentYear) -> list:
    return [
        f
        for f in report.findings
        if str(f.fiscal_year or "") == view.fiscal_year
        and (f.department_id or "") == view.department_id
        and (f.document_kind or view.document_kind, f.scope or view.scope) == (view.document_kind, view.scope)
    ]


def _changelog_html(downloads: Downloads) -> str | None:
    from markdown_it import MarkdownIt
    from markupsafe import Markup

    data = downloads.files.get(f"download/{downloads.release_name}/CHANGELOG.md")
    if data is None:
        return None
    parser = MarkdownIt("commonmark", {"html": False}).disable(["link", "image", "autolink"])
    tokens = parser.parse(data.decode("utf-8", errors="replace"))
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 2, 6)}"  # below the page's own h1 and h2
    return Markup(parser.renderer.render(tokens, parser.options, {}))


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
