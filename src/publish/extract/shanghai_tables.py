"""The nine tables of a Shanghai district budget or 决算, read cell by cell into the data model.

Each table is recognised by its title (one regex per wording, budget and 决算 alike) and read in the unit its
heading states (元 or 万元). Function lines take their code from the 类/款/项 columns or a one-cell code, and are
kept only where the year's code list has that code under that name (else unread, never dropped silently). Empty
cells stay empty (never zeros), except in the 三公 table whose printed blank means nothing was spent; a table
printed empty (“无”, 本表为空表) becomes a ``disclosure_parts`` row quoting its note.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from publish.core import YUAN_PER_UNIT, parent_code
from publish.extract.grid import Row, Table, clean, number
from publish.extract.model import Extraction
from publish.extract.reference import Reference

# Which table a title names (the year prefix and the ordinal are ignored).
TITLES: tuple[tuple[str, str], ...] = (
    ("overview", r"^(?:部门|单位|预算单位)?(?:财务)?收支(?:预算|决算)?总表$|^收入支出决算总表$"),
    ("income", r"^(?:部门|单位|预算单位)?收入(?:预算)?(?:总表|决算表)$"),
    ("function_all", r"^(?:部门|单位|预算单位)?支出(?:预算)?(?:总表|决算表)$"),
    ("appropriation", r"财政拨款收支(?:预算)?总表$|财政拨款收入支出决算总表$"),
    ("basic_economic", r"一般公共预算(?:财政拨款)?基本支出"),
    ("function_general_budget", r"一般公共预算(?:支出功能分类预算表|财政拨款支出决算表|(?:财政拨款)?支出(?:预算)?表)$"),
    ("function_government_fund", r"政府性基金预算(?:支出功能分类预算表|财政拨款收入支出决算表)$"),
    ("function_state_capital", r"国有资本经营预算(?:支出功能分类预算表|财政拨款收入支出决算表)$"),
    ("sangong", r"三公.{0,2}经费"),
)
FUNCTION_FUNDS = {
    "function_all": "all",
    "function_general_budget": "general_budget",
    "function_government_fund": "government_fund",
    "function_state_capital": "state_capital",
}
EMPTY_PARTS = {"government_fund": "function-government-fund", "state_capital": "function-state-capital"}
# A column's last header naming an amount of a function line.
COST_TYPES: tuple[tuple[str, str], ...] = (
    ("total", r"^(?:合计|小计|本年支出合计|本年收入合计)$"),
    ("basic", r"^基本支出$"),
    ("project", r"^项目支出$"),
)
ECONOMIC_COSTS: tuple[tuple[str, str], ...] = (
    ("total", r"^合计$"),
    ("personnel", r"^人员经费$"),
    ("public", r"^公用经费$"),
)
# Income lines of the overview table (left side), after the ordinal.
INCOME: tuple[tuple[str, str, str], ...] = (
    ("general_budget", r"^一般公共预算(?:资金|财政拨款)?(?:收入)?$", "total"),
    ("government_fund", r"^政府性基金(?:预算)?(?:资金|财政拨款)?(?:收入)?$", "total"),
    ("state_capital", r"^国有资本经营预算(?:资金|财政拨款)?(?:收入)?$", "total"),
    ("business", r"^事业收入$", "total"),
    ("business_operation", r"^(?:事业单位)?经营收入$", "total"),
    ("other", r"^其他收入$", "total"),
    ("total", r"^本年收入合计$", "grand_total"),
    ("carryover", r"^年初结转和结余$", "grand_total"),
    ("grand_total", r"^(?:收入)?总计$", ""),
)
# Income lines the model has no item for: a figure there is reported, not kept.
INCOME_ELSEWHERE = r"^(?:财政拨款收入|上级补助收入|附属单位上缴收入|使用非财政拨款结余.*)$"
APPROPRIATION_TOTAL = r"^(?:支出总计|本年支出合计)$"
# Lines of the appropriation table's expenditure side that are no function class (carry-over, the grand total).
APPROPRIATION_OTHER = r"结转|结余|^总计$"
SANGONG_ITEMS: tuple[tuple[str, str, str], ...] = (
    ("vehicle_purchase", r"^(?:公务用车)?购置费$", "vehicle"),
    ("vehicle_operation", r"^(?:公务用车)?运行(?:维护)?费$", "vehicle"),
    ("vehicle", r"^公务用车购置及运行(?:维护)?费$", "total"),
    ("outbound_travel", r"^因公出国[（(]境[）)]费(?:用)?$", "total"),
    ("reception", r"^公务接待费$", "total"),
    ("total", r"^合计$", ""),
)
# A function line printed without TABs: a code (maybe glued to its name), the name, then its figures.
FLAT_LINE = re.compile(
    r"^(?:(?P<code>\d{3}(?:\d{2}){0,2})\s*)?(?P<label>[^\d\s][^\s]*)\s+(?P<figures>(?:[\d,]+(?:\.\d+)?\s*)+)$"
)
ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.．、]\s*)")
CODE_HEADERS = {"类", "款", "项"}


def kind_of(table: Table) -> str:
    """The table's role by its title ('' when the title is none of the nine)."""
    title = re.sub(r"^\d{4}年度?", "", ORDINAL.sub("", table.title))
    return next((name for name, regex in TITLES if re.search(regex, title)), "")


