"""Hypothesis strategies for hostile inputs: CSV bytes, JSON descriptors, workbook cells, explanation texts, zips.

Each kind of input comes three ways: random bytes, random text, and a real input (the repository's
own files, the seed text) with random mutations, which gets past the first checks and deep into
the tool.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time

from hypothesis import strategies as st

# Characters that break parsers and spreadsheets: separators, quotes, line breaks, formula starts,
# controls, BOM, full-width digits, Chinese, surrogate-free astral characters.
TRICKY = ',"\n\r\t=+-@;:\x00\x01\x0b\x0c\x1b\x7f\ufeff\u2028\u00a0１２３．，万元无合计 -0.01e9'
TRICKY_TEXT = st.text(alphabet=st.sampled_from(TRICKY) | st.characters(codec="utf-8"), max_size=60)
NUMBERISH = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True, places=None).map(str),
    st.integers(-(10**30), 10**30).map(str),
    st.floats().map(repr),
    st.sampled_from(["", "0", "-0", "1e400", "NaN", "inf", "1,234.5", "１２３.４５", "360.67万元", "0x10", "  7 "]),
)
CELL = st.one_of(TRICKY_TEXT, NUMBERISH, st.sampled_from(["2023", "500238-zwfwzx", "total", "all", "=1+1", "@SUM(A1)"]))
PATHS = st.sampled_from(
    [
        "../outside.csv",
        "/etc/passwd",
        "~/x.csv",
        "http://example.org/x.csv",
        "file:///etc/passwd",
        "data/../../x.csv",
        "data\\..\\..\\x.csv",
        "",
        ".",
        "data",
        "data/missing.csv",
        "C:\\x.csv",
        "data/\x00.csv",
        "data/" + "x" * 300 + ".csv",
    ]
)
JSON_LEAF = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=False), TRICKY_TEXT, PATHS
)
JSON_VALUE = st.recursive(
    JSON_LEAF,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TRICKY_TEXT, children, max_size=4),
    max_leaves=12,
)


def _apply_line_edits(lines: list[str], edits: list[tuple[int, int, str]]) -> list[str]:
    lines = list(lines)
    for kind, position, text in edits:
        if not lines:
            lines.append(text)
            continue
        index = position % len(lines)
        if kind == 0:
            del lines[index]
        elif kind == 1:
            lines.insert(index, lines[index])
        elif kind == 2:
            lines.insert(index, text)
        elif kind == 3:
            cells = lines[index].split(",")
            cells[position % len(cells)] = text
            lines[index] = ",".join(cells)
        elif kind == 4:
            lines[index] = lines[index][: position % (len(lines[index]) + 1)]
        else:
            lines[index] = lines[index].replace(",", text, 1)
    return lines


EDITS = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 10_000), CELL), min_size=1, max_size=6)
ENCODING = st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16"])
LINE_END = st.sampled_from(["\n", "\n", "\r\n", "\r"])


@st.composite
def mutated_csv(draw, original: str) -> bytes:
    """The real file with rows dropped, duplicated or inserted, cells replaced, lines cut, re-encoded."""
    lines = _apply_line_edits(original.rstrip("\n").split("\n"), draw(EDITS))
    text = draw(LINE_END).join(lines) + draw(st.sampled_from(["\n", "", "\n\n", "\r\n"]))
    return text.encode(draw(ENCODING), errors="replace")


def csv_bytes(original: str) -> st.SearchStrategy[bytes]:
    """Random bytes, random text, or the mutated real file."""
    return st.one_of(
        st.binary(max_size=600),
        TRICKY_TEXT.map(lambda text: text.encode("utf-8")),
        st.lists(st.lists(CELL, max_size=8), max_size=6).map(
            lambda rows: "\n".join(",".join(row) for row in rows).encode("utf-8")
        ),
        mutated_csv(original),
        mutated_csv(original),
    )


@st.composite
def mutated_json(draw, original: object) -> object:
    """A copy of ``original`` with values replaced, keys deleted or added, at random depths."""
    document = json.loads(json.dumps(original))
    for _ in range(draw(st.integers(1, 5))):
        parent, key = _random_slot(draw, document)
        if parent is None:
            return draw(JSON_VALUE)
        action = draw(st.integers(0, 3))
        if action == 0 and isinstance(parent, dict):
            parent.pop(key, None)
        elif action == 1:
            parent[key] = draw(PATHS)
        else:
            parent[key] = draw(JSON_VALUE)
    return document


def _random_slot(draw, document):
    """A random (container, key) inside ``document``, walking down a random number of levels."""
    parent, key = None, None
    node = document
    for _ in range(draw(st.integers(1, 6))):
        if isinstance(node, dict) and node:
            parent, key = node, draw(st.sampled_from(sorted(node)))
        elif isinstance(node, list) and node:
            parent, key = node, draw(st.integers(0, len(node) - 1))
        else:
            break
        node = parent[key]
    return parent, key


def deep_json(depth: int, opener: str) -> str:
    closer = {"[": "]", "{": "}"}[opener]
    if opener == "[":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + closer * depth


def json_text(original: object) -> st.SearchStrategy[bytes]:
    """Random bytes, random JSON, deep nesting, or the mutated real document."""
    return st.one_of(
        st.binary(max_size=300),
        JSON_VALUE.map(lambda value: json.dumps(value).encode("utf-8")),
        st.builds(deep_json, st.integers(1, 200_000), st.sampled_from("[{")).map(str.encode),
        mutated_json(original).map(lambda value: json.dumps(value, ensure_ascii=False).encode("utf-8")),
        mutated_json(original).map(lambda value: json.dumps(value, ensure_ascii=False).encode("utf-8")),
        mutated_json(original).map(lambda value: json.dumps(value, ensure_ascii=False).encode("utf-8")),
    )


EXCEL_VALUE = st.one_of(
    CELL,
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1)),
    st.times().map(lambda t: time(t.hour, t.minute, t.second)),
    st.decimals(allow_nan=False, allow_infinity=False, places=4),
    st.sampled_from(["=SUM(A1:A3)", "=1/0", '=HYPERLINK("http://x")', "#DIV/0!", "\t=1", "\r=1"]),
)
# (sheet index, row, column, value): row and column may fall outside the template's area.
CELL_EDITS = st.lists(
    st.tuples(st.integers(0, 20), st.integers(1, 40), st.integers(1, 16), EXCEL_VALUE), min_size=1, max_size=12
)
ZIP_DAMAGE = st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), max_size=4)


@st.composite
def mutated_text(draw, original: str) -> str:
    """The seed explanation with lines dropped, duplicated, inserted, cut, digits changed, or truncated."""
    lines = _apply_line_edits(original.split("\n"), draw(EDITS))
    text = "\n".join(lines)
    for _ in range(draw(st.integers(0, 4))):
        if not text:
            break
        at = draw(st.integers(0, len(text) - 1))
        text = text[:at] + draw(st.sampled_from([*"0123456789.-万元%增减持平无", ""])) + text[at + 1 :]
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text


def explanation_text(original: str) -> st.SearchStrategy[bytes]:
    return st.one_of(
        st.binary(max_size=400),
        TRICKY_TEXT.map(lambda text: text.encode("utf-8")),
        st.tuples(mutated_text(original), ENCODING).map(lambda pair: pair[0].encode(pair[1], errors="replace")),
        mutated_text(original).map(str.encode),
        mutated_text(original).map(str.encode),
    )


ENTRY_NAME = st.one_of(
    PATHS,
    st.sampled_from(["../../evil.txt", "x/../../evil", "/abs/evil", "C:/evil", "x/datapackage.json", "x/SHA256SUMS"]),
    TRICKY_TEXT,
)
ENTRY_CONTENT = st.one_of(
    st.binary(max_size=200),
    st.sampled_from(
        [
            b"0" * 64 + b"  ../../etc/passwd\n",
            b"0" * 64 + b"  /etc/passwd\n",
            b"[" * 100_000,
            b'{"resources": [{"name": "x", "path": "/etc/passwd", "schema": {"fields": []}}]}',
            b'{"resources": "nope"}',
        ]
    ),
)
ZIP_RENAMES = st.lists(st.tuples(st.integers(0, 100), ENTRY_NAME), max_size=2)
ZIP_CONTENTS = st.lists(st.tuples(st.integers(0, 100), ENTRY_CONTENT), max_size=2)
