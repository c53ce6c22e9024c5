"""The package's ``name``, its resources' names and its ``version`` are identifiers, never paths.

They become file names (``<name>-<version>.zip``, ``<resource>.parquet``, the site's pages), so they
must be what the Data Package spec recommends: lowercase ASCII letters, digits, ``.``, ``_`` and
``-`` (no ``/``, no whitespace, not empty), starting with a letter or digit (so never ``.`` or
``..``), and a version must be plain semantic ``MAJOR.MINOR.PATCH``, the only form that is released.
"""

from __future__ import annotations

import re
from typing import Any

from publish.core.report import Finding

NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")
MAX_NAME = 100
SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")


def name_problem(name: Any) -> tuple[str, str] | None:
    """Why ``name`` is not an identifier, in (Chinese, English), or None."""
    if not isinstance(name, str) or not name:
        return ("缺少名称或不是文字", "it is missing or not text")
    if len(name) > MAX_NAME:
        return (f"超过 {MAX_NAME} 个字符", f"it is longer than {MAX_NAME} characters")
    if not NAME.fullmatch(name):
        return (
            "只能由小写英文字母、数字和 . _ - 组成，并以字母或数字开头（不能含 /、..、空白或中文）",
            "it may hold only lowercase ASCII letters, digits, '.', '_' and '-', starting with a letter or digit "
            "(no '/', '..', whitespace or Chinese)",
        )
    return None


def identifier_findings(descriptor: dict[str, Any], where: str) -> list[Finding]:
    """The package's name and version, and each resource's name, that are not identifiers."""
    found = []
    if reason := name_problem(descriptor.get("name")):
        found.append(_finding(where, "name", descriptor.get("name"), reason))
    version = descriptor.get("version")
    if version is not None and not (isinstance(version, str) and SEMVER.match(version)):
        found.append(_finding(where, "version", version, _NOT_SEMVER))
    resources = descriptor.get("resources")
    for index, resource in enumerate(resources if isinstance(resources, list) else []):
        name = resource.get("name") if isinstance(resource, dict) else None
        if isinstance(name, str) and (reason := name_problem(name)):
            found.append(_finding(where, f"resources/{index}/name", name, reason))
    return found


_NOT_SEMVER = (
    "必须是“主版本.次版本.修订号”形式的语义化版本，如 1.2.0",
    "it must be a semantic version MAJOR.MINOR.PATCH, such as 1.2.0",
)


def _finding(where: str, key: str, value: Any, reason: tuple[str, str]) -> Finding:
    zh, en = reason
    rule = "invalid-version" if key == "version" else "invalid-name"
    return Finding(
        rule=rule,
        severity="error",
        path=where,
        field=key,
        values={key: value},
        message_zh=f"{where}：{key} “{value}” 不能使用：{zh}。名称与版本会成为文件名，请改正。",
        message_en=f"{where}: {key} '{value}' cannot be used: {en}. Names and versions become file names; correct it.",
    )
