"""Performance indicators: % targets lie in 0–100 (growth, completion and execution rates may pass 100), and the target's form matches its operator."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import polars as pl

from publish.core import CENTI

if TYPE_CHECKING:
    from pandera.api.polars.types import PolarsData

HUNDRED = 100 * CENTI  # 100 %, in hundredths
# Indicators whose % may pass 100: growth, completion and execution rates (完成率 ≥ 105%, 增长率 120%). A share,
# coverage or satisfaction rate (满意度, 覆盖率, 网办率, 压缩率) cannot.
MAY_EXCEED_HUNDRED = r"增长|增幅|增加|提高|提升|完成率|执行率|同比|比上年|较上年"


@cache
def indicators() -> type:
    """The model of performance indicators, built on the first call (importing pandera) and kept for the process."""
    import pandera.polars as pa

    class Indicators(pa.DataFrameModel):
        indicator_name: pl.String = pa.Field(nullable=True)
        unit: pl.String = pa.Field(nullable=True)
        operator: pl.String = pa.Field(nullable=True)
        target_value: pl.Int64 = pa.Field(nullable=True)
        target_text: pl.String = pa.Field(nullable=True)

        class Config:
            strict = False
            coerce = False

        @classmethod
        def required_columns(cls) -> list[str]:
            return ["indicator_name", "unit", "operator", "target_value", "target_text"]

        @pa.dataframe_check(name="kpi-percent-range")
        def percent_targets_in_range(cls, data: PolarsData) -> pl.LazyFrame:
            value, name = pl.col("target_value"), pl.col("indicator_name")
            above = (value > HUNDRED) & ~name.str.contains(MAY_EXCEED_HUNDRED).fill_null(False)
            wrong = (pl.col("unit") == "%") & ((value < 0) | above)
            return data.lazyframe.select((~wrong.fill_null(False)).alias("ok"))

        @pa.dataframe_check(name="kpi-target-form")
        def target_matches_operator(cls, data: PolarsData) -> pl.LazyFrame:
            qualitative = pl.col("operator") == "定性"
            wrong = (qualitative & pl.col("target_text").is_null()) | (~qualitative & pl.col("target_value").is_null())
            return data.lazyframe.select((~wrong.fill_null(False)).alias("ok"))

    return Indicators