def read_tables(tables: list[Table], ext: Extraction, reference: Reference, kind: str) -> None:
    """Every recognised table into ``ext``; an unrecognised titled table with figures is one unread row."""
    readers = {
        "overview": _overview,
        "income": _income_total,
        "appropriation": _appropriation,
        "basic_economic": _economic,
        "sangong": _sangong,
    }
    for table in tables:
        role = kind_of(table)
        if not table.unit:
            _no_unit(table, ext)
        elif table.flat and not table.rows:
            _flat(table, ext, reference, role)
        elif role in FUNCTION_FUNDS:
            _function(table, ext, reference, FUNCTION_FUNDS[role])
        elif role:
            readers[role](table, ext, reference, kind)
        elif table.rows and not table.empty:
            ext.miss(
                table.title,
                "unknown-table",
                table.title,
                f"第{table.page}页的“{table.title}”不是能识别的表，其数字未读",
                f"the table '{table.title}' on page {table.page} is not one the extractor knows; its figures are unread",
            )


def _no_unit(table: Table, ext: Extraction) -> None:
    """A table stating no unit is not read (元 or 万元 would be a guess); a titled heading with no figures is no
    table at all."""
    if table.empty and not table.flat:
        return
    ext.miss(
        table.title,
        "no-unit",
        table.title,
        f"第{table.page}页的“{table.title}”没有写明金额单位（元或万元），其数字未读",
        f"the table '{table.title}' on page {table.page} states no unit (元 or 万元); its figures are unread",
    )


def _flat(table: Table, ext: Extraction, reference: Reference, role: str) -> None:
    """A table printed without TABs, its zero cells dropped: only what stays certain is read. The income side
    of the overview (a label and the figure right after it), and the function lines' totals (a line's first
    figure is its total); basic and project only where a line has all three figures."""
    if role == "overview":
        for row in table.flat:  # a line may open with the expenditure side where the income side is blank
            label = ORDINAL.sub("", clean(row.cells[0]))
            amount = number(row.cells[1]) if len(row.cells) > 1 else None
            if amount is not None and any(re.search(regex, label) for _, regex, _ in INCOME):
                _income_line(table, ext, row, label, amount)
        return
    if role not in FUNCTION_FUNDS:
        return
    fund, partial = FUNCTION_FUNDS[role], 0
    for row in table.flat:
        found = FLAT_LINE.match(" ".join(row.cells))
        if not found:
            continue
        figures = found["figures"].split()
        code, label = found["code"] or "", found["label"]
        if code:
            fields = _function_line(ext, reference, code, label, row, table)
            if fields is None:
                continue
        elif label == "合计":
            fields = {"item_name": label}
        else:
            continue
        parsed = [number(f) for f in figures]
        if None in parsed:  # a cell that is no figure (a copy cut inside a number): the row is not guessed
            ext.miss(
                table.title,
                "unaligned-row",
                row.line.strip(),
                f"第{row.page}页“{table.title}”的这一行有不是数字的单元格，未读",
                f"page {row.page}, '{table.title}': the row holds a cell that is not a figure; not read",
            )
            continue
        values = [Decimal(v) for v in parsed]
        adds_up = len(values) == len(COST_TYPES) and values[0] == values[1] + values[2]
        kinds = ("total", "basic", "project") if adds_up else ("total",)
        partial += len(kinds) == 1 and len(figures) > 1
        for cost_type, figure in zip(kinds, figures, strict=False):
            key = {"fund": fund, "item": code or "total", "cost_type": cost_type}
            _put(
                ext, table, row, "expenditure_by_function", key, {**fields, "amount": number(figure)}, label, cost_type
            )
            if not code and (fund == "all" or (fund == "general_budget" and table.unit == "万元")):
                _type_total(ext, table, row, fund, cost_type, number(figure), cost_type)
    if partial:
        ext.miss(
            table.title,
            "unaligned-row",
            table.title,
            f"“{table.title}”的表格以空格排版且省略了零值单元格：{partial} 行只读了合计，基本支出与项目支出无法确定，未读",
            f"'{table.title}' is laid out with spaces and drops its zero cells: {partial} lines read for their total "
            "only; their basic and project figures cannot be placed, not read",
        )


