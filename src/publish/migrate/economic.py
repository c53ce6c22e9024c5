"""The new table of data model v2: basic expenditure by economic classification (基本支出经济分类), code × 人员经费 /
公用经费 / 合计 per fund, as Shanghai's table 8 (一般公共预算基本支出部门预算经济分类预算表) publishes it."""

from __future__ import annotations

from typing import Any

from publish.core import YUAN_PER_UNIT
from publish.migrate.describe import csv_resource, text_field

NAME = "expenditure_by_economic"
CODE = "total|3[0-9]{2}([0-9]{2})?"  # 类 301…310, 399; 款 30101…; total for the published 合计 line
PARENT = "total|3[0-9]{2}"


def _number(name: str, title: str, description: str) -> dict[str, Any]:
    return {"name": name, "type": "number", "title": title, "description": description, "constraints": {"minimum": 0}}


def _fields(fund: dict[str, Any], comparisons: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        fund,
        text_field(
            "code",
            "经济分类科目编码",
            "部门预算支出经济分类科目: 3 digits for 类 (301…310, 399), 5 for 款 (30101…); "
            "total for the published 合计 line.",
            {"required": True, "pattern": CODE},
        ),
        text_field(
            "cost_type",
            "支出类型",
            "Which column of the table the figure is: total (合计), personnel (人员经费) or public (公用经费).",
            {"required": True, "enum": ["total", "personnel", "public"]},
        ),
        text_field(
            "code_name",
            "经济分类科目名称",
            "The name beside the code, as published (合计 on the total line).",
            {"required": True},
        ),
        text_field(
            "parent_code",
            "上级科目编码",
            "The line this line is a part of: total for a 类, the 类 for a 款; empty on the total line.",
            {"pattern": PARENT},
        ),
        _number("amount", "金额", "The figure as published, in the row's unit."),
        text_field(
            "unit",
            "金额单位",
            "The unit every amount of the row is published in: 元, 万元 or 亿元.",
            {"required": True, "enum": list(YUAN_PER_UNIT)},
        ),
        *comparisons,
    ]


def economic_resource(
    identity: tuple[dict[str, Any], ...], fund: dict[str, Any], comparisons: list[dict[str, Any]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The table's entry in datapackage.json and its schema, keyed by ``identity`` (the disclosure's key fields)."""
    keys = [field["name"] for field in identity]
    schema = {
        "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
        "description": "基本支出按部门预算支出经济分类（类、款）× 人员经费、公用经费与合计，按资金范围。Basic expenditure by "
        "economic classification (class, section) × personnel, public and total, per fund, with the published total.",
        "fields": [*identity, *_fields(fund, comparisons)],
        "primaryKey": [*keys, "fund", "code", "cost_type"],
        "foreignKeys": [{"fields": keys, "reference": {"resource": "disclosures", "fields": keys}}],
        "missingValues": [""],
    }
    resource = csv_resource(NAME, "基本支出（按经济分类）", schema["description"])
    return resource, schema
