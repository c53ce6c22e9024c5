"""Validating a submission on its own, with every rule the package is validated with.

The submission's rows replace its department-year in a temporary copy of the package, the
copy is validated by ``publish.validate.run.validate``, and the findings that concern the
submission are kept: those on its rows (mapped back to sheet and cell, or CSV file and line),
those naming its department-year, and those about the package or a whole table. Findings on
another year of the same department are kept only if the submission caused them (they are not
in the package's own report). Which rules exist is the validator's business, not ours.

A part the disclosure's profile requires is reported once: the completeness rule decides whether it is missing
(profile, `disclosure_parts`), and the submission words it as a missing line of the sheet or file where it
belongs (`submission-missing-line`) instead of repeating it.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from publish.core import DESCRIPTOR, Finding, Package, atomic, profile_lines, profile_of
from publish.submission.merge import Plan
from publish.submission.model import Submission
from publish.submission.table import Origin
from publish.template import identity, published_rows, required_rows, sheet_name
from publish.validate import validate

MISSING_PART = "required-part-missing"
# Required lines whose amount must be filled in (0 where there is none): silence is not disclosure.
AMOUNT_REQUIRED = {"income": "amount", "sangong": "amount", "procurement": "amount"}


def check(package: Package, submission: Submission, planned: Plan) -> list[Finding]:
    """The findings of the full validation that concern the submission, located in the submission."""
    return check_all(package, [submission], planned)[0]


def check_all(package: Package, submissions: list[Submission], planned: Plan) -> list[list[Finding]]:
    """The findings of one full validation of the package with every submission merged (``planned``), each list
    those of one submission; a finding another submission of the batch caused is not repeated in this one's."""
    with tempfile.TemporaryDirectory(prefix="publish-submission-") as folder:
        _write_copy(package, planned, Path(folder))
        report = validate(folder)
    before: list[set[tuple]] = []  # the package's own findings, validated once if needed
    found = []
    for submission in submissions:
        mine = _origin_ids(submission)
        others = [other for other in submissions if other is not submission]
        findings = [f for f in report.findings if not _caused_by_another(f, planned, submission, mine, others)]
        found.append(_concerning(package, submission, planned, findings, before))
    return found


def _caused_by_another(
    finding: Finding, planned: Plan, submission: Submission, mine: set[int], others: list[Submission]
) -> bool:
    """Whether ``finding`` lies on a row of another submission of the batch, or names another's disclosure."""
    origins = planned.tables[finding.resource].origins if finding.resource in planned.tables else []
    index = (finding.row or 0) - 2
    origin = origins[index] if 0 <= index < len(origins) else None
    if origin is not None:
        return id(origin) not in mine
    return any(_about_submission(finding, other) for other in others) and not _about_submission(finding, submission)


def _origin_ids(submission: Submission) -> set[int]:
    """The submission's rows' origins, by identity: two submissions' rows may have equal origins (line 2 of
    income.csv) but never the same one."""
    return {id(origin) for origins in submission.origins.values() for origin in origins}


def _concerning(
    package: Package, submission: Submission, planned: Plan, findings: list[Finding], before: list[set[tuple]]
) -> list[Finding]:
    mine = _origin_ids(submission)
    lines = {name: _line_map(table.origins, mine) for name, table in planned.tables.items()}
    kept, elsewhere = [], []
    for finding in findings:
        if finding.rule == MISSING_PART and _about_submission(finding, submission):
            kept.append(_missing_part(package, submission, finding))
            continue
        located = _locate(finding, lines, submission)
        if located is not None:
            kept.append(located)
        elif _same_department_other_year(finding, submission):
            elsewhere.append(finding)
    if elsewhere:
        if not before:
            before.append({_identity(f) for f in validate(package.root).findings})
        kept.extend(f for f in elsewhere if _identity(f) not in before[0])
    return kept + required_lines(package, submission)


def _write_copy(package: Package, planned: Plan, folder: Path) -> None:
    atomic.write_bytes(folder / DESCRIPTOR, package.descriptor_path.read_bytes())
    for resource in package.resources.values():
        schema = resource.descriptor.get("schema")
        if isinstance(schema, str):
            atomic.write_bytes(folder / schema, (package.root / schema).read_bytes())
        table = planned.tables.get(resource.name)
        if table is not None:
            atomic.write_text(folder / resource.path, table.text)
        elif package.file(resource).exists():
            atomic.write_bytes(folder / resource.path, package.file(resource).read_bytes())


def _line_map(origins: list[Origin | None], mine: set[int]) -> dict[int, Origin]:
    """The data lines of a merged file that hold the submission's rows (``mine``: their origins' ids)."""
    return {index + 2: origin for index, origin in enumerate(origins) if origin is not None and id(origin) in mine}


def _locate(finding: Finding, lines: dict[str, dict[int, Origin]], submission: Submission) -> Finding | None:
    origin = lines.get(finding.resource or "", {}).get(finding.row or -1)
    if origin is not None:
        return origin.place(finding)
    if _about_submission(finding, submission, lenient_year=True):
        return _in_table(finding, submission)
    if finding.department_id is None and finding.fiscal_year is None and finding.row is None:
        return _in_table(finding, submission) if finding.resource else finding
    return None


