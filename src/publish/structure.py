"""Structural checks by frictionless: types, constraints, keys, header, rows, encoding.

frictionless owns the descriptor and its semantics; this module runs it on a package that
already passed our path checks and turns each of its errors into a Finding.
"""

from __future__ import annotations

from typing import Any

from publish.package import DESCRIPTOR, Package
from publish.report import Finding

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
}


def check_structure(package: Package) -> list[Finding]:
    """Validate the package with frictionless and return its errors as findings."""
    from frictionless import validate

    report = validate(str(package.descriptor_path))
    findings = [_from_error(error.to_descriptor(), DESCRIPTOR, None, {}) for error in report.errors]
    for task in report.tasks:
        resource = package.resources.get(task.name)
        path = resource.path if resource else task.place
        types = {f.get("name"): f.get("type", "string") for f in resource.fields} if resource else {}
        findings.extend(_from_error(error.to_descriptor(), path, task.name, types) for error in task.errors)
    return findings


def _from_error(error: dict[str, Any], path: str, resource: str | None, types: dict[str, str]) -> Finding:
    kind = error.get("type", "error")
    row = error.get("rowNumber")
    field_name = error.get("fieldName")
    cell = error.get("cell")
    values: dict[str, Any] = {"cell": cell} if cell is not None else {}
    where_zh = path + (f" 第 {row} 行" if row else "") + (f"，字段 {field_name}" if field_name else "")
    where_en = path + (f" line {row}" if row else "") + (f", field {field_name}" if field_name else "")
    quoted_zh = f"（值“{cell}”）" if cell not in (None, "") else ""
    zh = ERROR_ZH.get(kind, "结构错误").format(
        type=types.get(field_name, ""), constraint=_constraint_of(error.get("note", ""))
    )
    return Finding(
        rule=kind,
        severity="error",
        resource=resource,
        path=path,
        row=row,
        field=field_name,
        values=values,
        message_zh=f"{where_zh}：{zh}{quoted_zh}。（frictionless：{error.get('note', '')}）",
        message_en=f"{where_en}: {error.get('message', kind)}",
    )


def _constraint_of(note: str) -> str:
    return note.split('"')[1] if note.count('"') >= 2 else note
