"""What every budget rule shares: the rule record, the context it reads, and how it words a finding."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

import polars as pl

from publish.core import (
    CENTI,
    DECIMALS,
    DEFAULT_UNIT,
    IDENTITY,
    YUAN_PER_UNIT,
    YUAN_PER_WANYUAN,
    Finding,
    Package,
    Severity,
    identity_words,
)
from publish.engine import LINE, Tables

FrameT = TypeVar("FrameT", pl.DataFrame, pl.LazyFrame)  # a function of either gives back the same kind
KEY = list(IDENTITY)  # one disclosure: fiscal_year, department_id, document_kind, scope
INVOLVED = "_involved"  # a column of the other lines a finding is about (a sum's parts, the prior year's row)


@dataclass
class Context:
    package: Package
    tables: Tables
    computed: dict[str, Once] = field(default_factory=dict, repr=False)  # what several rules share, by name
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def shared(self, name: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, run once for every rule that asks for ``name`` (rules run side by side on threads)."""
        with self.lock:
            once = self.computed.setdefault(name, Once())
        return once.value(compute)

    def has(self, *names: str) -> bool:
        return all(name in self.tables for name in names)

    def frame(self, name: str) -> pl.DataFrame:
        return self.tables[name]

    def path(self, name: str) -> str:
        return self.tables.path(name)


class Once:
    """A value computed by the first thread that asks for it; the others wait for it."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.done, self.result = False, None

    def value(self, compute: Callable[[], Any]) -> Any:
        with self.lock:
            if not self.done:
                self.result, self.done = compute(), True
            return self.result


@dataclass(frozen=True)
class Registered:
    """A registered finding id: a stable public id, a default severity, tags, a title in both languages."""

    id: str
    severity: Severity
    tags: tuple[str, ...]
    title_zh: str
    title_en: str


@dataclass(frozen=True)
class Rule(Registered):
    """A budget rule: a registered id with the check that finds it."""

    run: Callable[[Rule, Context], Iterable[Finding]]

    def finding(
        self,
        ctx: Context,
        resource: str,
        row: dict[str, Any],
        zh: str,
        en: str,
        *,
        field: str | None = None,
        values: dict[str, Any] | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding located at ``row`` (a dict holding `_line` and the disclosure's key, and `_involved` where
        other lines are involved: a line or a list of them)."""
        path = ctx.path(resource)
        line = row.get(LINE)
        year, department = row.get("fiscal_year"), row.get("department_id")
        kind, scope = row.get("document_kind"), row.get("scope")
        who_zh, who_en = _who(year, department, kind, scope)
        at_zh = f"{path} 第 {line} 行" if line else path
        at_en = f"{path} line {line}" if line else path
        return Finding(
            rule=self.id,
            severity=severity or self.severity,
            resource=resource,
            path=path,
            row=line,
            field=field,
            values=values or {},
            fiscal_year=year,
            department_id=department,
            document_kind=kind,
            scope=scope,
            message_zh=f"{at_zh}{who_zh}：{zh}",
            message_en=f"{at_en}{who_en}: {en}",
            text=(zh, en),
            involved=involved_lines(row.get(INVOLVED), line),
        )


def involved_lines(value: Any, line: int | None) -> tuple[int, ...]:
    """The lines other than ``line`` that ``value`` (a line, a list of lines or nothing) names, in order."""
    found = value if isinstance(value, list) else [value]
    return tuple(sorted({n for n in found if isinstance(n, int) and n != line}))


def _who(year: Any, department: Any, kind: Any = None, scope: Any = None) -> tuple[str, str]:
    """The disclosure a finding is about, as far as the row says it (a blank year is never "None 年"); its kind
    and scope are named unless it is the usual consolidated budget."""
    if department in (None, ""):
        return "", ""
    words_zh, words_en = identity_words(kind, scope)
    zh = f" {words_zh}" if words_zh else ""
    en = f", {words_en}" if words_en else ""
    if year in (None, ""):
        return f"（{department}{zh}）", f" ({department}{en})"
    return f"（{year} 年 {department}{zh}）", f" ({department}, {year}{en})"


def money(centi: int | None) -> str:
    """Integer hundredths of 万元 as the published decimal, always with two decimals."""
    return "—" if centi is None else f"{Decimal(centi) / CENTI:.{DECIMALS}f}"


def rows(frame: pl.DataFrame) -> Iterable[dict[str, Any]]:
    return frame.iter_rows(named=True)


def in_fen(frame: FrameT, *columns: str) -> FrameT:
    """``columns`` turned from hundredths of the row's unit (the engine's value) into fen, exact (Int128), and
    `_factor`: yuan in the row's unit (a row without ``unit`` is in 万元, as v1 rows are); a frame or a query."""
    if "unit" not in frame.collect_schema():
        frame = frame.with_columns(pl.lit(DEFAULT_UNIT).alias("unit"))
    factor = pl.col("unit").replace_strict(YUAN_PER_UNIT, default=YUAN_PER_WANYUAN, return_dtype=pl.Int128)
    frame = frame.with_columns(factor.alias("_factor"))
    return frame.with_columns(*(pl.col(c).cast(pl.Int128) * pl.col("_factor") for c in columns))


def unit_of(row: dict[str, Any]) -> str:
    return row.get("unit") or DEFAULT_UNIT


def figure(fen: int | None, unit: str | None = None) -> str:
    """Fen as the figure in ``unit`` (default 万元): two decimals, more only where the figure has them."""
    if fen is None:
        return "—"
    value = Decimal(fen) / (CENTI * YUAN_PER_UNIT.get(unit or DEFAULT_UNIT, YUAN_PER_WANYUAN))
    exponent = value.normalize().as_tuple().exponent
    places = max(DECIMALS, -exponent) if value and isinstance(exponent, int) else DECIMALS
    return f"{value:.{places}f}"


def shown(fen: int | None, unit: str | None = None) -> str:
    """Fen as the figure in ``unit`` (default 万元), followed by the unit."""
    return f"{figure(fen, unit)} {unit or DEFAULT_UNIT}"


def within_rounding(gap: int, tolerance: int) -> bool:
    """Published figures are rounded one by one, each to a hundredth of its unit: parts whose units add up to
    ``tolerance`` yuan (Σ yuan per unit) may miss their total by half a hundredth each (gap in fen)."""
    return 2 * abs(gap) <= tolerance