def _put(ext: Extraction, table: Table, row: Row, resource: str, key: dict, values: dict, label: str, column: str):
    note = f"page {row.page}; 行 row: {label}; 列 column: {column}"
    held = next((r for r in ext.rows.get(resource, []) if all(r.get(k) == v for k, v in key.items())), None)
    if held and held.get("amount") and values.get("amount") and not _same_amount(held, values["amount"], table.unit):
        shown = ";".join(f"{k}={v}" for k, v in key.items())
        ext.miss(
            table.title,
            "duplicate-line",
            row.line.strip(),
            f"第{row.page}页“{table.title}”中 {shown} 出现两次且数字不同（{held['amount']}、{values['amount']}），"
            "后者未读；请核对原文的科目编码",
            f"page {row.page}, '{table.title}': {shown} appears twice with different figures ({held['amount']}, "
            f"{values['amount']}); the second is not read: check the codes in the original",
        )
        return
    ext.put(resource, key, {**values, "unit": table.unit}, row.line.strip(), table.title, note)


def _same_amount(held: dict, amount: str, unit: str) -> bool:
    try:
        return (
            Decimal(held["amount"]) * YUAN_PER_UNIT[held.get("unit") or unit] == Decimal(amount) * YUAN_PER_UNIT[unit]
        )
    except (InvalidOperation, KeyError):
        return False


def label_of(cells: list[str]) -> str:
    """The row's label: its first cell that is not a code, a 类/款/项 header or a figure."""
    for cell in cells:
        text = clean(cell)
        if text and text not in CODE_HEADERS and not re.fullmatch(r"\d{2,7}", text) and number(text) is None:
            return text
    return ""


def code_of(cells: list[str]) -> str:
    """The function or economic code of a row: 类/款/项 in three cells (a 款 or 项 printed without its leading zero
    read as two digits), or one cell of 3, 5 or 7 digits."""
    first = clean(cells[0]) if cells else ""
    if re.fullmatch(r"\d{3}(?:\d{2}){0,2}", first) and (len(first) > 3 or len(cells) < 2):
        return first
    code = first if re.fullmatch(r"\d{3}", first) else ""
    for cell in cells[1:3] if code else []:
        part = clean(cell)
        if not re.fullmatch(r"\d{1,2}", part):
            break
        code += part.zfill(2)  # a 款 or 项 is two digits: a PDF that drops the leading zero prints 301 2 for 30102
    return code


def _columns(table: Table, types: tuple[tuple[str, str], ...], ext: Extraction) -> dict[int, str]:
    """Column index → the name its last header matches; nothing (and an unread row) where a name matches two
    columns (two years side by side, say): which one is the year's is not guessed."""
    found: dict[int, str] = {}
    for index, path in enumerate(table.columns()):
        last = path.split("/")[-1] if path else ""
        name = next((name for name, regex in types if re.search(regex, last)), None)
        if name and name in found.values():
            _ambiguous(table, ext, name)
            return {}
        if name:
            found[index] = name
    return found


