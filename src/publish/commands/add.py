"""`publish add`: check department-year submissions (.xlsx or CSV folders) and merge them into the package, all or none."""

from __future__ import annotations

import sys

import click

from publish.commands._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    kind_option,
    output_options,
    package_option,
    scope_option,
    show,
    tool_failure_guard,
)


@click.command("add")
@click.argument("submissions", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=True, file_okay=True))
@package_option
@click.option("--dry-run", is_flag=True, help="只显示将要进行的更改，不写文件。Show what would change; write nothing.")
@click.option("--department", help="确认报送所属部门编号 The department id the submission must be for.")
@click.option("--year", type=int, help="确认报送所属年度 The fiscal year the submission must be for.")
@kind_option
@scope_option
@output_options()
@tool_failure_guard
def command(submissions, package_path, dry_run, department, year, kind, scope, output_format, lang) -> None:
    """检查一个部门一个年度的报送（填好的 .xlsx 模板或 CSV 文件夹），无误则并入数据包。

    Check one department-year submission (a filled .xlsx template or a folder of CSVs) with every
    rule and, only if it is clean, replace that disclosure's rows (its year, department, kind and scope)
    in every data file (all files or none). Problems are located by sheet and cell (收入预算!F5) or CSV
    file and line. --kind and --scope confirm, with --department and --year, which disclosure it is.

    可一次给出多份报送（publish add A B C），或一个装着多个报送目录的文件夹（publish extract DIR --out OUTDIR
    写出的 OUTDIR）：全部检查，有一份未通过则一份也不并入；全部通过则一次写入。Several submissions at once
    (publish add A B C), or a folder of submission folders (the OUTDIR of publish extract DIR --out OUTDIR):
    all are checked together; if any is refused none is merged, else all are merged in one write. Two
    submitting the same disclosure are refused (exit 2).

    退出码 Exit code: 0 已并入或无需更改 merged or nothing to change (--dry-run: clean), 1 报送有错误
    the submission has errors, 2 用法错误 bad invocation, 3 工具故障 the tool failed.
    """
    from publish.core import PublishError
    from publish.submission import add_all, add_report, batch_report, render_add, render_batch, submission_paths

    if (department is None) != (year is None):
        raise PublishError(
            "--department 与 --year 须同时给出", "give both --department and --year", exit_code=EXIT_USAGE
        )
    expected = (str(year), department, kind, scope) if department else None
    paths = submission_paths(list(submissions))
    batch = add_all(package_path, paths, dry_run=dry_run, expected=expected)
    if len(paths) == 1:  # one submission: reported as always
        show(add_report(batch.results[0]), output_format, lang, render_add(batch.results[0]))
    else:
        show(batch_report(batch), output_format, lang, render_batch(batch))
    sys.exit(EXIT_OK if batch.accepted else EXIT_INVALID)
