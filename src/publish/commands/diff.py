"""`publish diff OLD NEW`: what changed between two versions, and the version bump it implies."""

from __future__ import annotations

import json
import sys

import click

from publish.commands._common import EXIT_INVALID, EXIT_OK, tool_failure_guard


@click.command("diff")
@click.argument("old", type=click.Path(exists=True, dir_okay=True, file_okay=True))
@click.argument("new", type=click.Path(exists=True, dir_okay=True, file_okay=True))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="输出格式 Output format.",
)
@tool_failure_guard
def command(old: str, new: str, output_format: str) -> None:
    """比较两个版本（发布 zip、发布目录或数据包目录）。Compare two versions of the package.

    列出表结构变化、按主键的新增/删除/更改的行，以及应有的版本级别（major/minor/patch/none）。
    Lists schema changes, rows added/removed/changed by primary key, and the semver bump they imply.

    退出码 Exit code: 0 比较完成 compared (whatever the changes), 1 无法读取某个版本 a version cannot be read,
    2 用法错误 bad invocation, 3 工具故障 the tool failed.
    """
    from publish.core import PackageError
    from publish.release import UnsafeArchive, body, diff

    try:
        difference = diff(old, new)
    except PackageError as error:
        for finding in error.findings:
            click.echo(f"{finding.message_zh}\n    {finding.message_en}", err=True)
        sys.exit(EXIT_INVALID)
    except UnsafeArchive as error:
        click.echo(f"{error}", err=True)
        sys.exit(EXIT_INVALID)
    if output_format == "json":
        click.echo(json.dumps(difference.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(f"{difference.old_version or '?'} → {difference.new_version or '?'}")
        click.echo("\n".join(body(difference)))
    sys.exit(EXIT_OK)
