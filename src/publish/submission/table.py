"""One submitted table (a sheet or a CSV file) into rows of text, each cell's origin remembered.

The header row is found among the first rows: title rows above it (a merged title, a unit line)
are skipped with a note. Headers match a field by its Chinese title or its name. A column that
matches no field and holds data, or a field with no column, is a finding: we do not guess.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

from publish.core import Finding
from publish.submission.cells import NOTES_EN, NOTES_ZH, normalise
from publish.template import KEY_FIELDS

HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Origin:
    """Where a submitted row came from: a sheet row (with column letters) or a CSV line."""

    kind: str  # "xlsx" or "csv"
    file: str  # sheet title or CSV file name
    line: int
    columns: dict[str, str] = field(default_factory=dict)  # field name -> column letter (xlsx)

    def cell(self, field_name: str | None) -> str | None:
        """The workbook cell (``F5``) of ``field_name`` on this row; None in a CSV or for no column."""
        letter = self.columns.get(field_name or "") if self.kind == "xlsx" else None
        return f"{letter}{self.line}" if letter else None

    def where(self, field_name: str | None = None) -> tuple[str, str]:
        if self.kind == "xlsx":
            if cell := self.cell(field_name):
                return f"{self.file}!{cell}", f"{self.file}!{cell}"
            return f"{self.file} 第 {self.line} 行", f"{self.file} row {self.line}"
        tail_zh = f"，字段 {field_name}" if field_name else ""
        tail_en = f", field {field_name}" if field_name else ""
        return f"{self.file} 第 {self.line} 行{tail_zh}", f"{self.file} line {self.line}{tail_en}"

    def finding(self, rule: str, severity: str, field_name: str | None, zh: str, en: str, **extra: Any) -> Finding:
        where_zh, where_en = self.where(field_name)
        return Finding(
            rule=rule,
            severity=severity,  # type: ignore[arg-type]
            path=self.file,
            row=self.line,
            field=field_name,
            cell=self.cell(field_name),
            message_zh=f"{where_zh}：{zh}",
            message_en=f"{where_en}: {en}",
            text=(zh, en),
            **extra,
        )

    def place(self, finding: Finding) -> Finding:
        """``finding``, found on this row's line in a copy of the package, located here: the location is set
        on the finding and its message built anew from its text (the message without a location)."""
        where_zh, where_en = self.where(finding.field)
        zh, en = finding.text or (finding.message_zh, finding.message_en)
        return replace(
            finding,
            path=self.file,
            row=self.line,
            cell=self.cell(finding.field),
            message_zh=f"{where_zh}：{zh}",
            message_en=f"{where_en}: {en}",
        )

    def note(self, rule: str, field_name: str, before: str, after: str) -> Finding:
        return self.finding(
            rule,
            "warning",
            field_name,
            f"{NOTES_ZH[rule]}（“{before}” → “{after}”）。",
            f"{NOTES_EN[rule]} ('{before}' -> '{after}').",
            values={"before": before, "after": after},
        )

    def problem(self, rule: str, field_name: str | None, text: tuple[str, str]) -> Finding:
        return self.finding(rule, "error", field_name, text[0] + "。", text[1] + ".")


@dataclass
class Table:
    resource: str
    rows: list[dict[str, str]] = field(default_factory=list)
    origins: list[Origin] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)


def fold(text: Any) -> str:
    """A header as compared: NFKC (full-width brackets made ASCII), no spaces or line breaks."""
    return "".join(unicodedata.normalize("NFKC", str(text or "")).split())


def read_table(
    resource: str, schema: dict[str, Any], raw: list[tuple[int, list[Any]]], file: str, kind: str, header_line: int = 1
) -> Table:
    """Rows of ``resource`` from ``raw`` (line number, cell values) lines; ``header_line`` is where we put it."""
    table = Table(resource)
    names = {fold(f.get("title")): f["name"] for f in schema["fields"]}
    names.update({fold(f["name"]): f["name"] for f in schema["fields"]})
    found = _find_header(raw, names)
    if found is None:
        table.problems.append(_no_header(file, kind, schema))
        return table
    index, columns = found
    line = raw[index][0]
    if line != header_line and any(any(v not in (None, "") for v in cells) for _, cells in raw[:index]):
        table.notes.append(_title_rows_note(file, kind, line))
    letters = _letters(raw[index][1]) if kind == "xlsx" else {}
    header = Origin(kind, file, line, {name: letters.get(pos, "") for pos, name in columns.items()})
    if not _check_columns(table, raw, index, columns, schema, header, letters):
        return table
    types = {f["name"]: f.get("type", "string") for f in schema["fields"]}
    for number, cells in raw[index + 1 :]:
        _read_row(table, Origin(kind, file, number, header.columns), cells, columns, types)
    return table


def _find_header(raw: list[tuple[int, list[Any]]], names: dict[str, str]) -> tuple[int, dict[int, str]] | None:
    for index, (_, cells) in enumerate(raw[:HEADER_SEARCH_ROWS]):
        filled = [(pos, fold(v)) for pos, v in enumerate(cells) if fold(v)]
        matched = {pos: names[text] for pos, text in filled if text in names}
        if len(matched) >= 2 and len(matched) * 2 >= len(filled):
            return index, matched
    return None


def _check_columns(table, raw, index, columns, schema, header: Origin, letters) -> bool:
    cells = raw[index][1]
    fields = [f["name"] for f in schema["fields"]]
    duplicates = {name for name in columns.values() if list(columns.values()).count(name) > 1}
    unknown = [pos for pos, v in enumerate(cells) if fold(v) and pos not in columns]
    missing = [name for name in fields if name not in columns.values()]
    for pos in unknown:
        where = letters.get(pos, str(pos + 1))
        table.problems.append(
            header.problem(
                "submission-unknown-column",
                None,
                (
                    f"第 {where} 列的表头“{cells[pos]}”不是本表的字段，请删除该列或改回模板的表头",
                    f"column {where} header '{cells[pos]}' is not a field of this table: "
                    "delete the column or restore the template's header",
                ),
            )
        )
    for name in sorted(duplicates) + missing:
        title = next(f.get("title", name) for f in schema["fields"] if f["name"] == name)
        verb_zh, verb_en = ("重复出现", "appears twice") if name in duplicates else ("缺少", "is missing")
        table.problems.append(
            header.problem(
                "submission-duplicate-column" if name in duplicates else "submission-missing-column",
                None,
                (f"表头{verb_zh}列“{title}”（{name}）", f"the header {verb_en}: column '{title}' ({name})"),
            )
        )
    return not table.problems


def _read_row(table: Table, origin: Origin, cells: list[Any], columns: dict[int, str], types: dict[str, str]) -> None:
    row: dict[str, str] = {}
    notes: list[Finding] = []
    problems: list[Finding] = []
    for pos, name in columns.items():
        cell = normalise(cells[pos] if pos < len(cells) else None, types[name], text_file=origin.kind == "csv")
        row[name] = cell.text
        notes.extend(origin.note(n.rule, name, n.before, n.after) for n in cell.notes)
        if cell.problem:
            problems.append(origin.problem(cell.problem.rule, name, (cell.problem.zh, cell.problem.en)))
    stray = [pos for pos, v in enumerate(cells) if pos not in columns and fold(v)]
    if all(value == "" for name, value in row.items() if name not in KEY_FIELDS) and not stray:
        return
    for pos in stray:
        problems.append(
            origin.problem(
                "submission-value-outside-columns",
                None,
                (
                    f"第 {pos + 1} 列有值“{cells[pos]}”但没有表头",
                    f"column {pos + 1} holds '{cells[pos]}' but no header",
                ),
            )
        )
    table.rows.append(row)
    table.origins.append(origin)
    table.notes.extend(notes)
    table.problems.extend(problems)


def _letters(cells: list[Any]) -> dict[int, str]:
    from openpyxl.utils import get_column_letter

    return {pos: get_column_letter(pos + 1) for pos in range(len(cells))}


def _title_rows_note(file: str, kind: str, line: int) -> Finding:
    return Finding(
        rule="normalised-title-rows",
        severity="warning",
        path=file,
        row=line,
        message_zh=f"{file}：表头在第 {line} 行，其上方的标题行（含合并单元格）已跳过。",
        message_en=f"{file}: the header is on row {line}; the title rows above it (merged cells included) "
        "were skipped.",
    )


def _no_header(file: str, kind: str, schema: dict[str, Any]) -> Finding:
    titles = "、".join(f.get("title", f["name"]) for f in schema["fields"])
    names = ",".join(f["name"] for f in schema["fields"])
    return Finding(
        rule="submission-no-header",
        severity="error",
        path=file,
        message_zh=f"{file}：前 {HEADER_SEARCH_ROWS} 行中找不到表头。表头应为：{titles}。",
        message_en=f"{file}: no header row among the first {HEADER_SEARCH_ROWS} rows; expected: {names}.",
    )
