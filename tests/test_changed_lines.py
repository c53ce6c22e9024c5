"""Findings where the change is: `publish validate --format github --changed-since REF` annotates each changed line a
finding involves (a part of a sum, a row now repeating a key, a prior year's figure) and the finding's own line once,
each message naming the other lines; without `--changed-since` the annotations stay where they were."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from publish.core import Finding
from publish.render.placement import where_changed
from tests.helpers import ROOT, copy_package, invoke, require_tool

sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import make_corpus

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]
ANNOTATION = re.compile(r"^::(error|warning) file=([^,]*),line=(\d+),title=([^:]*)::(.*)$")
FUNCTION = "data/expenditure_by_function.csv"
TYPE_WARNING = ("warning", "data/expenditure_by_type.csv", "2", "change-breakdown-mismatch")
NO_SUMMARY = {"GITHUB_STEP_SUMMARY": None}


def git(folder: Path, *args: str) -> None:
    require_tool("git", "--changed-since compares with a git commit")
    subprocess.run([*GIT, "-C", str(folder), *args], check=True, capture_output=True)


def on_a_branch(folder: Path) -> Path:
    """``folder`` committed on `main`, then a branch `change` checked out."""
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "base")
    git(folder, "checkout", "-qb", "change")
    return folder


def commit_edit(folder: Path, name: str, line: int, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` on one line of ``data/<name>.csv`` and commit it."""
    path = folder / "data" / f"{name}.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    git(folder, "commit", "-qam", "change")


def github(folder: Path, *options: str) -> tuple[int, list[tuple[str, ...]]]:
    """The exit code and the annotations (severity, file, line, title, message) of `validate --format github`."""
    result = invoke("validate", folder, "--format", "github", *options, env=NO_SUMMARY)
    assert "Traceback" not in result.output
    found = [match.groups() for line in result.output.splitlines() if (match := ANNOTATION.match(line))]
    return result.exit_code, found


@pytest.fixture
def branch(tmp_path: Path) -> Path:
    """The repo's package, committed on `main`, on a branch."""
    return on_a_branch(copy_package(tmp_path / "package", sources=False))


def test_a_changed_part_of_a_sum_is_annotated_on_its_line_naming_the_total(branch):
    commit_edit(branch, "expenditure_by_function", 2, ",304.21,", ",304.12,")
    code, found = github(branch, "--changed-since", "main")
    assert code == 1
    assert [f[:4] for f in found] == [
        ("error", FUNCTION, "2", "function-total-mismatch"),
        ("error", FUNCTION, "7", "function-total-mismatch"),
        TYPE_WARNING,
    ]
    part, total = found[0][4], found[1][4]
    assert part.startswith(
        f"{FUNCTION} 第 2 行（本次改动）：{FUNCTION} 第 7 行（2023 年 500238-zwfwzx）：合计 360.67 万元"
    )
    assert f"涉及的其他行：{FUNCTION}:7、{FUNCTION}:3、" in part
    assert f"%0A{FUNCTION} line 2 (changed): {FUNCTION} line 7" in part
    assert f"Other lines involved: {FUNCTION}:7, {FUNCTION}:3, " in part
    assert f"涉及的其他行：{FUNCTION}:2（已改动）、{FUNCTION}:3、" in total
    assert f"Other lines involved: {FUNCTION}:2 (changed), {FUNCTION}:3, " in total


def test_without_changed_since_the_total_alone_is_annotated_as_before(branch):
    commit_edit(branch, "expenditure_by_function", 2, ",304.21,", ",304.12,")
    code, found = github(branch)
    assert code == 1
    assert [f[:4] for f in found] == [("error", FUNCTION, "7", "function-total-mismatch"), TYPE_WARNING]
    assert found[0][4] == (
        f"{FUNCTION} 第 7 行（2023 年 500238-zwfwzx）：合计 360.67 万元，但其 5 个组成项之和为 360.58 万元，"
        "相差 0.09 万元。请核对合计或各组成项。"
        f"%0A{FUNCTION} line 7 (500238-zwfwzx, 2023): 合计 is 360.67 万元 but its 5 parts add up to 360.58 万元, "
        "a gap of 0.09 万元. Check the total or its parts."
    )


def test_a_finding_that_involves_no_changed_line_stays_where_it_is(branch):
    commit_edit(branch, "expenditure_by_function", 2, ",304.21,", ",304.12,")
    _, changed = github(branch, "--changed-since", "main")
    _, full = github(branch)
    assert changed[2] == full[1]  # the warning in expenditure_by_type.csv, a file the branch did not touch


def test_the_json_report_keeps_its_shape(branch):
    commit_edit(branch, "expenditure_by_function", 2, ",304.21,", ",304.12,")
    result = invoke("validate", branch, "--format", "json", "--changed-since", "main")
    assert result.exit_code == 1
    findings = json.loads(result.output)["findings"]
    assert [(f["rule"], f["path"], f["row"]) for f in findings] == [
        ("function-total-mismatch", FUNCTION, 7),
        ("change-breakdown-mismatch", "data/expenditure_by_type.csv", 2),
    ]
    assert not {"involved", "changed", "text"} & {key for f in findings for key in f}


