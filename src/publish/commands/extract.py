"""`publish extract`: read a published explanation text into a submission folder, or check the package with it."""

from __future__ import annotations

import sys

import click

from publish.commands._common import EXIT_INVALID, EXIT_OK, output_options, show, tool_failure_guard


@click.command("extract")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--department", "-d", help="部门编号，如 500238-zwfwzx；缺省时按标题中的名称在 departments 表中查找。Department id."
)
@click.option(
    "--out", "-o", type=click.Path(file_okay=False), help="输出目录（须不存在或为空）。Output folder (new or empty)."
)
@click.option("--package", "-p", default=".", type=click.Path(exists=True), help="数据包目录。The data package folder.")
@click.option("--year", help="预算年度，如 2024；文件所写不同时以此为准并注明。Fiscal year (wins over the document's).")
@click.option("--name", help="部门全称；缺省时从标题读出。The department's full name (default: read from the title).")
@click.option(
    "--kind",
    type=click.Choice(["budget", "final_account", "adjusted_budget", "预算", "决算", "调整预算"]),
    help="文件种类：预算、决算或调整预算。Document kind.",
)
@click.option(
    "--scope",
    type=click.Choice(["department", "own", "unit", "部门", "本级", "单位"]),
    help="公开范围：部门汇总、本级或单位。Scope: the whole department, its own level, or one unit.",
)
@click.option(
    "--check", "check_only", is_flag=True, help="不写文件，逐项核对文本与数据包中的表格。Compare text with the tables."
)
@output_options()
@tool_failure_guard
def command(file, department, out, package, year, name, kind, scope, check_only, output_format, lang) -> None:
    """从部门预算情况说明（.txt、.docx、文字版 .pdf）读出各表数字，写成一份报送目录。

    Read a department's budget explanation (.txt, .docx, text PDF) into a submission folder (one CSV per
    table, as `publish add` reads it, plus extraction/provenance.csv and extraction/unread.csv). With
    --check, compare the text with the package's tables figure by figure instead. The year, name, kind
    and scope are read from the title (--year, --name, --kind, --scope override them); a department the
    package lacks gets a proposed id; without a package the submission follows the tool's data model.

    退出码 Exit code: 0 全部读出/一致 all read, all agree; 1 有未读出的内容或不一致 something unread or a
    mismatch; 2 用法错误 bad invocation (e.g. unknown department); 3 工具故障 the tool failed.
    """
    from publish.extract import check_text, extract_submission, parse_overrides

    overrides = parse_overrides(year, name, kind, scope)
    if check_only:
        outcome = check_text(file, department, package, overrides)
        report = outcome.report
        verdict = "一致 the text agrees with the tables" if report.valid else "不一致 the text and the tables disagree"
        counts = f"{len(report.errors)} 个错误 errors, {len(report.warnings)} 个警告 warnings"
        show(report, output_format, lang, "\n".join([*_unread(outcome.extraction), f"{verdict}: {counts}"]))
        sys.exit(EXIT_OK if report.valid else EXIT_INVALID)
    outcome = extract_submission(file, department, package, out, overrides)
    show(outcome.report, output_format, lang, "\n".join([*_unread(outcome.extraction), *_written(outcome)]))
    sys.exit(EXIT_OK if outcome.extraction.complete else EXIT_INVALID)


def _unread(ext) -> list[str]:
    lines = []
    for item in ext.unread:
        text = f"：{item.text}" if item.text else ""
        lines += [
            f"[未读取 unread] {item.kind} ({item.section}){text}",
            f"    {item.reason_zh}",
            f"    {item.reason_en}",
        ]
    return lines


def _written(outcome) -> list[str]:
    ext = outcome.extraction
    counts = ", ".join(f"{name} {len(rows)}" for name, rows in ext.rows.items())
    lines = [*_proposed(ext), f"{ext.fiscal_year} {ext.department_id}: {counts}"]
    if outcome.report.extra["extraction"].get("standalone"):
        lines.append(
            "当前目录没有数据包，按本工具自带的数据模型写出 no package here: written in the tool's own data model"
        )
    lines.append(f"已写入 written: {outcome.folder}/ ({len(outcome.files)} 个文件 files)")
    if ext.unread:
        lines.append(f"有 {len(ext.unread)} 处未读取，见 extraction/unread.csv / {len(ext.unread)} things not read")
    return lines


def _proposed(ext) -> list[str]:
    """The proposed department id, said so: it is the user's to confirm or change."""
    if not ext.proposal:
        return []
    p = ext.proposal
    return [
        f"建议部门编号 proposed department id {p['department_id']} ({p['division_name']} {p['division_code']} + "
        f"“{p['own_name']}”的拼音首字母 pinyin initials; 地名取自 place from {p['place_from']}); "
        "用 --department 确认或更改 confirm or change it with --department"
    ]
