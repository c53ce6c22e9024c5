"""`publish validate`: check a package and report what is wrong."""

from __future__ import annotations

import sys

import click

from publish.commands._common import EXIT_INVALID, EXIT_OK, tool_failure_guard


@click.command("validate")
@click.argument("path", default=".", type=click.Path(exists=True, dir_okay=True, file_okay=True))
@tool_failure_guard
def command(path: str) -> None:
    """校验数据包（目录或 datapackage.json）。Validate a data package (its folder or datapackage.json).

    退出码 Exit code: 0 无错误 no errors, 1 有错误 errors found, 2 用法错误 bad invocation,
    3 工具故障 the tool failed.
    """
    from publish.validate import validate

    report = validate(path)
    for finding in report.findings:
        click.echo(f"[{finding.severity}] {finding.rule}: {finding.message_zh}")
        click.echo(f"    {finding.message_en}")
    summary = report.to_dict()["stats"]
    verdict = "通过 valid" if report.valid else "未通过 invalid"
    click.echo(f"{verdict}: {summary['errors']} 个错误 errors, {summary['warnings']} 个警告 warnings")
    sys.exit(EXIT_OK if report.valid else EXIT_INVALID)
