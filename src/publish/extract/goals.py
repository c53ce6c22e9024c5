"""Performance goals: the overall goal text, the KPI table, and the key special funds statement.

The KPI table comes as one cell per line (the seed's text), one row per line with cells split
by tabs (Word) or by spaces (PDF). After its header (指标名称 指标权重 计量单位 指标性质 指标值)
every five cells make one indicator.
"""

from __future__ import annotations

import re

from publish.extract.model import Extraction
from publish.extract.sections import Document
from publish.extract.text import squeeze

KPI_HEADER = ("指标名称", "指标权重", "计量单位", "指标性质", "指标值")
OPERATORS = {"≥": "≥", ">=": "≥", "≤": "≤", "<=": "≤", "=": "=", "＝": "=", ">": ">", "<": "<", "＞": ">", "＜": "<"}
OVERALL = {"goal": "overall", "goal_name": "部门整体绩效目标"}
SUBSECTION = r"^[（(][一二三四五六七八九十]+[）)]"


def read_performance(document: Document, ext: Extraction) -> None:
    lines = document.lines("performance")
    if not lines:
        return
    goal_at = _index(lines, r"整体绩效目标$|当年整体绩效目标")
    kpi_at = _index(lines, r"^(?:\d+[、.．])?\s*绩效指标")
    if goal_at is None:
        ext.miss("performance", "missing-figure", "", *_NO_GOAL)
    else:
        end = kpi_at if kpi_at is not None and kpi_at > goal_at else len(lines)
        goal = " ".join(squeeze(line) for line in lines[goal_at + 1 : end] if line.strip())
        ext.put("disclosures", {}, {"overall_goal": goal}, goal, "performance")
    if kpi_at is None:
        ext.miss("performance", "missing-figure", "", *_NO_KPIS)
    else:
        _kpis(ext, lines[kpi_at + 1 :])
    _key_special_funds(ext, lines)


def _index(lines: list[str], regex: str) -> int | None:
    return next((i for i, line in enumerate(lines) if re.search(regex, line.strip())), None)


def _cells(lines: list[str]) -> list[str]:
    cells: list[str] = []
    for line in lines:
        if re.match(SUBSECTION, line.strip()):
            break
        parts = line.split("\t") if "\t" in line else line.split()
        cells.extend(p.strip() for p in parts if p.strip())
    return cells


def _kpis(ext: Extraction, lines: list[str]) -> None:
    cells = _cells(lines)
    if tuple(cells[: len(KPI_HEADER)]) != KPI_HEADER:
        ext.miss("performance", "unread-clause", " ".join(cells[:10]), *_KPI_HEADER_UNKNOWN)
        return
    body = cells[len(KPI_HEADER) :]
    whole = len(body) - len(body) % len(KPI_HEADER)
    for number, start in enumerate(range(0, whole, len(KPI_HEADER)), 1):
        name, weight, unit, operator, target = body[start : start + len(KPI_HEADER)]
        values = {**OVERALL, "indicator_name": name, "weight": weight, "unit": unit, **_target(operator, target)}
        ext.put(
            "kpis",
            {"goal": "overall", "indicator_no": str(number)},
            values,
            " ".join(body[start : start + 5]),
            "performance",
        )
        if not re.fullmatch(r"\d+(?:\.\d+)?", weight):
            ext.miss(
                "performance",
                "irregular",
                name,
                f"指标“{name}”的权重“{weight}”不是数字",
                f"weight '{weight}' of '{name}' is not a number",
            )
    if whole < len(body):
        ext.miss("performance", "unread-clause", " ".join(body[whole:]), *_KPI_LEFT)


def _target(operator: str, target: str) -> dict[str, str]:
    if operator in OPERATORS and re.fullmatch(r"-?\d+(?:\.\d+)?", target):
        return {"operator": OPERATORS[operator], "target_value": target}
    return {"operator": "定性", "target_text": target}


def _key_special_funds(ext: Extraction, lines: list[str]) -> None:
    for line in lines:
        text = squeeze(line)
        if "重点专项资金" in text and re.search(r"没有|无|未", text) and not re.match(SUBSECTION, text):
            ext.put(
                "disclosures",
                {},
                {"key_special_fund_goals": "false", "key_special_fund_statement": text},
                text,
                "performance",
            )
            return
    ext.miss("performance", "missing-figure", "", *_NO_KEY_FUNDS)


_NO_GOAL = ("未找到“当年整体绩效目标”", "no overall performance goal (当年整体绩效目标) was found")
_NO_KPIS = ("未找到“绩效指标”表", "no KPI table (绩效指标) was found")
_KPI_HEADER_UNKNOWN = (
    "绩效指标表的表头不是“指标名称、指标权重、计量单位、指标性质、指标值”，未读取",
    "the KPI table's header is not 指标名称 指标权重 计量单位 指标性质 指标值; not read",
)
_KPI_LEFT = (
    "绩效指标表末尾有不成整行的单元格，未读取",
    "cells at the end of the KPI table do not make a whole row; not read",
)
_NO_KEY_FUNDS = (
    "未找到县级重点专项资金绩效目标的说明（如有此类目标，数据包暂不能存放）",
    "no statement on key special fund goals was found (goals of that kind cannot be stored yet)",
)
