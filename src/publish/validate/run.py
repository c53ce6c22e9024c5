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
from publish.core import Finding, Package, PackageError, Report, load
from publish.engine import Scope, Tables, load_tables
from publish.rules import BY_ID, RULES, Context, acknowledge, run_rules, selected, wanted
from publish.validate.beside import Beside, beside
from publish.validate.descriptor import descriptor_findings, known_findings
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

    What does not need the tables is done beside their loading (`beside.py`): frictionless's check of a
    descriptor not in the cache, and pandera's setup when a chosen rule uses the row models.
    """
    started = time.perf_counter()
    package, report, known = _opened(path, check_descriptor=only is None, cache=cache)
    if package is None:
        return report
    select, skip = set(select), set(skip)
    chosen = list(selected(select, skip))
    uses_models = any(getattr(rule.run, "uses_models", False) for rule in chosen)
    modelled = models.modelled(package.resources) if uses_models else []
    with beside(package, check_descriptor=known is None, cache=cache, modelled=modelled) as work:
        loaded = _load_beside(package, only, progress, work, report)
        if loaded is None:
            return report
        tables, structural = loaded
        if engine == "frictionless":
            structural = check_structure(package)
        found = [f for f in structural if wanted(f.rule, _tags(f.rule), select, skip)]
        ctx = Context(package, tables)
        found += run_rules(ctx, chosen, progress)
    report.extend(acknowledge(ctx, found, {rule.id for rule in RULES}, {rule.id for rule in chosen}))
    report.stats.update(_stats(package, tables, time.perf_counter() - started))
    return report


def _opened(
    path: str | Path, *, check_descriptor: bool, cache: bool
) -> tuple[Package | None, Report, list[Finding] | None]:
    """The package at ``path`` (paths checked), a report of what is known wrong with its descriptor without asking
    frictionless, and those findings; no package when that already ends the run, None findings when frictionless
    has to decide (`descriptor.known_findings`)."""
    report = Report()
    try:
        package = load(path)
    except PackageError as error:
        report.extend(error.findings)
        return None, report, []
    known = known_findings(package, cache=cache) if check_descriptor else []
    report.extend(known or [])
    return (None if report.errors else package), report, known


def _load_beside(
    package: Package, only: Scope | None, progress, work: Beside, report: Report
) -> tuple[Tables, list[Finding]] | None:
    """The tables and their structural findings, loaded while ``work`` checks the descriptor; None (and the
    descriptor's errors in ``report``) when it has errors: the tables are then dropped, whatever their loading
    found or raised, as if never read, and their progress is not told."""
    if not work.check_descriptor:
        return load_tables(package, only, progress)
    told: list[tuple[str, int, int]] = []
    try:
        loaded, failure = load_tables(package, only, lambda *step: told.append(step)), None
    except Exception as error:  # raised below, once the descriptor is known to be sound
        loaded, failure = None, error
    report.extend(work.descriptor())
    if report.errors:
        return None
    if failure is not None:
        raise failure
    for step in told if progress else ():
        progress(*step)
    return loaded


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
