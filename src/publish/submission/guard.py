"""Refusing a submission file before anything parses it: too large, a zip bomb, or XML with a DOCTYPE.

A submission comes from outside the team. An .xlsx is a zip of XML parts: it is refused when a
part would unpack beyond a bound (a decompression bomb) or when any part declares a DOCTYPE or an
entity (the "billion laughs" entity bomb, external entities reading local files). Office never
writes either, so nothing real is lost. A sheet whose used area is larger than any
department-year could fill is refused before its cells are walked. Each refusal is a (Chinese,
English) message saying why and what to do; the caller names the file.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 64 * 1024**2  # a department-year's submission is well under 1 MB
MAX_UNPACKED_BYTES = 256 * 1024**2  # all parts of a workbook together, uncompressed
MAX_SHEET_CELLS = 2_000_000  # rows × columns of a sheet's used area
MARKUP = (b"<!DOCTYPE", b"<!ENTITY")
MARKUP_FORMS = tuple(word.decode().encode(codec) for word in MARKUP for codec in ("utf-8", "utf-16-le", "utf-16-be"))
CHUNK = 1 << 20

Refusal = tuple[str, str]


def oversized(path: Path) -> Refusal | None:
    """A file larger than any submission could be: refused unread."""
    size = path.stat().st_size
    if size <= MAX_FILE_BYTES:
        return None
    return (
        f"文件有 {size} 字节，超过报送文件上限 {MAX_FILE_BYTES} 字节，未读取；请只报送一个部门一个年度的数据",
        f"the file has {size} bytes, more than the {MAX_FILE_BYTES} a submission may have, and was not "
        "read; submit one department-year only",
    )


def unsafe_workbook(path: Path) -> Refusal | None:
    """Why the .xlsx at ``path`` must not be parsed, or None. Reads every part once, in bounded chunks."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
                return _bomb()
            for info in infos:
                if _declares_markup(archive, info):
                    return _doctype(info.filename)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError):
        return None  # not a readable zip: openpyxl's own refusal names it
    return None


def _declares_markup(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(CHUNK):
            window = tail + chunk
            if any(form in window for form in MARKUP_FORMS):
                return True
            tail = window[-32:]
    return False


def oversized_sheet(sheet: Any) -> Refusal | None:
    """A sheet whose used area (as the file declares it) is too large to walk cell by cell."""
    cells = sheet.max_row * sheet.max_column
    merged = sum(r.size["rows"] * r.size["columns"] for r in sheet.merged_cells.ranges)
    if max(cells, merged) <= MAX_SHEET_CELLS:
        return None
    return (
        f"工作表“{sheet.title}”的使用区域达 {sheet.max_row} 行 × {sheet.max_column} 列，超出报送表格的合理范围，"
        "未读取；请删除多余的行、列和合并单元格后重新保存",
        f"the sheet '{sheet.title}' spans {sheet.max_row} rows × {sheet.max_column} columns, far more than a "
        "submission needs, and was not read; delete the extra rows, columns and merged cells and save again",
    )


def _bomb() -> Refusal:
    return (
        f"解压后超过 {MAX_UNPACKED_BYTES} 字节（疑似压缩炸弹），未读取；请用 Excel 重新保存",
        f"it would unpack to more than {MAX_UNPACKED_BYTES} bytes (a decompression bomb?) and was not read; "
        "save it again in Excel",
    )


def _doctype(part: str) -> Refusal:
    return (
        f"其中的 {part} 含有 DOCTYPE 或实体声明（可能是实体炸弹或外部实体攻击），Excel 不会生成这样的文件，未读取；"
        "请用 Excel 重新保存后再报送",
        f"its part {part} declares a DOCTYPE or entities (an entity bomb or external entity attack?), which "
        "Excel never writes, and was not read; save it again in Excel and resubmit",
    )
