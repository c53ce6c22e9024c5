"""Which disclosure a document is, read from its title: its kind (预算 / 调整预算 / 决算) and scope (部门汇总 / 本级 / 单位).

A title names the kind it is (“部门决算”, “调整预算”) and, where it is not the whole department's consolidated
document, its scope (“本级”, “单位预算”). Anything else is the usual consolidated budget.
"""

from __future__ import annotations

import re

from publish.core import DEFAULT_KIND, DEFAULT_SCOPE

KIND_WORDS = (("决算", "final_account"), ("调整预算", "adjusted_budget"))
SCOPE_PATTERNS = ((re.compile(r"本级"), "own"), (re.compile(r"(?<!部门)单位(?:预算|决算|调整预算)"), "unit"))


def identity_from_title(title: str) -> tuple[str, str]:
    """(document_kind, scope) as the title words them; budget and department where it says nothing else."""
    kind = next((kind for word, kind in KIND_WORDS if word in title), DEFAULT_KIND)
    scope = next((scope for pattern, scope in SCOPE_PATTERNS if pattern.search(title)), DEFAULT_SCOPE)
    return kind, scope
