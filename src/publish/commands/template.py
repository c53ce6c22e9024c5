"""`publish template`: the Excel template of one department-year, blank or filled from the data."""

from __future__ import annotations

import sys

import click

from publish.commands._common import (
    EXIT_OK,
    kind_option,
    output_options,
    package_option,
    scope_option,
    show,
    tool_failure_guard,
)
from publish.core import DEFAULT_KIND, DEFAULT_SCOPE, DEPARTMENT_ID


def _department(ctx: click.Context, param: click.Parameter, value: str) -> str:
    import re

    if not re.fullmatch(DEPARTMENT_ID, value):
        raise click.BadParameter(f"部门编号应形如 500238-zwfwzx / a department id looks like 500238-zwfwzx: {value!r}")
    return value


@click.command("template")
@click.option("--department", required=True, callback=_department, help="部门编号 Department id, e.g. 500238-zwfwzx.")
@click.option("--year", required=True, type=click.IntRange(2000, 2100), help="预算年度 Fiscal year.")
@kind_option
@scope_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="输出文件 Output .xlsx (default DEPT-YEAR.xlsx).")
@click.option("--from-data", is_flag=True, help="用已公开的数据填好模板 Fill it with the published data.")
@package_option
@output_options()
@tool_failure_guard
def command(department, year, kind, scope, output, from_data, package_path, output_format, lang) -> None:
    """生成一个部门一个年度的 Excel 报送模板。Make the Excel template of one department-year.

    --kind、--scope 选择文件种类和公开范围（默认部门汇总预算），封面注明。 --kind and --scope pick the
    document kind and scope (default: the consolidated budget), shown on the cover sheet.

    每张数据表一个工作表，中文表头、下拉列表、数值校验，必填项目已列出；--from-data 用已公开的数据填好，
    便于更正。 One sheet per table, Chinese headers, drop-downs, number validation and the required
    lines listed; --from-data fills it with what was published, so a correction starts from it.

    退出码 Exit code: 0 已生成 written, 1 无可导出的数据或数据包有误 nothing to export or the package is
    broken, 2 用法错误 bad invocation, 3 工具故障 the tool failed.
    """
    from publish.core import Report
    from publish.template import write_template

    usual = (kind, scope) == (DEFAULT_KIND, DEFAULT_SCOPE)
    target = output or (f"{department}-{year}.xlsx" if usual else f"{department}-{year}-{kind}-{scope}.xlsx")
    result = write_template(package_path, department, str(year), target, from_data=from_data, kind=kind, scope=scope)
    written = {"path": str(result.path), "sheets": result.sheets, "rows": result.rows}
    summary = (
        f"已生成模板 template written: {result.path}（{len(result.sheets)} 个工作表 sheets，"
        f"{result.rows} 行已填 rows filled）"
    )
    show(Report(extra={"template": written}), output_format, lang, summary)
    sys.exit(EXIT_OK)
