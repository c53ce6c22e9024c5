"""One pandera model per resource: the rules about a single row that a Table Schema cannot say.

Each model validates the typed table (see `publish.engine.tables`); each of its checks is named
after the rule id it implements. `failures` runs every model once, lazily, and returns the
failing row positions by rule id; the rules in `publish.rules.rows` turn them into findings.
"""

from __future__ import annotations

from collections import defaultdict

import polars as pl

from publish.models.amounts import AmountLines
from publish.models.assets import Vehicles
from publish.models.kpis import Indicators

MODELS = {
    "income": AmountLines,
    "expenditure_by_function": AmountLines,
    "expenditure_by_type": AmountLines,
    "sangong": AmountLines,
    "operating_costs": AmountLines,
    "kpis": Indicators,
    "assets": Vehicles,
}


def failures(frames: dict[str, pl.DataFrame]) -> dict[str, list[tuple[str, int]]]:
    """Rule id -> [(resource, row position)] for every row a model check fails."""
    import pandera.errors

    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for resource, model in MODELS.items():
        frame = frames.get(resource)
        if frame is None or not set(model.required_columns()) <= set(frame.columns):
            continue
        try:
            model.validate(frame, lazy=True)
        except pandera.errors.SchemaErrors as errors:
            cases = errors.failure_cases.filter(pl.col("index").is_not_null())
            for check, index in cases.select("check", "index").unique().sort("index").iter_rows():
                found[check].append((resource, index))
    return found
