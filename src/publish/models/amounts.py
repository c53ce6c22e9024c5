"""Amount lines: the word the text uses for a change agrees with the change's sign."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import polars as pl

from publish.core import CHANGE_WORD_SIGNS

if TYPE_CHECKING:
    from pandera.api.polars.types import PolarsData

# The known change words (official and aliases) by the sign they give; an unknown word is change-word-unknown's.
RISING = [word for word, sign in CHANGE_WORD_SIGNS.items() if sign > 0]
FALLING = [word for word, sign in CHANGE_WORD_SIGNS.items() if sign < 0]
FLAT_WORDS = [word for word, sign in CHANGE_WORD_SIGNS.items() if sign == 0]


@cache
def amount_lines() -> type:
    """The model of amount lines, built on the first call (importing pandera) and kept for the process."""
    import pandera.polars as pa

    class AmountLines(pa.DataFrameModel):
        """Any table of budget lines with a stated change (income, expenditure, 三公, operating costs)."""

        change: pl.Int64 = pa.Field(nullable=True)
        change_word: pl.String = pa.Field(nullable=True)
        change_rate: pl.Int64 = pa.Field(nullable=True)

        class Config:
            strict = False
            coerce = False

        @classmethod
        def required_columns(cls) -> list[str]:
            return ["change", "change_word", "change_rate"]

        @pa.dataframe_check(name="change-word-mismatch")
        def change_word_matches_sign(cls, data: PolarsData) -> pl.LazyFrame:
            """持平 (一致, 无增减) is 0, 增加/增长 positive, 减少/下降 negative; a rate stated without an amount (比上年增加0.97%) carries the
            sign instead. 增加0 is flagged too: odd wording, which the rule reports as a warning."""
            change, word, rate = pl.col("change"), pl.col("change_word"), pl.col("change_rate")
            signed = pl.coalesce(change, rate)
            wrong = (
                (word.is_in(FLAT_WORDS) & (signed != 0))
                | (word.is_in(RISING) & (signed <= 0))
                | (word.is_in(FALLING) & (signed >= 0))
                | (word.is_not_null() & signed.is_null())
                | (word.is_null() & change.is_not_null())
            )
            return data.lazyframe.select((~wrong.fill_null(False)).alias("ok"))

    return AmountLines
