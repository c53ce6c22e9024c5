"""Excel submissions through a pull request: checked by sheet and cell in the pull request, merged after it.

A real git repository in tmp (the package on main, a bare origin), a branch uploading a filled workbook under
submissions/; `publish submissions check|merge` run directly and through the workflows' own steps.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from publish.submission import submissions_named
from publish.submission.filing import file_merged, free_name
from tests.helpers import ROOT, invoke, require_tool
from tests.submission_repository import (
    GOOD,
    another_department,
    git,
    merge_into_main,
    negative_income,
    repository,
    set_kpi_target,
    upload,
)
from tests.submission_support import data_bytes
from tests.workflow_runner import inline_programs, job_env, load, run_steps

WORKFLOWS = ROOT / ".github" / "workflows"
ANNOTATION = re.compile(r"^::(error|warning) file=([^,]*)(?:,line=\d+)?,title=([^:]*)::(.*)$", flags=re.MULTILINE)
BAD = "submissions/政务服务中心 2023 (错).xlsx"
KPI_LINE = "2023,500238-zwfwzx,budget,department,overall,部门整体绩效目标,1,办件时限压缩率,20,%,≥,{},"


def annotations(output: str) -> set[tuple[str, str, str]]:
    return {match.groups()[:3] for match in ANNOTATION.finditer(output)}


def run_job(repo: Path, workflow: str, job: str, context: dict[str, str], tmp_path: Path):
    require_tool("publish", "the workflows' steps run the installed command")
    steps, env = job_env(load(WORKFLOWS / workflow), job)
    runner = {"GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), "GITHUB_REF_NAME": "main"}
    runner["GITHUB_SERVER_URL"] = "https://github.com"
    return run_steps(steps, repo, {**env, **runner}, context=context)


# --- the pull request's check ----------------------------------------------------------------------------


def test_a_bad_cell_is_annotated_on_the_workbook_by_sheet_and_cell(tmp_path):
    repo = repository(tmp_path)
    base = upload(repo, "bad", {BAD: negative_income})
    summary, todo = tmp_path / "direct.md", tmp_path / "todo.csv"
    args = ["submissions", "check", "--package", repo, "--changed-since", base, "--format", "github", "--todo", todo]
    done = invoke(*args, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert done.exit_code == 1, done.output
    found = annotations(done.stdout)
    assert ("error", BAD, "constraint-error") in found and ("error", BAD, "income-total-mismatch") in found
    line = next(line for line in done.stdout.splitlines() if "title=constraint-error" in line)
    assert line.startswith(f"::error file={BAD},title=constraint-error::收入预算!H3：值小于最小值 0")
    assert "%0A收入预算!H3: the value is below the minimum 0 (value '-5')" in line
    text = summary.read_text(encoding="utf-8")
    assert f"| 错误 | `constraint-error` | `{BAD}` | 收入预算\\!H3：值小于最小值 0" in text  # Markdown-escaped
    assert "未通过：2 个错误" in text
    rows = todo.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("\ufeff级别,规则,文件,行,字段")  # UTF-8 with BOM, for Excel
    assert any(row.startswith(f"error,constraint-error,{BAD},,amount,2023,500238-zwfwzx,") for row in rows)
    assert "未并入 not merged" in done.stderr and data_bytes(repo) == data_bytes(ROOT)


def test_the_pull_request_job_reports_the_bad_workbook(tmp_path):
    repo = repository(tmp_path)
    base = upload(repo, "bad", {BAD: negative_income})
    job = run_job(repo, "validate.yml", "submissions", {"github.event.pull_request.base.sha": base}, tmp_path)
    assert [(s.name[:4], s.returncode) for s in job.steps] == [("检查报送", 1), ("修改说明", 0)]
    assert ("error", BAD, "constraint-error") in annotations(job.step("检查报送").stdout)
    text = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert f"`{BAD}` | 收入预算\\!H3：" in text and "重新上传同名文件" in text
    todo = (repo / "submission-findings.csv").read_text(encoding="utf-8-sig")
    assert f"error,constraint-error,{BAD},,amount" in todo


# --- after the merge: the main-branch job --------------------------------------------------------------------


def test_a_good_workbook_is_merged_filed_committed_and_pushed(tmp_path):
    repo = repository(tmp_path)
    base = upload(repo, "good", {GOOD: set_kpi_target})
    check = run_job(repo, "validate.yml", "submissions", {"github.event.pull_request.base.sha": base}, tmp_path)
    assert not check.failed, [(s.name, s.stdout, s.stderr) for s in check.steps]
    (repo / "submission-findings.csv").unlink()  # the pull request's run leaves it in its own workspace
    before = merge_into_main(repo, "good")
    merged = git(repo, "rev-parse", "HEAD")
    context = {"github.event.before": before, "github.token": "unused", "github.ref": "refs/heads/main"}
    job = run_job(repo, "merge-submissions.yml", "merge", context, tmp_path)
    assert not job.failed, [(s.name, s.stdout, s.stderr) for s in job.steps]
    assert [s.name[:2] for s in job.steps] == ["并入", "提交", "推送"]
    changed = git(repo, "diff", "--name-status", "--no-renames", merged, "HEAD").splitlines()
    assert changed == ["M\tdata/kpis.csv", "A\tsubmissions/merged/政务服务中心 2023.xlsx", f"D\t{GOOD}"]
    diff = git(repo, "diff", "--unified=0", merged, "HEAD", "--", "data").splitlines()
    assert [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")] == [
        "-" + KPI_LINE.format(80),
        "+" + KPI_LINE.format(85),
    ]
    assert (
        git(repo, "log", "-1", "--format=%an|%s") == "github-actions[bot]|并入报送 Merge the submitted department-years"
    )
    assert git(repo, "status", "--porcelain") == ""
    assert git(repo, "rev-parse", "origin/main") == git(repo, "rev-parse", "HEAD")
    again = run_job(repo, "merge-submissions.yml", "merge", {**context, "github.event.before": merged}, tmp_path)
    assert not again.failed and "nothing to commit" in again.step("提交").stdout  # a rerun changes nothing


def test_nothing_is_merged_or_moved_when_any_submission_is_bad(tmp_path):
    repo = repository(tmp_path)
    upload(repo, "two", {GOOD: set_kpi_target})
    folder = another_department(repo, repo / "submissions" / "城市管理局")
    income = folder / "income.csv"
    income.write_text(income.read_text(encoding="utf-8").replace(",360.67,万元,", ",-5,万元,", 1), encoding="utf-8")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "a second, bad submission")
    before = merge_into_main(repo, "two")
    head, data = git(repo, "rev-parse", "HEAD"), data_bytes(repo)
    context = {"github.event.before": before, "github.token": "unused", "github.ref": "refs/heads/main"}
    job = run_job(repo, "merge-submissions.yml", "merge", context, tmp_path)
    assert [(s.name[:2], s.returncode) for s in job.steps] == [("并入", 1), ("失败", 0)]
    assert ("error", "submissions/城市管理局/income.csv", "constraint-error") in annotations(job.stdout)
    assert "::error file=submissions/城市管理局/income.csv,line=4," in job.stdout
    assert data_bytes(repo) == data and git(repo, "rev-parse", "HEAD") == head
    assert git(repo, "status", "--porcelain") == "" and not (repo / "submissions" / "merged").exists()
    assert "publish submissions merge" in (tmp_path / "summary.md").read_text(encoding="utf-8")


# --- hostile paths and names --------------------------------------------------------------------------------


def test_only_plain_paths_below_submissions_are_submissions(tmp_path):
    repo = repository(tmp_path)
    for name in ("submissions/a.xlsx", "submissions/merged/old.xlsx", "submissions/dept/income.csv", "other/b.xlsx"):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_bytes(b"x")
    (tmp_path / "outside.xlsx").write_bytes(b"x")
    os.symlink(tmp_path / "outside.xlsx", repo / "submissions" / "link.xlsx")
    os.symlink(tmp_path, repo / "submissions" / "away")
    names = ["submissions/a.xlsx", "submissions/dept/income.csv", "submissions/merged/old.xlsx", "other/b.xlsx"]
    names += ["../outside.xlsx", "/etc/passwd.xlsx", "submissions/../other/b.xlsx", "submissions/link.xlsx"]
    names += ["submissions/away/outside.xlsx", "submissions\\a.xlsx", "submissions/a\n.xlsx", "submissions/gone.xlsx"]
    names += ["submissions/readme.md", "submissions/.hidden/income.csv", "data/income.csv"]
    assert submissions_named(repo, names) == ["submissions/a.xlsx", "submissions/dept"]


def test_a_change_outside_submissions_is_no_submission(tmp_path):
    repo = repository(tmp_path)
    base = upload(repo, "elsewhere", {"other/政务服务中心.xlsx": negative_income, BAD: negative_income})
    git(repo, "rm", "--quiet", BAD)
    git(repo, "commit", "--quiet", "-m", "the bad one removed again")
    income = repo / "data" / "income.csv"
    income.write_text(income.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    done = invoke("submissions", "check", "--package", repo, "--changed-since", base)
    assert (done.exit_code, done.output) == (
        0,
        "没有新增或改动的报送 / no submission was added or changed under submissions/\n",
    )


def test_a_revision_that_could_be_an_option_or_is_unknown_is_refused(tmp_path):
    repo = repository(tmp_path)
    for revision in ("--output=/tmp/x", "-p", "no-such-branch"):
        done = invoke("submissions", "merge", "--package", repo, "--changed-since", revision)
        assert done.exit_code == 2, (revision, done.output)
        assert done.stderr.count("\n") == 2 and "Traceback" not in done.output
    assert git(repo, "status", "--porcelain") == ""


def test_a_name_already_filed_gets_a_numbered_suffix(tmp_path):
    repo = repository(tmp_path)
    for name in ("submissions/财政局.xlsx", "submissions/sub/财政局.xlsx", "submissions/merged/财政局.xlsx"):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(name, encoding="utf-8")
    moves = file_merged(repo, ["submissions/财政局.xlsx", "submissions/sub/财政局.xlsx"])
    assert moves == [
        ("submissions/财政局.xlsx", "submissions/merged/财政局-2.xlsx"),
        ("submissions/sub/财政局.xlsx", "submissions/merged/财政局-3.xlsx"),
    ]
    filed = repo / "submissions" / "merged"
    assert (filed / "财政局.xlsx").read_text(encoding="utf-8") == "submissions/merged/财政局.xlsx"  # never overwritten
    assert (filed / "财政局-3.xlsx").read_text(encoding="utf-8") == "submissions/sub/财政局.xlsx"
    assert free_name(repo / "submissions" / "merged", "财政局") == "财政局"


# --- the workflows themselves -------------------------------------------------------------------------------


def test_the_merge_workflow_is_least_privilege_serialised_and_runs_only_publish_and_git():
    workflow = load(WORKFLOWS / "merge-submissions.yml")
    assert workflow["on"] == {"push": {"branches": ["main"], "paths": ["submissions/**"]}}
    assert workflow["permissions"] == {}
    assert workflow["concurrency"] == {"group": "merge-submissions", "cancel-in-progress": False}
    assert workflow["jobs"]["merge"]["permissions"] == {"contents": "write"}
    validate = load(WORKFLOWS / "validate.yml")
    assert "pull_request_target" not in validate["on"] and validate["jobs"]["submissions"]["permissions"] == {
        "contents": "read"
    }
    steps = [*workflow["jobs"]["merge"]["steps"], *validate["jobs"]["submissions"]["steps"]]
    commands = set()
    for step in steps:
        assert inline_programs(step) == [], step.get("name")
        if step.get("id") == "install":  # pip, in the base branch's or main's own copy
            continue
        for line in step.get("run", "").splitlines():
            words = line.strip().split()
            commands |= {words[0]} if words and "=" not in words[0] else set()
    assert commands <= {"publish", "git", "echo", "if", "fi", "exit", "{", "}", "export", "commit", "-m", "then"}
    assert {"publish", "git"} <= commands


def test_the_pull_request_check_runs_publish_from_the_base_branch():
    steps = load(WORKFLOWS / "validate.yml")["jobs"]["submissions"]["steps"]
    pull_request, base = [s for s in steps if s.get("uses", "").startswith("actions/checkout@")]
    assert pull_request["with"] == {"fetch-depth": 0, "persist-credentials": False}  # its history holds the base
    assert base["with"]["ref"] == "${{ github.event.pull_request.base.sha || github.sha }}"
    install = next(s for s in steps if s.get("id") == "install")
    assert install["working-directory"] == base["with"]["path"] == ".publish-base"
    check = next(s for s in steps if s.get("id") == "submissions")
    assert check["env"] == {"BASE_SHA": "${{ github.event.pull_request.base.sha }}"}
    assert '--changed-since "$BASE_SHA"' in check["run"] and "--todo submission-findings.csv" in check["run"]
