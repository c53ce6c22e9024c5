"""The report as JSON: `valid`, `stats`, `findings`; byte-stable for the same package."""

from __future__ import annotations

import json

from publish.core import Report, escape

VOLATILE = ("seconds",)


def render(report: Report, lang: str) -> str:
    document = report.to_dict()
    for key in VOLATILE:
        document["stats"].pop(key, None)
    return escape.serialised(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True, default=str)) + "\n"
