"""Completeness as profiles (data model v2): each disclosure names its document family, the content fields of
`disclosures` and `departments` stop being required by the schema (the profile requires them), and `disclosure_parts` says
explicitly which parts a document does not publish. v1 packages hold Chongqing county budgets only."""

from __future__ import annotations

from typing import Any

from publish.core import DEFAULT_PROFILE, PROFILE_PATTERN, STATUSES
from publish.migrate.describe import csv_resource
from publish.migrate.identity import identity_fields
from publish.migrate.step import AddField, AddResource, SetConstraints, Step

# The columns that identify a disclosure, in key order (added by the identity steps, which run first).
IDENTITY_FIELDS: tuple[dict[str, Any], ...] = tuple(identity_fields())

# The disclosures fields a family states in its text rather than in every document (the profile requires them).
# Each with the constraints it keeps once no longer required.
CONTENT_FIELDS: dict[str, dict[str, Any]] = {
    "overall_goal": {},
    "government_fund_expenditure": {},
    "key_special_fund_goals": {},
    "performance_managed_amount": {"minimum": 0},
    "contact_name": {},
    "contact_phone": {"pattern": "[0-9][0-9-]{6,19}"},
}

# The departments fields a document states only in some families (职能职责, 内设机构): a 三公 note, a 决算 that lists
# the units it covers but not the internal offices, publish none of them; each keeps its other constraints.
DEPARTMENT_FIELDS: dict[str, dict[str, Any]] = {
    "duties": {},
    "duty_count": {"minimum": 0},
    "internal_units": {},
    "internal_unit_count": {"minimum": 0},
}

PROFILE_FIELD = {
    "name": "profile",
    "type": "string",
    "title": "文件类型（完整性要求）",
    "description": "The family of document the disclosure is (chongqing-budget, chongqing-final, sangong-note, "
    "shanghai-budget, shanghai-final, hubei-budget, generic): which parts and fields it must contain.",
    "constraints": {"required": True, "pattern": PROFILE_PATTERN},
}


PARTS_FIELDS: tuple[dict[str, Any], ...] = (
    {
        "name": "part",
        "type": "string",
        "title": "部分",
        "description": "The part of the disclosure's profile (income, sangong, vehicles …; see docs/rules.md).",
        "constraints": {"required": True, "pattern": "[a-z0-9-]+"},
    },
    {
        "name": "status",
        "type": "string",
        "title": "状态",
        "description": "not_published: the document says it has none or leaves it out; truncated: our copy of the "
        "document is incomplete; not_applicable: the part does not concern this disclosure.",
        "constraints": {"required": True, "enum": list(STATUSES)},
    },
    {
        "name": "note",
        "type": "string",
        "title": "说明",
        "description": "What the document says about the part, quoted (e.g. 本表为空表), or where our copy stops.",
    },
)


def parts_schema(identity: tuple[dict[str, Any], ...] = IDENTITY_FIELDS) -> dict[str, Any]:
    """The schema of `disclosure_parts`: one row per part a disclosure does not (fully) publish."""
    key = [field["name"] for field in identity]
    return {
        "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
        "description": "公开文件未公开（或我们的文本不完整、不适用）的部分，每部分一行：没有公开不等于 0。"
        "One row per part a disclosure does not publish: not published is never a zero.",
        "fields": [*identity, *PARTS_FIELDS],
        "primaryKey": [*key, "part"],
        "foreignKeys": [{"fields": key, "reference": {"resource": "disclosures", "fields": key}}],
        "missingValues": [""],
    }


PARTS_RESOURCE = csv_resource(
    "disclosure_parts",
    "未公开部分",
    "公开文件明确未公开、文本不完整或不适用的部分。Parts a disclosure does not publish, explicitly.",
)

PROFILES: tuple[Step, ...] = (
    *(SetConstraints("disclosures", name, kept) for name, kept in CONTENT_FIELDS.items()),
    *(SetConstraints("departments", name, kept) for name, kept in DEPARTMENT_FIELDS.items()),
    AddField("disclosures", PROFILE_FIELD, default=DEFAULT_PROFILE),
    AddResource(PARTS_RESOURCE, parts_schema(), after="disclosures"),
)
