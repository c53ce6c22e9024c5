"""Comparing a disclosure's text with the package's tables for the same department-year, figure by figure.

Each value the text states is compared with the table's cell (numbers as decimals: 38.2 = 38.20).
A difference is an error ``text-table-mismatch``; a line the text states that the table lacks is
an error ``text-figure-missing-from-table``; a figure the table has where the text's line states
none is a warning ``table-figure-not-in-text``. Each finding names the file, line and field, both
values and the sentence of the text.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from publish.core import Finding, Report
from publish.extract.model import KEYS, Extraction
from publish.extract.reference import Reference

NUMERIC = ("number", "integer", "year")
# Not stated by the text: where the text was read from.
NOT_STATED = ("source_file", "source_url", "published_date")


def check(ext: Extraction, reference: Reference) -> Report:
    report = Report()
    for name, rows in ext.rows.items():
        resource = reference.package.resources.get(name)
        if resource is None:
            continue
        table = reference.rows(name)
        for row in rows:
            if name == "departments" and _profile_of_another_year(table, row):
                continue
            report.extend(_compare_row(ext, resource, table, row))
    report.stats["compared_rows"] = sum(len(rows) for rows in ext.rows.values())
    return report


def _compare_row(ext: Extraction, resource, table: list[dict[str, str]], row: dict[str, str]) -> list[Finding]:
    key_fields = resource.primary_key
    line = next((i for i, t in enumerate(table, 2) if all(t.get(k) == row.get(k) for k in key_fields)), None)
    key = ";".join(f"{k}={row[k]}" for k in key_fields if k not in KEYS)
    if line is None:
        return [_missing_row(ext, resource, key)]
    found, types = table[line - 2], {f["name"]: f.get("type", "string") for f in resource.fields}
    findings = []
    for field in (f["name"] for f in resource.fields if f["name"] not in (*key_fields, *NOT_STATED)):
        stated, held = row.get(field, ""), found.get(field, "")
        if _same(stated, held, types.get(field, "string")):
            continue
        if stated == "" and types.get(field) not in NUMERIC:
            continue  # a quote or name the text does not repeat: nothing to compare
        findings.append(_mismatch(ext, resource, key, line, field, stated, held))
    return findings


def _profile_of_another_year(table: list[dict[str, str]], row: dict[str, str]) -> bool:
    held = next((t for t in table if t.get("department_id") == row.get("department_id")), None)
    return held is not None and held.get("profile_year") != row.get("profile_year")


def _same(a: str, b: str, kind: str) -> bool:
    if kind in NUMERIC and a and b:
        try:
            return Decimal(a) == Decimal(b)
        except InvalidOperation:
            return a == b
    if kind == "boolean":
        return a.lower() == b.lower()
    return a == b


def sentence_of(ext: Extraction, resource: str, key: str, field: str | None = None) -> str:
    for entry in ext.provenance:
        if entry["resource"] == resource and entry["key"] == key and field in (None, entry["field"]):
            return entry["sentence"]
    return ""


def _mismatch(ext, resource, key, line, field, stated, held) -> Finding:
    sentence = sentence_of(ext, resource.name, key, field) or sentence_of(ext, resource.name, key)
    shown_key = key or f"{ext.fiscal_year}/{ext.department_id}"
    stated_zh, held_zh = stated or "（未陈述）", held or "（空）"
    not_stated = stated == ""
    return Finding(
        rule="table-figure-not-in-text" if not_stated else "text-table-mismatch",
        severity="warning" if not_stated else "error",
        resource=resource.name,
        path=resource.path,
        row=line,
        field=field,
        values={"text": stated, "table": held, "sentence": sentence},
        fiscal_year=int(ext.fiscal_year),
        department_id=ext.department_id,
        document_kind=ext.document_kind,
        scope=ext.scope,
        message_zh=f"{resource.path} 第 {line} 行（{shown_key}），字段 {field}：表中为“{held_zh}”，"
        f"说明文本为“{stated_zh}”（原文：{sentence}）。请核对公开文件，改正表格或文本中错误的一方。",
        message_en=f"{resource.path} line {line} ({shown_key}), field {field}: the table holds '{held}', "
        f"the text states '{stated}' (sentence: {sentence}). Check the published document and correct "
        "whichever is wrong.",
    )


def _missing_row(ext: Extraction, resource, key: str) -> Finding:
    sentence = sentence_of(ext, resource.name, key)
    return Finding(
        rule="text-figure-missing-from-table",
        severity="error",
        resource=resource.name,
        path=resource.path,
        values={"key": key, "sentence": sentence},
        fiscal_year=int(ext.fiscal_year),
        department_id=ext.department_id,
        document_kind=ext.document_kind,
        scope=ext.scope,
        message_zh=f"{resource.path}：说明文本陈述了 {key or '本部门本年度'} 这一行（原文：{sentence}），"
        f"表中却没有 {ext.fiscal_year} 年 {ext.department_id} 的这一行。请在表中补上。",
        message_en=f"{resource.path}: the text states the line {key or 'of this department-year'} "
        f"(sentence: {sentence}) but the table has no such line for {ext.fiscal_year} {ext.department_id}: add it.",
    )
