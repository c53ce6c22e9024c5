"""The `publish` command line.

Each command lives in its own module under ``publish.commands``: it parses options, calls one
library function, renders the result and sets the exit code. This group only knows their
names and loads a command's module when that command runs, so `publish --help` stays fast
(frictionless, polars and pandera are imported by the commands that use them).
"""

from __future__ import annotations

import importlib

import click

from publish import __version__

# command name -> its module under publish.commands (a module that does not exist yet is not listed).
# A command module imports only click at its top; heavy libraries are imported inside the command.
COMMANDS: dict[str, str] = {
    "validate": "validate",
    "rules": "rules",
    "release": "release",
    "diff": "diff",
    "verify": "verify",
    "template": "template",
    "add": "add",
    "submissions": "submissions",
    "extract": "extract",
    "catalog": "catalog",
    "site": "site",
    "export": "export",
    "migrate": "migrate",
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when the command is looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f"publish.commands.{COMMANDS[name]}")
        return module.command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="publish", message="%(prog)s %(version)s")
def main() -> None:
    """部门预算公开数据工具：校验、发布、导出。

    Tools for Chinese county department budget disclosures as Frictionless data packages:
    validate them, build releases, export catalog metadata and portal pages.
    """
