"""Vehicles: a count held is dated by a month, a budgeted purchase by its budget year."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData


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
        wrong = ((measure == "holding") & pl.col("as_of").is_null()) | (
            (measure == "purchase_budget") & pl.col("budget_year").is_null()
        )
        return data.lazyframe.select((~wrong.fill_null(False)).alias("ok"))
