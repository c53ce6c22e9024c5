"""References a descriptor makes to documents elsewhere: refused before frictionless could fetch them.

frictionless dereferences some properties while it checks a descriptor: a ``profile`` (of a package or
a resource) that is not one of the standard names is read as a JSON Schema, fetched when it is a URL,
and its ``$ref``s are fetched in turn; a foreign key's ``package`` names another package. None of
this is ever fetched or read: each such property is a ``remote-reference`` finding, raised before
frictionless sees the descriptor. The path-valued properties (``path``, ``schema``, ``dialect``,
``extrapaths``), URLs included, are the package's path guard's (``unsafe-path``).

A ``$schema`` naming a standard Data Package profile (``https://datapackage.org/profiles/2.0/…``) is
kept: frictionless recognises it by its address and never fetches it (it only reads the version);
any other ``$schema`` is refused as well, in case a later frictionless fetches it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from publish.core.report import Finding

STANDARD_SCHEMA = re.compile(r"^https://datapackage\.org/profiles/[0-9]+\.[0-9]+/[a-z]+\.json$")
STANDARD_PROFILES = ("data-package", "tabular-data-package", "data-resource", "tabular-data-resource")

Reference = tuple[str, str, Any]  # (where in the document, property, value)


def package_references(descriptor: dict[str, Any], where: str) -> list[Finding]:
    """The remote references of a package descriptor and of the resources, dialects and inline schemas it holds."""
    found = list(_profiles(descriptor, ""))
    resources = descriptor.get("resources")
    for index, resource in enumerate(resources if isinstance(resources, list) else []):
        if isinstance(resource, dict):
            found += _resource(resource, f"resources/{index}/")
    return [_finding(where, *reference) for reference in found]


def schema_references(schema: dict[str, Any], where: str, pointer: str = "") -> list[Finding]:
    """The remote references of a Table Schema: its profiles and the packages its foreign keys name."""
    return [_finding(where, *reference) for reference in _schema(schema, pointer)]


def _resource(resource: dict[str, Any], pointer: str) -> Iterator[Reference]:
    yield from _profiles(resource, pointer)
    if isinstance(resource.get("dialect"), dict):
        yield from _profiles(resource["dialect"], f"{pointer}dialect/")
    if isinstance(resource.get("schema"), dict):
        yield from _schema(resource["schema"], f"{pointer}schema/")


def _schema(schema: dict[str, Any], pointer: str) -> Iterator[Reference]:
    yield from _profiles(schema, pointer)
    keys = schema.get("foreignKeys")
    for index, key in enumerate(keys if isinstance(keys, list) else []):
        reference = key.get("reference") if isinstance(key, dict) else None
        package = reference.get("package") if isinstance(reference, dict) else None
        if package not in (None, ""):
            yield f"{pointer}foreignKeys/{index}/reference/", "package", package


def _profiles(document: dict[str, Any], pointer: str) -> Iterator[Reference]:
    schema = document.get("$schema")
    if schema is not None and not (isinstance(schema, str) and STANDARD_SCHEMA.match(schema)):
        yield pointer, "$schema", schema
    profile = document.get("profile")
    if profile is not None and profile not in STANDARD_PROFILES:
        yield pointer, "profile", profile


def _finding(where: str, pointer: str, key: str, value: Any) -> Finding:
    at = f"{pointer}{key}"
    return Finding(
        rule="remote-reference",
        severity="error",
        path=where,
        field=key,
        values={at: value},
        message_zh=f"{where}：{at} 的值“{value}”被拒绝：publish 从不下载或读取描述文件引用的外部文档（profile、"
        "$schema、dialect、外键的 package 等只接受标准名称或包内文件）。请删除该属性。未读取任何内容。",
        message_en=f"{where}: {at} '{value}' is refused: publish never fetches or reads a document a descriptor "
        "refers to (profile, $schema, dialect, a foreign key's package … take standard names or files inside the "
        "package only). Remove the property. Nothing was fetched.",
    )
