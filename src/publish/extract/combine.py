"""Tables and text together: a document's tables are read into their own Extraction, then merged into the
narrative one. A row only a table states is added; a row both state is compared in fen at the text's
precision (the text's 万元 with two decimals against the table's 元), and where they differ the table's cell
is kept and the difference reported (``text-table-mismatch``, naming both).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from publish.core import YUAN_PER_UNIT
from publish.extract import grid, shanghai_tables
from publish.extract.model import IMPLIED, Extraction
from publish.extract.reference import Reference

# The key columns of each table a table reader fills (besides the disclosure's identity).
KEYS: dict[str, tuple[str, ...]] = {
    "income": ("item",),
    "expenditure_by_function": ("fund", "item", "cost_type"),
    "expenditure_by_type": ("fund", "item"),
    "expenditure_by_economic": ("fund", "code", "cost_type"),
    "sangong": ("fund", "item"),
    "operating_costs": ("fund",),
    "procurement": ("fund", "item"),
    "assets": ("measure", "item"),
    "disclosure_parts": ("part",),
}
VALUE_FIELDS = ("amount", "count")


def table_extraction(lines: list[str], reference: Reference, year: str, kind: str) -> Extraction:
    """The figures of the document's titled tables (the standard set: 收支总表, 收入/支出总表, 财政拨款收支总表,
    一般公共预算支出表, 基本支出表, 三公), read like the Shanghai form; an unknown titled table is one unread row."""
    ext = Extraction(fiscal_year=year, document_kind=kind)
    shanghai_tables.read_tables(grid.tables(lines), ext, reference, kind)
    return ext


def combine(text: Extraction, tables: Extraction) -> None:
    """Merge the table figures of ``tables`` into ``text`` (see the module's docstring)."""
    for resource, rows in tables.rows.items():
        for row in rows:
            _merge_row(text, tables, resource, row)
    text.unread.extend(tables.unread)


def _key(resource: str, row: dict[str, str]) -> tuple[str, ...]:
    implied = IMPLIED.get(resource, {})
    return tuple(row.get(k) or implied.get(k, "") for k in KEYS.get(resource, ()))


def _merge_row(text: Extraction, tables: Extraction, resource: str, row: dict[str, str]) -> None:
    key = _key(resource, row)
    same = next((r for r in text.rows.get(resource, []) if _key(resource, r) == key), None)
    shown = ";".join(f"{k}={v}" for k, v in zip(KEYS.get(resource, ()), key, strict=False))
    provenance = [p for p in tables.provenance if p["resource"] == resource and p["key"] == shown]
    if same is None:
        text.rows.setdefault(resource, []).append(dict(row))
        text.provenance.extend(provenance)
        return
    field = next((f for f in VALUE_FIELDS if row.get(f) and same.get(f)), None)
    if field is None or _agree(resource, same, row, field):
        return
    text.miss(
        resource,
        "text-table-mismatch",
        f"{shown}: {same[field]} {same.get('unit', '')} / {row[field]} {row.get('unit', '')}",
        f"{resource}（{shown}）正文写 {same[field]} {same.get('unit', '')}，表中为 {row[field]} {row.get('unit', '')}；"
        "采用表中数字",
        f"{resource} ({shown}): the text says {same[field]} {same.get('unit', '')}, the table "
        f"{row[field]} {row.get('unit', '')}; the table's cell is kept",
    )
    same.update({field: row[field], **({"unit": row["unit"]} if row.get("unit") else {})})
    text.provenance.extend(provenance)


def _agree(resource: str, text_row: dict[str, str], table_row: dict[str, str], field: str) -> bool:
    """Equal once the table's figure is put in the text's unit and rounded to the text's decimals."""
    try:
        stated, cell = Decimal(text_row[field].replace(",", "")), Decimal(table_row[field].replace(",", ""))
    except InvalidOperation:
        return False
    if field == "amount":
        text_unit = text_row.get("unit") or IMPLIED.get(resource, {}).get("unit", "万元")
        cell = cell * YUAN_PER_UNIT[table_row.get("unit") or "元"] / YUAN_PER_UNIT[text_unit]
    places = Decimal(1).scaleb(stated.as_tuple().exponent)
    return cell.quantize(places, rounding=ROUND_HALF_UP) == stated
