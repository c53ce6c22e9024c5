"""`publish site`: static portal pages built from a package or release, readable offline.

``build_site(source, out)`` is the one entry point; the modules beside it hold the pieces:
``model`` (rows per disclosure), ``sections``/``tables``/``economic`` (the tables of a department page),
``parts`` (what a page says for a part not published), ``overview`` (headline figures and funds),
``comparison`` (budget beside final account), ``county``/``figures``/``sparkline`` (the county pages: rankings,
changes on last year), ``formatting`` (万元, ↑/↓), ``charts``/``fonts``/``chart_pool`` (inline SVG laid out with a
known font, drawn on every core), ``downloads`` (files copied into the site), ``jsonld`` (schema.org),
``render`` (Jinja2 templates) and ``builder`` (the whole folder, written atomically).
"""

from publish.site.builder import MARKER, SiteRefused, SiteResult, build_site

__all__ = ["MARKER", "SiteRefused", "SiteResult", "build_site"]