def _ambiguous(table: Table, ext: Extraction, name: str) -> None:
    ext.miss(
        table.title,
        "ambiguous-columns",
        table.title,
        f"第{table.page}页“{table.title}”有不止一列可作“{name}”（表头：{' | '.join(table.columns())}），其数字未读",
        f"page {table.page}, '{table.title}': more than one column could be '{name}' "
        f"(headers: {' | '.join(table.columns())}); its figures are unread",
    )


def _function(table: Table, ext: Extraction, reference: Reference, fund: str) -> None:
    if table.empty:
        _empty_part(table, ext, fund)
        return
    columns = _columns(table, COST_TYPES, ext)
    paths = table.columns()
    for row in table.rows:
        cells = _aligned(table, row, ext)
        if cells is None:
            continue
        code, label = code_of(cells), label_of(cells)
        if code:
            fields = _function_line(ext, reference, code, label, row, table)
            if fields is None:
                continue
            item = code
        elif label == "合计":
            fields, item = {"item_name": label}, "total"
        else:
            continue
        for index, cost_type in columns.items():
            amount = number(cells[index]) if index < len(cells) else None
            if amount is None:
                continue
            key = {"fund": fund, "item": item, "cost_type": cost_type}
            _put(ext, table, row, "expenditure_by_function", key, {**fields, "amount": amount}, label, paths[index])
            if item == "total" and (fund == "all" or (fund == "general_budget" and table.unit == "万元")):
                _type_total(ext, table, row, fund, cost_type, amount, paths[index])


def _aligned(table: Table, row: Row, ext: Extraction) -> list[str] | None:
    cells = table.aligned(row)
    if cells is None:
        ext.miss(
            table.title,
            "unaligned-row",
            row.line.strip(),
            f"第{row.page}页“{table.title}”的这一行少了单元格，无法确定各数字所在的列（合计与分项不符），未读",
            f"page {row.page}, '{table.title}': the row has fewer cells than the table and its figures cannot be "
            "placed under their columns with certainty (the total is not the sum of the parts); not read",
        )
    return cells


def _function_line(ext: Extraction, reference: Reference, code: str, label: str, row: Row, table: Table):
    year = ext.fiscal_year
    listed = reference.code(year, code)
    names = {label, label + "支出", label.removesuffix("支出")}
    if listed is None or clean(listed["name"]) not in names:
        ext.miss(
            table.title,
            "unknown-code",
            row.line.strip(),
            f"第{row.page}页“{table.title}”的科目 {code} {label} 不在 {year} 年的功能分类科目表中（或名称不同），未读",
            f"page {row.page}, '{table.title}': function code {code} '{label}' is not in the {year} code list "
            "(or has another name there); not read",
        )
        return None
    return {
        "item_name": label,
        "parent_item": parent_code(code),
        "classification_year": year,
        "function_code": code,
    }


def _type_total(ext: Extraction, table: Table, row: Row, fund: str, cost_type: str, amount: str, column: str) -> None:
    names = {"total": "合计", "basic": "基本支出", "project": "项目支出"}
    fund_name = {"all": "全部资金", "general_budget": "一般公共预算财政拨款"}[fund]
    values = {"fund_name": fund_name, "item_name": names[cost_type], "amount": amount}
    if cost_type != "total":
        values["parent_item"] = "total"
    _put(ext, table, row, "expenditure_by_type", {"fund": fund, "item": cost_type}, values, "合计", column)


def _empty_part(table: Table, ext: Extraction, fund: str) -> None:
    part = EMPTY_PARTS.get(fund)
    if not part:
        return
    quoted = "；".join(table.notes) or "无"
    note = f"{table.title}（第{table.page}页）：{quoted}"
    ext.put("disclosure_parts", {"part": part}, {"status": "not_published", "note": note}, quoted, table.title)


def _overview(table: Table, ext: Extraction, reference: Reference, kind: str) -> None:
    """The income side (left two columns) of the overview table."""
    for row in table.rows:
        _overview_row(table, ext, row)


def _overview_row(table: Table, ext: Extraction, row: Row) -> None:
    label = ORDINAL.sub("", clean(row.cells[0])) if row.cells else ""
    amount = number(row.cells[1]) if len(row.cells) > 1 else None
    if label and amount is not None:
        _income_line(table, ext, row, label, amount)


