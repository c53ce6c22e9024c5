"""GitHub Actions: one workflow-command annotation per finding, and a Markdown step summary.

Annotations point at the CSV line in the pull request's diff; the summary (appended to the file
named by $GITHUB_STEP_SUMMARY when it is set) tables the findings by department-year.
"""

from __future__ import annotations

import os

from publish.core import Finding, Report
from publish.render.grouping import by_department_year, heading
from publish.render.text import SEVERITY, summary

COMMAND = {"error": "error", "warning": "warning"}


def render(report: Report, lang: str) -> str:
    lang = "en" if lang == "en" else "zh"  # "both": every annotation carries both languages anyway
    lines = [annotation(finding, lang) for finding in report.findings]
    lines.append(summary(report, lang))
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(step_summary(report, lang))
    return "\n".join(lines) + "\n"


def annotation(finding: Finding, lang: str) -> str:
    properties = [f"file={_property(finding.path or 'datapackage.json')}"]
    if finding.row:
        properties.append(f"line={finding.row}")
    properties.append(f"title={_property(finding.rule)}")
    other = "en" if lang == "zh" else "zh"
    message = f"{finding.message(lang)}\n{finding.message(other)}"
    return f"::{COMMAND[finding.severity]} {','.join(properties)}::{_data(message)}"


def step_summary(report: Report, lang: str) -> str:
    title = "预算数据校验结果" if lang == "zh" else "Budget data validation"
    head = ("| 级别 | 规则 | 位置 | 说明 |", "| severity | rule | where | message |")[lang == "en"]
    out = [f"## {title}", "", summary(report, lang), ""]
    for key, findings in by_department_year(report.findings):
        out += [f"### {heading(key, lang)}", "", head, "|---|---|---|---|"]
        for f in findings:
            where = f"`{f.path}:{f.row}`" if f.row else f"`{f.path}`"
            out.append(f"| {SEVERITY[lang][f.severity]} | `{f.rule}` | {where} | {_cell(f.message(lang))} |")
        out.append("")
    return "\n".join(out) + "\n"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