def test_a_key_now_repeated_is_annotated_on_the_changed_line_too(branch):
    """Line 2 (item 201) now says 205, the item of line 3: the repeat is found on line 3, which did not change."""
    commit_edit(branch, "expenditure_by_function", 2, ",all,201,total,", ",all,205,total,")
    code, found = github(branch, "--changed-since", "main")
    assert code == 1
    repeats = [f for f in found if f[3] == "primary-key"]
    assert [f[:3] for f in repeats] == [("error", FUNCTION, "2"), ("error", FUNCTION, "3")]
    assert f"{FUNCTION} 第 2 行（本次改动）：{FUNCTION} 第 3 行：主键重复或为空" in repeats[0][4]
    assert f"涉及的其他行：{FUNCTION}:3。" in repeats[0][4]
    assert f"涉及的其他行：{FUNCTION}:2（已改动）。" in repeats[1][4]
    _, full = github(branch)
    assert [f[:3] for f in full if f[3] == "primary-key"] == [("error", FUNCTION, "3")]


def operating_costs(folder: Path, department: str) -> dict[str, tuple[int, str]]:
    """The line and the amount of each year's operating costs of ``department``."""
    text = (folder / "data" / "operating_costs.csv").read_text(encoding="utf-8")
    rows = enumerate(csv.DictReader(io.StringIO(text)), 2)
    return {r["fiscal_year"]: (n, r["amount"]) for n, r in rows if r["department_id"] == department}


def test_a_changed_prior_year_figure_is_annotated_on_its_line_naming_the_next_year(tmp_path):
    make_corpus(tmp_path, 60, years=4, seed=21)
    on_a_branch(tmp_path)
    text = (tmp_path / "data" / "departments.csv").read_text(encoding="utf-8")
    department = sorted(r["department_id"] for r in csv.DictReader(io.StringIO(text)))[3]
    costs = operating_costs(tmp_path, department)
    lines = {year: line for year, (line, _) in costs.items()}
    amount = costs["2022"][1]
    commit_edit(tmp_path, "operating_costs", lines["2022"], f",{amount},万元", f",{float(amount) + 1:.2f},万元")
    code, found = github(tmp_path, "--changed-since", "main")
    assert code == 1
    path = "data/operating_costs.csv"
    placed = [(f[2], f[3]) for f in found]
    assert placed.count((str(lines["2023"]), "prior-year-mismatch")) == 1  # the next year's finding, once
    at_changed = [f[4] for f in found if f[:4] == ("error", path, str(lines["2022"]), "prior-year-mismatch")]
    copy = next(m for m in at_changed if m.startswith(f"{path} 第 {lines['2022']} 行（本次改动）："))
    assert f"涉及的其他行：{path}:{lines['2023']}。" in copy
    _, full = github(tmp_path)
    assert (str(lines["2022"]), "prior-year-mismatch") in [(f[2], f[3]) for f in full]
    assert not any("本次改动" in f[4] for f in full)


def test_a_changed_part_of_a_stated_change_is_annotated_on_its_line(branch):
    commit_edit(branch, "expenditure_by_type", 4, ",-15,减少,", ",-16,减少,")
    code, found = github(branch, "--changed-since", "main")
    assert code == 1
    path = "data/expenditure_by_type.csv"
    assert [f[:4] for f in found] == [
        TYPE_WARNING,
        ("error", path, "4", "change-breakdown-mismatch"),
        ("error", path, "6", "change-breakdown-mismatch"),
    ]
    assert f"涉及的其他行：{path}:6、{path}:2。" in found[1][4]
    assert f"涉及的其他行：{path}:4（已改动）、{path}:2。" in found[2][4]


def test_a_long_list_of_lines_is_cut_short():
    finding = Finding(
        "function-total-mismatch",
        "error",
        "合计不符。",
        "the total is off.",
        path="t.csv",
        row=40,
        involved=(*range(2, 40),),
    )
    [part, total] = where_changed(replace(finding, changed=(5,)))
    assert part.row == 5 and part.message_zh.startswith(
        "t.csv 第 5 行（本次改动）：合计不符。 涉及的其他行：t.csv:40、t.csv:2、"
    )
    assert part.message_zh.endswith("t.csv:13 等共 38 行。")
    assert part.message_en.endswith("t.csv:13 and 26 more.")
    assert total.row == 40 and total.message_en.startswith(
        "the total is off. Other lines involved: t.csv:5 (changed), t.csv:2"
    )
    assert where_changed(finding) == [finding] and where_changed(finding)[0].message_zh == "合计不符。"


def test_a_row_copied_whole_is_a_change_and_its_repeat_names_the_first(branch):
    path = branch / FUNCTION
    text = path.read_text(encoding="utf-8")
    path.write_text(text + text.split("\n")[1] + "\n", encoding="utf-8")
    git(branch, "commit", "-qam", "copy")
    code, found = github(branch, "--changed-since", "main")
    assert code == 1
    repeats = [f for f in found if f[3] == "primary-key"]
    assert [f[:3] for f in repeats] == [("error", FUNCTION, "8")]
    assert repeats[0][4].startswith(f"{FUNCTION} 第 8 行：主键重复或为空")
    assert f"涉及的其他行：{FUNCTION}:2。" in repeats[0][4]
