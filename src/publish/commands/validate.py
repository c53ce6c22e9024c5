"""`publish validate`: check a package, render the one report in the chosen format, exit 0/1."""

from __future__ import annotations

import sys

import click

from publish.commands._common import (
    EXIT_INVALID,
    EXIT_OK,
    echo,
    no_collection_at_exit,
    output_options,
    partitions_option,
    tool_failure_guard,
)


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _prefix_option(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """``--path-prefix`` normalised, or a usage error (exit 2) in both languages naming the value."""
    from publish.core import PublishError
    from publish.render import repository_prefix

    try:
        return repository_prefix(value)
    except PublishError as error:
        raise click.BadParameter(error.message("both"), param_hint="--path-prefix") from None


@click.command("validate")
@click.argument("path", default=".", type=click.Path(exists=True, dir_okay=True, file_okay=True))
@output_options(follow_locale=True)
@click.option("--strict", is_flag=True, help="警告也算失败 Warnings fail too.")
@click.option("--select", multiple=True, help="只运行这些规则或标签（可逗号分隔）Only these rule ids or tags.")
@click.option("--skip", multiple=True, help="跳过这些规则或标签 Skip these rule ids or tags.")
@click.option(
    "--engine",
    type=click.Choice(["columnar", "frictionless"]),
    default="columnar",
    show_default=True,
    help="结构检查引擎 Structural engine: ours (columnar) or frictionless-py itself.",
)
@click.option(
    "--fix",
    is_flag=True,
    help="先修正确定无误的问题（转为 UTF-8、去 BOM、全角数字、千分位）First fix what is certain "
    "(to UTF-8, no BOM, full-width digits, thousands separators).",
)
@click.option(
    "--changed-since",
    "changed_since",
    metavar="REF",
    default=None,
    help="只校验自 git 版本 REF 以来有改动的部门年度（及其相邻年度的跨年检查）Only the department-years "
    "whose rows changed since git revision REF (plus cross-year checks of their neighbours).",
)
@click.option(
    "--path-prefix",
    "path_prefix",
    metavar="DIR",
    default="",
    callback=_prefix_option,
    help="数据包在仓库子目录 DIR 中：输出里的文件路径从仓库根目录写起（如 budgets/data/income.csv），"
    "GitHub 标注因此落在仓库的文件上 The package is in the repository's folder DIR: files in the output are named "
    "from the repository's root (budgets/data/income.csv), so GitHub annotations land on them.",
)
@click.option(
    "--no-cache",
    "no_cache",
    is_flag=True,
    help="不使用缓存的描述文件检查结果（frictionless 重新检查）Do not use the cached verdict on the descriptor and "
    "schemas (frictionless checks them again).",
)
@partitions_option("校验", "Validate", "报告与整体校验相同", "the report is the whole validation's")
@tool_failure_guard
def command(
    path, output_format, lang, strict, select, skip, engine, fix, changed_since, path_prefix, no_cache, partitions
) -> None:
    """校验数据包（目录或 datapackage.json）。Validate a data package (its folder or datapackage.json).

    退出码 Exit code: 0 无错误 no errors, 1 有错误 errors found (或 --strict 下有警告 or warnings with
    --strict), 2 用法错误 bad invocation, 3 工具故障 the tool failed.
    """
    no_collection_at_exit()
    from publish.render import RENDERERS, relocated
    from publish.rules import BY_ID
    from publish.validate import validate

    chosen, skipped = _split(select), _split(skip)
    if partitions > 1 and (changed_since or engine != "columnar"):
        raise click.BadParameter(
            "分区校验不能与 --changed-since 或 --engine frictionless 同用 partitions go with neither --changed-since "
            "nor --engine frictionless",
            param_hint="--partitions",
        )
    _check_rule_names(chosen + skipped, BY_ID)
    if fix:
        from publish.validate import fix_package

        for line in fix_package(path):
            echo(line, err=True)
    from publish.render import progress_bar

    with progress_bar() as progress:
        if changed_since:
            from publish.validate import validate_changed

            report = validate_changed(
                path, changed_since, select=chosen, skip=skipped, engine=engine, progress=progress, cache=not no_cache
            )
        elif partitions > 1:
            from publish.validate import validate_in_partitions

            report = validate_in_partitions(
                path, partitions, select=chosen, skip=skipped, progress=progress, cache=not no_cache
            )
        else:
            report = validate(path, select=chosen, skip=skipped, engine=engine, progress=progress, cache=not no_cache)
    report = relocated(report, path_prefix)
    sys.stdout.write(RENDERERS[output_format](report, lang))
    failed = not report.valid or (strict and report.warnings)
    sys.exit(EXIT_INVALID if failed else EXIT_OK)


def _check_rule_names(names: list[str], by_id: dict) -> None:
    tags = {tag for rule in by_id.values() for tag in rule.tags}
    unknown = [n for n in names if n not in by_id and n not in tags]
    if unknown:
        raise click.BadParameter(
            f"未知的规则或标签 unknown rule or tag: {', '.join(unknown)}（publish rules 列出全部 lists them all）",
            param_hint="--select/--skip",
        )
