"""Findings from the pandera models' row checks (see `publish.models`), worded per rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from publish import models
from publish.core import Finding
from publish.rules.base import Context, Rule, money


def model_failures(ctx: Context) -> dict[str, list[tuple[str, int]]]:
    cached = getattr(ctx, "_model_failures", None)
    if cached is None:
        cached = models.failures({name: table.frame for name, table in ctx.tables.items()})
        ctx._model_failures = cached  # type: ignore[attr-defined]
    return cached


def model_rule(describe: Callable[[dict], tuple[str, str, str]]) -> Callable[[Rule, Context], Iterable[Finding]]:
    """A rule run: the rows its pandera check failed, each worded by ``describe(row) -> (zh, en, field)``."""

    def run(rule: Rule, ctx: Context) -> Iterable[Finding]:
        for resource, index in model_failures(ctx).get(rule.id, []):
            row = ctx.frame(resource).row(index, named=True)
            zh, en, field = describe(row)
            yield rule.finding(ctx, resource, row, zh, en, field=field, values={field: row.get(field)})

    run.uses_models = True  # type: ignore[attr-defined]  # run_rules computes the models' failures once
    return run


def describe_change_word(row: dict) -> tuple[str, str, str]:
    word, change = row["change_word"], row["change"]
    if change is None:
        return (f"原文用词“{word}”但没有填增减额。", f"the text says '{word}' but no change is given.", "change")
    if word is None:
        return (
            f"填了增减额 {money(change)} 万元但没有原文用词（增加/减少/持平）。",
            f"a change of {money(change)} is given without the text's word (增加/减少/持平).",
            "change_word",
        )
    return (
        f"{row.get('item_name') or '该项'}原文用词“{word}”与增减额 {money(change)} 万元的符号矛盾"
        "（持平为 0，增加/增长为正，减少/下降为负）。",
        f"the word '{word}' contradicts the change of {money(change)} (持平 is 0, 增加 positive, 减少 negative).",
        "change_word",
    )


def describe_percent(row: dict) -> tuple[str, str, str]:
    return (
        f"指标“{row['indicator_name']}”以 % 计量，指标值 {money(row['target_value'])} 不在 0–100 之间。",
        f"indicator '{row['indicator_name']}' is in %, but its target {money(row['target_value'])} is not in 0–100.",
        "target_value",
    )


def describe_target_form(row: dict) -> tuple[str, str, str]:
    if row["operator"] == "定性":
        return (
            f"定性指标“{row['indicator_name']}”缺少定性指标值（target_text）。",
            f"qualitative indicator '{row['indicator_name']}' has no target_text.",
            "target_text",
        )
    return (
        f"指标“{row['indicator_name']}”的指标性质为“{row['operator']}”，但缺少数值指标值。",
        f"indicator '{row['indicator_name']}' compares with '{row['operator']}' but has no numeric target.",
        "target_value",
    )


def describe_vehicle_period(row: dict) -> tuple[str, str, str]:
    if row["measure"] == "holding":
        return ("实有车辆数缺少截止年月（as_of）。", "a vehicle count held has no as_of month.", "as_of")
    return ("预算安排购置车辆数缺少预算年度（budget_year）。", "a budgeted purchase has no budget_year.", "budget_year")
