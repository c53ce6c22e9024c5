"""The small table a “三公” note prints, in the three shapes a web page's text leaves it in.

After ``单位：万元`` (or 元, 亿元) the table comes as (a) rows with the name and its values on one line, separated by
spaces or TABs (Hunan's 情况表); (b) one cell per line, name and value alternating (Chongqing's 预算表, cells ending
with " |"); (c) the header's cells one per line, then the values one per line in column order (Anhui). In (c) the
column order is inferred from the header (a 小计 column opens the vehicles' sub-columns), so those cells are marked
``inferred``: the reader keeps them only where the text does not contradict them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from publish.extract import sangong_words as words
from publish.extract.patterns import LABEL, NUMBER

NUMBER_ONLY = rf"^(?:{NUMBER})$"
# What a row's name may carry before the item's name: 一、 1、 其中： （1）.
ROW_PREFIX = rf"(?:{LABEL.lstrip('^')}|[（(]\d+[）)]|其中[：:]?|\s)*"
# A cell of a row: a figure, or a change column's signed figure or rate.
VALUE = rf"[-－]?(?:{NUMBER})%?"
ROW = rf"^(?P<name>{ROW_PREFIX}[^\d\s][^\t]*?)(?P<values>(?:\s+(?:{VALUE}))+)$"
# Header cells that hold no line (the column of names, the years' columns).
HEADER_WORDS = r"^(?:项目|支出|科目|名称|\S*?\d{4}\S*?数|预算数|决算数|执行数|增减\S*|增长率|变动\S*|\S*比上年\S*)$"
PROSE_LENGTH = 40
NAME_HEADS = r"项目|支出|科目|名称"
# The header of the column holding the document's own figure, by document kind.
OWN_COLUMN = {"budget": r"预算", "adjusted_budget": r"调整预算", "final_account": r"决算|执行|实际"}


@dataclass(frozen=True)
class Cell:
    item: str  # a sangong item, or "" for a count row (then ``line`` holds the row for the count patterns)
    name: str  # the row's or column's name as published
    value: str
    line: str  # the published row (or header and values) the cell was read from
    inferred: bool = False  # the column order was inferred from a flattened header
    note: str = ""


@dataclass
class Table:
    unit: str
    cells: list[Cell]
    used: set[int]  # the lines the table took (not read again as text)
    problems: list[tuple[str, str, str]]  # (text, zh, en) of what was not read


def find(lines: list[str], year: str = "", kind: str = "budget") -> list[Table]:
    """The note's tables, each from its unit line up to the first line of prose; rows of a line's name and its
    figures under no unit line are a table too, reported as unreadable (their unit is unknown)."""
    starts = [i for i, line in enumerate(lines) if re.search(words.UNIT_LINE, line)]
    tables = [_table(lines, start, year, kind) for start in starts]
    taken = set().union(*(table.used for table in tables)) if tables else set()
    unitless = [i for i, line in enumerate(lines) if i not in taken and _is_item_row(_cell_text(line))]
    if unitless:
        shown = " / ".join(_cell_text(lines[i]) for i in unitless)
        tables.append(Table("", [], set(unitless), [(shown, *_NO_UNIT)]))
    return tables


def _table(lines: list[str], start: int, year: str, kind: str) -> Table:
    unit = re.search(words.UNIT_LINE, lines[start]).group("unit")
    region: list[int] = []
    for i in range(start + 1, len(lines)):
        line = _cell_text(lines[i])
        if "。" in line or len(line) > PROSE_LENGTH or re.search(words.UNIT_LINE, line):
            break
        if line:
            region.append(i)
    last_number = max((i for i in region if _has_values(_cell_text(lines[i]))), default=start)
    table = Table(unit, [], {start, *(i for i in region if i <= last_number)}, [])
    cleaned = [(i, _cell_text(lines[i])) for i in region if i <= last_number]
    _rows(cleaned, table, year, kind)
    if not table.cells:
        _flattened(cleaned, table)
    return table


def _is_item_row(line: str) -> bool:
    match = re.match(ROW, line)
    return bool(match) and item_of(match.group("name").strip()) not in ("", "subtotal")


def _has_values(line: str) -> bool:
    return bool(re.fullmatch(NUMBER_ONLY, line) or re.match(ROW, line))


def _cell_text(line: str) -> str:
    return line.replace("|", " ").strip()


def item_of(name: str) -> str:
    """The sangong item a table cell's name is (after its 一、 其中：（1） prefix), or ""."""
    bare = re.sub(r"\s+", "", re.sub(rf"^{ROW_PREFIX}", "", name))
    for item, regex in (*words.ITEMS, *words.TABLE_ITEMS):
        if re.fullmatch(regex, bare):
            return item
    return ""


