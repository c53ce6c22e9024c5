"""The budget rules: one ordered registry, selected and skipped by id or tag; and every other finding id.

Structural checks (frictionless's error types) run while the tables load; the rules here run
on the loaded tables. A rule id is public API: it names the problem, appears in every output,
in `--select/--skip`, in `publish rules` and in docs/rules.md (generated from this registry).
The ids the engine and the other capabilities report are registered too (`REPORTED`), so that
`ALL` and `BY_ID` hold every id any command emits.
"""

from publish.rules.acknowledged import acknowledge
from publish.rules.base import Context, Registered, Rule
from publish.rules.docs import rules_markdown, rules_text
from publish.rules.registry import ALL, BY_ID, RULES, run_rules, selected, wanted
from publish.rules.reported import REPORTED

__all__ = [
    "ALL",
    "BY_ID",
    "REPORTED",
    "RULES",
    "Context",
    "Registered",
    "Rule",
    "acknowledge",
    "rules_markdown",
    "rules_text",
    "run_rules",
    "selected",
    "wanted",
]
