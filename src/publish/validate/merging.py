"""The partitions' findings merged into the whole package's report, and its counts.

A finding about a row of a split file comes from its department's partition only (a row borrowed for a
reference is reported by its own partition); one about a whole file, a header or a copied resource is the same
in every partition and is kept once (as many times as the partition that has most of it). The descriptor's
`hash`, `bytes` and `rows` of each split file are checked here, on the original, as the engine checks them.
"""

from __future__ import annotations

import json

from publish.core import Finding, Package, Report
from publish.engine import declared_count_findings
from publish.rules import RULES
from publish.validate.plan import Plan
from publish.validate.splitting import FileSplit

RANK = {rule.id: index for index, rule in enumerate(RULES, start=1)}  # structural findings (rank 0) first


def counted(package: Package, chosen: Plan, files: dict[str, FileSplit]) -> list[Finding]:
    """The descriptor's `hash`, `bytes` and `rows` of each split file against the file, as the engine checks them."""
    found = []
    for resource in chosen.split:
        done, size = files[resource.name], package.file(resource).stat().st_size
        found += declared_count_findings(resource, digest=done.digest or None, size=size, rows=done.records)
    return found


def merged(package: Package, chosen: Plan, files: dict[str, FileSplit], found: list[list[Finding]]) -> list[Finding]:
    """One list of the partitions' findings: a row's from its own partition (a borrowed row's dropped), the others
    (the same in every partition) as many times as the partition that has most of them, in the report's order."""
    paths = {r.path for r in chosen.split}
    rows, most, first = [], {}, {}
    for index, findings in enumerate(found):
        borrowed = {
            (package.resources[name].path, line) for name, done in files.items() for line in done.borrowed[index]
        }
        counts: dict[str, int] = {}
        for finding in findings:
            if finding.path in paths and finding.row and finding.row > 1:
                if (finding.path, finding.row) not in borrowed:
                    rows.append(finding)
                continue
            key = _identity(finding)
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, finding)
        for key, count in counts.items():
            most[key] = max(most.get(key, 0), count)
    once = [first[key] for key in first for _ in range(most[key])]
    order = {r.name: index for index, r in enumerate(package.resources.values())}
    return sorted([*once, *rows], key=lambda f: (RANK.get(f.rule, 0), order.get(f.resource or "", -1), f.row or 0))


def _identity(finding: Finding) -> str:
    return json.dumps([finding.to_dict(), finding.involved], sort_keys=True, ensure_ascii=False, default=str)


def merged_stats(package: Package, files: dict[str, FileSplit], reports: list[Report], seconds: float) -> dict:
    """The whole package's counts: each split row once (borrowed rows not), each copied table's rows once."""
    own = [sum(done.counts[k] for done in files.values()) for k in range(len(reports))]
    borrowed = [sum(len(done.borrowed[k]) for done in files.values()) for k in range(len(reports))]
    copied = reports[0].stats.get("rows", 0) - own[0]
    return {
        "resources": len(package.resources),
        "rows": copied + sum(own) - sum(borrowed),
        "department_years": sum(r.stats.get("department_years", 0) for r in reports),
        "seconds": round(seconds, 3),
        "partitions": len(reports),
    }
