"""One pandera model per resource: the rules about a single row that a Table Schema cannot say.

Each model validates the typed table (see `publish.engine.tables`); each of its checks is named
after the rule id it implements. `failures` runs the models of the resources present once, lazily,
and returns the failing row positions by rule id; the rules in `publish.rules.rows` turn them into
findings. A model is built (and pandera imported) only when its resource is there to check, once
per process: a run whose rules need no model, or whose package has none of these resources, never
loads pandera; and pandera loads neither numpy nor hypothesis, which it would import for nothing (`extras.py`).
"""

from __future__ import annotations

from collections import defaultdict

import polars as pl

from publish.models.amounts import amount_lines
from publish.models.assets import vehicles
from publish.models.extras import polars_only
from publish.models.kpis import indicators

# resource -> its model's builder: the model is built (and pandera imported) on first use, once per process
MODELS = {
    "income": amount_lines,
    "expenditure_by_function": amount_lines,
    "expenditure_by_type": amount_lines,
    "sangong": amount_lines,
    "operating_costs": amount_lines,
    "kpis": indicators,
    "assets": vehicles,
}


def failures(frames: dict[str, pl.DataFrame]) -> dict[str, list[tuple[str, int]]]:
    """Rule id -> [(resource, row position)] for every row a model check fails."""
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    with polars_only():
        for resource in MODELS:
            frame = frames.get(resource)
            if frame is not None:
                for check, index in _failed(MODELS[resource](), frame):
                    found[check].append((resource, index))
    return found


def _failed(checker, frame: pl.DataFrame) -> list[tuple[str, int]]:
    """(check name, row position) for each row ``checker`` fails; none when the frame lacks its columns."""
    import pandera.errors

    if not set(checker.required_columns()) <= set(frame.columns):
        return []
    try:
        checker.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        cases = errors.failure_cases.filter(pl.col("index").is_not_null())
        return list(cases.select("check", "index").unique().sort("index").iter_rows())
    return []
