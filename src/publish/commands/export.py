"""`publish export`: the data as Parquet (partitioned by fiscal year) or as a DuckDB database file."""

from __future__ import annotations

import sys

import click

from publish.commands._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, tool_failure_guard


@click.command("export")
@click.argument("source", default=".", type=click.Path(exists=True, dir_okay=True, file_okay=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["parquet", "duckdb"]),
    required=True,
    help="parquet：按预算年度分区（hive 风格）的 Parquet 文件；duckdb：一个 DuckDB 数据库文件 "
    "parquet: files partitioned by fiscal year (hive style); duckdb: one DuckDB database file.",
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False),
    help="输出目录（整体替换）Output folder (replaced whole).",
)
@tool_failure_guard
def command(source: str, fmt: str, out: str) -> None:
    """导出数据供分析使用。Export the data for analysis (DuckDB, Spark, Trino, pandas …).

    SOURCE 为数据包目录或发布目录。金额为精确小数 DECIMAL(18,2)，中文字段标题保存在元数据中。
    SOURCE is a package or release folder. Amounts are exact DECIMAL(18,2); Chinese field titles are
    kept as metadata (Parquet key-value metadata, DuckDB comments).

    退出码 Exit code: 0 已导出 exported, 1 数据有结构错误 structural errors in the data (nothing written),
    2 用法错误 bad invocation (e.g. OUT holds other files), 3 工具故障 the tool failed.
    """
    from publish.core import PackageError
    from publish.export import ExportRefused, export

    try:
        result = export(source, fmt, out)
    except PackageError as error:
        _echo(error.findings)
        click.echo("数据包无法读取，未导出。 The package cannot be read; nothing was exported.", err=True)
        sys.exit(EXIT_INVALID)
    except ExportRefused as refusal:
        if refusal.report is not None:
            _echo(refusal.report.errors)
        click.echo(f"{refusal.message_zh}\n{refusal.message_en}", err=True)
        sys.exit(EXIT_INVALID if refusal.report is not None else EXIT_USAGE)
    rows = sum(result.rows.values())
    click.echo(
        f"已导出 exported {result.out}: {len(result.files)} 个文件 files, {len(result.rows)} 张表 tables, {rows} 行 rows"
    )
    sys.exit(EXIT_OK)


def _echo(findings) -> None:
    for finding in findings:
        click.echo(f"[{finding.severity}] {finding.rule}: {finding.message_zh}", err=True)
        click.echo(f"    {finding.message_en}", err=True)
