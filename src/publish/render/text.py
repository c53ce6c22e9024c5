"""Plain text for a terminal: findings grouped by department-year, the summary line last."""

from __future__ import annotations

from publish.core import Report
from publish.render.grouping import by_department_year, heading

SEVERITY = {"zh": {"error": "错误", "warning": "警告"}, "en": {"error": "error", "warning": "warning"}}


def render(report: Report, lang: str) -> str:
    lines: list[str] = []
    for key, findings in by_department_year(report.findings):
        lines.append(f"== {heading(key, lang)} ==")
        for finding in findings:
            where = f"{finding.path}:{finding.row}" if finding.row else (finding.path or "")
            lines.append(
                f"  [{SEVERITY[lang][finding.severity]}] {finding.rule}  {where}"
                + (f"  {finding.field}" if finding.field else "")
            )
            lines.append(f"      {finding.message(lang)}")
        lines.append("")
    lines.append(summary(report, lang))
    return "\n".join(lines) + "\n"


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
