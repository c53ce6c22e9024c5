"""`publish verify`: check a release's hashes, byte counts and data."""

from __future__ import annotations

import sys

import click

from publish.commands._common import EXIT_INVALID, EXIT_OK, output_options, show, tool_failure_guard


@click.command("verify")
@click.argument("release", type=click.Path(exists=True, dir_okay=True, file_okay=True))
@output_options()
@tool_failure_guard
def command(release: str, output_format: str, lang: str) -> None:
    """核对一个发布（zip 或目录）：哈希值、字节数，并校验数据。Verify a release (zip or folder).

    每个文件与 SHA256SUMS 和 datapackage.json 中的 bytes、hash 核对，然后完整校验数据包。
    Checks every file against SHA256SUMS and the descriptor's bytes and hash, then validates the package.

    退出码 Exit code: 0 完好 intact and valid, 1 有不符或数据错误（会指出文件）a mismatch or invalid data
    (the file is named), 2 用法错误 bad invocation, 3 工具故障 the tool failed.
    """
    from publish.release import verify

    report = verify(release)
    verdict = "完好 verified" if report.valid else "未通过 failed"
    counts = f"{len(report.errors)} 个错误 errors, {len(report.warnings)} 个警告 warnings"
    show(report, output_format, lang, f"{verdict}: {counts}")
    sys.exit(EXIT_OK if report.valid else EXIT_INVALID)
