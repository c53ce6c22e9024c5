"""The published word for a document (部门预算, 单位决算, 调整预算…) against the kind the disclosure is keyed by."""

from __future__ import annotations

from collections.abc import Iterable

from publish.core import Finding
from publish.rules.base import Context, Rule, rows

# words of a title, in the order they are tried, and the document kind each names
KIND_WORDS = (("调整预算", "adjusted_budget"), ("决算", "final_account"), ("预算", "budget"))


def kind_of(words: str) -> str | None:
    """The document kind a published word names, or None where it names none."""
    return next((kind for word, kind in KIND_WORDS if word in words), None)


def type_mismatches(rule: Rule, ctx: Context) -> Iterable[Finding]:
    """A disclosure whose published document type names another kind than its ``document_kind``."""
    if not ctx.has("disclosures") or "document_kind" not in ctx.frame("disclosures").columns:
        return
    for row in rows(ctx.frame("disclosures")):
        named = kind_of(row.get("document_type") or "")
        if named is None or named == row["document_kind"]:
            continue
        yield rule.finding(
            ctx,
            "disclosures",
            row,
            f"文件类型写作“{row['document_type']}”，但文件种类为 {row['document_kind']}：请确认是预算、调整预算还是决算。",
            f"the document type reads '{row['document_type']}' but document_kind is {row['document_kind']}: confirm "
            "whether it is a budget, an adjusted budget or a final account.",
            field="document_kind",
            values={"document_type": row["document_type"], "named": named},
        )
