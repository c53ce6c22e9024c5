"""The layout of the Excel template, shared by the template that writes it and the submission that reads it.

Which resources a department submits, the sheet each goes to (its Chinese title), and the sheets that
hold no rows: instructions, the hidden metadata, the code list and the drop-down lists.
"""

from __future__ import annotations

from typing import Any

from publish.core import IDENTITY, Package

KEY_FIELDS = IDENTITY  # filled in by the template, locked; the identity of the one disclosure submitted
NOT_SUBMITTED = ("function_codes",)
# Sheets of the template that hold no rows: instructions, metadata, drop-down lists.
INSTRUCTIONS_SHEET = "填报说明"
META_SHEET = "_meta"
CODES_SHEET = "科目代码"
LISTS_SHEET = "下拉选项"
AUXILIARY_SHEETS = (INSTRUCTIONS_SHEET, META_SHEET, CODES_SHEET, LISTS_SHEET)


def submitted_resources(package: Package) -> dict[str, Any]:
    """The resources a submission may hold, by name."""
    return {name: r for name, r in package.resources.items() if name not in NOT_SUBMITTED}


def sheet_name(resource: Any) -> str:
    """The template sheet of a resource: its Chinese title, without what Excel forbids, at most 31 characters."""
    title = str(resource.descriptor.get("title") or resource.name)
    return "".join("_" if c in "[]:*?/\\" else c for c in title)[:31]
