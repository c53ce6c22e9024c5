"""A real git repository for the pull-request tests: the package committed on main, pushed to a bare `origin`,
and a branch uploading workbooks or CSV folders into submissions/, as a clerk does with GitHub's web page."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.helpers import copy_package, require_tool
from tests.submission_support import SUBMITTED, csv_folder, edit_workbook, exported_template, row_of, seed_rows

IDENTITY = [
    "-c",
    "core.quotepath=false",
    "-c",
    "user.name=clerk",
    "-c",
    "user.email=clerk@example.invalid",
    "-c",
    "commit.gpgsign=false",
]
GOOD = "submissions/政务服务中心 2023.xlsx"


def git(repo: Path, *args: str) -> str:
    command = [require_tool("git", "a pull request is a branch of a git repository"), *IDENTITY, "-C", str(repo)]
    done = subprocess.run([*command, *args], capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.strip()


def repository(tmp_path: Path) -> Path:
    """The package committed on main in ``tmp_path``/repo, with ``tmp_path``/origin.git (bare) as its origin."""
    repo = copy_package(tmp_path / "repo")
    bare = tmp_path / "origin.git"
    subprocess.run([require_tool("git", "a bare origin"), "init", "--quiet", "--bare", str(bare)], check=True)
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "package")
    git(repo, "remote", "add", "origin", str(bare))
    git(repo, "push", "--quiet", "origin", "main")
    return repo


def set_kpi_target(book, value: int = 85) -> None:
    """One figure of the seed's department-year: a KPI target 80 → 85 (kpis.csv, one line)."""
    sheet = book["绩效指标"]
    sheet.cell(row_of(sheet, 8, "办件时限压缩率"), 12).value = value


def negative_income(book) -> None:
    """收入预算!H3 = -5: below the minimum, and the income parts no longer add up."""
    book["收入预算"]["H3"].value = -5


def upload(repo: Path, branch: str, files: dict[str, object]) -> str:
    """A branch off main adding each workbook (``name`` → its edit), committed; main's commit (the base)."""
    base = git(repo, "rev-parse", "main")
    git(repo, "checkout", "--quiet", "-b", branch, "main")
    for name, change in files.items():
        target = repo / name
        target.parent.mkdir(parents=True, exist_ok=True)
        edit_workbook(exported_template(repo, target), change)
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", f"upload {branch}")
    return base


def merge_into_main(repo: Path, branch: str) -> str:
    """The pull request merged on GitHub: main gets a merge commit; main's commit before it (``github.event.before``)."""
    git(repo, "checkout", "--quiet", "main")
    before = git(repo, "rev-parse", "HEAD")
    git(repo, "merge", "--quiet", "--no-ff", "--no-edit", branch)
    git(repo, "push", "--quiet", "origin", "main")
    return before


def another_department(repo: Path, folder: Path, department: str = "500238-csj") -> Path:
    """The seed's department-year as another department's, in a CSV submission folder."""
    named = {"name": "测试单位"}
    rows = {
        resource: [{**row, "department_id": department, **(named if resource == "departments" else {})} for row in seed]
        for resource in SUBMITTED
        for seed in [seed_rows(repo, resource)]
    }
    return csv_folder(repo, folder, rows=rows)