def _income_line(table: Table, ext: Extraction, row: Row, label: str, amount: str) -> None:
    found = next(((item, parent) for item, regex, parent in INCOME if re.search(regex, label)), None)
    if found is None:
        if not re.search(INCOME_ELSEWHERE, label):
            ext.miss(
                table.title,
                "unknown-name",
                row.line.strip(),
                f"第{row.page}页“{table.title}”的收入行“{label}”无法归类，未读",
                f"page {row.page}, '{table.title}': income line '{label}' matches no income item; not read",
            )
        return
    item, parent = found
    values = {"item_name": label, "amount": amount, **({"parent_item": parent} if parent else {})}
    _put(ext, table, row, "income", {"item": item}, values, label, "预算数/决算数")


def _income_total(table: Table, ext: Extraction, reference: Reference, kind: str) -> None:
    """The 合计 row of the income table: the year's income total where the overview did not state it."""
    if any(r.get("item") == "total" for r in ext.rows.get("income", [])):
        return
    columns = _columns(table, (("total", r"^(?:合计|本年收入合计)$"),), ext)
    for row in table.rows:
        cells = _aligned(table, row, ext)
        if cells is None or label_of(cells) != "合计" or code_of(cells):
            continue
        for index in columns:
            amount = number(cells[index]) if index < len(cells) else None
            if amount is not None:
                values = {"item_name": "合计", "parent_item": "grand_total", "amount": amount}
                _put(ext, table, row, "income", {"item": "total"}, values, "合计", table.columns()[index])


def _appropriation(table: Table, ext: Extraction, reference: Reference, kind: str) -> None:
    """Function classes of the appropriation table's expenditure side (by name), and its total."""
    for row in table.rows:
        if len(row.cells) < 4:
            continue
        label = ORDINAL.sub("", clean(row.cells[2]))
        amount = number(row.cells[3])
        if not label or amount is None:
            continue
        if re.search(APPROPRIATION_TOTAL, label):
            values = {"item_name": label, "amount": amount}
            _put(ext, table, row, "expenditure_by_function", _appr_key("total"), values, label, "合计")
            continue
        if re.search(APPROPRIATION_OTHER, label):
            continue
        found = [r for r in reference.codes_named(ext.fiscal_year, label) if len(r["code"]) == 3]
        if len(found) != 1:
            ext.miss(
                table.title,
                "unknown-name",
                row.line.strip(),
                f"第{row.page}页“{table.title}”的“{label}”不是 {ext.fiscal_year} 年的功能分类类级科目，未读",
                f"page {row.page}, '{table.title}': '{label}' is no function class of {ext.fiscal_year}; not read",
            )
            continue
        code = found[0]["code"]
        values = {
            "item_name": label,
            "parent_item": "total",
            "classification_year": ext.fiscal_year,
            "function_code": code,
            "amount": amount,
        }
        _put(ext, table, row, "expenditure_by_function", _appr_key(code), values, label, "合计")


def _appr_key(item: str) -> dict[str, str]:
    return {"fund": "appropriation", "item": item, "cost_type": "total"}


def _economic(table: Table, ext: Extraction, reference: Reference, kind: str) -> None:
    """Basic expenditure by economic class (one side per row), and the personnel / public totals."""
    for row in table.rows:
        _economic_totals(table, row, ext)
    paths = table.columns()
    second = next((i for i, p in enumerate(paths) if i > 0 and p and p == paths[0]), None)
    if second is not None:  # two tables side by side (the 决算 layout): each half a code, a name, a figure
        for row in table.rows:
            for half in (row.cells[:second], row.cells[second:]):
                _economic_half(table, row, ext, half)
        return
    columns = _columns(table, ECONOMIC_COSTS, ext)
    for row in table.rows:
        cells = _aligned(table, row, ext)
        if cells is None:
            continue
        code, label = code_of(cells), label_of(cells)
        item = code if code else ("total" if label == "合计" else "")
        if not item:
            continue
        parent = "" if item == "total" else ("total" if len(code) == 3 else code[:3])
        for index, cost_type in columns.items():
            amount = number(cells[index]) if index < len(cells) else None
            if amount is None:
                continue
            key = {"fund": "general_budget", "code": item, "cost_type": cost_type}
            values = {"code_name": label, "amount": amount, **({"parent_code": parent} if parent else {})}
            _put(ext, table, row, "expenditure_by_economic", key, values, label, paths[index])


