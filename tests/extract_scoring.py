"""Scoring an extraction against a hand-keyed submission: how many key figures were read, and were any wrong.

A key figure is an amount (or a count) that a reader of a disclosure looks for first: the income and
expenditure totals and sources, the function classes (类) and their total, basic and project expenditure,
every 三公 line, 机关运行经费, vehicle counts and the procurement total. Both sides are CSV folders in the
submission form (``publish add`` reads them); a figure is identified by its table and the key columns that
are not the document's identity, and compared in integer fen (counts as integers) whatever unit each side
wrote it in. ``tests/test_extract_real.py`` and ``benchmarks/extract_corpus.py`` both use this.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

FEN_PER_UNIT = {"元": Decimal(100), "万元": Decimal(1_000_000), "亿元": Decimal(10_000_000_000)}
# (table, key columns besides the identity, value column, which rows are key figures)
KEY_TABLES: dict[str, tuple[tuple[str, ...], str]] = {
    "income": (("item",), "amount"),
    "expenditure_by_function": (("fund", "item", "cost_type"), "amount"),
    "expenditure_by_type": (("fund", "item"), "amount"),
    "sangong": (("fund", "item"), "amount"),
    "operating_costs": (("fund",), "amount"),
    "assets": (("measure", "item"), "count"),
    "procurement": (("fund", "item"), "amount"),
}
Figure = tuple[str, tuple[str, ...]]  # (table, key values)


def is_key_figure(table: str, row: dict[str, str]) -> bool:
    """Function lines count at the class (类) level and the total; procurement at its total; the rest all."""
    if table == "expenditure_by_function":
        item = row.get("item", "")
        return item == "total" or (item.isdigit() and len(item) == 3)
    if table == "procurement":
        return row.get("item") == "total"
    if table == "assets":
        return row.get("measure") in ("holding", "purchase_budget", "purchase")
    return True


def figures(folder: Path, key_only: bool = True) -> dict[Figure, Decimal]:
    """Every figure of the folder's key tables, in fen (amounts) or as counts."""
    found: dict[Figure, Decimal] = {}
    for table, (keys, column) in KEY_TABLES.items():
        path = folder / f"{table}.csv"
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if key_only and not is_key_figure(table, row):
                    continue
                value = _value(row, column)
                if value is not None:
                    found[(table, tuple(row.get(k, "") for k in keys))] = value
    return found


def _value(row: dict[str, str], column: str) -> Decimal | None:
    text = (row.get(column) or "").replace(",", "").strip()
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if column == "count":
        return number
    return number * FEN_PER_UNIT.get(row.get("unit") or "万元", Decimal(1_000_000))


@dataclass
class Score:
    expected: int = 0
    read: int = 0
    wrong: list[tuple[Figure, Decimal, Decimal]] = field(default_factory=list)
    missed: list[Figure] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.read / self.expected if self.expected else 1.0

    def add(self, other: Score) -> None:
        self.expected += other.expected
        self.read += other.read
        self.wrong += other.wrong
        self.missed += other.missed


def score(truth: Path, extracted: Path, key_only: bool = True) -> Score:
    """Compare the key figures of the extracted folder with those of the hand-keyed truth folder."""
    expected, got = figures(truth, key_only), figures(extracted, key_only)
    result = Score(expected=len(expected))
    for figure, value in expected.items():
        if figure not in got:
            result.missed.append(figure)
        elif got[figure] == value:
            result.read += 1
        else:
            result.wrong.append((figure, value, got[figure]))
    return result
