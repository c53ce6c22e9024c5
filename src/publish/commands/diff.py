"""`publish diff OLD NEW`: what changed between two versions, and the version bump it implies."""

from __future__ import annotations

import sys

import click

from publish.commands._common import EXIT_OK, output_options, show, tool_failure_guard


@click.command("diff")
@click.argument("old", type=click.Path(exists=True, dir_okay=True, file_okay=True))
@click.argument("new", type=click.Path(exists=True, dir_okay=True, file_okay=True))
@output_options()
@tool_failure_guard
def command(old: str, new: str, output_format: str, lang: str) -> None:
    """比较两个版本（发布 zip、发布目录或数据包目录）。Compare two versions of the package.

    列出表结构变化、按主键的新增/删除/更改的行，以及应有的版本级别（major/minor/patch/none）。
    Lists schema changes, rows added/removed/changed by primary key, and the semver bump they imply.
    With --format json the changes are keys of the report (old_version, bump, changes, rows_added …).

    退出码 Exit code: 0 比较完成 compared (whatever the changes), 1 无法读取某个版本 a version cannot be read,
    2 用法错误 bad invocation, 3 工具故障 the tool failed.
    """
    from publish.core import Report
    from publish.release import body, diff

    difference = diff(old, new)
    heading = f"{difference.old_version or '?'} → {difference.new_version or '?'}"
    show(Report(extra=difference.to_dict()), output_format, lang, "\n".join([heading, *body(difference)]))
    sys.exit(EXIT_OK)
