"""The Excel template a department fills in, generated from the package's schemas: its layout (sheets,
keys), the rows it holds, and the sheets it writes."""

from publish.template.build import TemplateError, write_template
from publish.template.layout import (
    AUXILIARY_SHEETS,
    KEY_FIELDS,
    META_SHEET,
    NOT_SUBMITTED,
    sheet_name,
    submitted_resources,
)
from publish.template.rows import identity, published_rows, required_rows

__all__ = [
    "AUXILIARY_SHEETS",
    "KEY_FIELDS",
    "META_SHEET",
    "NOT_SUBMITTED",
    "TemplateError",
    "identity",
    "published_rows",
    "required_rows",
    "sheet_name",
    "submitted_resources",
    "write_template",
]
