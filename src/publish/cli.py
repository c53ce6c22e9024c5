"""The `publish` command line: each command parses options, calls the library, renders, exits.

Heavy libraries (frictionless, polars, pandera) are imported inside the commands that use
them, so `publish --help` starts fast.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from publish import __version__

EXIT_INVALID = 1
EXIT_TOOL_FAILURE = 3


def tool_failure_guard(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn an unexpected exception into a short bilingual message and exit code 3."""

    @functools.wraps(command)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as error:  # the tool itself failed: say so, never a traceback
            click.echo(
                f"publish 内部错误，请把以下信息报告给维护者 / publish failed, please report this: "
                f"{type(error).__name__}: {error}",
                err=True,
            )
            sys.exit(EXIT_TOOL_FAILURE)

    return guarded


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="publish", message="%(prog)s %(version)s")
def main() -> None:
    """部门预算公开数据工具：校验、发布数据包。

    Tools for Chinese county department budget disclosures as Frictionless data packages:
    validate them, build releases, export catalog metadata and portal pages.
    """


@main.command()
@click.argument("path", default=".", type=click.Path(exists=True, dir_okay=True, file_okay=True))
@tool_failure_guard
def validate(path: str) -> None:
    """校验数据包（目录或 datapackage.json）。Validate a data package (its folder or datapackage.json).

    退出码 Exit code: 0 无错误 no errors, 1 有错误 errors found, 2 用法错误 bad invocation.
    """
    from publish.validate import validate as run_validation

    report = run_validation(path)
    for finding in report.findings:
        click.echo(f"[{finding.severity}] {finding.rule}: {finding.message_zh}")
        click.echo(f"    {finding.message_en}")
    summary = report.to_dict()["stats"]
    verdict = "通过 valid" if report.valid else "未通过 invalid"
    click.echo(f"{verdict}: {summary['errors']} 个错误 errors, {summary['warnings']} 个警告 warnings")
    sys.exit(0 if report.valid else EXIT_INVALID)
