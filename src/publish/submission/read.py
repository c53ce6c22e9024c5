"""A submission: one department-year's rows, read from a filled template (.xlsx) or a folder of CSVs.

Reading never raises for what is in the file: every problem is a finding located by sheet and
cell (``收入预算!F5``) or by CSV file, line and field, and every Excel habit undone on the way
(see ``publish.submission.cells``) is a note. The submission claims one disclosure (fiscal year,
department, document kind, scope): the template's hidden ``_meta`` sheet says which, otherwise its rows do; a
row of another disclosure is refused, never moved.
"""

from __future__ import annotations

from pathlib import Path

from publish.core import DEFAULT_KIND, DEFAULT_SCOPE, Finding, Package, identity_words
from publish.submission.csv_folder import read_folder
from publish.submission.model import Submission
from publish.submission.table import Origin
from publish.submission.workbook import read_workbook
from publish.template import KEY_FIELDS as KEYS


def read_submission(path: str | Path, package: Package, expected: tuple[str, ...] | None = None) -> Submission:
    """Read the submission at ``path`` (an .xlsx file or a folder of CSVs) against ``package``'s schemas."""
    path = Path(path)
    submission = read_folder(path, package) if path.is_dir() else read_workbook(path, package)
    if submission.readable:
        settle_claim(submission, expected)
    return submission


def settle_claim(submission: Submission, expected: tuple[str, ...] | None) -> None:
    """Decide which disclosure (year, department, kind, scope) the submission is for, fill blank keys, refuse rows
    of another: a submission replaces exactly one disclosure."""
    claim = submission.claim or _claim_from_rows(submission)
    if claim is None:
        return
    expected = (*expected, DEFAULT_KIND, DEFAULT_SCOPE)[:4] if expected else None  # (year, department): a budget
    if expected and tuple(expected) != tuple(claim):
        submission.problems.append(_claim_mismatch(submission, claim, expected))
        return
    submission.claim = claim
    for resource, rows in submission.rows.items():
        for row, origin in zip(rows, submission.origins[resource], strict=True):
            _check_keys(submission, resource, row, origin, claim)


def _claim_from_rows(submission: Submission) -> tuple[str, ...] | None:
    """The disclosure of the only ``disclosures`` row (one per disclosure), else of all rows; a blank kind or scope
    is the usual consolidated budget."""
    disclosures = submission.rows.get("disclosures", [])
    if len(disclosures) == 1 and disclosures[0].get("fiscal_year") and disclosures[0].get("department_id"):
        return _identity(disclosures[0])
    pairs = {_identity(row) for resource, rows in submission.rows.items() if resource != "departments" for row in rows}
    pairs = {pair for pair in pairs if pair[0] and pair[1]}
    if len(pairs) == 1:
        return pairs.pop()
    shown = "、".join("/".join(pair) for pair in sorted(pairs)) or "无 none"
    zh = (
        f"本报送中的行属于多个部门或年度（{shown}）。一份报送只能包含一个部门一个年度，请拆分后分别报送。"
        if pairs
        else "本报送中没有任何带有预算年度和部门编号的数据行，请按模板填写。"
    )
    en = (
        f"the rows of this submission belong to several department-years ({shown}); "
        "a submission holds exactly one department and one year: split it"
        if pairs
        else "this submission has no rows with a fiscal year and department id: fill in the template"
    )
    submission.problems.append(_whole(submission, "submission-department-year-unclear", zh, en))
    return None


def _identity(row: dict[str, str]) -> tuple[str, ...]:
    year, department = row.get("fiscal_year", ""), row.get("department_id", "")
    return year, department, row.get("document_kind") or DEFAULT_KIND, row.get("scope") or DEFAULT_SCOPE


def _check_keys(submission: Submission, resource: str, row: dict[str, str], origin: Origin, claim) -> None:
    keys = ("department_id",) if resource == "departments" else KEYS
    for key, claimed in zip(KEYS, claim, strict=True):
        if key not in keys:
            continue
        if row.get(key, "") == "":
            row[key] = claimed
            submission.notes.append(origin.note("normalised-key-filled", key, "", claimed))
        elif row[key] != claimed:
            submission.problems.append(origin.problem("submission-key-mismatch", key, _mismatch_text(row[key], claim)))


def _mismatch_text(value: str, claim: tuple[str, ...]) -> tuple[str, str]:
    year, dept, kind, scope = claim
    words_zh, words_en = identity_words(kind, scope)
    return (
        f"“{value}”与本报送所报的部门年度（{year} 年，{dept}{' ' + words_zh if words_zh else ''}）不符。"
        "一份报送只能包含一个部门一个年度一个公开文件的行；请改正此格，或把这一行放到该部门该年度自己的报送中",
        f"'{value}' does not match the department-year this submission is for "
        f"({year}, {dept}{', ' + words_en if words_en else ''}); "
        "a submission holds rows of one department-year only: correct the cell or submit the row separately",
    )


def _claim_mismatch(submission: Submission, claim, expected) -> Finding:
    return _whole(
        submission,
        "submission-claim-mismatch",
        f"本报送是 {claim[0]} 年 {claim[1]} 的数据，而不是所指定的 {expected[0]} 年 {expected[1]}。"
        "请核对文件是否选错。",
        f"this submission holds {claim[0]} {claim[1]}, not the requested {expected[0]} {expected[1]}: "
        "check that you picked the right file",
    )


def _whole(submission: Submission, rule: str, zh: str, en: str) -> Finding:
    shown = submission.source.name
    return Finding(rule=rule, severity="error", path=shown, message_zh=f"{shown}：{zh}", message_en=f"{shown}: {en}")
