"""Plain text for a terminal: findings grouped by department-year, the summary line last.

``lang`` is "zh", "en" or "both" (Chinese, then English on the next line). Every value quoted from the
input is one line with its control characters shown (``publish.core.escape``), never a terminal sequence
or a workflow command.
"""

from __future__ import annotations

from publish.core import Report, escape
from publish.render.grouping import by_department_year, heading

SEVERITY = {"zh": {"error": "错误", "warning": "警告"}, "en": {"error": "error", "warning": "warning"}}
LANGUAGES = {"zh": ("zh",), "en": ("en",), "both": ("zh", "en")}


def render(report: Report, lang: str) -> str:
    languages = LANGUAGES[lang]
    lines: list[str] = []
    line = escape.terminal_line
    for key, findings in by_department_year(report.findings):
        lines.append(f"== {' / '.join(line(heading(key, one)) for one in languages)} ==")
        for finding in findings:
            severity = " ".join(SEVERITY[one][finding.severity] for one in languages)
            where = f"{line(finding.rule)}  {line(finding.location)}"
            lines.append(f"  [{severity}] {where}" + (f"  {line(finding.field)}" if finding.field else ""))
            lines.extend(f"      {line(finding.message(one))}" for one in languages)
        lines.append("")
    lines.extend(summary(report, one) for one in languages)
    return escape.terminal("\n".join(lines) + "\n")


def summary(report: Report, lang: str) -> str:
    stats = report.stats
    errors, warnings = len(report.errors), len(report.warnings)
    scope = ""
    if "rows" in stats:
        scope = (
            f"；{stats['resources']} 个表，{stats['rows']} 行，{stats['department_years']} 个部门年度"
            if lang == "zh"
            else f"; {stats['resources']} tables, {stats['rows']} rows, {stats['department_years']} department-years"
        )
    if lang == "zh":
        verdict = "通过" if report.valid else "未通过"
        return f"{verdict}：{errors} 个错误，{warnings} 个警告{scope}"
    verdict = "valid" if report.valid else "invalid"
    return f"{verdict}: {errors} errors, {warnings} warnings{scope}"
