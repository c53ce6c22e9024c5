"""Which tables of a package can be validated in partitions of departments, and which must stay whole.

A table with a `department_id` field is split by department (`splitting.py`), every other resource (the code
lists) is copied whole into each partition. Splitting is faithful only where every check on a row sees, in
its partition, every row it compares it with. The budget rules compare rows within one disclosure or one
department across years, which share a department; the structural checks that could look across departments
are decided here:

- a primary key or a `unique` field of a split table must include `department_id` (its repeats are then in one
  partition);
- a foreign key from a split table to another keeps `department_id` on both sides, or names a department in one
  field (`departments.parent_id`): the rows it names are copied into the partition that refers to them
  ("borrowed"; their own findings come from their own partition);
- a resource the engine does not read itself, a declared dialect or encoding other than UTF-8, or a foreign
  key from a code list into a split table: the package is validated whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from publish.core import Package, Resource

KEY = "department_id"
UTF8 = {None, "utf-8", "utf8", "utf-8-sig"}
PLAIN_DIALECT = {  # a declared dialect that says only what the default is (the engine reads it as the default)
    "delimiter": {","},
    "quoteChar": {'"'},
    "doubleQuote": {True},
    "header": {True},
    "lineTerminator": {"\n", "\r\n"},
    "skipInitialSpace": {False},
}


@dataclass
class Plan:
    split: list[Resource] = field(default_factory=list)  # keyed by department: each row to its partition
    shared: list[Resource] = field(default_factory=list)  # copied whole into every partition
    borrow: dict[str, tuple[str, str]] = field(default_factory=dict)  # target -> (source, field naming departments)
    refused: tuple[str, str] | None = None  # why the package is validated whole (zh, en)


def plan(package: Package) -> Plan:
    """How to split ``package``; ``refused`` says why not, where it cannot be split faithfully."""
    chosen = Plan()
    for resource in package.resources.values():
        keyed = KEY in {spec.get("name") for spec in resource.fields}
        (chosen.split if keyed else chosen.shared).append(resource)
        if keyed and (reason := _unsplittable(resource)):
            chosen.refused = reason
            return chosen
    split = {r.name for r in chosen.split}
    for resource in package.resources.values():
        for key in resource.schema.get("foreignKeys", []):
            reason = _foreign_key(resource, key, split, chosen.borrow)
            if reason:
                chosen.refused = reason
                return chosen
    if not chosen.split:
        chosen.refused = ("没有带 department_id 的表可分区", "no table has a department_id to partition by")
    return chosen


def _unsplittable(resource: Resource) -> tuple[str, str] | None:
    """Why the rows of ``resource`` cannot be split by department, if they cannot."""
    named = f"{resource.name}（{resource.path}）", f"{resource.name} ({resource.path})"
    descriptor = resource.descriptor
    csv_file = PurePosixPath(resource.path).suffix.lower() == ".csv" and descriptor.get("format", "csv") == "csv"
    if not csv_file or descriptor.get("compression") or not _plain(descriptor.get("dialect", {})):
        return f"{named[0]} 不是默认格式的 CSV 文件", f"{named[1]} is not a CSV file of the default dialect"
    if descriptor.get("encoding") not in UTF8:
        return f"{named[0]} 的编码不是 UTF-8", f"{named[1]} is not declared UTF-8"
    unique = [s.get("name") for s in resource.fields if (s.get("constraints") or {}).get("unique") is True]
    if (resource.primary_key and KEY not in resource.primary_key) or any(name != KEY for name in unique):
        return f"{named[0]} 的主键或唯一字段不含 {KEY}", f"{named[1]} has a key or unique field without {KEY}"
    return None


def _plain(dialect) -> bool:
    """The declared dialect is the default one, said or not."""
    return isinstance(dialect, dict) and all(v in PLAIN_DIALECT.get(k, ()) for k, v in dialect.items())


def _foreign_key(resource: Resource, key: dict, split: set[str], borrow: dict) -> tuple[str, str] | None:
    """None where the foreign key holds within each partition (noting the rows to borrow), else why not."""
    reference = key.get("reference") if isinstance(key, dict) else None
    if not isinstance(reference, dict):
        return None  # a malformed key: the descriptor check reports it
    target = reference.get("resource") or resource.name
    if target not in split:
        return None
    fields, referenced = _names(key.get("fields")), _names(reference.get("fields"))
    if resource.name in split and (KEY, KEY) in zip(fields, referenced, strict=False):
        return None
    if resource.name in split and len(fields) == 1 and referenced == [KEY] and target not in borrow:
        borrow[target] = (resource.name, fields[0])
        return None
    return (
        f"{resource.name} 的外键 {', '.join(fields)} → {target} 跨越部门",
        f"the foreign key {', '.join(fields)} of {resource.name} → {target} crosses departments",
    )


def _names(value) -> list[str]:
    return [value] if isinstance(value, str) else [v for v in value or [] if isinstance(v, str)]
