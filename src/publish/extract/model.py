"""What an extraction holds: the rows it read, where each value came from, and what it could not read."""

from __future__ import annotations

from dataclasses import dataclass, field

from publish.core import DEFAULT_KIND, DEFAULT_SCOPE, IDENTITY

KEYS = IDENTITY

# Columns of the two sidecar files written beside the submission.
PROVENANCE_COLUMNS = ("resource", "key", "field", "value", "sentence", "section", "note")
UNREAD_COLUMNS = ("section", "kind", "text", "reason_zh", "reason_en")
# What the text implies for the cells it never states: its amounts are in 万元, its function lines all funds' totals.
WANYUAN = {"unit": "万元"}
IMPLIED: dict[str, dict[str, str]] = {
    **{name: WANYUAN for name in ("disclosures", "income", "expenditure_by_type", "sangong", "operating_costs")},
    "procurement": WANYUAN,
    "expenditure_by_function": {**WANYUAN, "fund": "all", "cost_type": "total"},
}


@dataclass(frozen=True)
class Unread:
    """Something the extractor could not read, or a part that is absent, and why."""

    section: str
    kind: str  # absent-section, unread-clause, missing-figure, unknown-name, irregular
    text: str
    reason_zh: str
    reason_en: str

    def as_row(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in UNREAD_COLUMNS}


@dataclass
class Extraction:
    fiscal_year: str = ""
    department_id: str = ""
    title: str = ""
    document_kind: str = DEFAULT_KIND
    scope: str = DEFAULT_SCOPE
    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    provenance: list[dict[str, str]] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)
    absent: list[tuple[str, str, str]] = field(default_factory=list)
    proposal: dict[str, str] = field(default_factory=dict)  # a proposed department id and what it is made of

    def row(self, resource: str, key: dict[str, str]) -> dict[str, str]:
        """The row of ``resource`` with ``key`` (the key fields besides year and department), made if new."""
        for row in self.rows.setdefault(resource, []):
            if all(row.get(k) == v for k, v in key.items()):
                return row
        row = dict(key)
        self.rows[resource].append(row)
        return row

    def put(self, resource: str, key: dict[str, str], values: dict[str, str], sentence: str, section: str, note=""):
        """Set ``values`` on a row and record, for each, the sentence it was read from."""
        row = self.row(resource, key)
        shown_key = ";".join(f"{k}={v}" for k, v in key.items())
        for name, value in values.items():
            if value is None:
                continue
            row[name] = value
            self.provenance.append(
                {
                    "resource": resource,
                    "key": shown_key,
                    "field": name,
                    "value": value,
                    "sentence": sentence,
                    "section": section,
                    "note": note,
                }
            )
        return row

    def miss(self, section: str, kind: str, text: str, zh: str, en: str) -> None:
        self.unread.append(Unread(section, kind, text, zh, en))

    def finish(self) -> None:
        """Stamp every row with the disclosure's key (departments rows with the department only), and the text's
        amounts with their unit (the narrative states them in 万元) and, in the function table, all funds' total."""
        for resource, rows in self.rows.items():
            for row in rows:
                row.update({k: v for k, v in IMPLIED.get(resource, {}).items() if not row.get(k)})
                row["department_id"] = self.department_id
                if resource != "departments":
                    row.update(fiscal_year=self.fiscal_year, document_kind=self.document_kind, scope=self.scope)

    @property
    def complete(self) -> bool:
        return not self.unread
