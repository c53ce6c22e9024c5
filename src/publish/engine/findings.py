"""Structural findings: frictionless's error types, located, in Chinese and English."""

from __future__ import annotations

from typing import Any

from publish.core import Finding, Resource, describe

# What each frictionless error type means, in Chinese, and what to do about it.
ERROR_ZH: dict[str, str] = {
    "type-error": "值的类型不对（应为 {type}），请按字段说明填写",
    "constraint-error": "值不满足约束 {constraint}",
    "primary-key": "主键重复或为空：同一部门同一年度的同一项目只能有一行",
    "foreign-key": "引用的记录不存在（外键），请先在被引用的表中加入该记录",
    "unique-error": "值重复，该字段要求唯一",
    "blank-row": "空行，请删除",
    "extra-cell": "本行单元格比表头多，请检查多余的逗号",
    "missing-cell": "本行缺少单元格",
    "blank-label": "表头有空列名",
    "duplicate-label": "表头列名重复",
    "incorrect-label": "表头列名与表结构不符",
    "extra-label": "表头多出表结构中没有的列",
    "missing-label": "表头缺少表结构中的列",
    "encoding-error": "文件编码无法读取，请另存为 UTF-8",
    "source-error": "无法读取文件",
    "scheme-error": "无法打开文件",
    "format-error": "文件格式无法识别",
    "hash-count": "文件哈希值与描述不符",
    "byte-count": "文件字节数与描述不符",
    "number-out-of-range": "数值过大（超过 ±10¹⁵），不是可信的预算数字，请核对单位与位数",
    "resource-error": "无法按描述读取该资源",
    "unmatched-header": "表头没有一列与表结构中的字段对应",
    "row-count": "行数与描述不符",
    "limit-exceeded": "超过 publish 的处理上限，未检查",
}
ERROR_EN: dict[str, str] = {
    "type-error": "the value is not of type {type}",
    "constraint-error": "the value breaks the constraint {constraint}",
    "primary-key": "the primary key is duplicated or empty: one line per item, department and year",
    "foreign-key": "the referenced record does not exist (foreign key); add it to the referenced table first",
    "unique-error": "the value is duplicated but must be unique",
    "blank-row": "the row is blank; delete it",
    "extra-cell": "the row has more cells than the header; look for an extra comma",
    "missing-cell": "the row has fewer cells than the header",
    "blank-label": "a header label is blank",
    "duplicate-label": "a header label is duplicated",
    "incorrect-label": "the header label does not match the schema's field name",
    "extra-label": "the header has a column the schema does not declare",
    "missing-label": "the header lacks a column the schema declares",
    "source-error": "the file cannot be read",
    "number-out-of-range": "the number is too large (beyond ±10^15) to be a budget figure; check its unit and digits",
    "hash-count": "the file's hash differs from the descriptor's",
    "byte-count": "the file's size in bytes differs from the descriptor's",
    "resource-error": "the resource cannot be read as described",
    "unmatched-header": "no column of the header matches a field of the schema",
    "row-count": "the number of rows differs from the descriptor's",
    "limit-exceeded": "beyond a limit of publish; not checked",
}


# A constraint-error in words: frictionless's note is 'constraint "<name>" is "<value>"'.
CONSTRAINT_WORDS: dict[str, tuple[str, str]] = {
    "required": ("必填，不能为空", "is required but empty"),
    "pattern": ("格式不符，应匹配 {value}", "does not have the required form {value}"),
    "enum": ("不在允许的取值中：{value}", "is not one of the allowed values: {value}"),
    "minimum": ("小于最小值 {value}", "is below the minimum {value}"),
    "maximum": ("大于最大值 {value}", "is above the maximum {value}"),
    "minLength": ("太短，至少 {value} 个字符", "is shorter than {value} characters"),
    "maxLength": ("太长，至多 {value} 个字符", "is longer than {value} characters"),
}


def _constraint_words(note: str) -> tuple[str, str] | None:
    parts = note.split('"')
    if len(parts) < 5 or parts[1] not in CONSTRAINT_WORDS:
        return None
    zh, en = CONSTRAINT_WORDS[parts[1]]
    return zh.format(value=parts[3]), en.format(value=parts[3])


def structural_finding(
    kind: str,
    path: str,
    resource: str | None,
    *,
    row: int | None = None,
    field: str | None = None,
    cell: Any = None,
    note: str = "",
    field_type: str = "",
    message_en: str | None = None,
    involved: tuple[int, ...] = (),
) -> Finding:
    """A finding for one frictionless error type, with a located message in both languages; ``involved``: the
    other lines it is about (the earlier row a key repeats)."""
    where_zh = path + (f" 第 {row} 行" if row else "") + (f"，字段 {field}" if field else "")
    where_en = path + (f" line {row}" if row else "") + (f", field {field}" if field else "")
    constraint = note.split('"')[1] if note.count('"') >= 2 else note
    zh = ERROR_ZH.get(kind, "结构错误").format(type=field_type, constraint=constraint)
    en = ERROR_EN.get(kind, kind).format(type=field_type, constraint=constraint)
    if kind == "constraint-error" and (words := _constraint_words(note)):
        zh, en = f"值{words[0]}", f"the value {words[1]}"
    numeric = kind == "type-error" and field_type in ("number", "integer") and isinstance(cell, str)
    if numeric and (habit := describe(cell, field_type)):
        zh, en = f"{zh}：{habit[0]}", f"{en}: {habit[1]}"
    quoted_zh = f"（值“{cell}”）" if cell not in (None, "") else ""
    quoted_en = f" (value '{cell}')" if cell not in (None, "") else ""
    text_zh = f"{zh}{quoted_zh}。" + (f"（{note}）" if note else "")
    text_en = f"{en}{quoted_en}." + (f" ({note})" if note else "")
    return Finding(
        rule=kind,
        severity="error",
        resource=resource,
        path=path,
        row=row,
        field=field,
        values={"cell": cell} if cell is not None else {},
        message_zh=f"{where_zh}：{text_zh}",
        message_en=message_en or f"{where_en}: {text_en}",
        text=None if message_en else (text_zh, text_en),
        involved=involved,
    )


def declared_count_findings(resource: Resource, *, digest: str | None, size: int, rows: int) -> list[Finding]:
    """The descriptor's `hash`, `bytes` and `rows` against the file's (``digest`` None: its algorithm not computed)."""
    findings = []
    expected = resource.descriptor.get("hash")
    if isinstance(expected, str) and digest is not None and digest != expected.rpartition(":")[2]:
        note = f'expected is "{expected.rpartition(":")[2]}" and actual is "{digest}"'
        findings.append(structural_finding("hash-count", resource.path, resource.name, note=note))
    for key, kind, actual in (("bytes", "byte-count", size), ("rows", "row-count", rows)):
        declared = resource.descriptor.get(key)
        if isinstance(declared, int) and declared and declared != actual:
            note = f'expected is "{declared}" and actual is "{actual}"'
            findings.append(structural_finding(kind, resource.path, resource.name, note=note))
    return findings
