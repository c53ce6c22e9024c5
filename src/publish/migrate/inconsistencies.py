"""The record of a document's own inconsistencies (data model v2): what the publisher got wrong is kept as
published, recorded once with a quote, and reported as known (`publish.rules.acknowledge`) instead of blocking."""

from __future__ import annotations

from typing import Any

from publish.migrate.describe import csv_resource, text_field
from publish.migrate.identity import identity_fields
from publish.migrate.step import AddResource, Step

NAME = "inconsistencies"


RECORD_FIELDS = (
    text_field(
        "rule",
        "检查",
        "The budget rule that reports the inconsistency (its id, as `publish rules` lists it).",
        {"required": True, "pattern": "[a-z0-9]+(-[a-z0-9]+)*"},
    ),
    text_field(
        "resource",
        "表",
        "The table the finding is on.",
        {"required": True, "pattern": "[a-z0-9_]+"},
    ),
    text_field(
        "row_key",
        "行",
        "The row, by its key outside the disclosure's identity, name=value joined by ';' in key order "
        "(item=total; fund=all;item=201;cost_type=total); empty for the disclosure's own row.",
    ),
    text_field("field", "字段", "The field the finding names; empty: any field of the row."),
    text_field(
        "note",
        "说明",
        "What the document publishes, quoted, and why it does not add up (原文如此).",
        {"required": True},
    ),
)


def inconsistencies_schema() -> dict[str, Any]:
    identity = identity_fields()
    key = [field["name"] for field in identity]
    return {
        "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
        "description": "公开文件自身的不一致（原文如此）：按原文保留，登记一次并注明原文；相应检查结果作为已知问题报告。"
        "A document's own inconsistencies, kept as published and recorded once with a quote.",
        "fields": [*identity, *RECORD_FIELDS],
        "primaryKey": [*key, "rule", "resource", "row_key", "field"],
        "foreignKeys": [{"fields": key, "reference": {"resource": "disclosures", "fields": key}}],
        "missingValues": [""],
    }


RESOURCE = csv_resource(
    NAME, "原文不一致", "公开文件自身的不一致，按原文保留并登记。A document's own inconsistencies, kept as published."
)

INCONSISTENCIES: tuple[Step, ...] = (AddResource(RESOURCE, inconsistencies_schema(), after="disclosure_parts"),)
