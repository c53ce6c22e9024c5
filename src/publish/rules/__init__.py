"""The budget rules: one ordered registry, selected and skipped by id or tag.

Structural checks (frictionless's error types) run while the tables load; the rules here run
on the loaded tables. A rule id is public API: it names the problem, appears in every output,
in `--select/--skip`, in `publish rules` and in docs/rules.md (generated from this registry).
"""

from publish.rules.base import Context, Rule
from publish.rules.docs import rules_markdown, rules_text
from publish.rules.registry import BY_ID, RULES, run_rules, selected, wanted

__all__ = ["BY_ID", "RULES", "Context", "Rule", "rules_markdown", "rules_text", "run_rules", "selected", "wanted"]
