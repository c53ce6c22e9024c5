"""`publish extract`: read a published explanation text into a submission folder, or check the package with it."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from publish.commands._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_TOOL_FAILURE,
    EXIT_USAGE,
    output_options,
    show,
    tool_failure_guard,
)


@click.command("extract")
@click.argument("file", metavar="PATH", type=click.Path(exists=True))
@click.option(
    "--department", "-d", help="部门编号，如 500238-zwfwzx；缺省时按标题中的名称在 departments 表中查找。Department id."
)
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False),
    help="输出目录（须不存在或为空；读文件夹时缺省为 ./extracted/）。Output folder (new or empty; ./extracted/ for a folder).",
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

    PATH 为文件夹时，逐个读取其中的 .txt、.docx、.pdf（不含子文件夹与隐藏文件），每个文件写成 OUTDIR 下的
    一个报送目录，并列出汇总表（另存为 OUTDIR/summary.csv）。With a folder as PATH, every .txt, .docx and .pdf
    directly in it (not its subfolders, not hidden files) becomes a submission folder under OUTDIR, and a
    summary row per file (read / unread / refused) is printed and written as OUTDIR/summary.csv.

    退出码 Exit code: 0 全部读出/一致 all read, all agree; 1 有未读出的内容或不一致 something unread or a
    mismatch (a folder: a file unread or refused); 2 用法错误 bad invocation (e.g. unknown department, a folder
    with no document); 3 工具故障 the tool failed.
    """
    from publish.extract import check_text, extract_submission, parse_overrides

    overrides = parse_overrides(year, name, kind, scope)
    if Path(file).is_dir():  # a county's folder: one submission per document, and a summary
        _folder(file, department, out, package, check_only, output_format, lang, overrides)

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


DEFAULT_FOLDER_OUT = "extracted"


def _folder(folder, department, out, package, check_only, output_format, lang, overrides) -> None:
    """`publish extract DIR`: every document of DIR into its own submission folder, then the summary."""
    from publish.core import PublishError, Report
    from publish.extract import extract_folder

    if check_only:
        raise PublishError(
            "--check 只能用于单个文件", "--check compares one file with the package: give a file", exit_code=EXIT_USAGE
        )
    with _progress(output_format) as progress:
        run = extract_folder(folder, out or DEFAULT_FOLDER_OUT, department, package, progress, overrides)
    show(Report(extra={"extraction_folder": run.as_json()}), output_format, lang, "\n".join(_summary(run)))
    sys.exit(EXIT_TOOL_FAILURE if run.failed else EXIT_OK if run.all_read else EXIT_INVALID)


@contextlib.contextmanager
def _progress(output_format: str):
    """The shared progress bar (render.progress_bar: on stderr, never in CI) while a person reads the summary on
    stdout at a terminal; ``progress(name, done, total)`` for the folder run, or None."""
    from publish.render import progress_bar

    at_terminal = output_format == "text" and sys.stdout.isatty()
    with progress_bar(None if at_terminal else False) as bar:
        yield (lambda name, done, total: bar("documents", done, total)) if bar else None


def _summary(run) -> list[str]:
    """One line per document (status, department-year, figures, unread), its message if refused, then the totals."""
    lines = []
    for result in run.results:
        year, department, kind, scope = result.identity
        read = f"{year} {department} {kind} {scope}: {result.figures} 个数字 figures, {result.unread} 处未读 unread"
        shown = f"{read} → {run.out / result.folder}/" if result.folder else ""
        lines.append(f"[{result.label}] {result.file} {shown}".rstrip())
        lines += [f"    {result.message_zh}", f"    {result.message_en}"] if result.message_zh else []
    if run.skipped:
        lines.append(f"未读取的其他文件 other files, not read: {', '.join(run.skipped)}")
    counts = ", ".join(f"{label} {count}" for label, count in run.totals())
    lines.append(f"{len(run.results)} 个文件 files: {counts}；汇总 summary: {run.out / 'summary.csv'}")
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
