"""The header against the schema's fields: label errors and the field each column is read as.

As frictionless's `Header` does: `fieldsMatch` "exact" (the default) pairs labels and fields by
position; "equal", "subset", "superset" and "partial" pair them by name and differ in which
mismatch they tolerate. A label without a field is read as an `any` field named after it; a file
without a header is read with every field in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TOLERATES_EXTRA_LABELS = ("subset", "partial")
TOLERATES_MISSING_FIELDS = ("superset", "partial")


@dataclass
class Header:
    expected: list[dict[str, Any]]  # the field each column of the file is read as, in file order
    problems: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # (kind, field, label)


def match_header(labels: list[str], schema: dict[str, Any], *, ignore_case: bool = False) -> Header:
    fields = schema.get("fields", [])
    if not labels:
        return Header(list(fields))
    mode = schema.get("fieldsMatch", "exact")
    pairing = _Pairing(labels, fields, mode != "exact", ignore_case)
    problems: list[tuple[str, str | None, str | None]] = []
    if mode not in TOLERATES_EXTRA_LABELS:
        problems += [("extra-label", None, label) for position, label in pairing.unmatched_labels()]
    if mode == "partial" and fields and not pairing.any_match():
        problems.append(("unmatched-header", None, None))
    missing = pairing.unmatched_fields()
    if mode in TOLERATES_MISSING_FIELDS:
        key = schema.get("primaryKey", [])
        key = [key] if isinstance(key, str) else key
        missing = [f for f in missing if f.get("constraints", {}).get("required") or f["name"] in key]
    problems += [("missing-label", f["name"], None) for f in missing]
    problems += pairing.duplicates() if pairing.by_name else _positional_problems(labels, fields, pairing)
    return Header(pairing.expected(), problems)


class _Pairing:
    def __init__(self, labels: list[str], fields: list[dict], by_name: bool, ignore_case: bool):
        self.labels, self.fields, self.by_name, self.ignore_case = labels, fields, by_name, ignore_case
        self.by_key: dict[str, dict] = {}
        for spec in fields:
            self.by_key.setdefault(self.key(spec["name"]), spec)

    def key(self, name: str) -> str:
        return name.lower() if self.ignore_case else name

    def field(self, position: int, label: str) -> dict | None:
        if not self.by_name:
            return self.fields[position] if position < len(self.fields) else None
        if self.key(label) in {self.key(seen) for seen in self.labels[:position]}:
            return None  # a repeated label: reported, and read as a field of its own
        return self.by_key.get(self.key(label))

    def unmatched_labels(self) -> list[tuple[int, str]]:
        if not self.by_name:
            return list(enumerate(self.labels))[len(self.fields) :]
        return [(p, label) for p, label in enumerate(self.labels) if self.key(label) not in self.by_key]

    def unmatched_fields(self) -> list[dict]:
        if not self.by_name:
            return self.fields[len(self.labels) :]
        matched = {self.key(label) for label in self.labels}
        return [f for f in self.fields if self.key(f["name"]) not in matched]

    def any_match(self) -> bool:
        return any(self.field(p, label) is not None for p, label in enumerate(self.labels))

    def duplicates(self) -> list[tuple[str, str | None, str | None]]:
        """Repeated labels, which frictionless refuses outright when pairing by name."""
        return [
            ("duplicate-label", None, label)
            for p, label in enumerate(self.labels)
            if self.key(label) in {self.key(seen) for seen in self.labels[:p]}
        ]

    def expected(self) -> list[dict[str, Any]]:
        matched = [self.field(p, label) for p, label in enumerate(self.labels)]
        names = _deduplicated(
            [spec["name"] if spec else label for spec, label in zip(matched, self.labels, strict=True)]
        )
        return [
            spec or {"name": name, "type": "any", "missingValues": [""]}
            for spec, name in zip(matched, names, strict=True)
        ]


def _positional_problems(labels: list[str], fields: list[dict], pairing: _Pairing) -> list:
    problems: list[tuple[str, str | None, str | None]] = []
    for number, (spec, label) in enumerate(zip(fields, labels, strict=False), start=1):
        if not label:
            problems.append(("blank-label", spec["name"], label))
        elif label in labels[: number - 1]:
            problems.append(("duplicate-label", spec["name"], label))
        elif pairing.key(label) != pairing.key(spec["name"]):
            problems.append(("incorrect-label", spec["name"], label))
    return problems


def _deduplicated(names: list[str]) -> list[str]:
    """Later duplicates renamed name2, name3 …, as frictionless names the fields it makes up."""
    result: list[str] = []
    for name in names:
        new, suffix = name, 2
        while new in result:
            new, suffix = f"{name}{suffix}", suffix + 1
        result.append(new)
    return result
