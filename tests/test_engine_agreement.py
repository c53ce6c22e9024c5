"""The columnar engine agrees with frictionless-py on structural findings: same types, rows and fields."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publish.core.package import load
from publish.engine.tables import load_tables
from publish.validate.structure import check_structure
from tests.helpers import ROOT
from tests.mutate import read_table, write_table

V2 = "https://datapackage.org/profiles/2.0/datapackage.json"
TRICKY = [
    "",
    " ",
    "1e3",
    "NaN",
    "-Infinity",
    "１２",
    "1,000",
    "-0",
    "0x10",
    "2023-13",
    "2022-1",
    "true",
    "TRUE",
    "yes",
    "２０２３",
    "=1",
    '"',
    "99999",
    "0.001",
    "+5",
    " 7 ",
    "1_000",
    "2023",
    "total",
    "x" * 40,
]


def findings_of(package: Path) -> tuple[list, list]:
    loaded = load(package)
    _, ours = load_tables(loaded)
    theirs = check_structure(loaded)

    def key(f):
        return f.rule, f.path, f.row if f.row else 1, f.field or None

    return sorted(map(key, ours)), sorted(map(key, theirs))


def test_hand_made_structural_mistakes(package_copy):
    data = package_copy / "data"
    income = (data / "income.csv").read_text(encoding="utf-8").split("\n")
    income[1] = income[1].replace("business,事业收入", "business,事业收入x")
    income[2] += ",extra"
    income[3] = ",".join(income[3].split(",")[:5])
    income.insert(4, "")
    income[6] = income[6].replace(",0,", ",-5,")
    income[7] = income[7].replace(",0,", ",1e3,")
    income += [income[2], "2023,,total,收入合计,,1,,,,,"]
    (data / "income.csv").write_text("\n".join(income), encoding="utf-8")
    kpis = (data / "kpis.csv").read_text(encoding="utf-8").replace(",20,%,", ",2O,%,", 1)
    (data / "kpis.csv").write_text(
        kpis.replace("zwfwzx,overall,部门整体绩效目标,2", "zzz,overall,部门整体绩效目标,2"), "utf-8"
    )
    assets = (data / "assets.csv").read_text(encoding="utf-8").replace("2022-12", "2022-13", 1)
    (data / "assets.csv").write_text(assets.replace(",1,2022-12", ",1.5,2022-12", 1), encoding="utf-8")
    glossary = (data / "glossary.csv").read_text(encoding="utf-8").split("\n")
    glossary[0] = glossary[0].replace("term_no", "termno").replace("definition", "term")
    (data / "glossary.csv").write_text("\n".join(glossary), encoding="utf-8")
    ours, theirs = findings_of(package_copy)
    assert len(ours) >= 12
    assert ours == theirs


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_cells(data, tmp_path_factory):
    package = tmp_path_factory.mktemp("agree") / "package"
    shutil.copytree(ROOT, package, ignore=shutil.ignore_patterns(".git", "src", "tests", "dist", "site", "*.egg-info"))
    resources = ["income", "kpis", "assets", "disclosures", "expenditure_by_function", "glossary"]
    for _ in range(data.draw(st.integers(1, 4))):
        resource = data.draw(st.sampled_from(resources))
        columns, rows = read_table(package, resource)
        row = data.draw(st.sampled_from(rows))
        row[data.draw(st.sampled_from(columns))] = data.draw(st.sampled_from(TRICKY))
        write_table(package, resource, columns, rows)
    ours, theirs = findings_of(package)
    assert ours == theirs


def test_rows_are_file_lines_even_after_a_line_break_inside_a_cell(package_copy):
    """frictionless counts records; we report the file's line, which is what an editor and GitHub show."""
    columns, rows = read_table(package_copy, "glossary")
    rows[0]["definition"] = "第一行\n第二行"
    rows[2]["term_no"] = "x"
    write_table(package_copy, "glossary", columns, rows)
    ours, theirs = findings_of(package_copy)
    assert ours == [("type-error", "data/glossary.csv", 5, "term_no")]
    assert theirs == [("type-error", "data/glossary.csv", 4, "term_no")]


def test_missing_values_other_than_the_empty_string(package_copy):
    """A schema whose missingValues lacks "" makes every empty cell a value to type-check (found by the fuzzer)."""
    import json

    path = package_copy / "schemas" / "expenditure_by_function.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["missingValues"] = ["NA"]
    path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    ours, theirs = findings_of(package_copy)
    assert ours == theirs
    assert ("type-error", "data/expenditure_by_function.csv", 2, "change") in ours


