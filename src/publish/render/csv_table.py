"""The findings as a to-do list a clerk opens in Excel: UTF-8 with BOM, one finding per row."""

from __future__ import annotations

import csv
import io
import json

from publish.core import Report, escape

COLUMNS = [
    "severity",
    "rule",
    "file",
    "line",
    "field",
    "fiscal_year",
    "department_id",
    "document_kind",
    "scope",
    "message_zh",
    "message_en",
    "values",
]
HEADER_ZH = [
    "级别",
    "规则",
    "文件",
    "行",
    "字段",
    "预算年度",
    "部门编号",
    "文件种类",
    "公开范围",
    "说明",
    "Message",
    "相关数值",
]


def render(report: Report, lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS if lang == "en" else HEADER_ZH)
    for f in report.findings:
        writer.writerow(
            [
                _safe(v)
                for v in (
                    f.severity,
                    f.rule,
                    f.path or "",
                    f.row or "",
                    f.field or "",
                    f.fiscal_year or "",
                    f.department_id or "",
                    f.document_kind or "",
                    f.scope or "",
                    f.message_zh,
                    f.message_en,
                    json.dumps(f.values, ensure_ascii=False, default=str) if f.values else "",
                )
            ]
        )
    return "\ufeff" + out.getvalue()


def _safe(value: object) -> object:
    """Text on one line, kept as text by Excel (a leading apostrophe where it would be a formula)."""
    return escape.excel(escape.terminal_line(value)) if isinstance(value, str) else value