def _in_table(finding: Finding, submission: Submission) -> Finding:
    """A finding on a whole table of the submission: located at the sheet or file, its message built anew."""
    if not finding.resource:
        return finding
    shown = _table_name(submission, finding.resource)
    zh, en = finding.text or (finding.message_zh, finding.message_en)
    return dataclasses.replace(finding, path=shown, row=None, message_zh=f"{shown}：{zh}", message_en=f"{shown}: {en}")


def _table_name(submission: Submission, resource: str) -> str:
    if submission.kind == "csv":
        return f"{resource}.csv"
    return next((o.file for o in submission.origins.get(resource, [])), resource)


def _about_submission(finding: Finding, submission: Submission, lenient_year: bool = False) -> bool:
    """Whether ``finding`` is about the disclosure the submission claims (year, department, kind, scope); a finding
    that names no year, kind or scope is about it where ``lenient_year`` allows a missing year."""
    year, dept, kind, scope = submission.claim or ("", "", None, None)
    found_year = str(finding.fiscal_year or year) if lenient_year else str(finding.fiscal_year)
    same = finding.department_id == dept and found_year == year
    return same and (finding.document_kind or kind) == kind and (finding.scope or scope) == scope


def _missing_part(package: Package, submission: Submission, finding: Finding) -> Finding:
    """The completeness rule's missing part (or line), as the line missing from the submission's sheet or file."""
    values = {k: v for k, v in finding.values.items() if k != "resource"}
    resource = str(finding.values.get("resource", ""))
    known = package.resources.get(resource)
    table = (sheet_name(known) if submission.kind == "xlsx" else f"{resource}.csv") if known else resource
    if "part" in values:
        return _missing_line(table, resource, {}, part=str(values["part"]))
    template = required_rows(known.schema, resource, _profile(submission)) if known else []
    line = next((row for row in template if all(row.get(k) == v for k, v in values.items())), values)
    return _missing_line(table, resource, line)


def _profile(submission: Submission) -> str:
    disclosures = submission.rows.get("disclosures", [])
    return profile_of(disclosures[0] if len(disclosures) == 1 else None)


def _same_department_other_year(finding: Finding, submission: Submission) -> bool:
    return submission.claim is not None and finding.department_id == submission.claim[1]


def _identity(finding: Finding) -> tuple:
    return (
        finding.rule,
        finding.resource,
        finding.fiscal_year,
        finding.department_id,
        finding.document_kind,
        finding.scope,
        finding.field,
        finding.message_en,
    )


def required_lines(package: Package, submission: Submission) -> list[Finding]:
    """The form's own lines (the department and its disclosure) that the submission lacks, and the required lines
    of its profile (as the template prints them) it left blank. A missing part is the completeness rule's."""
    findings: list[Finding] = []
    profile = _profile(submission)
    for name, resource in package.resources.items():
        required = required_rows(resource.schema, name, profile)
        if not required or (name == "departments" and _department_known(package, submission)):
            continue
        rows = submission.rows.get(name, [])
        present = {identity(resource.schema, row): index for index, row in enumerate(rows)}
        table = sheet_name(resource) if submission.kind == "xlsx" else f"{name}.csv"
        for line in required:
            index = present.get(identity(resource.schema, line))
            if index is None:  # a part of the profile is the completeness rule's: reported once, above
                findings += [] if name in profile_lines(profile) else [_missing_line(table, name, line)]
            elif (amount := AMOUNT_REQUIRED.get(name)) and rows[index].get(amount, "") == "":
                origin = submission.origins[name][index]
                findings.append(origin.problem("submission-blank-amount", amount, _BLANK))
    return findings


_BLANK = (
    "此项必须公开，金额不能为空；没有的请填 0",
    "this line must be disclosed and its amount cannot be blank: enter 0 if none",
)


def _department_known(package: Package, submission: Submission) -> bool:
    return bool(published_rows(package, "departments", (submission.claim or ("", ""))[1], ""))


def _missing_line(table: str, resource: str, line: dict[str, str], part: str = "") -> Finding:
    label = line.get("item_name") or "、".join(v for k, v in line.items() if k.endswith("_name") and v)
    codes = part or "/".join(v for k, v in line.items() if k in ("fund", "measure", "item") and v)
    zh, en = _missing_words(label, codes, part)
    return Finding(
        rule="submission-missing-line",
        severity="error",
        resource=resource,
        path=table,
        message_zh=f"{table}：{zh}。",
        message_en=f"{table}: {en}.",
        values={"line": codes},
    )


def _missing_words(label: str, codes: str, part: str) -> tuple[str, str]:
    if part:
        return (
            f"缺少必须公开的部分“{part}”。请填写这一部分（没有的金额填 0）；文件未公开的，在未公开部分表中说明",
            f"the required part '{part}' is missing; fill it in (0 where there is none), or list it as not published",
        )
    if label:
        return (
            f"缺少必须公开的行“{label}”（{codes}）。请补上这一行；没有的金额填 0",
            f"the required line '{label}' ({codes}) is missing; add it, with 0 where there is none",
        )
    return "本表不能为空，请填写这一行", "this table cannot be empty: fill in its row"
