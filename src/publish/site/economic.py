"""基本支出按经济分类: the economic classification's rows as the page lists them, one line per fund and code.

The table publishes each code once per column (``cost_type``: 合计, 人员经费, 公用经费), as rows of their own; the
page shows one line per code with the columns side by side, in reading order (the 合计 column's tree first, then
any line only another column lists, such as 人员经费合计). The budget columns of a 决算 are the 合计 column's.
"""

from __future__ import annotations

from publish.site.model import Row

COLUMNS = {"total": "amount", "personnel": "personnel_amount", "public": "public_amount"}
CARRIED = ("fund", "code", "code_name", "parent_code", "unit", "_depth")
BUDGET_FIELDS = ("initial_budget", "adjusted_budget")
TOTAL, TOTAL_NAME = "total", "合计"


def economic_lines(rows: list[Row]) -> list[Row]:
    """One row per (fund, code), in first-seen reading order, with ``amount`` (合计), ``personnel_amount`` and
    ``public_amount`` beside each other; a column a code is not published in stays empty."""
    lines: dict[tuple[str, str], Row] = {}
    for row in sorted(rows, key=lambda r: r.get("cost_type") != "total"):  # stable: the 合计 tree sets the order
        key = (row.get("fund", ""), row.get("code", ""))
        line = lines.setdefault(key, {name: row.get(name, "") for name in CARRIED})
        column = COLUMNS.get(row.get("cost_type", "") or "total", "amount")
        line[column] = row.get("amount", "")
        if column == "amount":
            line.update({name: row.get(name, "") for name in BUDGET_FIELDS})
    return [_named_total(line) for line in _by_fund(list(lines.values()))]


def _named_total(line: Row) -> Row:
    """The published total line reads 合计 with no code (its name in the 合计 column, where it has one)."""
    if line.get("code") != TOTAL:
        return line
    return {**line, "code": "", "code_name": (line.get("amount") and line.get("code_name")) or TOTAL_NAME}


def _by_fund(lines: list[Row]) -> list[Row]:
    """Lines of one fund together, funds in first-seen order, each fund's published total first (a stable sort
    keeps the reading order of the rest)."""
    funds = list(dict.fromkeys(line.get("fund", "") for line in lines))
    return sorted(lines, key=lambda line: (funds.index(line.get("fund", "")), line.get("code") != TOTAL))
