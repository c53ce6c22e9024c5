"""`publish export --partitions N`: the whole export's tables, read one partition of departments at a time."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

import duckdb
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from publish.export import ExportRefused, export
from publish.validate import Unsplittable
from tests.helpers import ROOT, edit, invoke

sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import make_corpus


@pytest.fixture(scope="module")
def spread(tmp_path_factory) -> Path:
    """Several departments over three years, ten of them with a parent department that lives in another partition."""
    folder = tmp_path_factory.mktemp("spread")
    make_corpus(folder, 60, years=3, seed=5)

    def parents(lines):
        rows = [line.split(",") for line in lines[1:]]
        for n, row in enumerate(rows[:10]):
            row[2] = rows[-1 - n][0]
        return [lines[0], *(",".join(row) for row in rows)]

    edit(folder / "data" / "departments.csv", parents)
    return folder


@pytest.fixture
def private_temp(tmp_path, monkeypatch) -> Path:
    """TMPDIR for the run: where the partitions are written, to be found empty afterwards."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return temp


def read_back(out: Path) -> dict[str, pl.DataFrame]:
    """Every resource's part files (the year from the folder name), sorted by the table's primary key."""
    frames = {}
    for folder in sorted(p for p in out.iterdir() if p.is_dir()):
        parts = []
        for path in sorted(folder.rglob("*.parquet")):
            frame = pl.read_parquet(path)
            if path.parent.name.startswith("fiscal_year="):
                frame = frame.with_columns(fiscal_year=pl.lit(int(path.parent.name.partition("=")[2])))
            parts.append(frame)
        frame = pl.concat(parts)
        key = json.loads(metadata(next(folder.rglob("*.parquet")))["frictionless.schema"]).get("primaryKey")
        frames[folder.name] = frame.sort(key or frame.columns)
    return frames


def metadata(path: Path) -> dict[str, str]:
    return {k: v for k, v in pl.read_parquet_metadata(path).items() if k.startswith(("publish.", "frictionless."))}


def folders(out: Path) -> set[Path]:
    return {path.parent.relative_to(out) for path in out.rglob("*.parquet")}


@pytest.mark.parametrize(("which", "partitions"), [("repository", 3), ("spread", 4), ("spread", 64)])
def test_the_partitioned_parquet_export_holds_the_whole_exports_tables(which, partitions, spread, tmp_path):
    package = ROOT if which == "repository" else spread
    whole = export(package, "parquet", tmp_path / "whole")
    parts = export(package, "parquet", tmp_path / "parts", partitions)
    assert (parts.partitions, parts.refused, parts.rows) == (partitions, None, whole.rows)
    expected, found = read_back(tmp_path / "whole"), read_back(tmp_path / "parts")
    assert list(found) == list(expected)
    for name, frame in expected.items():
        assert_frame_equal(found[name], frame)  # the schema too: DECIMAL(18,2), Int32 years …
    assert folders(tmp_path / "parts") == folders(tmp_path / "whole")
    first = {
        path.parts[0]: metadata(tmp_path / "whole" / path / "part-0.parquet") for path in folders(tmp_path / "whole")
    }
    assert all(metadata(path) == first[path.relative_to(tmp_path / "parts").parts[0]] for path in parts.files)
    split = {p.relative_to(tmp_path / "parts").parts[0] for p in parts.files if p.name != "part-0.parquet"}
    assert "function_codes" not in split  # a code list: written once, as a whole export writes it
    assert which == "repository" or {"departments", "income", "disclosures"} <= split


def test_a_partition_without_rows_of_a_table_writes_no_file_for_it(spread, tmp_path):
    result = export(spread, "parquet", tmp_path / "parts", 64)
    departments = {p.name for p in (tmp_path / "parts" / "departments").iterdir()}
    assert 0 < len(departments) < 64 and all(pl.read_parquet(p).height for p in result.files)


