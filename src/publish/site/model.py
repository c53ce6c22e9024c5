"""The package's rows arranged the way the pages show them: one view per disclosure (department-year, kind, scope).

Rows are read once, grouped by (fiscal_year, department_id, document_kind, scope) and put in reading order: the
published total first, then its parts in the order the schema's enum lists them (codes by
code), each part followed by its own parts. A line is named by ``item`` and ``parent_item``, or in the economic
classification by ``code`` and ``parent_code``; the lines of one column (``cost_type``: total, basic, project…)
form their own tree. Nothing is computed here but order and grouping.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from publish.core import DEFAULT_KIND, DEFAULT_SCOPE, Finding, Package, PackageError, identity_words, read_rows

KEY = ("fiscal_year", "department_id")
ORDER_FIELDS = ("fund", "measure", "goal", "cost_type", "function_code", "item", "code")
NUMBER_ORDER_FIELDS = ("indicator_no", "term_no", "unit_no")
GROUP_FIELDS = ("fund", "measure", "goal", "cost_type")
TREE_FIELDS = (("item", "parent_item"), ("code", "parent_code"))
FIRST = "total"  # a code column's published total line comes before the codes

Row = dict[str, str]


@dataclass
class DepartmentYear:
    """Everything one disclosure published (a department's budget or final account of one fiscal year, for one
    scope), rows in reading order."""

    fiscal_year: str
    department_id: str
    department: Row
    disclosure: Row
    tables: dict[str, list[Row]] = field(default_factory=dict)
    document_kind: str = DEFAULT_KIND
    scope: str = DEFAULT_SCOPE

    @property
    def document(self) -> tuple[str, str]:
        """What the document is, (Chinese, English): 部门预算 for the consolidated budget, else its scope and kind."""
        words_zh, words_en = identity_words(self.document_kind, self.scope)
        return (words_zh, words_en) if words_zh else ("部门预算", "department budget")

    @property
    def name(self) -> str:
        return self.department.get("name") or self.department_id

    @property
    def slug(self) -> str:
        """The page's file name: the department id and year with anything but ASCII letters, digits, - _ . as _."""
        return "".join(
            c if c.isascii() and (c.isalnum() or c in "-_.") else "_"
            for c in f"{self.department_id}-{self.fiscal_year}{self._identity_suffix}"
        )

    @property
    def _identity_suffix(self) -> str:
        usual = (self.document_kind, self.scope) == (DEFAULT_KIND, DEFAULT_SCOPE)
        return "" if usual else f"-{self.document_kind}-{self.scope}"

    def rows(self, resource: str, fund: str | None = None) -> list[Row]:
        rows = self.tables.get(resource, [])
        return [r for r in rows if fund is None or r.get("fund") == fund]

    def total(self, resource: str, fund: str | None = None) -> Row | None:
        """The published total line of an amount table (its total column; preferring the general-budget fund,
        then all funds)."""
        return self.line(resource, "total", fund)

    def line(self, resource: str, item: str | None, fund: str | None = None) -> Row | None:
        """The row of line ``item`` (None: a table without items, such as 机关运行经费) in its total column,
        preferring the general-budget fund, then all funds, then any."""
        lines = self.total_rows(resource, fund, item)
        preferred = [r for r in lines if r.get("fund") in (None, "", "general_budget")]
        every_fund = [r for r in lines if r.get("fund") == "all"]
        return (preferred or every_fund or lines or [None])[0]

    def total_rows(self, resource: str, fund: str | None = None, item: str | None = "total") -> list[Row]:
        """The rows of line ``item`` (None: every row) in the total column, of every fund."""
        return [
            r
            for r in self.rows(resource, fund)
            if (item is None or r.get("item") == item) and r.get("cost_type") in (None, "", "total")
        ]


@dataclass
class SiteData:
    """The package and its department-years, newest year first, then by department id."""

    package: Package
    department_years: list[DepartmentYear]

    @property
    def facts(self) -> dict[str, str]:
        return package_facts(self.package.descriptor)

    @property
    def years(self) -> list[str]:
        return sorted({d.fiscal_year for d in self.department_years}, reverse=True)

    def history(self, view: DepartmentYear) -> list[DepartmentYear]:
        """Every year of the department of ``view``, of the same kind and scope, oldest first."""
        same = (view.department_id, view.document_kind, view.scope)
        return sorted(
            (d for d in self.department_years if (d.department_id, d.document_kind, d.scope) == same), key=_year_key
        )


