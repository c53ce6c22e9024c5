"""What `publish add` reports: its findings as a report for ``publish.render`` (the normalisation notes
first), and beside it the row changes and a one-line verdict, as text and as the report's JSON key ``add``."""

from __future__ import annotations

from typing import Any

from publish.core import Report
from publish.submission.intake import AddResult
from publish.submission.merge import RowChange

SIGNS = {"added": "+", "removed": "-", "changed": "~"}
WORDS = {"added": "新增 added", "removed": "删除 removed", "changed": "修改 changed"}


def add_report(result: AddResult) -> Report:
    """The notes and findings of ``result``, with what was done (the ``add`` key of the JSON report)."""
    return Report(findings=[*result.notes, *result.findings], extra={"add": _outcome(result)})


def _outcome(result: AddResult) -> dict[str, Any]:
    claim = result.submission.claim if result.submission else None
    return {
        "fiscal_year": claim[0] if claim else None,
        "department_id": claim[1] if claim else None,
        "document_kind": claim[2] if claim else None,
        "scope": claim[3] if claim else None,
        "accepted": result.accepted,
        "dry_run": result.dry_run,
        "recovered": result.recovered,
        "changes": [_change(change) for change in _changes(result)],
        "written": [f"{name}.csv" for name in result.written],
    }


def _change(change: RowChange) -> dict[str, Any]:
    fields = {name: {"old": old, "new": new} for name, (old, new) in change.fields.items()}
    return {"resource": change.resource, "key": list(change.key), "kind": change.kind, "fields": fields}


def _changes(result: AddResult) -> list[RowChange]:
    return result.plan.changes if result.plan is not None and result.accepted else []


def render_add(result: AddResult) -> str:
    """The text printed after the report: a rolled-back merge, the row changes and the verdict."""
    lines: list[str] = []
    if result.recovered:
        lines.append("已先恢复上次中断的合并 / an interrupted merge was rolled back first")
    lines.extend(render_changes(_changes(result)))
    lines.append(_verdict(result))
    return "\n".join(lines)


def render_changes(changes: list[RowChange]) -> list[str]:
    lines = []
    for change in changes:
        key = "/".join(change.key)
        lines.append(f"{SIGNS[change.kind]} {change.resource} [{key}] {WORDS[change.kind]}")
        for name, (old, new) in change.fields.items():
            lines.append(f"    {name}: {old!r} → {new!r}" if change.kind == "changed" else f"    {name}: {new!r}")
    return lines


def _verdict(result: AddResult) -> str:
    claim = " ".join(result.submission.claim) if result.submission and result.submission.claim else ""
    if not result.accepted:
        return f"未并入 not merged {claim}：数据未改动 nothing was written"
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
