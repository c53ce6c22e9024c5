"""The published word for a document (部门预算, 单位决算, 调整预算…) against the kind the disclosure is keyed by."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

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
    for row in rows(_named_other_kind(ctx.frame("disclosures"))):
        named = kind_of(row.get("document_type") or "")
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


def _named_other_kind(frame: pl.DataFrame) -> pl.DataFrame:
    """The rows whose document type names a kind (read once per distinct type) other than their document_kind."""
    if "document_type" not in frame.columns:
        return frame.clear()
    words = pl.col("document_type").fill_null("")
    kinds = {text: kind_of(text) for text in frame.select(words.unique()).to_series().to_list()}
    named = words.replace_strict(kinds, default=None, return_dtype=pl.String)
    return frame.filter(named.is_not_null() & named.ne_missing(pl.col("document_kind")))
