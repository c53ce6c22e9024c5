"""Inconsistencies of a document as published: recorded once, kept as published, reported as known.

A disclosure transcribed faithfully keeps the publisher's own slips (a total one fen off its parts, a
change that contradicts its rate). The `inconsistencies` table records each one: the disclosure, the
rule that finds it, the row (its key outside the disclosure's identity, ``item=total``), the field and a
note quoting the document. A finding a record matches is still reported, once, as a warning that says
so; a record nothing matches any more is stale and says so too. Only budget rules can be recorded:
what makes a table unreadable (types, keys, required cells) is never waived.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import polars as pl

from publish.core import Finding, Severity
from publish.engine import LINE
from publish.rules.base import Context, rows

RESOURCE = "inconsistencies"
RECORD = ("rule", "resource", "row_key", "field")  # what a record names beyond the disclosure's identity


def acknowledge(ctx: Context, findings: list[Finding], rule_ids: set[str], ran: set[str]) -> list[Finding]:
    """``findings`` with the recorded ones marked as known, then a finding per invalid record (one naming no
    budget rule) and per stale one (its rule ran, ``ran``, and found nothing there)."""
    if not ctx.has(RESOURCE):
        return findings
    records = ctx.frame(RESOURCE)
    identity = [name for name in records.columns if name not in (*RECORD, "note", LINE)]
    recorded = {_record_key(row, identity): row for row in rows(records)}
    matched: set[tuple] = set()
    marked = []
    for finding in findings:
        key = _finding_key(ctx, finding, identity) if finding.rule in rule_ids else None
        record = _match(recorded, key)
        if record is None:
            marked.append(finding)
            continue
        matched.add(_record_key(record, identity))
        marked.append(_known(finding, record["note"]))
    return marked + list(_problems(ctx, recorded, matched, rule_ids, ran))


def _record_key(row: dict[str, Any], identity: list[str]) -> tuple:
    return tuple(str(row.get(name) or "") for name in (*identity, *RECORD))


def _match(recorded: dict[tuple, dict], key: tuple | None) -> dict | None:
    """The record for ``key``; a record with no field matches the finding on any field of its row."""
    if key is None:
        return None
    return recorded.get(key) or recorded.get((*key[:-1], ""))


def _finding_key(ctx: Context, finding: Finding, identity: list[str]) -> tuple | None:
    """(identity…, rule, resource, row_key, field) of the row a finding is on, read from that row."""
    if not finding.resource or not finding.row or not ctx.has(finding.resource):
        return None
    frame = ctx.frame(finding.resource)
    found = frame.filter(pl.col(LINE) == finding.row)
    if found.is_empty() or not set(identity) <= set(frame.columns):
        return None
    row = found.row(0, named=True)
    key_fields = ctx.tables.tables[finding.resource].resource.schema.get("primaryKey") or []
    own = [name for name in ([key_fields] if isinstance(key_fields, str) else key_fields) if name not in identity]
    row_key = ";".join(f"{name}={_text(row.get(name))}" for name in own)
    return (*(_text(row.get(name)) for name in identity), finding.rule, finding.resource, row_key, finding.field or "")


def _text(value: Any) -> str:
    return "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)


def _known(finding: Finding, note: str) -> Finding:
    zh, en = f"（原文如此，已登记：{note}）", f" (as published, recorded: {note})"
    return replace(
        finding,
        severity="warning",
        values={**finding.values, "as_published": note},
        message_zh=finding.message_zh + zh,
        message_en=finding.message_en + en,
        text=(finding.text[0] + zh, finding.text[1] + en) if finding.text else None,
    )


def _problems(
    ctx: Context, recorded: dict[tuple, dict], matched: set[tuple], rule_ids: set[str], ran: set[str]
) -> Iterable[Finding]:
    path = ctx.path(RESOURCE)
    for key, row in recorded.items():
        if row["rule"] not in rule_ids:
            yield _record_finding("inconsistency-not-a-rule", "error", path, row, (
                f"登记的检查 {row['rule']} 不是预算规则；表结构、类型、主键等错误必须更正，不能作为原文不一致登记。",
                f"{row['rule']} is not a budget rule; structural errors (types, keys, required cells) must be "
                "corrected, not recorded as published.",
            ))  # fmt: skip
        elif key not in matched and row["rule"] in ran:
            yield _record_finding("inconsistency-unmatched", "warning", path, row, (
                f"登记的不一致（{row['rule']}，{row['resource']} {row['row_key']} {row['field'] or ''}）没有对应的检查结果："
                "数据可能已更正，请删除这条登记。",
                f"the recorded inconsistency ({row['rule']}, {row['resource']} {row['row_key']} {row['field'] or ''}) "
                "matches no finding: the data may have been corrected; remove the record.",
            ))  # fmt: skip


def _record_finding(rule: str, severity: Severity, path: str, row: dict, text: tuple[str, str]) -> Finding:
    line = row.get(LINE)
    return Finding(
        rule=rule,
        severity=severity,
        resource=RESOURCE,
        path=path,
        row=line,
        field="rule",
        values={"rule": row["rule"]},
        fiscal_year=row.get("fiscal_year"),
        department_id=row.get("department_id"),
        message_zh=f"{path} 第 {line} 行：{text[0]}",
        message_en=f"{path} line {line}: {text[1]}",
        text=text,
    )