@pytest.mark.parametrize("which", ["repository", "spread"])
def test_the_partitioned_duckdb_export_holds_the_whole_exports_tables_and_views(which, spread, tmp_path):
    package = ROOT if which == "repository" else spread
    [whole] = export(package, "duckdb", tmp_path / "whole").files
    result = export(package, "duckdb", tmp_path / "parts", 4)
    [parts] = result.files
    assert result.partitions == 4 and whole.name == parts.name
    with duckdb.connect(str(whole), read_only=True) as a, duckdb.connect(str(parts), read_only=True) as b:
        names = [n for (n,) in a.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        names += [n for (n,) in a.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
        assert {"departments", "income", "department_years"} <= set(names)
        for name in names:
            query = f'SELECT * FROM "{name}" ORDER BY ALL'
            assert b.execute(query).fetchall() == a.execute(query).fetchall(), name
        described = "SELECT table_name, column_name, data_type, comment FROM duckdb_columns() ORDER BY ALL"
        assert b.execute(described).fetchall() == a.execute(described).fetchall()
    assert sum(result.rows.values()) > 0


def test_a_structural_error_in_one_department_refuses_the_partitioned_export_as_the_whole_one(
    spread, tmp_path, private_temp
):
    """A cell that cannot be typed in one department, a bad row in a code list copied into every partition,
    and a declared row count the split file does not have: the same findings, each once; nothing written."""
    package = shutil.copytree(spread, tmp_path / "package")

    def garbled(lines):
        cells = lines[300].split(",")
        cells[lines[0].split(",").index("amount")] = "三十八"
        return [*lines[:300], ",".join(cells), *lines[301:]]

    edit(package / "data" / "income.csv", garbled)
    edit(package / "data" / "function_codes.csv", lambda lines: [*lines, "20x4,abc,,,,\n"])
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][1]["rows"] = 3
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    findings = []
    for partitions in (0, 4):
        with pytest.raises(ExportRefused) as refused:
            export(package, "parquet", tmp_path / "out", partitions)
        findings.append(sorted((f.rule, f.path, f.row, f.field) for f in refused.value.findings))
    assert findings[1] == findings[0]
    assert ("type-error", "data/income.csv", 301, "amount") in findings[0]
    assert {f[2] for f in findings[0] if f[1] == "data/function_codes.csv"} == {794}  # the planted row
    assert len(set(findings[1])) == len(findings[1])  # the copied code list's findings once, not once per partition
    assert {f[0] for f in findings[0]} >= {"row-count", "type-error"}
    shown = [
        invoke("export", package, "--format", "duckdb", "--out", tmp_path / "out", "--partitions", n) for n in (0, 4)
    ]
    assert [result.exit_code for result in shown] == [1, 1]
    assert "data/income.csv" in shown[1].output
    assert shown[1].output.count("function_codes.csv") == shown[0].output.count("function_codes.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["package", "temp"]
    assert list(private_temp.iterdir()) == []


def test_a_package_that_cannot_be_split_faithfully_is_exported_whole_and_says_so(spread, tmp_path, private_temp):
    package = shutil.copytree(spread, tmp_path / "package")
    schema = json.loads((package / "schemas" / "departments.json").read_text(encoding="utf-8"))
    name = next(spec for spec in schema["fields"] if spec["name"] == "name")
    name.setdefault("constraints", {})["unique"] = True  # unique across departments: true here, but not per partition
    (package / "schemas" / "departments.json").write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    result = export(package, "parquet", tmp_path / "out", 4)
    assert result.partitions == 1 and "departments" in result.refused[1]
    assert all(p.name == "part-0.parquet" for p in result.files)
    shown = invoke("export", package, "--format", "parquet", "--out", tmp_path / "out", "--partitions", 4)
    assert shown.exit_code == 0, shown.output
    assert "exported whole" in shown.output and "departments" in shown.output
    args = ("--format", "parquet", "--out", tmp_path / "out", "--partitions", 4, "--report-format", "json")
    reported = invoke("export", package, *args)
    assert reported.exit_code == 0, reported.output
    stats = json.loads(reported.output)["stats"]
    assert stats["partitions"] == 1 and "departments" in stats["partitions_refused"]
    assert list(private_temp.iterdir()) == []


def test_the_command_says_how_many_partitions_it_read(tmp_path, private_temp):
    result = invoke("export", ROOT, "--format", "parquet", "--out", tmp_path / "out", "--partitions", 3)
    assert result.exit_code == 0, result.output
    assert "read in 3 partitions" in result.output
    whole = invoke("export", ROOT, "--format", "parquet", "--out", tmp_path / "again", "--partitions", 1)
    assert whole.exit_code == 0 and "partitions" not in whole.output
    assert list(private_temp.iterdir()) == []


def test_a_file_that_cannot_be_split_byte_for_byte_is_exported_whole(spread, tmp_path, private_temp, monkeypatch):
    def unsplittable(package, chosen, partitions, temp):
        (temp / "part-0000").mkdir()  # a partition begun, then a record that cannot be split
        raise Unsplittable("data/income.csv")

    monkeypatch.setattr("publish.export.batches.split_package", unsplittable)
    result = export(spread, "parquet", tmp_path / "out", 4)
    assert result.partitions == 1 and "byte for byte" in result.refused[1]
    assert result.rows == export(spread, "parquet", tmp_path / "whole").rows
    assert list(private_temp.iterdir()) == []
