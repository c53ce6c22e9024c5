"""The fast CSV path (polars on bytes) reads exactly what frictionless reads, or steps aside for the careful path."""

from __future__ import annotations

import pytest

from publish.core.package import load
from publish.engine.reading import parse, read_text_table
from publish.engine.tables import load_tables
from publish.validate.structure import check_structure

GLOSSARY = "fiscal_year,department_id,document_kind,scope,term_no,term,definition\n"
ROW = "2023,500238-zwfwzx,budget,department,{n},{term},{definition}\n"


def rows(*cells: tuple[str, str]) -> str:
    return "".join(ROW.format(n=n, term=t, definition=d) for n, (t, d) in enumerate(cells, 1))


VARIANTS = {
    "quoted comma": GLOSSARY + rows(("a", '"x,y"'), ("b", "z")),
    "two quoted cells": GLOSSARY
    + '2023,500238-zwfwzx,budget,department,1,"a,1","b,2"\n2023,500238-zwfwzx,budget,department,2,"c","d"\n',
    "escaped quote": GLOSSARY + rows(("a", '"say ""hi"""'), ("b", "z")),
    "line break in quotes": GLOSSARY + rows(("a", '"two\nlines"'), ("b", "z")),
    "ragged short": GLOSSARY + "2023,500238-zwfwzx,budget,department,1,a\n" + rows(("b", "z")),
    "ragged long": GLOSSARY + "2023,500238-zwfwzx,budget,department,1,a,b,c\n",
    "blank line": GLOSSARY + rows(("a", "x")) + "\n" + "2023,500238-zwfwzx,budget,department,9,b,y\n",
    "all empty cells": GLOSSARY + rows(("a", "x")) + ",,,,,,\n",
    "no final newline": (GLOSSARY + rows(("a", "x"), ("b", "y"))).rstrip("\n"),
    "crlf": (GLOSSARY + rows(("a", "x"), ("b", "y"))).replace("\n", "\r\n"),
    "stray quote": GLOSSARY + '2023,500238-zwfwzx,budget,department,1,a"b,x\n',
    "quote then text": GLOSSARY + '2023,500238-zwfwzx,budget,department,1,"a"b,x\n',
    "header only": GLOSSARY,
    "duplicate key": GLOSSARY + rows(("a", "x")) + ROW.format(n=1, term="b", definition="y"),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_each_shape_of_file_gives_frictionless_findings(name, package_copy):
    (package_copy / "data" / "glossary.csv").write_bytes(VARIANTS[name].encode("utf-8"))
    package = load(package_copy)
    _, ours = load_tables(package)

    def key(f):
        return f.rule, f.path, f.row if f.row else 1, f.field or None

    assert sorted(map(key, ours)) == sorted(map(key, check_structure(package)))


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_fast_and_careful_paths_read_the_same_cells(name):
    data = VARIANTS[name].encode("utf-8")
    fast, careful = parse(data, "g.csv", "glossary"), parse(data, "g.csv", "glossary", fast=False)
    assert fast.labels == careful.labels

    def cells(table):
        return [tuple("" if c is None else c for c in row) for row in table.cells.iter_rows()]

    assert cells(fast) == cells(careful)


def test_bytes_that_stop_being_utf8_deep_in_a_large_file_are_named_by_line():
    body = "".join(ROW.format(n=n, term="名词", definition="解释") for n in range(1, 5001)).encode("utf-8")
    data = (
        GLOSSARY.encode()
        + body
        + "2023,500238-zwfwzx,budget,department,5001,名词,".encode()
        + "解释\n".encode("gb18030")
    )
    with pytest.raises(Exception) as raised:
        read_text_table(data, "data/glossary.csv", "glossary")
    finding = raised.value.finding
    assert (finding.rule, finding.row) == ("encoding-error", 5002)
    assert "GB18030" in finding.message_en


@pytest.mark.parametrize(
    ("name", "fast"),
    [
        ("quoted comma", True),
        ("two quoted cells", True),
        ("escaped quote", True),
        ("no final newline", True),
        ("all empty cells", True),
        ("line break in quotes", False),
        ("ragged short", False),
        ("ragged long", False),
        ("blank line", False),
        ("crlf", False),
        ("stray quote", False),
    ],
)
def test_the_fast_path_is_taken_only_for_one_record_per_line(name, fast):
    """The careful path records every record's width; the fast path proved them all the header's and keeps none."""
    table = parse(VARIANTS[name].encode("utf-8"), "g.csv", "glossary")
    assert (table.widths is None) is fast
