"""The DuckDB database file of an export: one table per resource, titles as comments, views that join names."""

from __future__ import annotations

import tempfile
from pathlib import Path

from publish.core import Package, atomic
from publish.export.parquet import write_one

# Views for the questions analysts ask first: who, where, how much, in one row per department-year.
VIEWS = {
    "department_years": """
        SELECT d.fiscal_year, d.department_id, p.name AS department_name, p.division_code, p.division_name,
               i.amount AS income_total, e.amount AS expenditure_total, s.amount AS sangong_total
        FROM disclosures d
        JOIN departments p USING (department_id)
        LEFT JOIN income i ON i.fiscal_year = d.fiscal_year AND i.department_id = d.department_id AND i.item = 'total'
        LEFT JOIN expenditure_by_function e
               ON e.fiscal_year = d.fiscal_year AND e.department_id = d.department_id AND e.item = 'total'
        LEFT JOIN sangong s ON s.fiscal_year = d.fiscal_year AND s.department_id = d.department_id
               AND s.fund = 'general_budget' AND s.item = 'total'
    """,
    "expenditure_by_function_named": """
        SELECT e.*, p.name AS department_name, p.division_code, p.division_name
        FROM expenditure_by_function e JOIN departments p USING (department_id)
    """,
}
VIEW_COMMENTS = {
    "department_years": "每个部门年度一行：部门名称、行政区划、收入合计、支出合计、“三公”经费合计（万元）",
    "expenditure_by_function_named": "按功能分类的支出，附部门名称与行政区划",
}


def write_duckdb(package: Package, frames: dict, target: Path) -> Path:
    """Build the database in a scratch folder from Parquet (exact decimals), then write it atomically."""
    import duckdb

    with tempfile.TemporaryDirectory(prefix=".duckdb-", dir=target.parent) as scratch:
        scratch = Path(scratch)
        files = {name: write_one(frame, scratch / f"{name}.parquet", {}) for name, frame in frames.items()}
        database = scratch / target.name
        with duckdb.connect(str(database)) as connection:
            for name, path in files.items():
                connection.execute(f'CREATE TABLE "{name}" AS SELECT * FROM read_parquet(?)', [str(path)])
                _comment(connection, package, name)
            for view, sql in VIEWS.items():
                if {"disclosures", "departments", "income", "expenditure_by_function", "sangong"} <= set(files):
                    connection.execute(f'CREATE VIEW "{view}" AS {sql}')
                    connection.execute(f"COMMENT ON VIEW \"{view}\" IS '{_quote(VIEW_COMMENTS[view])}'")
            connection.execute("CHECKPOINT")
        atomic.write_bytes(target, database.read_bytes())
    return target


def _comment(connection, package: Package, name: str) -> None:
    resource = package.resources[name]
    title = resource.descriptor.get("title", "")
    connection.execute(f"COMMENT ON TABLE \"{name}\" IS '{_quote(title)}'")
    for spec in resource.fields:
        text = " ".join(x for x in (spec.get("title", ""), spec.get("description", "")) if x)
        connection.execute(f'COMMENT ON COLUMN "{name}"."{spec["name"]}" IS \'{_quote(text)}\'')


def _quote(text: str) -> str:
    return text.replace("'", "''")
