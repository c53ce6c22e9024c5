"""`publish submissions check|merge`: the submissions a pull request adds to `submissions/`, checked and merged."""

from __future__ import annotations

import sys

import click

from publish.commands._common import EXIT_INVALID, EXIT_OK, output_options, package_option, show, tool_failure_guard

since_option = click.option(
    "--changed-since",
    "changed_since",
    metavar="REF",
    default=None,
    help="只处理自 git 版本 REF 以来新增或改动的报送（拉取请求的基准提交）；不给出则处理 submissions/ 中全部待合并的报送 "
    "Only the submissions added or changed since git revision REF (the pull request's base commit); without it, "
    "every submission waiting in submissions/.",
)


@click.group("submissions")
def command() -> None:
    """检查并合并仓库 submissions/ 文件夹中的报送（通过拉取请求上传的 .xlsx 模板或 CSV 文件夹）。

    Check and merge the submissions in the repository's submissions/ folder (filled .xlsx templates or CSV
    folders uploaded by pull request). The package is the repository's root (--package); merged submissions
    are moved to submissions/merged/.
    """


@command.command("check")
@package_option
@since_option
@click.option(
    "--todo",
    "todo",
    type=click.Path(dir_okay=False),
    default=None,
    help="另把问题清单写成 CSV（带 BOM 的 UTF-8，可用 Excel 打开）Also write the findings as a to-do CSV for Excel.",
)
@output_options()
@tool_failure_guard
def check(package_path, changed_since, todo, output_format, lang) -> None:
    """逐份检查报送，如同 publish add --dry-run，不写数据文件。

    Check each submission as publish add --dry-run does; write no data file. Findings are named from the
    repository's root: a workbook's on the workbook (its message names sheet and cell, 收入预算!F5), a CSV
    folder's on the file and line. --format github: annotations and the step summary.

    退出码 Exit code: 0 全部通过或没有报送 all clean or none, 1 有错误 errors found, 2 用法错误 bad
    invocation, 3 工具故障 the tool failed.
    """
    from publish.submission import check_submissions

    run = check_submissions(package_path, changed_since)
    _report(run, output_format, lang, todo)


@command.command("merge")
@package_option
@since_option
@output_options()
@tool_failure_guard
def merge(package_path, changed_since, output_format, lang) -> None:
    """把这些报送一次并入数据包（全部或全不），然后移到 submissions/merged/。

    Merge the submissions into the package in one write (all or none), as publish add does, then move each
    to submissions/merged/ (a name already there gets a numbered suffix). If any is refused, nothing is
    written and nothing moves.

    退出码 Exit code: 0 已并入或没有报送 merged or none, 1 有报送未通过 a submission has errors, 2 用法错误
    bad invocation, 3 工具故障 the tool failed.
    """
    from publish.submission import merge_submissions

    run = merge_submissions(package_path, changed_since)
    _report(run, output_format, lang, None)


def _report(run, output_format: str, lang: str, todo: str | None) -> None:
    from publish.core import atomic
    from publish.render import RENDERERS

    report = run.report()
    if todo:
        atomic.write_text(todo, RENDERERS["csv"](report, lang))
    show(report, output_format, lang, run.render())
    sys.exit(EXIT_OK if run.accepted else EXIT_INVALID)
