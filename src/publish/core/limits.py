"""Every bound on what an input from outside may hold, in one place, each checked before a parser sees it.

A pull request's data, a department's workbook or CSV folder and a document given to `publish extract`
come from outside the team. Each limit below is far above what a real department-year needs and far
below what exhausts a CI runner. A refusal names the limit and the environment variable that raises it
(``PUBLISH_LIMIT_<NAME>``, a positive whole number), so a maintainer who trusts an unusual file can.

Used as a module (``from publish.core import limits``), like ``atomic``: ``limits.SHEET_CELLS.value``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

MiB = 1024**2
PREFIX = "PUBLISH_LIMIT_"


@dataclass(frozen=True)
class Limit:
    name: str  # the environment variable's suffix
    default: int
    unit_zh: str
    unit_en: str

    @property
    def variable(self) -> str:
        return PREFIX + self.name

    @property
    def value(self) -> int:
        """The default, or the positive whole number the environment variable sets."""
        raw = os.environ.get(self.variable, "").strip()
        return int(raw) if raw.isdigit() and int(raw) > 0 else self.default

    def exceeded(self, amount: int) -> bool:
        return amount > self.value

    def hint(self) -> tuple[str, str]:
        """How to raise the limit, in (Chinese, English), to end a refusal message with."""
        return (
            f"上限为 {self.value} {self.unit_zh}；确认文件可信且确需更大时，可设置环境变量 {self.variable}",
            f"the limit is {self.value} {self.unit_en}; if the file is trusted and must be larger, "
            f"set the environment variable {self.variable}",
        )


# A submission (publish add): one department-year, filled in Excel or saved as CSV.
SUBMISSION_BYTES = Limit("SUBMISSION_BYTES", 64 * MiB, "字节", "bytes")
# An Office file (.xlsx submission, .docx document) is a zip of XML parts: their sizes once unpacked.
OFFICE_PART_BYTES = Limit("OFFICE_PART_BYTES", 128 * MiB, "字节（单个部件解压后）", "bytes per part, unpacked")
OFFICE_UNPACKED_BYTES = Limit("OFFICE_UNPACKED_BYTES", 256 * MiB, "字节（全部部件解压后）", "bytes, all parts unpacked")
OFFICE_PARTS = Limit("OFFICE_PARTS", 10_000, "个部件", "parts")
DOCX_PART_BYTES = Limit(
    "DOCX_PART_BYTES", 32 * MiB, "字节（Word 文档单个部件解压后）", "bytes per part of a Word file, unpacked"
)
# A workbook: its cells (and each sheet's used area, rows × columns), and all its XML tags, counted in
# the XML before openpyxl opens it.
SHEET_CELLS = Limit("SHEET_CELLS", 2_000_000, "个单元格", "cells")
WORKBOOK_TAGS = Limit("WORKBOOK_TAGS", 20_000_000, "个 XML 标记", "XML tags")
# A document given to publish extract.
TEXT_BYTES = Limit("TEXT_BYTES", 4 * MiB, "字节", "bytes")
DOCUMENT_BYTES = Limit("DOCUMENT_BYTES", 64 * MiB, "字节", "bytes")
PDF_PAGES = Limit("PDF_PAGES", 300, "页", "pages")
PDF_STREAM_BYTES = Limit("PDF_STREAM_BYTES", 64 * MiB, "字节（单个数据流解压后）", "bytes per stream, unpacked")
PDF_UNPACKED_BYTES = Limit("PDF_UNPACKED_BYTES", 512 * MiB, "字节（全部数据流解压后）", "bytes, all streams unpacked")
PDF_PAGE_BYTES = Limit("PDF_PAGE_BYTES", 4 * MiB, "字节（一页的内容流解压后）", "bytes of one page's content, unpacked")
PDF_PAGE_OPERATORS = Limit("PDF_PAGE_OPERATORS", 200_000, "个（一页的绘制指令）", "drawing operators on one page")

ALL = (
    SUBMISSION_BYTES,
    OFFICE_PART_BYTES,
    OFFICE_UNPACKED_BYTES,
    OFFICE_PARTS,
    DOCX_PART_BYTES,
    SHEET_CELLS,
    WORKBOOK_TAGS,
    TEXT_BYTES,
    DOCUMENT_BYTES,
    PDF_PAGES,
    PDF_STREAM_BYTES,
    PDF_UNPACKED_BYTES,
    PDF_PAGE_BYTES,
    PDF_PAGE_OPERATORS,
)
