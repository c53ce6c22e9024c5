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
