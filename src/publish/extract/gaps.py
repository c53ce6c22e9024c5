"""What the extractor's own gaps must not become: a publisher's error.

A line of a table the extractor could not place (a row that lost cells, a code the year's list lacks, a class it
could not name) leaves that table incomplete in our reading: its sums would then be checked against lines we
never read. Such a table's part is listed in ``disclosure_parts`` as ``truncated`` (our copy of it is incomplete),
with the reason, so that the sum rules skip it while every other rule still runs. A line whose parent (its
table's total) was not read keeps no ``parent_item`` pointing at a row that is not there; the unread file says so.
"""

from __future__ import annotations

from publish.core import IDENTITY, Package
from publish.extract.model import Extraction

# Unread kinds that leave a table with lines missing (tables.py, shanghai_tables.py, grid.py).
GAP_KINDS = ("unaligned-row", "unknown-code", "incomplete-table")
# Sections that are prose explaining lines the tables state in full: a gap there leaves no table incomplete.
PROSE_SECTIONS = ("部门预算编制说明", "部门决算情况说明")
# The part (publish.core.required) each table's lines belong to.
PARTS = {
    "income": "income",
    "expenditure_by_function": "expenditure-by-function",
    "expenditure_by_type": "expenditure-by-type",
    "sangong": "sangong",
}
TOTAL = "total"
NOTE_LIMIT = 300  # characters of the unread lines quoted in the part's note


def mark_incomplete_function_table(ext: Extraction) -> None:
    """The function table's part listed as truncated when some of its lines could not be read."""
    gaps = [u for u in ext.unread if u.kind in GAP_KINDS and u.section not in PROSE_SECTIONS]
    if gaps and ext.rows.get("expenditure_by_function"):
        quoted = "；".join(dict.fromkeys(f"{u.section}：{u.text}" for u in gaps))
        list_incomplete(ext, "expenditure_by_function", quoted, len(gaps))


def list_incomplete(ext: Extraction, resource: str, quoted: str, count: int) -> None:
    """``resource``'s part listed as truncated: ``count`` of its lines (``quoted``) were stated but not read."""
    part = PARTS.get(resource)
    listed = {row.get("part") for row in ext.rows.get("disclosure_parts", [])}
    if part is None or part in listed:
        return
    quoted = quoted[:NOTE_LIMIT]
    note = (
        f"提取时有 {count} 行未能读出，本表在我们的读取中不完整，合计不予核对 "
        f"{count} lines could not be read, so our reading of this table is incomplete and its sums are not "
        f"checked: {quoted}"
    )
    ext.put("disclosure_parts", {"part": part}, {"status": "truncated", "note": note}, quoted, "gaps")


def drop_parents_not_read(ext: Extraction, package: Package) -> None:
    """``parent_item`` = total only where the table's total was read: a total that is not there is not invented.
    (A function line's parent is its code's: 2080505 belongs under 20805 whether or not that line is printed.)"""
    for name, rows in ext.rows.items():
        resource = package.resources.get(name)
        if resource is None or "parent_item" not in {field["name"] for field in resource.fields}:
            continue
        group = [k for k in resource.primary_key if k not in (*IDENTITY, "item")]
        present = {(*_group(row, group), row.get("item", "")) for row in rows}
        orphans = [r for r in rows if r.get("parent_item") == TOTAL and (*_group(r, group), TOTAL) not in present]
        for row in orphans:
            row["parent_item"] = ""
        if orphans:
            parents = "、".join(sorted({o.get("item", "") for o in orphans}))
            ext.miss(
                name,
                "missing-parent",
                parents,
                f"{name} 表中 {parents} 的上级行（合计）未能读出，这些行未填上级",
                f"the parent line (total) of {parents} in {name} was not read; those lines are kept without a parent",
            )


def _group(row: dict[str, str], columns: list[str]) -> tuple[str, ...]:
    return tuple(row.get(k, "") for k in columns)
