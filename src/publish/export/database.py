"""The DuckDB database file of an export: one table per resource, titles as comments, views that join names.

Names and titles come from the package, so every one is quoted by ``publish.core.escape`` (identifiers in
double quotes, comments as string literals, both doubled inside); the Parquet files are passed as
parameters. Names DuckDB cannot tell apart (it ignores case) are refused before anything is built.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from publish.core import EXIT_INVALID, IDENTITY, Package, PublishError, atomic, escape
from publish.export.batches import Batches
from publish.export.parquet import write_one


def same_disclosure(alias: str) -> str:
    """SQL: the row ``alias`` belongs to the disclosure ``d`` (all four key columns)."""
    return " AND ".join(f"{alias}.{name} = d.{name}" for name in IDENTITY)


# Views for the questions analysts ask first: who, where, how much, in one row per disclosure (department-year,
# kind and scope).
VIEWS = {
    "department_years": f"""
        SELECT d.fiscal_year, d.department_id, d.document_kind, d.scope,
               p.name AS department_name, p.division_code, p.division_name,
               i.amount AS income_total, e.amount AS expenditure_total, s.amount AS sangong_total
        FROM disclosures d
        JOIN departments p USING (department_id)
        LEFT JOIN income i ON {same_disclosure("i")} AND i.item = 'total'
        LEFT JOIN expenditure_by_function e ON {same_disclosure("e")} AND e.item = 'total'
        LEFT JOIN sangong s ON {same_disclosure("s")} AND s.fund = 'general_budget' AND s.item = 'total'
    """,
    "expenditure_by_function_named": """
        SELECT e.*, p.name AS department_name, p.division_code, p.division_name
        FROM expenditure_by_function e JOIN departments p USING (department_id)
    """,
}
VIEW_COMMENTS = {
    "department_years": "每个公开文件（部门年度、文件种类、公开范围）一行：部门名称、行政区划、收入合计、支出合计、“三公”经费合计（万元）",
    "expenditure_by_function_named": "按功能分类的支出，附部门名称与行政区划",
}


def write_duckdb(package: Package, batches: Batches, target: Path) -> Path:
    """Build the database in a scratch folder from Parquet (exact decimals), then move it into place: each table
    created from the first batch and appended from the others (`batches.py`)."""
    import duckdb

    with tempfile.TemporaryDirectory(prefix=".duckdb-", dir=target.parent) as scratch:
        scratch = Path(scratch)
        database = scratch / "export.duckdb"
        try:
            with duckdb.connect(str(database)) as connection:
                created: list[str] = []
                for frames in batches.frames:
                    if not created:
                        _names_checked(package, frames)
                    _load(connection, frames, scratch, created)
                _describe(connection, package, created)
        except (duckdb.CatalogException, duckdb.BinderException) as error:
            raise PublishError(
                f"DuckDB 无法用数据包中的名称建表：{error}",
                f"DuckDB cannot make tables of the package's names: {error}",
                exit_code=EXIT_INVALID,
            ) from None
        atomic.move_into_place([(database, target)])  # the same file system: a rename, nothing read into memory
    return target


def _names_checked(package: Package, frames: dict) -> None:
    _names_apart([*frames, *VIEWS], "数据库", "the database")
    for name in frames:
        _names_apart([str(spec["name"]) for spec in package.resources[name].fields], f"表 {name} ", f"table {name}")


def _names_apart(names: list[str], where_zh: str, where_en: str) -> None:
    """DuckDB ignores case in names: two that differ only in case would become one table or column."""
    seen: dict[str, str] = {}
    for name in names:
        other = seen.setdefault(name.lower(), name)
        if other != name:
            raise PublishError(
                f"{where_zh}中的名称“{other}”与“{name}”只差大小写，DuckDB 会把它们当作同一个名称。请改用各不相同的名称。",
                f"in {where_en} the names {other!r} and {name!r} differ only in case, which DuckDB reads as one name. "
                "Use distinct names.",
                exit_code=EXIT_INVALID,
            )


def _load(connection, frames: dict, scratch: Path, created: list[str]) -> None:
    """Each frame through a Parquet file (exact decimals) into its table: created the first time, else appended."""
    for index, name in enumerate(list(frames)):  # each frame let go of once loaded
        path = write_one(frames.pop(name), scratch / f"{index}.parquet", {})
        table = escape.sql_identifier(name)
        if name in created:
            connection.execute(f"INSERT INTO {table} SELECT * FROM read_parquet(?)", [str(path)])
        else:
            connection.execute(f"CREATE TABLE {table} AS SELECT * FROM read_parquet(?)", [str(path)])
            created.append(name)
        path.unlink()


def _describe(connection, package: Package, created: list[str]) -> None:
    """The tables' comments, the views, and the database written through."""
    for name in created:
        _comment(connection, package, name)
    for view, sql in VIEWS.items():
        if {"disclosures", "departments", "income", "expenditure_by_function", "sangong"} <= set(created):
            connection.execute(f"CREATE VIEW {escape.sql_identifier(view)} AS {sql}")
            connection.execute(
                f"COMMENT ON VIEW {escape.sql_identifier(view)} IS {escape.sql_string(VIEW_COMMENTS[view])}"
            )
    connection.execute("CHECKPOINT")


def _comment(connection, package: Package, name: str) -> None:
    resource = package.resources[name]
    table = escape.sql_identifier(name)
    title = str(resource.descriptor.get("title", ""))
    connection.execute(f"COMMENT ON TABLE {table} IS {escape.sql_string(title)}")
    for spec in resource.fields:
        text = " ".join(str(x) for x in (spec.get("title", ""), spec.get("description", "")) if x)
        column = escape.sql_identifier(str(spec["name"]))
        connection.execute(f"COMMENT ON COLUMN {table}.{column} IS {escape.sql_string(text)}")
