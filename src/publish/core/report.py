"""Findings and the report every command hands to its outputs."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from dataclasses import field as dataclass_field
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One problem found in a package, located as precisely as the data allows.

    ``row`` is the line number in ``path`` (the header is line 1), ``values`` the figures
    involved, keyed by what they are. Messages are complete sentences in both languages.
    """

    rule: str
    severity: Severity
    message_zh: str
    message_en: str
    resource: str | None = None
    path: str | None = None
    row: int | None = None
    field: str | None = None
    values: dict[str, Any] = dataclass_field(default_factory=dict)
    fiscal_year: int | None = None
    department_id: str | None = None

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Report:
    """The outcome of validating one package: what was checked and what was found."""

    findings: list[Finding] = dataclass_field(default_factory=list)
    stats: dict[str, Any] = dataclass_field(default_factory=dict)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def valid(self) -> bool:
        return not self.errors

    def extend(self, findings: list[Finding]) -> None:
        self.findings.extend(findings)

    def to_dict(self) -> dict[str, Any]:
        by_rule = Counter(f.rule for f in self.findings)
        return {
            "valid": self.valid,
            "stats": {
                **self.stats,
                "errors": len(self.errors),
                "warnings": len(self.warnings),
                "rules": dict(sorted(by_rule.items())),
            },
            "findings": [f.to_dict() for f in self.findings],
        }
