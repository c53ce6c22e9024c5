"""`publish export`: Parquet partitioned by fiscal year and a DuckDB file, exact decimals, titles kept, atomic."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from publish.core import atomic
from publish.export.run import ExportRefused, export
from tests.helpers import ROOT, invoke, read_rows

sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import make_corpus


@pytest.fixture(scope="module")
def province(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("province")
    make_corpus(folder, 40, years=3, seed=4)
    return folder


def test_parquet_is_partitioned_by_year_with_exact_decimals(province, tmp_path):
    result = export(province, "parquet", tmp_path / "pq")
    years = sorted(p.name for p in (tmp_path / "pq" / "income").iterdir())
    assert years == ["fiscal_year=2022", "fiscal_year=2023", "fiscal_year=2024"]
    assert (tmp_path / "pq" / "departments" / "part-0.parquet") in result.files
    glob = str(tmp_path / "pq" / "income" / "*" / "*.parquet")
    with duckdb.connect() as db:
        described = db.execute(f"DESCRIBE SELECT * FROM read_parquet('{glob}', hive_partitioning = true)").fetchall()
        types = {row[0]: row[1] for row in described}
        rows = db.execute(
            f"SELECT fiscal_year, department_id, item, amount FROM read_parquet('{glob}', hive_partitioning = true)"
        ).fetchall()
    assert types["amount"] == "DECIMAL(18,2)" and types["change"] == "DECIMAL(18,2)"
    csv = {
        (int(r["fiscal_year"]), r["department_id"], r["item"]): Decimal(r["amount"])
        for r in read_rows(province, "income")
    }
    assert {(y, d, i): a for y, d, i, a in rows} == csv
    assert all(isinstance(a, Decimal) for *_, a in rows)


def test_parquet_files_carry_the_chinese_titles_and_the_schema(province, tmp_path):
    export(province, "parquet", tmp_path / "pq")
    path = tmp_path / "pq" / "sangong" / "fiscal_year=2023" / "part-0.parquet"
    with duckdb.connect() as db:
        pairs = db.execute(f"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{path}')").fetchall()
    metadata = dict(pairs)
    assert metadata["publish.title"] == "“三公”经费"
    assert json.loads(metadata["publish.field_titles"])["amount"].startswith("金额")
    assert json.loads(metadata["frictionless.schema"])["primaryKey"][0] == "fiscal_year"


def test_duckdb_has_a_table_per_resource_comments_and_a_view_that_names_departments(tmp_path):
    result = export(ROOT, "duckdb", tmp_path / "db")
    [database] = result.files
    assert database.name == "wuxi-county-department-budgets-1.0.0.duckdb"
    with duckdb.connect(str(database), read_only=True) as db:
        tables = {t for (t,) in db.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        view = db.execute("SELECT department_name, income_total, sangong_total FROM department_years").fetchall()
        comment = db.execute(
            "SELECT comment FROM duckdb_columns() WHERE table_name = 'income' AND column_name = 'amount'"
        ).fetchone()[0]
        kind = db.execute("SELECT typeof(amount) FROM operating_costs").fetchone()[0]
    assert tables == {p.stem for p in (ROOT / "data").glob("*.csv")}
    assert view == [("巫溪县政务服务中心", Decimal("360.67"), Decimal("4.00"))]
    assert comment.startswith("金额（万元）")
    assert kind == "DECIMAL(18,2)"


def test_sums_over_the_whole_province_are_exact(province, tmp_path):
    export(province, "duckdb", tmp_path / "db")
    [database] = (tmp_path / "db").glob("*.duckdb")
    with duckdb.connect(str(database), read_only=True) as db:
        total = db.execute("SELECT sum(amount) FROM expenditure_by_function WHERE item <> 'total'").fetchone()[0]
    expected = sum(Decimal(r["amount"]) for r in read_rows(province, "expenditure_by_function") if r["item"] != "total")
    assert total == expected


def test_cells_that_cannot_be_typed_are_refused_and_nothing_is_written(package_copy, tmp_path):
    path = package_copy / "data" / "operating_costs.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",38.20,", ",三十八,"), encoding="utf-8")
    result = invoke("export", str(package_copy), "--format", "parquet", "--out", str(tmp_path / "x"))
    assert result.exit_code == 1
    assert "data/operating_costs.csv" in result.output and "type-error" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["package"]  # no output, no leftovers


def test_a_folder_holding_other_files_is_refused(tmp_path):
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    result = invoke("export", str(ROOT), "--format", "duckdb", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]


def test_an_export_replaces_the_previous_one_whole(province, tmp_path):
    out = tmp_path / "out"
    export(province, "parquet", out)
    result = invoke("export", str(ROOT), "--format", "parquet", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "income").iterdir()) == ["fiscal_year=2023"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("fmt", ["parquet", "duckdb"])
def test_a_failure_at_any_write_leaves_the_previous_export_untouched(fmt, tmp_path, monkeypatch):
    out = tmp_path / "out"
    export(ROOT, fmt, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    writes = []
    monkeypatch.setattr(atomic, "checkpoint", writes.append)
    export(ROOT, fmt, tmp_path / "count")
    assert len(writes) >= 10  # each one fails in turn below
    for failing in range(len(writes)):
        calls = []

        def fail(path, calls=calls, failing=failing):
            calls.append(path)
            if len(calls) > failing:
                raise OSError("disk full")

        monkeypatch.setattr(atomic, "checkpoint", fail)
        with pytest.raises(OSError):
            export(ROOT, fmt, out)
        assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["count", "out"]


def test_the_format_is_required_and_unknown_formats_are_usage_errors(tmp_path):
    assert invoke("export", str(ROOT), "--out", str(tmp_path / "x")).exit_code == 2
    assert invoke("export", str(ROOT), "--format", "csv", "--out", str(tmp_path / "x")).exit_code == 2
    with pytest.raises(ValueError):
        export(ROOT, "csv", tmp_path / "x")
    assert ExportRefused("中", "en").message_en == "en"