# Cells per Table Schema type: valid, invalid and borderline spellings (no line breaks, no top-level `|` in
# patterns and no number past ±10^15: those are documented differences, docs/frictionless-differences.md).
POOLS = {
    "string": ["a", "abc", "x y", "中文", "1", "aa"],
    "integer": ["1", "-3", "007", "1.0", "+5", "x", "１２", "99999999999999999999"],
    "number": ["1.5", "1.50", "-0", "1e3", "NaN", "1,000", "x", "0.001", "Infinity", "2"],
    "boolean": ["true", "FALSE", "1", "yes", "0"],
    "date": ["2020-01-31", "2020-02-30", "2020-1-5", "31.01.2020", "x", "2021-06-01"],
    "datetime": ["2020-01-01T10:00:00Z", "2020-01-01T10:00:00+01:00", "2020-01-01 10:00", "x"],
    "time": ["10:00:00", "25:00:00", "10:00", "x"],
    "year": ["2020", "0000", "20201", "x", "1999"],
    "yearmonth": ["2020-03", "2020-3", "2020-13", "x", "2019-12"],
    "duration": ["P1Y", "PT1H", "x"],
    "object": ['{"a": 1}', "{}", "[1]", "x"],
    "array": ["[1, 2]", "[]", '{"a": 1}', "x"],
    "list": ["1,2", "a", "1"],
    "geopoint": ["1,2", "200,1", "x"],
    "geojson": ['{"type": "Point", "coordinates": [1, 2]}', "x"],
    "any": ["a", "1"],
}
BOUNDED = {"integer": "2", "number": "1.5", "date": "2020-06-01", "year": "2000", "yearmonth": "2020-01"}
HASHABLE = {
    "string",
    "integer",
    "number",
    "boolean",
    "date",
    "datetime",
    "time",
    "year",
    "yearmonth",
    "duration",
    "any",
}
PATTERNS = ["[a-z]+", "\\d+", "(?=a)\\w+", "(a)\\1?b?", ".{2,}"]


@st.composite
def random_fields(draw) -> list[dict]:
    fields = []
    for number in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(sorted(POOLS)))
        constraints = {"required": True} if draw(st.booleans()) else {}
        if kind in HASHABLE and draw(st.booleans()):
            constraints["unique"] = True
        if draw(st.booleans()):
            constraints["enum"] = draw(st.lists(st.sampled_from(POOLS[kind]), min_size=1, max_size=3, unique=True))
        if kind in BOUNDED and draw(st.booleans()):
            constraints[draw(st.sampled_from(["minimum", "maximum", "exclusiveMinimum"]))] = BOUNDED[kind]
        if kind in ("string", "array", "object") and draw(st.booleans()):
            constraints[draw(st.sampled_from(["minLength", "maxLength"]))] = draw(st.integers(0, 3))
        if kind == "string" and draw(st.booleans()):
            constraints["pattern"] = draw(st.sampled_from(PATTERNS))
        supported = {*_supported(kind), "unique"}
        fields.append(
            {
                "name": f"f{number}",
                "type": kind,
                "constraints": {k: v for k, v in constraints.items() if k in supported},
            }
        )
    return fields


def _supported(kind: str) -> list[str]:
    from frictionless import Field

    return type(Field.from_descriptor({"name": "x", "type": kind})).supported_constraints


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_schemas_of_every_type(data, tmp_path_factory):
    """Random fields of every type and constraint, random cells (some rows short or long): the same errors."""
    import csv
    import io
    import json

    fields = data.draw(random_fields())
    missing = data.draw(st.sampled_from([[""], ["", "NA"], ["NA"]]))
    rows = []
    for _ in range(data.draw(st.integers(1, 6))):
        row = [data.draw(st.sampled_from([*POOLS[f["type"]], "", "NA"])) for f in fields]
        rows.append(row[: data.draw(st.integers(0, len(row)))] if data.draw(st.integers(0, 5)) == 0 else row)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[f["name"] for f in fields], *rows])
    package = tmp_path_factory.mktemp("schemas")
    (package / "t.csv").write_text(out.getvalue(), encoding="utf-8")
    schema = {"fields": fields, "missingValues": missing}
    if fields[0]["type"] in HASHABLE and data.draw(st.booleans()):
        schema["primaryKey"] = [fields[0]["name"]]
    descriptor = {"$schema": V2, "name": "random", "resources": [{"name": "t", "path": "t.csv", "schema": schema}]}
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    ours, theirs = findings_of(package)
    assert ours == theirs, (schema, out.getvalue())