def _rows(cleaned: list[tuple[int, str]], table: Table, year: str, kind: str) -> None:
    """Shape (a): a row per line, its values after its name, read in the column of the document's own figure (the
    year's 预算数 in a budget, its 决算数 in a final account); a row with one value under two columns is read as
    the last column when that is the document's own, and says so."""
    columns, chosen = 1, 0
    blanks: list[tuple[str, str, str]] = []
    for _, line in cleaned:
        parts = line.split()
        if len(parts) > 1 and all(re.match(HEADER_WORDS, part) for part in parts):
            heads = [part for part in parts if not re.fullmatch(NAME_HEADS, part)]
            columns, chosen = len(heads), _own_column(heads, year, kind)
            continue
        match = re.match(ROW, line)
        if not match:
            if item_of(line) not in ("", "subtotal"):
                blanks.append((line, *_BLANK))
            continue
        values = match.group("values").split()
        note = ""
        if chosen is None or len(values) not in (columns, 1) or (len(values) == 1 and columns > 2):
            table.problems.append((line, *_COLUMNS_UNCLEAR))
            continue
        if len(values) < columns:
            if chosen != columns - 1:
                table.problems.append((line, *_COLUMNS_UNCLEAR))
                continue
            note = "一行只有一个数，按本年数一列读取 one value under two columns: read as the year's own column"
        value = values[-1] if len(values) < columns else values[chosen]
        if not re.fullmatch(NUMBER_ONLY, value):
            table.problems.append((line, *_COLUMNS_UNCLEAR))
            continue
        item = item_of(match.group("name").strip())
        table.cells.append(Cell(item, _bare(match.group("name")), value, line, note=note))
    if table.cells:  # a name alone on its line is a blank cell only where rows hold their values
        table.problems.extend(blanks)


def _own_column(heads: list[str], year: str, kind: str) -> int | None:
    """The column holding the document's own figure, or None when the header does not say which one it is."""
    if len(heads) == 1:
        return 0
    own = OWN_COLUMN.get(kind, OWN_COLUMN["budget"])
    found = [i for i, head in enumerate(heads) if re.search(own, head) and _of_year(head, year)]
    return found[0] if len(found) == 1 else None


def _of_year(head: str, year: str) -> bool:
    """A column header names the document's year, or names no year at all."""
    named = re.search(r"\d{4}", head)
    return not named or not year or named.group() == year


def _flattened(cleaned: list[tuple[int, str]], table: Table) -> None:
    """Shapes (b) and (c): names and values on lines of their own."""
    runs: list[tuple[bool, list[str]]] = []
    for _, line in cleaned:
        is_number = bool(re.fullmatch(NUMBER_ONLY, line))
        if runs and runs[-1][0] == is_number:
            runs[-1][1].append(line)
        else:
            runs.append((is_number, [line]))
    if len(runs) >= 2 and runs[0][0] is False and len(runs[0][1]) > 1 and len(runs[1][1]) > 1:
        _header_then_values(runs[0][1], runs[1][1], table)
        return
    for (names_are_numbers, names), (values_are_numbers, values) in itertools.pairwise(runs):
        if names_are_numbers or not values_are_numbers:
            continue
        if len(values) != 1:
            table.problems.append((" ".join(names + values), *_COLUMNS_UNCLEAR))
            continue
        name = names[-1]
        table.cells.append(Cell(item_of(name), _bare(name), values[0], f"{name} {values[0]}"))


def _header_then_values(header: list[str], values: list[str], table: Table) -> None:
    """Shape (c): the leaf columns in order; a 小计 column stands for the group before it, whose sub-columns follow."""
    joined = "".join(header)
    found = [(_NAMES[int(m.lastgroup[1:])][0], m.group()) for m in re.finditer(_HEADER_ITEMS, joined)]
    if "subtotal" in [item for item, _ in found]:
        at = [item for item, _ in found].index("subtotal")
        top, subs = found[:at], found[at + 1 :]
        group = next((i for i, (item, _) in enumerate(top) if item == "vehicle"), None)
        if group is None:
            table.problems.append((joined, *_COLUMNS_UNCLEAR))
            return
        found = top[: group + 1] + subs + top[group + 1 :]
    if len(found) != len(values):
        table.problems.append((f"{joined} {' '.join(values)}", *_COLUMNS_UNCLEAR))
        return
    shown = f"{joined}：{' '.join(values)}"
    for (item, name), value in zip(found, values, strict=True):
        table.cells.append(Cell(item, name, value, shown, inferred=True, note=_INFERRED))


def _bare(name: str) -> str:
    return re.sub(rf"^{ROW_PREFIX}", "", name).strip()


_NAMES = (*words.ITEMS, *words.TABLE_ITEMS)
_HEADER_ITEMS = "|".join(f"(?P<g{n}>{regex})" for n, (_, regex) in enumerate(_NAMES))
_INFERRED = "表头逐格分行，列序由表头推断 header cells one per line: the column order is inferred from the header"
_BLANK = (
    "三公经费表中此行没有数（空白单元格），未读取（不以 0 填充）",
    "this row of the 三公 table has no figure (a blank cell); not read (never a zero)",
)
_NO_UNIT = (
    "三公经费表没有写明单位（如“单位：万元”），其数未读取",
    "the 三公 table states no unit (such as '单位：万元'); its figures are not read",
)
_COLUMNS_UNCLEAR = (
    "三公经费表的列与数对不上，未读取",
    "the 三公 table's columns and values do not line up; not read",
)
