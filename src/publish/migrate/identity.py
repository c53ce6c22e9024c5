"""Document identity (data model v2): a disclosure is (year, department, kind, scope), so that a year's budget
and final account, or a department's consolidated and own-level budget, live side by side.

Every disclosure-keyed table gains ``document_kind`` and ``scope`` right after ``department_id``, in its primary
key and in its foreign key to ``disclosures``; v1 rows were all consolidated department budgets. Departments may
name a parent; a disclosure lists the units it covers in ``disclosure_units``.
"""

from __future__ import annotations

from typing import Any

from publish.core import DEFAULT_KIND, DEFAULT_SCOPE, DOCUMENT_KINDS, IDENTITY, SCOPES
from publish.migrate.describe import csv_resource
from publish.migrate.step import AddField, AddForeignKey, AddResource, SetConstraints, Step

UNIT_KINDS_EXAMPLE = "行政单位 / 参公单位 / 事业单位"

# Every table keyed by one disclosure, in the order of datapackage.json (disclosures first: the others refer to it).
DISCLOSURE_TABLES = (
    "disclosures",
    "income",
    "expenditure_by_function",
    "expenditure_by_type",
    "sangong",
    "operating_costs",
    "procurement",
    "assets",
    "kpis",
    "glossary",
)

DOCUMENT_KIND = {
    "name": "document_kind",
    "type": "string",
    "title": "文件种类",
    "description": "What the document is: budget (预算), adjusted_budget (调整预算) or final_account (决算). "
    "With the year, the department and the scope it names one disclosure.",
    "constraints": {"required": True, "enum": list(DOCUMENT_KINDS)},
}

SCOPE = {
    "name": "scope",
    "type": "string",
    "title": "公开范围",
    "description": "Whose figures: department (部门汇总, the department with every unit it covers), own (本级, the "
    "department's own office only) or unit (单位, one subordinate unit's own disclosure).",
    "constraints": {"required": True, "enum": list(SCOPES)},
}

PARENT_ID = {
    "name": "parent_id",
    "type": "string",
    "title": "上级部门编号",
    "description": "The department this one belongs to (a 所属单位 of a 主管部门), as a department_id of this table; "
    "empty for a department reporting directly to the county.",
    "constraints": {"pattern": "[0-9]{6}-[a-z0-9]+(-[a-z0-9]+)*"},
}


def identity_fields() -> list[dict[str, Any]]:
    """The four key columns of a disclosure, as the v1 schemas describe year and department."""
    year = {
        "name": "fiscal_year",
        "type": "year",
        "title": "预算年度",
        "description": "Fiscal year of the budget (预算年度), the calendar year in China.",
        "constraints": {"required": True, "minimum": 2000, "maximum": 2100},
    }
    department = {
        "name": "department_id",
        "type": "string",
        "title": "部门编号",
        "description": "The department that published the disclosure (departments.department_id).",
        "constraints": {"required": True, "pattern": "[0-9]{6}-[a-z0-9]+(-[a-z0-9]+)*"},
    }
    return [year, department, DOCUMENT_KIND, SCOPE]


IDENTITY_KEY = list(IDENTITY)

UNITS_SCHEMA: dict[str, Any] = {
    "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
    "description": "一个公开文件涵盖的单位，按公布的顺序。The units a disclosure covers, in the published order.",
    "fields": [
        *identity_fields(),
        {
            "name": "unit_no",
            "type": "integer",
            "title": "序号",
            "description": "Position of the unit in the published list, from 1.",
            "constraints": {"required": True, "minimum": 1},
        },
        {
            "name": "unit_name",
            "type": "string",
            "title": "单位名称",
            "description": "The unit's name, as published.",
            "constraints": {"required": True},
        },
        {
            "name": "unit_id",
            "type": "string",
            "title": "单位编号",
            "description": "The unit's department_id where it has its own row in departments; empty otherwise.",
            "constraints": {"pattern": "[0-9]{6}-[a-z0-9]+(-[a-z0-9]+)*"},
        },
        {
            "name": "unit_kind",
            "type": "string",
            "title": "单位性质",
            "description": f"The unit's kind as published ({UNIT_KINDS_EXAMPLE}); empty where not stated.",
        },
    ],
    "primaryKey": [*IDENTITY_KEY, "unit_no"],
    "foreignKeys": [
        {"fields": list(IDENTITY_KEY), "reference": {"resource": "disclosures", "fields": list(IDENTITY_KEY)}},
    ],
    "missingValues": [""],
}

UNITS_RESOURCE = csv_resource(
    "disclosure_units",
    "公开单位",
    "每个公开文件涵盖的单位（部门汇总预算列出的所属单位）。The units each disclosure covers.",
)


def _key_fields(resource: str) -> tuple[Step, ...]:
    return (
        AddField(resource, DOCUMENT_KIND, default=DEFAULT_KIND, after="department_id", key=True),
        AddField(resource, SCOPE, default=DEFAULT_SCOPE, after="document_kind", key=True),
    )


IDENTITY: tuple[Step, ...] = (
    *(step for resource in DISCLOSURE_TABLES for step in _key_fields(resource)),
    AddField("departments", PARENT_ID, default="", after="name"),
    AddForeignKey(
        "departments", {"fields": ["parent_id"], "reference": {"resource": "departments", "fields": ["department_id"]}}
    ),
    AddResource(UNITS_RESOURCE, UNITS_SCHEMA, after="disclosures"),
    # the published word (部门预算, 单位决算, 市级部门汇总…) no longer decides the identity: kept as published
    SetConstraints("disclosures", "document_type", {"required": True}),
)
"""Identity's steps: the two key columns on every disclosure-keyed table, a parent per department, the units table."""
