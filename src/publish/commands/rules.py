"""`publish rules`: every rule with its id, severity, tags and description, from the registry."""

from __future__ import annotations

import click

from publish.commands._common import tool_failure_guard


@click.command("rules")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="输出格式 Output format (markdown is docs/rules.md).",
)
@tool_failure_guard
def command(output_format: str) -> None:
    """列出全部校验规则（中英文）。List every validation rule, in Chinese and English."""
    from publish.rules import rules_markdown, rules_text

    click.echo(rules_markdown() if output_format == "markdown" else rules_text(), nl=False)
