"""`publish migrate`: move a package made with data model v1 to v2, with no figure changed."""

from __future__ import annotations

import sys

import click

from publish.commands._common import EXIT_OK, echo, output_options, show, tool_failure_guard


@click.command("migrate")
@click.argument("path", default=".", type=click.Path(exists=True))
@click.option("--dry-run", is_flag=True, help="只列出将要更改的内容，不写入 Only say what would change; write nothing.")
@output_options()
@tool_failure_guard
def command(path: str, dry_run: bool, output_format: str, lang: str) -> None:
    """把数据模型 v1 的数据包迁移到 v2。Migrate a data model v1 package to v2.

    每张公开文件表增加文件种类和公开范围两列（原有各行为 budget、department），部门可有上级部门，新增公开单位表；
    表结构和 CSV 一起改写，全部成功或全部不变，版本号升一个主版本。
    Every disclosure-keyed table gains the key columns document_kind and scope (existing rows: budget,
    department), departments may name a parent, a table of the units a disclosure covers is added; schemas
    and CSVs are rewritten together, all or nothing, and the version goes up one MAJOR.

    退出码 Exit code: 0 已迁移（或 --dry-run 已列出）migrated (or listed), 1 数据包无法读取或不是 v1 the package
    cannot be read or is not v1, 2 已是 v2 或用法错误 already v2 or bad invocation, 3 工具故障 the tool failed.
    """
    from publish.core import Report
    from publish.migrate import migrate

    result = migrate(path, dry_run=dry_run)
    verb = "将迁移 would migrate" if dry_run else "已迁移 migrated"
    summary = f"{verb}: {result.root}（版本 version {result.version_from} → {result.version_to}）"
    extra = {"version_from": result.version_from, "version_to": result.version_to, "files": list(result.files)}
    show(Report(extra={"migration": extra | {"dry_run": dry_run}}), output_format, lang, summary)
    if output_format == "text":
        for zh, en in result.changes:
            echo(f"  {zh} / {en}" if lang == "both" else f"  {en if lang == 'en' else zh}")
        for relative in result.files:
            echo(f"  {'~' if dry_run else '✓'} {relative}")
    sys.exit(EXIT_OK)
