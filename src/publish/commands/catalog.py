"""`publish catalog`: catalog metadata of a release (DCAT-AP 3, schema.org, CKAN, 政务信息资源目录)."""

from __future__ import annotations

import os
import sys

import click

from publish.commands._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, output_options, show, tool_failure_guard

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
# --format names the catalog format here, so the findings' format is --report-format.
REPORT_OPTIONS = output_options(flag="--report-format")


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
@REPORT_OPTIONS
@tool_failure_guard
def export_command(package, format_name, base_url, out, landing_page, output_format, lang):
    """导出目录元数据（DCAT-AP 3、schema.org、CKAN、政务信息资源目录）。Export the catalog metadata.

    不写文件时目录元数据打印到标准输出，发现的问题打印到标准错误。 Without --out the metadata is printed on
    stdout and the findings on stderr.

    退出码 Exit code: 0 完成 done, 1 数据有误 the data is wrong, 2 用法错误 bad invocation, 3 工具故障 the tool failed.
    """
    if out is None and format_name in (None, "all"):
        raise click.UsageError("不写文件时请用 --format 选一种格式 / without --out, choose one --format")
    from publish.catalog import export

    formats = list(FORMATS) if format_name in (None, "all") else [format_name]
    result = export(package, base_url, formats, out=out, landing_page=landing_page)
    report = result.report
    report.extra["catalog"] = {"written": [str(path) for path in result.written]}
    written = "\n".join(f"已写入 wrote {path}" for path in result.written)
    show(report, output_format, lang, written, err=out is None)
    if not report.valid:
        sys.exit(EXIT_INVALID)
    if result.text is not None:
        from publish.core import escape

        click.echo(escape.serialised(result.text), nl=False)
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
@REPORT_OPTIONS
@tool_failure_guard
def push_command(package, base_url, ckan_url, api_key_env, owner_org, landing_page, output_format, lang):
    """在 CKAN 上创建或更新该数据集。Create or update the dataset on a CKAN portal (key read from VAR, never shown).

    退出码 Exit code: 0 完成 done, 1 数据有误 the data is wrong, 2 用法错误 bad invocation, 3 推送失败 the push failed.
    """
    from publish.catalog import push
    from publish.core import PublishError

    api_key = os.environ.get(api_key_env, "")
    if not api_key:
        zh, en = f"环境变量 {api_key_env} 未设置或为空", f"the environment variable {api_key_env} is not set"
        raise PublishError(zh, en, exit_code=EXIT_USAGE)
    options = {"owner_org": owner_org, "landing_page": landing_page}
    result = push(package, base_url=base_url, ckan_url=ckan_url, api_key=api_key, **options)
    report = result.report
    report.extra["push"] = {"action": result.action, "name": result.name, "ckan_url": ckan_url}
    verb = "已创建 created" if result.action == "created" else "已更新 updated"
    show(report, output_format, lang, f"{verb} {result.name} @ {ckan_url}" if report.valid else "")
    sys.exit(EXIT_OK if report.valid else EXIT_INVALID)
