"""`publish site`: static portal pages (Chinese first, English beside) from a package or release."""

from __future__ import annotations

import sys

import click

from publish.commands._common import EXIT_OK, output_options, show, tool_failure_guard


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
@output_options()
@tool_failure_guard
def command(source, out, catalog_dir, base_url, allow_invalid, output_format, lang) -> None:
    """生成可离线浏览的静态门户网页。Build static portal pages that work offline.

    SOURCE 为数据包目录或发布目录（dist/<name>-<version>/）。SOURCE is a package folder or a release folder.

    退出码 Exit code: 0 已生成 built, 1 数据有错误 the data has errors (nothing written),
    2 用法错误 bad invocation (e.g. OUT holds other files), 3 工具故障 the tool failed.
    """
    from publish.site import build_site

    result = build_site(source, out, catalog_dir=catalog_dir, base_url=base_url, allow_invalid=allow_invalid)
    report = result.report
    report.extra["site"] = {
        "out": str(result.out),
        "pages": len(result.pages),
        "files": result.files,
        "bytes": result.bytes,
    }
    summary = (
        f"已生成 built {result.out}: {len(result.pages)} 个页面 pages, {result.files} 个文件 files, "
        f"{result.bytes} 字节 bytes\n"
        f"校验 validation: {len(report.errors)} 个错误 errors, {len(report.warnings)} 个警告 warnings\n"
        f"打开 open: {result.out / 'index.html'}"
    )
    show(report, output_format, lang, summary)
    sys.exit(EXIT_OK)
