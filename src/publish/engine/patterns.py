"""The `pattern` constraint: the whole cell must match, checked in linear time where possible.

polars's regex engine (Rust, finite automata) runs in time linear in the cell, whatever the pattern;
it checks every pattern it can compile. A pattern it refuses (a look-around, a backreference) is
matched by the `regex` module, which Python's `re` syntax is a subset of, under a time budget per
column (`limits.PATTERN_SECONDS`): a pattern that exceeds it is reported, never left running.

The pattern is anchored as a whole, `^(?:pattern)$`, as the Table Schema spec intends (an XML
Schema pattern matches the entire value). frictionless anchors it as `^pattern$`, so a top-level
`a|b` there means "starts with a, or ends with b", and Python's `$` also matches before a final line
break: docs/frictionless-differences.md lists both.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from functools import cache

import polars as pl

from publish.engine import limits

# Rust reads these inside a class as set operations or nested classes; Python's `re` reads them literally.
RUST_ONLY = ("[[", "&&", "--", "~~")


@dataclass
class PatternCheck:
    failed: list[int]  # positions of the cells that do not match
    timed_out: bool = False


def check_pattern(values: pl.Series, pattern: str) -> PatternCheck:
    """The cells of ``values`` (text; null is not checked) that do not match ``pattern`` as a whole."""
    anchored = polars_pattern(pattern)
    if anchored is not None:
        return PatternCheck((~values.str.contains(anchored)).fill_null(False).arg_true().to_list())
    return _python(values, pattern)


@cache
def polars_pattern(pattern: str) -> str | None:
    """``pattern`` anchored as a whole for polars's regex engine, or None where only the Python path reads it."""
    if any(marker in pattern for marker in RUST_ONLY):
        return None
    anchored = f"^(?:{pattern})$"
    try:
        pl.Series([""], dtype=pl.String).str.contains(anchored)
    except pl.exceptions.PolarsError:
        return None  # polars cannot compile it: the Python path
    return anchored


def _python(values: pl.Series, pattern: str) -> PatternCheck:
    import regex  # only for the rare pattern polars refuses: not loaded by every run

    compiled = regex.compile(pattern, flags=regex.VERSION0)
    deadline = time.monotonic() + limits.PATTERN_SECONDS
    failed: list[int] = []
    for index, cell in enumerate(values.to_list()):
        if cell is None:
            continue
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return PatternCheck(failed, timed_out=True)
        try:
            match = compiled.fullmatch(cell, timeout=remaining)
        except TimeoutError:
            return PatternCheck(failed, timed_out=True)
        if match is None:
            failed.append(index)
    return PatternCheck(failed)


def pattern_problem(pattern: str) -> str | None:
    """Why the pattern cannot be used (Python's `re`, which frictionless compiles it with, refuses it), or None."""
    import regex

    try:
        re.compile(pattern)
        regex.compile(pattern, flags=regex.VERSION0)
    except (re.error, regex.error, OverflowError, RecursionError, ValueError) as error:
        return str(error)
    return None
