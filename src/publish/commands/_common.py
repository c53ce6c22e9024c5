"""What every command shares: exit codes, the output options, and one way to print a report and an error.

A command that reports findings takes ``@output_options()`` (``--format text|json|github|csv``, ``--lang
zh|en|both``), hands its report to ``show`` and lets ``tool_failure_guard`` print any ``PublishError``:
the findings behind it on stdout like any report, its message on stderr, and its exit code. Every
text printed here goes through ``publish.core.escape`` (the renderers escape their own formats); the
libraries' warnings and log records are silenced while a command runs.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import gc
import logging
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import click

from publish.core import (
    DEFAULT_KIND,
    DEFAULT_SCOPE,
    DOCUMENT_KINDS,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_TOOL_FAILURE,
    EXIT_USAGE,
    SCOPES,
    PublishError,
    Report,
    escape,
)

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_TOOL_FAILURE",
    "EXIT_USAGE",
    "echo",
    "kind_option",
    "no_collection_at_exit",
    "output_options",
    "partitions_option",
    "scope_option",
    "show",
    "tool_failure_guard",
]

# The keys of publish.render.RENDERERS (named here so that `--help` imports no renderer).
FORMATS = ("text", "json", "github", "csv")
LANGUAGES = ("zh", "en", "both")
BOTH = "both"


def default_language() -> str:
    """Chinese unless the locale asks for English."""
    for name in ("PUBLISH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


package_option = click.option(
    "--package",
    "package_path",
    default=".",
    show_default=True,
    type=click.Path(exists=True),
    help="数据包目录 The package folder (or its datapackage.json).",
)


kind_option = click.option(
    "--kind",
    type=click.Choice(list(DOCUMENT_KINDS)),
    default=DEFAULT_KIND,
    show_default=True,
    help="文件种类：预算、调整预算、决算 Document kind: budget, adjusted budget, final account.",
)
scope_option = click.option(
    "--scope",
    type=click.Choice(list(SCOPES)),
    default=DEFAULT_SCOPE,
    show_default=True,
    help="公开范围：部门汇总、本级、单位 Scope: the consolidated department, its own level, one unit.",
)


def partitions_option(does_zh: str, does_en: str, same_zh: str, same_en: str) -> Callable:
    """``--partitions N``: the package read one partition of departments at a time, as ``does_*`` says (validated,
    read), with the same outcome as the whole run (``same_*``)."""
    return click.option(
        "--partitions",
        type=click.IntRange(min=0),
        default=0,
        metavar="N",
        help=f"按部门分成 N 个分区逐个{does_zh}，内存只需容纳最大的分区（约每百万行一个分区；临时文件写在 TMPDIR，结束即删）；"
        f"{same_zh} {does_en} in N partitions of departments, one after another: memory holds the largest partition, "
        f"not the package (about one partition per million rows; temporary files in TMPDIR, removed at the end); "
        f"{same_en}.",
    )


def output_options(*, flag: str = "--format", follow_locale: bool = False) -> Callable:
    """``--format`` and ``--lang``: how a command reports its findings, the same for every command.

    ``flag`` is ``--report-format`` where ``--format`` already names what the command makes (export,
    catalog); every command accepts ``--report-format``. ``--lang`` defaults to both languages, or to
    the system's language where ``follow_locale`` (validate).
    """
    names = (flag, "--report-format") if flag == "--format" else (flag,)

    def language(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
        return value or (default_language() if follow_locale else BOTH)

    def decorate(command: Callable) -> Callable:
        command = click.option(
            "--lang",
            type=click.Choice(LANGUAGES),
            default=None,
            callback=language,
            help="发现问题的语言（默认"
            + ("随系统语言，未设置时为中文" if follow_locale else "中英文")
            + "）Language of the findings (default: "
            + ("the locale, else Chinese" if follow_locale else "both")
            + ").",
        )(command)
        return click.option(
            *names,
            "output_format",
            type=click.Choice(FORMATS),
            default="text",
            show_default=True,
            help="发现问题的输出格式 Output format of the findings.",
        )(command)

    return decorate


def show(report: Report, output_format: str, lang: str, result: str = "", *, err: bool = False) -> None:
    """The report of a command's findings, then the command's own result (what it made or changed).

    Text: the findings if there are any, then the result. JSON: the report alone, the result being
    in it (``report.extra``). CSV and GitHub: the report on stdout, the result on stderr. ``err`` puts
    everything on stderr, where stdout carries what the command makes (`catalog` without ``--out``).
    """
    from publish.render import RENDERERS

    if report.findings or output_format != "text":
        (sys.stderr if err else sys.stdout).write(RENDERERS[output_format](report, lang))
    if result and output_format != "json":
        echo(result, err=err or output_format != "text")


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Text for a terminal or a CI log: no control sequence, no line GitHub would run as a command."""
    click.echo(escape.terminal(text), err=err, nl=nl)


def refuse(error: PublishError, output_format: str, lang: str) -> None:
    """A ``PublishError``: its findings rendered as a report, its message on stderr, its exit code."""
    if error.findings:
        show(Report(findings=error.findings), output_format, lang)
    echo(error.message(lang), err=True)
    sys.exit(error.exit_code)


def tool_failure_guard(command: Callable[..., Any]) -> Callable[..., Any]:
    """Print a ``PublishError`` as ``refuse`` does; any other exception is a tool failure (exit 3), never a traceback."""

    @functools.wraps(command)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            with quiet_libraries():
                return command(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("已中断 / interrupted", err=True)
            sys.exit(130)
        except Exception as error:
            refuse(_as_publish_error(error), kwargs.get("output_format", "text"), kwargs.get("lang") or BOTH)

    return guarded


@contextlib.contextmanager
def quiet_libraries() -> Iterator[None]:
    """No warning or log record of a library (rdflib, frictionless, openpyxl, pdfminer …) reaches the terminal
    while a command runs: they quote the input raw (rdflib repeats a licence URL with its line breaks), and
    what a command has to say is in its report."""
    disabled = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logging.disable(disabled)


def _as_publish_error(error: Exception) -> PublishError:
    if isinstance(error, PublishError):
        return error
    failure = f"{type(error).__name__}: {error}"
    return PublishError(
        f"publish 内部错误，请把以下信息报告给维护者：{failure}",
        f"publish failed, please report this: {failure}",
        exit_code=EXIT_TOOL_FAILURE,
    )


def no_collection_at_exit() -> None:
    """End the process without the interpreter's last garbage collections, which walk every object polars, pandera
    and frictionless made: a tenth to a fifth of a second of a small validation. Objects are still freed as they
    always are; only reference cycles are left to the end of the process. Safe where a command closes what it
    writes where it writes it (the interpreter flushes stdout and stderr itself). Registered once, however often
    called; in a process that goes on (tests), it only takes effect when that process ends."""
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
