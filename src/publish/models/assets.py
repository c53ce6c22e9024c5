"""Vehicles: a count held is dated by a month, a budgeted purchase by its budget year.

A final account (决算) states what was held at the end of its fiscal year: its count held needs no month.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import polars as pl

if TYPE_CHECKING:
    from pandera.api.polars.types import PolarsData


@cache
def vehicles() -> type:
    """The model of vehicle counts, built on the first call (importing pandera) and kept for the process."""
    import pandera.polars as pa

    class Vehicles(pa.DataFrameModel):
        measure: pl.String = pa.Field(nullable=True)
        as_of: pl.Int64 = pa.Field(nullable=True)
        budget_year: pl.Int64 = pa.Field(nullable=True)

        class Config:
            strict = False
            coerce = False

        @classmethod
        def required_columns(cls) -> list[str]:
            return ["measure", "as_of", "budget_year"]

        @pa.dataframe_check(name="vehicle-period-missing")
        def period_present(cls, data: PolarsData) -> pl.LazyFrame:
            measure = pl.col("measure")
            columns = data.lazyframe.collect_schema().names()
            year_end = pl.col("document_kind") == "final_account" if "document_kind" in columns else pl.lit(False)
            wrong = ((measure == "holding") & pl.col("as_of").is_null() & ~year_end.fill_null(False)) | (
                (measure == "purchase_budget") & pl.col("budget_year").is_null()
            )
            return data.lazyframe.select((~wrong.fill_null(False)).alias("ok"))

    return Vehicles
