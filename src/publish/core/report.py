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
    involved, keyed by what they are. Messages are complete sentences in both languages,
    location first. In a workbook ``path`` is the sheet and ``cell`` the cell (``F5``).
    ``text`` (Chinese, English) is the message without its location, when it was built as
    "location: text": a finding placed elsewhere (a submission's cell) is built anew from it.
    ``involved`` holds the other lines of ``path`` the finding is about (a sum's parts, the row a key repeats,
    the prior year's row); ``changed`` those of them and of ``row`` that changed since the revision
    `--changed-since` names, where the finding is annotated too.
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
    document_kind: str | None = None
    scope: str | None = None
    cell: str | None = None
    text: tuple[str, str] | None = dataclass_field(default=None, repr=False, compare=False)
    involved: tuple[int, ...] = dataclass_field(default=(), repr=False, compare=False)
    changed: tuple[int, ...] = dataclass_field(default=(), repr=False, compare=False)

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh

    @property
    def location(self) -> str:
        """Where to look, as a person finds it: ``sheet!F5``, ``file:line`` or the file."""
        if self.cell:
            return f"{self.path}!{self.cell}"
        return f"{self.path}:{self.row}" if self.row else (self.path or "")

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON data (a public shape): ``cell`` only where there is one; ``text`` is in the messages,
        ``involved`` and ``changed`` serve the annotations."""
        data = asdict(self)
        del data["text"], data["involved"], data["changed"]
        if self.cell is None:
            del data["cell"]
        return data


@dataclass
class Report:
    """The outcome of validating one package: what was checked and what was found.

    ``extra`` holds what a command reports beside its findings (add's row changes, diff's
    changes), as more top-level keys of the JSON report.
    """

    findings: list[Finding] = dataclass_field(default_factory=list)
    stats: dict[str, Any] = dataclass_field(default_factory=dict)
    extra: dict[str, Any] = dataclass_field(default_factory=dict)

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
            **self.extra,
            "valid": self.valid,
            "stats": {
                **self.stats,
                "errors": len(self.errors),
                "warnings": len(self.warnings),
                "rules": dict(sorted(by_rule.items())),
            },
            "findings": [f.to_dict() for f in self.findings],
        }
