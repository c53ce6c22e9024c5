"""Performance indicators: % targets lie in 0–100, and the target's form matches its operator."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from publish.core import CENTI

HUNDRED = 100 * CENTI  # 100 %, in hundredths


class Indicators(pa.DataFrameModel):
    unit: pl.String = pa.Field(nullable=True)
    operator: pl.String = pa.Field(nullable=True)
    target_value: pl.Int64 = pa.Field(nullable=True)
    target_text: pl.String = pa.Field(nullable=True)

    class Config:
        strict = False
        coerce = False

    @classmethod
    def required_columns(cls) -> list[str]:
        return ["unit", "operator", "target_value", "target_text"]

    @pa.dataframe_check(name="kpi-percent-range")
    def percent_targets_in_range(cls, data: PolarsData) -> pl.LazyFrame:
        value = pl.col("target_value")
        wrong = (pl.col("unit") == "%") & ((value < 0) | (value > HUNDRED))
        return data.lazyframe.select((~wrong.fill_null(False)).alias("ok"))

    @pa.dataframe_check(name="kpi-target-form")
    def target_matches_operator(cls, data: PolarsData) -> pl.LazyFrame:
        qualitative = pl.col("operator") == "定性"
        wrong = (qualitative & pl.col("target_text").is_null()) | (~qualitative & pl.col("target_value").is_null())
        return data.lazyframe.select((~wrong.fill_null(False)).alias("ok"))
