"""`publish site`: static portal pages built from a package or release, readable offline.

``build_site(source, out)`` is the one entry point; the modules beside it hold the pieces:
``model`` (rows per department-year), ``sections`` (the tables), ``formatting`` (万元, ↑/↓),
``charts`` (inline SVG), ``downloads`` (files copied into the site), ``jsonld`` (schema.org),
``render`` (Jinja2 templates) and ``builder`` (the whole folder, written atomically).
"""

from publish.site.builder import MARKER, SiteRefused, SiteResult, build_site

__all__ = ["MARKER", "SiteRefused", "SiteResult", "build_site"]
