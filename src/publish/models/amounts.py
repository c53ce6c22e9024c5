"""Amount lines: the word the text uses for a change agrees with the change's sign."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData

from publish.core import FALL, FLAT, RISE


class AmountLines(pa.DataFrameModel):
    """Any table of budget lines with a stated change (income, expenditure, 三公, operating costs)."""

    change: pl.Int64 = pa.Field(nullable=True)
    change_word: pl.String = pa.Field(nullable=True)

    class Config:
        strict = False
        coerce = False

    @classmethod
    def required_columns(cls) -> list[str]:
        return ["change", "change_word"]

    @pa.dataframe_check(name="change-word-mismatch")
    def change_word_matches_sign(cls, data: PolarsData) -> pl.LazyFrame:
        change, word = pl.col("change"), pl.col("change_word")
        wrong = (
            ((word == FLAT) & (change != 0))
            | (word.is_in(list(RISE)) & (change <= 0))
            | (word.is_in(list(FALL)) & (change >= 0))
            | (word.is_not_null() & change.is_null())
            | (word.is_null() & change.is_not_null())
        )
        return data.lazyframe.select((~wrong.fill_null(False)).alias("ok"))
