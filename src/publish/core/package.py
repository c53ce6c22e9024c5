"""The data package on disk: its descriptor, its resources and their schemas.

Loading never reads a data file. Every path the descriptor names is checked before anything
is opened: it must be relative, stay inside the package folder (links included) and not be a
URL. What is wrong becomes a finding, so a broken package is a report, not a traceback.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from publish.core.errors import PublishError
from publish.core.names import identifier_findings
from publish.core.references import package_references, schema_references
from publish.core.report import Finding
from publish.core.text import text_findings

DESCRIPTOR = "datapackage.json"
URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass
class Resource:
    name: str
    path: str
    schema: dict[str, Any]
    descriptor: dict[str, Any]

    @property
    def fields(self) -> list[dict[str, Any]]:
        return self.schema.get("fields", [])

    @property
    def primary_key(self) -> list[str]:
        key = self.schema.get("primaryKey", [])
        return [key] if isinstance(key, str) else list(key)


@dataclass
class Package:
    root: Path
    descriptor: dict[str, Any]
    resources: dict[str, Resource] = field(default_factory=dict)

    @property
    def descriptor_path(self) -> Path:
        return self.root / DESCRIPTOR

    def file(self, resource: Resource) -> Path:
        return self.root / resource.path

    @property
    def release_name(self) -> str:
        """``<name>-<version>`` of this package as its descriptor names it."""
        return release_name(self.descriptor.get("name"), self.descriptor.get("version"))


def release_name(name: str | None, version: str | None) -> str:
    """``<name>-<version>``: the release's folder, zip and workbook, and the export's files; the name alone
    when there is no version."""
    name = str(name or "datapackage")
    return f"{name}-{version}" if version else name


class PackageError(PublishError):
    """The package cannot be loaded at all; ``findings`` say why."""

    def __init__(self, findings: list[Finding]):
        super().__init__("数据包无法读取", "the package cannot be read", findings=findings)


def locate(path: str | Path) -> Path:
    """The descriptor of a package given as its folder or as its datapackage.json."""
    path = Path(path)
    return path / DESCRIPTOR if path.is_dir() else path


def load(path: str | Path) -> Package:
    """Read and check the descriptor and the schemas it references; raise PackageError if unusable."""
    descriptor_path = locate(path)
    root = descriptor_path.parent
    descriptor = _read_json(descriptor_path, DESCRIPTOR)
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise PackageError(
            [_descriptor_finding("描述文件缺少 resources 列表", "the descriptor has no list of resources")]
        )
    problems = _untrusted(descriptor, DESCRIPTOR)
    package = Package(root=root, descriptor=descriptor)
    for index, entry in enumerate(descriptor["resources"]):
        resource = _load_resource(root, index, entry, problems)
        if resource is not None:
            package.resources[resource.name] = resource
    if problems:
        raise PackageError(problems)
    return package


def _untrusted(descriptor: dict[str, Any], where: str) -> list[Finding]:
    """What must never reach frictionless or a writer: remote references, names that are not identifiers, and
    text no file can hold."""
    return (
        package_references(descriptor, where)
        + identifier_findings(descriptor, where)
        + text_findings(descriptor, where)
    )


def _load_resource(root: Path, index: int, entry: Any, problems: list[Finding]) -> Resource | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        problems.append(_descriptor_finding(f"第 {index + 1} 个资源缺少 name", f"resource #{index + 1} has no name"))
        return None
    name = entry["name"]
    data_path = entry.get("path")
    if not isinstance(data_path, str):
        problems.append(
            _descriptor_finding(
                f"资源 {name} 的 path 必须是一个本地文件", f"resource '{name}' must have one local file as its path"
            )
        )
        return None
    for label, value in _paths(entry):
        if isinstance(value, str) and (reason := unsafe_reason(root, value)):
            problems.append(_unsafe_path_finding(name, label, value, reason))
    if problems:
        return None
    schema = entry.get("schema")
    if isinstance(schema, str):
        schema = _read_json(root / schema, schema)
        if isinstance(schema, dict):
            problems.extend(schema_references(schema, entry["schema"]) + text_findings(schema, entry["schema"]))
    if not isinstance(schema, dict):
        problems.append(_descriptor_finding(f"资源 {name} 缺少表结构 schema", f"resource '{name}' has no table schema"))
        return None
    return Resource(name=name, path=data_path, schema=schema, descriptor=entry)


def _paths(entry: dict[str, Any]) -> list[tuple[str, Any]]:
    """The properties of a resource that name a file: its data, schema, dialect and any extra data paths."""
    extra = entry.get("extrapaths")
    named = [("path", entry.get("path")), ("schema", entry.get("schema")), ("dialect", entry.get("dialect"))]
    return named + [("extrapaths", value) for value in (extra if isinstance(extra, list) else [extra])]


def unsafe_reason(root: Path, value: str) -> tuple[str, str] | None:
    """Why a path named in a descriptor must not be read, in (Chinese, English), or None if it is safe."""
    if URL.match(value):
        return ("不接受网址，只接受包内的相对路径", "a URL is not accepted, only a relative path inside the package")
    posix = PurePosixPath(value.replace("\\", "/"))
    if posix.is_absolute() or value.startswith("~"):
        return ("不接受绝对路径", "an absolute path is not accepted")
    if ".." in posix.parts:
        return ("路径不能用 .. 离开数据包目录", "the path must not climb out of the package with ..")
    resolved = (root / posix).resolve()
    if not resolved.is_relative_to(root.resolve()):
        return ("路径（经符号链接）指向数据包目录之外", "the path leads outside the package (through a link)")
    return None


def _read_json(path: Path, shown: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackageError([_descriptor_finding(f"找不到文件 {shown}", f"{shown} does not exist", shown)]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise PackageError(
            [
                _descriptor_finding(
                    f"无法以 UTF-8 读取 {shown}（{error}）", f"{shown} cannot be read as UTF-8 text ({error})", shown
                )
            ]
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise PackageError(
            [
                Finding(
                    rule="invalid-json",
                    severity="error",
                    path=shown,
                    row=error.lineno,
                    message_zh=f"{shown} 第 {error.lineno} 行第 {error.colno} 列：JSON 格式错误（{error.msg}）。"
                    "请检查逗号、引号和括号。",
                    message_en=f"{shown} line {error.lineno} column {error.colno}: invalid JSON ({error.msg}). "
                    "Check commas, quotes and brackets.",
                )
            ]
        ) from None
    except RecursionError:
        raise PackageError(
            [
                _descriptor_finding(
                    f"{shown} 嵌套层级过深，不是有效的描述文件",
                    f"{shown} is nested too deeply to be a descriptor",
                    shown,
                )
            ]
        ) from None


def _descriptor_finding(zh: str, en: str, path: str = DESCRIPTOR) -> Finding:
    return Finding(
        rule="invalid-descriptor",
        severity="error",
        path=path,
        message_zh=f"{path}：{zh}。",
        message_en=f"{path}: {en}.",
    )


def _unsafe_path_finding(resource: str, label: str, value: str, reason: tuple[str, str]) -> Finding:
    zh, en = reason
    return Finding(
        rule="unsafe-path",
        severity="error",
        resource=resource,
        path=DESCRIPTOR,
        field=label,
        values={label: value},
        message_zh=f"{DESCRIPTOR}：资源 {resource} 的 {label} “{value}” 被拒绝：{zh}。未读取任何文件。",
        message_en=f"{DESCRIPTOR}: resource {resource} {label} '{value}' is refused: {en}. Nothing was read.",
    )
