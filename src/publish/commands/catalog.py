"""`publish catalog`: catalog metadata of a release (DCAT-AP 3, schema.org, CKAN, 政务信息资源目录)."""

from __future__ import annotations

import os
import sys

import click

from publish.commands._common import EXIT_INVALID, EXIT_OK, EXIT_TOOL_FAILURE, EXIT_USAGE, tool_failure_guard

# The names of publish.catalog.outputs.FORMATS (listed here so that `--help` imports nothing heavy).
FORMATS = ("dcat-ttl", "dcat-jsonld", "schemaorg", "ckan", "cn-catalog")


class ExportByDefault(click.Group):
    """`publish catalog [PACKAGE] …` means `publish catalog export [PACKAGE] …`; `push` is the other subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help")):
            args = ["export", *args]
        return super().parse_args(ctx, args)


def _base_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        raise click.BadParameter(
            "请给出发布文件所在的网址（或设置环境变量 PUBLISH_BASE_URL） / give the URL the release files are served "
            "under (or set PUBLISH_BASE_URL)"
        )
    from publish.catalog import base_url_problem

    if reason := base_url_problem(value):
        raise click.BadParameter(f"“{value}”{reason[0]} / '{value}': {reason[1]}")
    return value


PACKAGE = click.argument("package", default=".", type=click.Path(exists=True, dir_okay=True, file_okay=True))
BASE_URL = click.option(
    "--base-url",
    envvar="PUBLISH_BASE_URL",
    callback=_base_url,
    help="发布文件所在网址 URL the release files are served under (<base>/<name>-<version>.zip …).",
)
LANDING_PAGE = click.option("--landing-page", help="数据集主页 Landing page (default: the release's README.md).")


@click.group("catalog", cls=ExportByDefault, context_settings={"help_option_names": ["-h", "--help"]})
def command() -> None:
    """生成发布版本的目录元数据，或推送到 CKAN。Catalog metadata of a release, or push it to CKAN.

    publish catalog [PACKAGE|RELEASE] --format FORMAT --base-url URL [--out DIR]

    publish catalog push [PACKAGE|RELEASE] --base-url URL --ckan-url URL --api-key-env VAR
    """


@command.command("export")
@PACKAGE
@click.option(
    "--format",
    "format_name",
    type=click.Choice([*FORMATS, "all"]),
    help="输出格式 Output format; without --out exactly one is printed, with --out the default is all.",
)
@BASE_URL
@click.option(
    "--out", type=click.Path(file_okay=False), help="写入文件的目录 Folder to write <name>-<version>.<format> files to."
)
@LANDING_PAGE
@tool_failure_guard
def export_command(package: str, format_name: str | None, base_url: str, out: str | None, landing_page: str | None):
    """导出目录元数据（DCAT-AP 3、schema.org、CKAN、政务信息资源目录）。Export the catalog metadata.

    退出码 Exit code: 0 完成 done, 1 数据有误 the data is wrong, 2 用法错误 bad invocation, 3 工具故障 the tool failed.
    """
    if out is None and format_name in (None, "all"):
        raise click.UsageError("不写文件时请用 --format 选一种格式 / without --out, choose one --format")
    from publish.catalog import export

    formats = list(FORMATS) if format_name in (None, "all") else [format_name]
    result = export(package, base_url, formats, out=out, landing_page=landing_page)
    _echo_findings(result.report)
    if not result.report.valid:
        sys.exit(EXIT_INVALID)
    if result.text is not None:
        click.echo(result.text, nl=False)
    for path in result.written:
        click.echo(f"已写入 wrote {path}")
    sys.exit(EXIT_OK)


@command.command("push")
@PACKAGE
@BASE_URL
@click.option("--ckan-url", required=True, help="CKAN 门户网址 URL of the CKAN portal.")
@click.option(
    "--api-key-env",
    required=True,
    metavar="VAR",
    help="存放 CKAN 密钥的环境变量名 Name of the environment variable holding the CKAN API key.",
)
@click.option("--owner-org", help="CKAN 组织 The CKAN organisation that owns the dataset.")
@LANDING_PAGE
@tool_failure_guard
def push_command(
    package: str, base_url: str, ckan_url: str, api_key_env: str, owner_org: str | None, landing_page: str | None
):
    """在 CKAN 上创建或更新该数据集。Create or update the dataset on a CKAN portal (key read from VAR, never shown).

    退出码 Exit code: 0 完成 done, 1 数据有误 the data is wrong, 2 用法错误 bad invocation, 3 推送失败 the push failed.
    """
    api_key = os.environ.get(api_key_env, "")
    if not api_key:
        click.echo(f"环境变量 {api_key_env} 未设置或为空 / the environment variable {api_key_env} is not set", err=True)
        sys.exit(EXIT_USAGE)
    from publish.catalog import PushError, push

    try:
        result = push(
            package,
            base_url=base_url,
            ckan_url=ckan_url,
            api_key=api_key,
            owner_org=owner_org,
            landing_page=landing_page,
        )
    except PushError as error:
        click.echo(f"{error.message_zh}\n{error.message_en}", err=True)
        sys.exit(EXIT_TOOL_FAILURE)
    _echo_findings(result.report)
    if not result.report.valid:
        sys.exit(EXIT_INVALID)
    verb = "已创建 created" if result.action == "created" else "已更新 updated"
    click.echo(f"{verb} {result.name} @ {ckan_url}")
    sys.exit(EXIT_OK)


def _echo_findings(report) -> None:
    for finding in report.findings:
        click.echo(f"[{finding.severity}] {finding.rule}: {finding.message_zh}", err=True)
        click.echo(f"    {finding.message_en}", err=True)
