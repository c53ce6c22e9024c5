"""`publish release`: validate, work out the version, build the release in dist/."""

from __future__ import annotations

import sys

import click

from publish.commands._common import EXIT_OK, output_options, show, tool_failure_guard


@click.command("release")
@click.argument("path", default=".", type=click.Path(exists=True, dir_okay=True, file_okay=True))
@click.option(
    "--bump",
    type=click.Choice(["auto", "patch", "minor", "major"]),
    default="auto",
    show_default=True,
    help="版本级别：auto 由与上一版本的差异决定。Version bump; auto works it out from the diff with the last release.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=None,
    help="发布目录（默认为数据包下的 dist/）。Output folder (default: dist/ in the package folder).",
)
@output_options()
@tool_failure_guard
def command(path: str, bump: str, out: str | None, output_format: str, lang: str) -> None:
    """发布数据包的一个新版本（先校验；已有版本不会被覆盖）。Build a versioned, reproducible release.

    写出 dist/<name>-<version>/ 与 dist/<name>-<version>.zip，并更新 datapackage.json 的 version 和
    CHANGELOG.md。Writes the release folder and zip, and updates the package's version and CHANGELOG.md.

    退出码 Exit code: 0 已发布或已是最新 released or already up to date, 1 被拒绝（数据无效、版本冲突、
    上一发布损坏、另一发布正在进行）refused, 2 用法错误（含 --bump 低于所需级别）bad invocation,
    3 工具故障 the tool failed.
    """
    from publish.core import Report
    from publish.release import release

    result = release(path, bump=bump, out=out)
    show(Report(extra={"release": result.to_dict()}), output_format, lang, "\n".join(_summary(result)))
    sys.exit(EXIT_OK)


def _summary(result) -> list[str]:
    if result.status == "built":
        since = (
            f"（上一版本 previous {result.previous}，级别 bump {result.level}）"
            if result.previous
            else "（首次发布 first）"
        )
        lines = [f"已发布 Released {result.version}{since}"]
        if result.origin:
            lines.append(f"  上一版本来自 previous release from: {result.origin}")
        lines += [f"  {result.folder}", f"  {result.zip}"]
    else:
        note = "，已补建缺失的 zip / the missing zip was rebuilt" if result.status == "repaired" else ""
        lines = [f"与已发布的 {result.version} 相同，无需发布{note}。"]
        lines.append(f"Nothing changed since {result.version}: already released, nothing to do.")
    return lines + [f"  已更新 updated {written}" for written in result.written]
