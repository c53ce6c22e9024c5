"""Validate a package: path safety, the descriptor (frictionless), structure, then the budget rules.

The package is read once into typed columnar tables (`publish.engine`); every rule runs on those
tables; the one `Report` goes to every output. `engine="frictionless"` takes the structural
findings from frictionless-py itself instead (slower; the reference the engine is tested against).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from publish import models
from publish.core import Package, PackageError, Report, load
from publish.engine import Scope, load_tables
from publish.rules import BY_ID, RULES, Context, acknowledge, run_rules, selected, wanted
from publish.validate.descriptor import descriptor_findings
from publish.validate.structure import check_structure

STRUCTURE_TAG = "structure"


def validate(
    path: str | Path,
    *,
    select: Iterable[str] = (),
    skip: Iterable[str] = (),
    engine: str = "columnar",
    only: Scope | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    cache: bool = True,
) -> Report:
    """Check the package at ``path`` (its folder or its datapackage.json) and report what is wrong.

    ``only`` restricts the data checks to the rows of a scope (see `publish.validate.incremental`); the
    descriptor is then taken as already checked, as the caller found it unchanged. ``progress(stage,
    done, total)`` is told as tables load and rules finish (for a progress bar). ``cache`` lets the
    descriptor's verdict come from the user's cache (`publish.validate.verdicts`).

    When a chosen rule uses the row models, pandera is set up beside the tables' loading (`models.prepared`).
    """
    started = time.perf_counter()
    package, report = loaded(path, check_descriptor=only is None, cache=cache)
    if package is None:
        return report
    select, skip = set(select), set(skip)
    chosen = list(selected(select, skip))
    uses_models = any(getattr(rule.run, "uses_models", False) for rule in chosen)
    with models.prepared(package.resources if uses_models else ()):
        tables, structural = load_tables(package, only, progress)
        if engine == "frictionless":
            structural = check_structure(package)
        found = [f for f in structural if wanted(f.rule, _tags(f.rule), select, skip)]
        ctx = Context(package, tables)
        found += run_rules(ctx, chosen, progress)
    report.extend(acknowledge(ctx, found, {rule.id for rule in RULES}, {rule.id for rule in chosen}))
    report.stats.update(_stats(package, tables, time.perf_counter() - started))
    return report


def _tags(rule: str) -> tuple[str, ...]:
    """A structural finding's tags: `structure`, and those registered with its id."""
    return (STRUCTURE_TAG, *(BY_ID[rule].tags if rule in BY_ID else ()))


def loaded(path: str | Path, *, check_descriptor: bool = True, cache: bool = True) -> tuple[Package | None, Report]:
    """The package at ``path`` and a report of what is wrong with its descriptor and schemas; no package when it
    cannot be read or its descriptor has errors (the report says why)."""
    report = Report()
    try:
        package = load(path)
    except PackageError as error:
        report.extend(error.findings)
        return None, report
    if check_descriptor:
        report.extend(descriptor_findings(package, cache=cache))
    return (None if report.errors else package), report


def _stats(package: Package, tables, seconds: float) -> dict:
    rows = sum(table.frame.height for _, table in tables.items())
    years = 0
    if "disclosures" in tables:
        years = tables["disclosures"].select("fiscal_year", "department_id").unique().height
    return {
        "resources": len(package.resources),
        "rows": rows,
        "department_years": years,
        "seconds": round(seconds, 3),
    }
