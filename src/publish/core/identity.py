"""What names one disclosure (data model v2): fiscal year, department, document kind and scope.

A department publishes a budget (预算), an adjusted budget (调整预算) and a final account (决算) each year, for the
whole department (部门汇总), for its own office (本级) or for one of its units (单位): each is its own disclosure,
and every table row belongs to exactly one. Where nothing says otherwise a disclosure is the department's
consolidated budget (``budget``, ``department``), what data model v1 held.
"""

from __future__ import annotations

from typing import Any

IDENTITY = ("fiscal_year", "department_id", "document_kind", "scope")
DOCUMENT_KINDS = {
    "budget": ("预算", "budget"),
    "adjusted_budget": ("调整预算", "adjusted budget"),
    "final_account": ("决算", "final account"),
}
SCOPES = {"department": ("部门汇总", "department"), "own": ("本级", "own level"), "unit": ("单位", "unit")}
DEFAULT_KIND = "budget"
DEFAULT_SCOPE = "department"


def identity_words(kind: Any, scope: Any) -> tuple[str, str]:
    """The kind and scope as a reader says them, (Chinese, English); empty for the usual consolidated budget."""
    kind = kind or DEFAULT_KIND
    scope = scope or DEFAULT_SCOPE
    if (kind, scope) == (DEFAULT_KIND, DEFAULT_SCOPE):
        return "", ""
    kind_zh, kind_en = DOCUMENT_KINDS.get(kind, (str(kind), str(kind)))
    scope_zh, scope_en = SCOPES.get(scope, (str(scope), str(scope)))
    return f"{scope_zh}{kind_zh}", f"{scope_en} {kind_en}"
