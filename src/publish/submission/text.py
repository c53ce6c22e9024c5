"""The text `publish add` prints: notes, findings, the row changes and a one-line verdict."""

from __future__ import annotations

from publish.core import Finding
from publish.submission.intake import AddResult
from publish.submission.merge import RowChange

SIGNS = {"added": "+", "removed": "-", "changed": "~"}
WORDS = {"added": "新增 added", "removed": "删除 removed", "changed": "修改 changed"}


def render_add(result: AddResult) -> str:
    lines: list[str] = []
    if result.recovered:
        lines.append("已先恢复上次中断的合并 / an interrupted merge was rolled back first")
    if result.notes:
        lines.append("自动规范化 Normalisations (含义不变 meaning unchanged):")
        lines.extend(_finding("note", note) for note in result.notes)
    if result.findings:
        lines.append("问题 Findings:")
        lines.extend(_finding(f.severity, f) for f in result.findings)
    if result.plan is not None and result.accepted:
        lines.extend(render_changes(result.plan.changes))
    lines.append(_verdict(result))
    return "\n".join(lines)


def _finding(label: str, finding: Finding) -> str:
    return f"[{label}] {finding.rule}: {finding.message_zh}\n    {finding.message_en}"


def render_changes(changes: list[RowChange]) -> list[str]:
    lines = []
    for change in changes:
        key = "/".join(change.key)
        lines.append(f"{SIGNS[change.kind]} {change.resource} [{key}] {WORDS[change.kind]}")
        for name, (old, new) in change.fields.items():
            lines.append(f"    {name}: {old!r} → {new!r}" if change.kind == "changed" else f"    {name}: {new!r}")
    return lines


def _verdict(result: AddResult) -> str:
    errors = len(result.errors)
    warnings = len(result.findings) - errors
    claim = " ".join(result.submission.claim) if result.submission and result.submission.claim else ""
    if not result.accepted:
        counted = f"{errors} 个错误 errors, {warnings} 个警告 warnings"
        return f"未并入 not merged {claim}: {counted}；数据未改动 nothing was written"
    counts = {kind: sum(c.kind == kind for c in result.plan.changes) for kind in SIGNS} if result.plan else {}
    summary = f"新增 {counts.get('added', 0)}、删除 {counts.get('removed', 0)}、修改 {counts.get('changed', 0)} 行"
    summary_en = (
        f"{counts.get('added', 0)} added, {counts.get('removed', 0)} removed, {counts.get('changed', 0)} changed"
    )
    if result.dry_run:
        verdict = f"检查通过（试运行）clean (dry run) {claim}"
        return f"{verdict}: 将{summary} would be {summary_en}；未写入任何文件 nothing written"
    if not result.written:
        return f"没有变化 no changes {claim}: 数据包中已是这些数据 the package already holds this submission"
    files = ", ".join(f"{name}.csv" for name in result.written)
    return f"已并入 merged {claim}: {summary} ({summary_en})；更新文件 files written: {files}"