def _economic_half(table: Table, row: Row, ext: Extraction, cells: list[str]) -> None:
    code, label = code_of(cells), label_of(cells)
    at = next((i for i, c in enumerate(cells) if clean(c) and clean(c) == label), len(cells))
    figures = [number(c) for c in cells[at + 1 :] if number(c) is not None]
    if not code or not figures:
        return
    parent = "" if len(code) == 3 else code[:3]  # the 决算 layout has no 合计 line to hang the classes on
    values = {"code_name": label, "amount": figures[-1], **({"parent_code": parent} if parent else {})}
    _put(
        ext,
        table,
        row,
        "expenditure_by_economic",
        {"fund": "general_budget", "code": code, "cost_type": "total"},
        values,
        label,
        "决算数",
    )


def _economic_totals(table: Table, row: Row, ext: Extraction) -> None:
    totals = (("personnel", r"^人员经费合计$", "人员经费"), ("public_operating", r"^公用经费合计$", "公用经费"))
    cells = [clean(c) for c in row.cells]
    for index, cell in enumerate(cells):
        for item, regex, name in totals:
            if not re.search(regex, cell):
                continue
            amount = next((number(c) for c in cells[index + 1 :] if number(c) is not None), None)
            if amount is None:
                continue
            values = {"fund_name": "一般公共预算财政拨款", "item_name": name, "parent_item": "basic", "amount": amount}
            _put(ext, table, row, "expenditure_by_type", {"fund": "general_budget", "item": item}, values, cell, "")
            key = {
                "fund": "general_budget",
                "code": "total",
                "cost_type": "personnel" if item == "personnel" else "public",
            }
            _put(ext, table, row, "expenditure_by_economic", key, {"code_name": cell, "amount": amount}, cell, "")


def _sangong(table: Table, ext: Extraction, reference: Reference, kind: str) -> None:
    """The 三公 line (budget: the year's figures; 决算: 预算数 and 决算数) and 机关运行经费 beside it."""
    if table.empty:
        return  # an empty 三公 table: the narrative states the zeros
    paths = table.columns()
    meanings = [_sangong_meaning(path, kind) for path in paths]
    named = [m for m in meanings if m]
    if len(named) != len(set(named)):
        _ambiguous(table, ext, "/".join(sorted({m[0] for m in named if named.count(m) > 1})))
        return
    for row in table.rows:
        if not any(number(c) is not None for c in row.cells):
            continue
        for index, path in enumerate(paths):
            _sangong_cell(table, row, ext, kind, index, path)


def _sangong_meaning(path: str, kind: str) -> tuple[str, str] | None:
    """(item or 'operating', field) a 三公 table column holds, or None."""
    segments = path.split("/")
    if any("机关运行经费" in s for s in segments):
        return ("operating", "amount")
    field = "initial_budget" if kind == "final_account" and segments[-1] == "预算数" else "amount"
    for segment in reversed(segments):
        found = next((item for item, regex, _ in SANGONG_ITEMS if re.search(regex, segment)), None)
        if found:
            return (found, field)
    return None


def _sangong_cell(table: Table, row: Row, ext: Extraction, kind: str, index: int, path: str) -> None:
    cell = row.cells[index] if index < len(row.cells) else ""
    amount = number(cell)
    segments = path.split("/")
    if any("机关运行经费" in s for s in segments):
        if amount is not None:
            key = {"fund": "appropriation"}
            _put(ext, table, row, "operating_costs", key, {"fund_name": "财政拨款", "amount": amount}, path, path)
        return
    field = "initial_budget" if kind == "final_account" and segments[-1] == "预算数" else "amount"
    if amount is None:
        if field != "amount" or clean(cell):
            return
        amount = "0.00"  # a blank 三公 cell in a printed line: nothing spent
    for segment in reversed(segments):
        found = next(((item, parent) for item, regex, parent in SANGONG_ITEMS if re.search(regex, segment)), None)
        if found:
            item, parent = found
            values = {"fund_name": "财政拨款", "item_name": segment, field: amount}
            if parent:
                values["parent_item"] = parent
            _put(ext, table, row, "sangong", {"fund": "appropriation", "item": item}, values, segment, path)
            return
