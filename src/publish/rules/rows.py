"""Findings from the pandera models' row checks (see `publish.models`), worded per rule."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from publish import models
from publish.core import CHANGE_WORD_SIGNS, Finding
from publish.rules.base import Context, Rule, money


def model_failures(ctx: Context) -> dict[str, list[tuple[str, int]]]:
    """The failing rows of every model, computed once per context for all the rules that word them."""
    return ctx.shared("model-failures", lambda: models.failures({name: t.frame for name, t in ctx.tables.items()}))


def model_rule(describe: Callable[[dict], tuple]) -> Callable[[Rule, Context], Iterable[Finding]]:
    """A rule run: the rows its pandera check failed, each worded by ``describe(row) -> (zh, en, field)``, or
    ``(zh, en, field, severity)`` where a row's finding is milder than the rule's."""

    def run(rule: Rule, ctx: Context) -> Iterable[Finding]:
        for resource, index in model_failures(ctx).get(rule.id, []):
            row = ctx.frame(resource).row(index, named=True)
            zh, en, field, *severity = describe(row)
            values = {field: row.get(field)}
            yield rule.finding(
                ctx, resource, row, zh, en, field=field, values=values, severity=next(iter(severity), None)
            )

    run.uses_models = True  # type: ignore[attr-defined]  # run_rules computes the models' failures once
    return run


def describe_change_word(row: dict) -> tuple:
    word, change, rate = row["change_word"], row["change"], row.get("change_rate")
    if change is None and rate is None:
        return (
            f"原文用词“{word}”但没有填增减额或增减幅度。",
            f"the text says '{word}' but no change or rate is given.",
            "change",
        )
    if word is None:
        return (
            f"填了增减额 {money(change)} 万元但没有原文用词（增加/减少/持平）。",
            f"a change of {money(change)} is given without the text's word (增加/减少/持平).",
            "change_word",
        )
    if change == 0 and CHANGE_WORD_SIGNS.get(word) != 0:
        return (
            f"{row.get('item_name') or '该项'}原文写“{word}0”：增减为 0 应写“持平”，请确认原文。",
            f"the text says '{word}' a change of 0, odd wording for 持平 (no change); confirm the text.",
            "change_word",
            "warning",
        )
    stated = f"增减额 {money(change)} 万元" if change is not None else f"增减幅度 {money(rate)}%"
    stated_en = f"the change of {money(change)}" if change is not None else f"the rate of {money(rate)}%"
    return (
        f"{row.get('item_name') or '该项'}原文用词“{word}”与{stated}的符号矛盾（持平为 0，增加/增长为正，减少/下降为负）。",
        f"the word '{word}' contradicts {stated_en} (持平 is 0, 增加 positive, 减少 negative).",
        "change_word",
    )


def describe_percent(row: dict) -> tuple[str, str, str]:
    return (
        f"指标“{row['indicator_name']}”以 % 计量，指标值 {money(row['target_value'])} 不在 0–100 之间"
        "（只有增长率、完成率、执行率等可以超过 100）。",
        f"indicator '{row['indicator_name']}' is in %, but its target {money(row['target_value'])} is not in 0–100 "
        "(only growth, completion or execution rates may pass 100).",
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
