"""`publish site`: static portal pages (Chinese first, English beside) from a package or release."""

from __future__ import annotations

import sys

import click

from publish.commands._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, tool_failure_guard


@click.command("site")
@click.argument("source", default=".", type=click.Path(exists=True, dir_okay=True, file_okay=True))
@click.option(
    "--out",
    "out",
    default="site",
    show_default=True,
    type=click.Path(),
    help="输出目录 Output folder (replaced whole).",
)
@click.option(
    "--catalog",
    "catalog_dir",
    type=click.Path(exists=True, file_okay=False),
    help="目录元数据所在目录（默认 SOURCE/catalog）Folder of catalog files to link (default SOURCE/catalog).",
)
@click.option("--base-url", help="发布文件的网址前缀，用于 JSON-LD Base URL of the release files, for the JSON-LD.")
@click.option(
    "--allow-invalid", is_flag=True, help="数据未通过校验时仍生成（页面带警示）Build even if the data fails validation."
)
@tool_failure_guard
def command(source: str, out: str, catalog_dir: str | None, base_url: str | None, allow_invalid: bool) -> None:
    """生成可离线浏览的静态门户网页。Build static portal pages that work offline.

    SOURCE 为数据包目录或发布目录（dist/<name>-<version>/）。SOURCE is a package folder or a release folder.

    退出码 Exit code: 0 已生成 built, 1 数据有错误 the data has errors (nothing written),
    2 用法错误 bad invocation (e.g. OUT holds other files), 3 工具故障 the tool failed.
    """
    from publish.core import PackageError
    from publish.site import SiteRefused, build_site

    try:
        result = build_site(source, out, catalog_dir=catalog_dir, base_url=base_url, allow_invalid=allow_invalid)
    except PackageError as error:
        _echo_findings(error.findings)
        click.echo("数据包无法读取，未生成网站。 The package cannot be read; no site was built.", err=True)
        sys.exit(EXIT_INVALID)
    except SiteRefused as refusal:
        if refusal.report is not None:
            _echo_findings(refusal.report.errors)
        click.echo(f"{refusal.message_zh}\n{refusal.message_en}", err=True)
        sys.exit(EXIT_INVALID if refusal.report is not None else EXIT_USAGE)
    report = result.report
    click.echo(
        f"已生成 built {result.out}: {len(result.pages)} 个页面 pages, {result.files} 个文件 files, "
        f"{result.bytes} 字节 bytes"
    )
    click.echo(f"校验 validation: {len(report.errors)} 个错误 errors, {len(report.warnings)} 个警告 warnings")
    click.echo(f"打开 open: {result.out / 'index.html'}")
    sys.exit(EXIT_OK)


def _echo_findings(findings) -> None:
    for finding in findings:
        click.echo(f"[{finding.severity}] {finding.rule}: {finding.message_zh}", err=True)
        click.echo(f"    {finding.message_en}", err=True)
