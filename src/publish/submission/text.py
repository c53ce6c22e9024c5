"""What `publish add` reports: its findings as a report for ``publish.render`` (the normalisation notes
first), and beside it the row changes and a one-line verdict, as text and as the report's JSON key ``add``;
for several submissions at once, each one's, then the batch's verdict (all merged, or none)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from publish.core import Report
from publish.submission.intake import AddResult, BatchResult
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


def batch_report(batch: BatchResult) -> Report:
    """The notes and findings of every submission (each located in its own file: ``<submission>/<file>``), and
    what was done with each (the ``add`` key: ``submissions``, one outcome each)."""
    findings = [_in(result, finding) for result in batch.results for finding in [*result.notes, *result.findings]]
    outcome = {
        "accepted": batch.accepted,
        "dry_run": batch.dry_run,
        "recovered": batch.recovered,
        "refused": [str(result.submission.source) for result in batch.refused if result.submission],
        "written": [f"{name}.csv" for name in batch.written],
        "submissions": [{"source": _source(result), **_outcome(result)} for result in batch.results],
    }
    return Report(findings=findings, extra={"add": outcome})


def _source(result: AddResult) -> str:
    return str(result.submission.source) if result.submission else ""


def _in(result: AddResult, finding):
    """The finding located in its submission: two submissions' files have the same names (income.csv)."""
    source = result.submission.source.name if result.submission else ""
    return replace(finding, path=f"{source}/{finding.path}" if finding.path else source)


def render_batch(batch: BatchResult) -> str:
    """Each submission's changes and verdict, then the batch's: merged all together, or none (naming the refused)."""
    if len(batch.results) == 1:
        return render_add(batch.results[0])
    lines = ["已先恢复上次中断的合并 / an interrupted merge was rolled back first"] if batch.recovered else []
    for result in batch.results:
        lines += [f"== {_source(result)}", *render_changes(_changes(result)), _verdict(result)]
    lines.append(_batch_verdict(batch))
    return "\n".join(lines)


def _batch_verdict(batch: BatchResult) -> str:
    count = len(batch.results)
    if not batch.accepted:
        refused = ", ".join(_source(result) for result in batch.refused)
        return (
            f"{count} 份报送中 {len(batch.refused)} 份未通过，全部未并入，数据未改动 / {len(batch.refused)} of {count} "
            f"submissions refused: none merged, nothing written: {refused}"
        )
    if batch.dry_run:
        return f"{count} 份报送全部检查通过（试运行），未写入任何文件 / all {count} submissions clean (dry run), nothing written"
    files = ", ".join(f"{name}.csv" for name in batch.written) or "无 none"
    return f"{count} 份报送已一并并入 / all {count} submissions merged in one write；更新文件 files written: {files}"