def package_facts(descriptor: dict[str, Any]) -> dict[str, str]:
    """What the pages say about the package, each a text ("" where the descriptor does not say it or says it in a
    shape other than a text): its title (else its name), version, and the division it covers."""
    spatial = descriptor.get("spatial")
    spatial = spatial if isinstance(spatial, dict) else {}

    def text(value: Any) -> str:
        return value if isinstance(value, str) else ""

    return {
        "title": text(descriptor.get("title")) or text(descriptor.get("name")),
        "version": text(descriptor.get("version")),
        "division_name": text(spatial.get("division_name")),
        "division_code": text(spatial.get("division_code")),
    }


def read_site_data(package: Package) -> SiteData:
    """Read every resource of ``package`` and group its rows by department-year."""
    tables = {name: _read(package, name) for name in package.resources}
    departments = {row.get("department_id", ""): row for row in tables.pop("departments", [])}
    grouped: dict[tuple[str, ...], dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for name, rows in tables.items():
        if name == "function_codes" or not rows or not set(KEY) <= set(rows[0]):
            continue
        for row in rows:
            kind, scope = row.get("document_kind") or DEFAULT_KIND, row.get("scope") or DEFAULT_SCOPE
            grouped[(row["fiscal_year"], row["department_id"], kind, scope)][name].append(row)
    views = []
    for (year, department_id, kind, scope), by_resource in grouped.items():
        ordered = {name: reading_order(rows, package.resources[name].schema) for name, rows in by_resource.items()}
        disclosure = (ordered.pop("disclosures", None) or [_blank(package, "disclosures")])[0]
        department = departments.get(department_id, {"department_id": department_id})
        views.append(DepartmentYear(year, department_id, department, disclosure, ordered, kind, scope))
    views.sort(key=lambda d: (-_year_key(d), d.department_id, d.document_kind, d.scope))
    return SiteData(package=package, department_years=views)


def _blank(package: Package, resource: str) -> Row:
    """A row with every field empty: what a page shows for a department-year whose row is missing (the data
    failed validation and the site is built with --allow-invalid)."""
    fields = package.resources[resource].fields if resource in package.resources else []
    return {field["name"]: "" for field in fields}


def reading_order(rows: list[Row], schema: dict[str, Any]) -> list[Row]:
    """Rows as a tree walk: roots (no parent) first, each followed by its parts, parts in schema order; each
    column (cost_type) of a table is a tree of its own, so a line is listed once under its own parent."""
    names = {f["name"] for f in schema.get("fields", [])}
    item, parent_field = next(((i, p) for i, p in TREE_FIELDS if i in names), TREE_FIELDS[0])
    key = _order_key(schema, item)
    items = {(*_group(r), r.get(item)) for r in rows}
    children: dict[Any, list[Row]] = defaultdict(list)
    roots = []
    for row in sorted(rows, key=key):
        parent = row.get(parent_field) or ""
        if parent and (*_group(row), parent) in items:
            children[(*_group(row), parent)].append(row)
        else:
            roots.append(row)
    ordered: list[Row] = []

    def walk(row: Row, depth: int) -> None:
        ordered.append({**row, "_depth": str(depth)})
        for child in children.get((*_group(row), row.get(item)), []):
            walk(child, depth + 1)

    for root in roots:
        walk(root, 0)
    return ordered


def _group(row: Row) -> tuple[str, ...]:
    return tuple(row.get(name, "") or "" for name in GROUP_FIELDS)


def _order_key(schema: dict[str, Any], item: str):
    enums = {f["name"]: f.get("constraints", {}).get("enum") for f in schema.get("fields", [])}

    def key(row: Row) -> tuple:
        parts: list[tuple] = []
        for name in ORDER_FIELDS:
            value = row.get(name) or ""
            enum = enums.get(name) or []
            first = name == item == "code" and value == FIRST
            parts.append((-1, "") if first else (enum.index(value), "") if value in enum else (len(enum), value))
        for name in NUMBER_ORDER_FIELDS:
            value = row.get(name) or ""
            parts.append((int(value), "") if value.isdigit() else (0, value))
        return tuple(parts)

    return key


def _year_key(view: DepartmentYear) -> int:
    return int(view.fiscal_year) if view.fiscal_year.isdigit() else 0


def _read(package: Package, name: str) -> list[Row]:
    path = package.file(package.resources[name])
    try:
        return read_rows(path)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        resource = package.resources[name]
        raise PackageError(
            [
                Finding(
                    rule="unreadable-file",
                    severity="error",
                    resource=name,
                    path=resource.path,
                    message_zh=f"{resource.path}：无法以 UTF-8 CSV 读取（{error}）。请另存为 UTF-8 编码的 CSV。",
                    message_en=f"{resource.path}: cannot be read as a UTF-8 CSV ({error}). Save it as UTF-8 CSV.",
                )
            ]
        ) from None
