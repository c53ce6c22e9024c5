"""GitHub Actions: one workflow-command annotation per finding, and a Markdown step summary.

Annotations point at the CSV line in the pull request's diff (with `--changed-since`, also at the changed lines a
finding involves: ``placement``); the summary (appended to the file
named by $GITHUB_STEP_SUMMARY when it is set) tables the findings by department-year. Every value is
escaped for its place by ``publish.core.escape``: a command's data and properties as GitHub encodes them,
a summary cell as Markdown text (or a code span) that can start no link, image, HTML or new row.
"""

from __future__ import annotations

import os

from publish.core import Finding, Report, escape
from publish.render.grouping import by_department_year, heading
from publish.render.placement import where_changed
from publish.render.text import SEVERITY, summary

COMMAND = {"error": "error", "warning": "warning"}


def render(report: Report, lang: str) -> str:
    lang = "en" if lang == "en" else "zh"  # "both": every annotation carries both languages anyway
    lines = [annotation(placed, lang) for finding in report.findings for placed in where_changed(finding)]
    lines.append(summary(report, lang))
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(step_summary(report, lang))
    return "\n".join(lines) + "\n"


def annotation(finding: Finding, lang: str) -> str:
    properties = [f"file={escape.workflow_property(finding.path or 'datapackage.json')}"]
    if finding.row:
        properties.append(f"line={int(finding.row)}")
    properties.append(f"title={escape.workflow_property(finding.rule)}")
    other = "en" if lang == "zh" else "zh"
    message = f"{finding.message(lang)}\n{finding.message(other)}"
    return f"::{COMMAND[finding.severity]} {','.join(properties)}::{escape.workflow_data(message)}"


def step_summary(report: Report, lang: str) -> str:
    title = "预算数据校验结果" if lang == "zh" else "Budget data validation"
    head = ("| 级别 | 规则 | 位置 | 说明 |", "| severity | rule | where | message |")[lang == "en"]
    out = [f"## {title}", "", summary(report, lang), ""]
    for key, findings in by_department_year(report.findings):
        out += [f"### {escape.markdown_text(heading(key, lang))}", "", head, "|---|---|---|---|"]
        for f in findings:
            cells = (
                escape.markdown_code(f.rule),
                escape.markdown_code(f.location),
                escape.markdown_text(f.message(lang)),
            )
            out.append(f"| {SEVERITY[lang][f.severity]} | {' | '.join(cells)} |")
        out.append("")
    return "\n".join(out) + "\n"
