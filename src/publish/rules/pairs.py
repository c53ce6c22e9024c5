"""Rows of one table beside the row of another that they are compared with, found by one join, and their figures
as exact fen: a cross-table rule narrows to the pairs that can differ in polars, then words only those in Python."""

from __future__ import annotations

from typing import Any

import polars as pl

from publish.core import DEFAULT_UNIT, YUAN_PER_UNIT
from publish.engine import LINE

Row = dict[str, Any]


def paired(parts: pl.DataFrame, wholes: pl.DataFrame, left_on: list, right_on: list, *carry: pl.Expr) -> pl.DataFrame:
    """``parts`` that have a row of ``wholes`` whose ``right_on`` equal their ``left_on``, each with the ``carry``
    columns of that row: the last such row, as a dict keyed by those values would keep; a null matches a null."""
    keyed = wholes.select(*right_on, *carry).unique(subset=right_on, keep="last", maintain_order=True)
    return parts.join(keyed, left_on=left_on, right_on=right_on, how="inner", nulls_equal=True)


def fen(frame: pl.DataFrame, value: str) -> pl.Expr:
    """``value`` (hundredths of the row's unit) as exact fen (Int128); null where the value is empty or the unit is
    not one we know, as `yuan.yuan` gives None for those rows."""
    unit = pl.col("unit").fill_null("") if "unit" in frame.columns else pl.lit("")
    known = {**YUAN_PER_UNIT, "": YUAN_PER_UNIT[DEFAULT_UNIT]}
    factor = unit.replace_strict(known, default=None, return_dtype=pl.Int128)
    return pl.col(value).cast(pl.Int128) * factor


def rows_by_line(frame: pl.DataFrame, lines: pl.Series) -> dict[int, Row]:
    """The rows of ``frame`` on ``lines``, by their line."""
    return {row[LINE]: row for row in frame.filter(pl.col(LINE).is_in(lines.implode())).iter_rows(named=True)}
