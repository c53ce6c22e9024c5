"""One pandera model per resource: the rules about a single row that a Table Schema cannot say.

Each model validates the typed table (see `publish.engine.tables`); each of its checks is named
after the rule id it implements. `failures` runs the models of the resources present once, lazily,
and returns the failing row positions by rule id; the rules in `publish.rules.rows` turn them into
findings. A model is built (and pandera imported) only when its resource is there to check, once
per process: a run whose rules need no model, or whose package has none of these resources, never
loads pandera; and pandera loads neither numpy nor hypothesis, which it would import for nothing (`extras.py`).
`prepared` does that one-time setup ahead, in a background thread while the tables load; `failures` waits for it.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

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


# Held while pandera is imported and set up (`prepare`) and while `failures` builds its models: one thread at a time
SETUP = threading.Lock()


def modelled(resources: Iterable[str]) -> list[str]:
    """The resources among ``resources`` that a model checks, in the models' order."""
    present = set(resources)
    return [resource for resource in MODELS if resource in present]


@contextmanager
def prepared(resources: Iterable[str]) -> Iterator[None]:
    """`prepare` of the models of ``resources`` in a background thread for the block (none without a model among
    them), joined when the block ends, however it ends."""
    present = modelled(resources)
    if not present:
        yield
        return
    thread = threading.Thread(target=prepare, args=(present,), name="publish-models", daemon=True)
    thread.start()
    try:
        yield
    finally:
        thread.join()


def prepare(resources: Iterable[str]) -> None:
    """Import pandera, build the models of ``resources`` and validate an empty table with each (pandera registers
    its checks on a first validation), so that `failures` finds it all done (`prepared` runs it in a thread).

    A failure here leaves nothing that matters behind (a model and pandera's modules are kept only once built):
    `failures` meets it again, where it always did, and its caller reports it.
    """
    with SETUP, polars_only():
        try:
            for builder in dict.fromkeys(MODELS[resource] for resource in modelled(resources)):
                model = builder()
                model.validate(_empty(model), lazy=True)
        except Exception:  # met again, and reported, by `failures`
            return


def _empty(model) -> pl.DataFrame:
    """A table with no rows and the model's columns, each of the type the model declares."""
    return pl.DataFrame(schema={name: column.dtype.type for name, column in model.to_schema().columns.items()})


def failures(frames: dict[str, pl.DataFrame]) -> dict[str, list[tuple[str, int]]]:
    """Rule id -> [(resource, row position)] for every row a model check fails."""
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    with polars_only():
        with SETUP:  # a `prepare` under way finishes first
            checkers = {resource: MODELS[resource]() for resource in modelled(frames) if frames[resource] is not None}
        for resource, checker in checkers.items():
            for check, index in _failed(checker, frames[resource]):
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
