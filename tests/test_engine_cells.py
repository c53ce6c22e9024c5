"""A table's columns checked together (`check_columns`) find what each column checked alone finds."""

from __future__ import annotations

import polars as pl

from publish.engine.cells import check_columns

SPECS = [
    {"name": "amount", "type": "number", "constraints": {"required": True, "minimum": 0}},
    {"name": "code", "type": "string", "constraints": {"pattern": "[0-9]{3}", "enum": ["101", "102", "12x"]}},
    {"name": "label", "type": "string", "constraints": {"pattern": "(?=a)ab", "maxLength": 3}},  # look-ahead: regex
    {"name": "year", "type": "year", "constraints": {"maximum": 2024}},
    {"name": "when", "type": "date", "format": "%d/%m/%Y"},  # every cell read by frictionless
]
CELLS = {
    "amount": ["1.50", None, "-2", "abc", "1e3"],
    "code": ["101", "102", "12x", "999", None],
    "label": ["ab", "abcd", "b", None, "ab"],
    "year": ["2023", "2025", "20x4", "2024", None],
    "when": ["31/01/2024", "2024-01-31", None, "01/02/2024", "x"],
}


def _check(names: list[str]):
    specs = [spec for spec in SPECS if spec["name"] in names]
    texts = [pl.Series(name, CELLS[name], dtype=pl.String) for name in names]
    missing = [text.is_null() for text in texts]
    return check_columns(texts, specs, [[""]] * len(names), missing)


def _errors(column) -> list[tuple[int, str, str | None]]:
    return [(e.index, e.kind, e.constraint) for e in column.errors]


def test_each_kind_of_error_is_found():
    amount, code, label, year, when = _check(list(CELLS))
    assert _errors(amount) == [
        (1, "constraint-error", "required"),
        (2, "constraint-error", "minimum"),
        (3, "type-error", None),
    ]
    assert amount.typed.to_list() == [150, None, -200, None, 100000]
    assert _errors(code) == [(2, "constraint-error", "pattern"), (3, "constraint-error", "enum")]
    assert _errors(label) == [
        (1, "constraint-error", "maxLength"),
        (1, "constraint-error", "pattern"),
        (2, "constraint-error", "pattern"),
    ]
    assert _errors(year) == [(1, "constraint-error", "maximum"), (2, "type-error", None)]
    assert _errors(when) == [(1, "type-error", None), (4, "type-error", None)]


def test_columns_checked_together_match_each_checked_alone():
    together = _check(list(CELLS))
    for name, column in zip(CELLS, together, strict=True):
        (alone,) = _check([name])
        assert _errors(alone) == _errors(column)
        assert alone.typed.to_list() == column.typed.to_list()
        assert alone.remarks == column.remarks
