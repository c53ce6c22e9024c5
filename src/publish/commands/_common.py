"""What every command shares: exit codes and the guard that turns a crash into a message."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_TOOL_FAILURE = 3


def tool_failure_guard(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn an unexpected exception into a short bilingual message and exit code 3, never a traceback."""

    @functools.wraps(command)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("已中断 / interrupted", err=True)
            sys.exit(130)
        except Exception as error:
            click.echo(
                f"publish 内部错误，请把以下信息报告给维护者 / publish failed, please report this: "
                f"{type(error).__name__}: {error}",
                err=True,
            )
            sys.exit(EXIT_TOOL_FAILURE)

    return guarded
