"""`publish export`: the data as Parquet (partitioned by fiscal year) or as a DuckDB database file."""

from __future__ import annotations

import sys

import click

from publish.commands._common import EXIT_OK, output_options, partitions_option, show, tool_failure_guard


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
@partitions_option("读入", "Read the package", "导出的行与整体导出相同", "the rows exported are the whole export's")
@output_options(flag="--report-format")
@tool_failure_guard
def command(source: str, fmt: str, out: str, partitions: int, output_format: str, lang: str) -> None:
    """导出数据供分析使用。Export the data for analysis (DuckDB, Spark, Trino, pandas …).

    SOURCE 为数据包目录或发布目录。金额为精确小数 DECIMAL(18,2)，中文字段标题保存在元数据中。
    SOURCE is a package or release folder. Amounts are exact DECIMAL(18,2); Chinese field titles are
    kept as metadata (Parquet key-value metadata, DuckDB comments).

    退出码 Exit code: 0 已导出 exported, 1 数据有结构错误 structural errors in the data (nothing written),
    2 用法错误 bad invocation (e.g. OUT holds other files), 3 工具故障 the tool failed.
    """
    from publish.core import Report
    from publish.export import export

    result = export(source, fmt, out, partitions)
    rows = sum(result.rows.values())
    exported = {"out": str(result.out), "files": [str(path) for path in result.files], "rows": result.rows}
    stats = {"partitions": result.partitions}
    summary = f"已导出 exported {result.out}: {len(result.files)} 个文件 files, {len(result.rows)} 张表 tables, {rows} 行 rows"
    if result.partitions > 1:
        summary += f"，分 {result.partitions} 个分区读入 read in {result.partitions} partitions"
    if result.refused:
        stats["partitions_refused"] = f"{result.refused[0]}，整体导出 / {result.refused[1]}; exported whole"
        summary += f"\n未分区 not partitioned: {stats['partitions_refused']}"
    show(Report(stats=stats, extra={"export": exported}), output_format, lang, summary)
    sys.exit(EXIT_OK)
