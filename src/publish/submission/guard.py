"""Refusing a submission file before anything parses it: too large, a zip or entity bomb, too many cells.

A submission comes from outside the team. Any file larger than a submission could be is refused
unread. An .xlsx is refused when its zip or its XML is unsafe (``publish.core.unsafe_office_file``:
parts unpacking beyond a bound, a DOCTYPE or an entity) or when its sheets declare more cells than any
department-year could fill (``cell_count``, counted in the XML before openpyxl loads anything). Each
refusal is a (Chinese, English) message saying why, the limit and what to do; the caller names the file.
"""

from __future__ import annotations

from pathlib import Path

from publish.core import limits, unsafe_office_file
from publish.submission.cell_count import oversized_cells

Refusal = tuple[str, str]


def oversized(path: Path) -> Refusal | None:
    """A file larger than any submission could be: refused unread."""
    size = path.stat().st_size
    if not limits.SUBMISSION_BYTES.exceeded(size):
        return None
    hint_zh, hint_en = limits.SUBMISSION_BYTES.hint()
    return (
        f"文件有 {size} 字节，超过报送文件的上限，未读取；请只报送一个部门一个年度的数据（{hint_zh}）",
        f"the file has {size} bytes, more than a submission may have, and was not read; submit one "
        f"department-year only ({hint_en})",
    )


def unsafe_workbook(path: Path) -> Refusal | None:
    """Why the .xlsx at ``path`` must not be opened by openpyxl, or None."""
    return unsafe_office_file(path) or oversized_cells(path)
