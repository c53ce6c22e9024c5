"""Run the `run:` steps of a workflow job (or of a composite action) locally, in order, as a runner would.

Each script runs as GitHub runs `shell: bash` (`bash --noprofile --norc -eo pipefail <file>`), with the
workflow's, job's and step's `env`, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_WORKSPACE set.
`uses:` steps (checkout, setup-python, upload-artifact) and the pip install (id `install`) are skipped:
the tool is installed already. `if:` conditions and `${{ }}` in `env:` values are evaluated for the
few forms our workflows use; anything else raises, so the simulation never silently diverges.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.helpers import require_tool

EXPRESSION = re.compile(r"^\$\{\{\s*(.+?)\s*\}\}$")
STEP_OUTPUT = re.compile(r"^steps\.([\w-]+)\.outputs\.([\w-]+)$")
INLINE_PROGRAM = re.compile(
    r"(?:\b(?:python3?|node|perl|ruby|php|bash|sh)\b|\$\{?\w*PYTHON\w*\}?)[^\n|;&]*?\s-[a-zA-Z]*[ceE]\b"  # -c, -e, -pe
    r"|<<-?\s*['\"]?\w+"  # a heredoc
    r"|\b(?:python3?|node|perl|ruby)\s+-(?:\s|$)"  # a program read from standard input
)


def inline_programs(step: dict) -> list[str]:
    """What in a step's `run` (or an `env` value it hands to the script) is a program in another language."""
    texts = [("run", step.get("run", ""))] + [(f"env.{k}", str(v)) for k, v in step.get("env", {}).items()]
    found = [f"{where}: {match.group()!r}" for where, text in texts for match in INLINE_PROGRAM.finditer(text)]
    return found + [f"env.{k}: several lines" for k, v in step.get("env", {}).items() if "\n" in str(v).strip()]


@dataclass
class StepRun:
    name: str
    returncode: int
    stdout: str
    stderr: str


@dataclass
class JobRun:
    steps: list[StepRun] = field(default_factory=list)
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return any(step.returncode != 0 for step in self.steps)

    @property
    def stdout(self) -> str:
        return "".join(step.stdout for step in self.steps)

    def step(self, name_start: str) -> StepRun:
        return next(step for step in self.steps if step.name.startswith(name_start))


def load(path: Path) -> dict:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in document:  # YAML 1.1 reads the key `on` as a boolean
        document["on"] = document.pop(True)
    return document


def job_env(workflow: dict, job: str) -> tuple[list[dict], dict[str, str]]:
    """The steps of ``job`` and the env the workflow and the job set for them."""
    definition = workflow["jobs"][job]
    return definition["steps"], {**workflow.get("env", {}), **definition.get("env", {})}


def run_steps(
    steps: list[dict],
    workspace: Path,
    env: dict[str, str],
    context: dict[str, str],
    skip: tuple[str, ...] = (),
    outputs: dict[str, dict[str, str]] | None = None,
) -> JobRun:
    """Run ``steps`` in ``workspace``; ``context`` maps expressions (``inputs.path``…) to values and
    ``outputs`` stands in for the outputs of skipped steps (the install step's)."""
    job = JobRun(outputs=dict(outputs or {}))
    for index, step in enumerate(steps):
        name = step.get("name", step.get("uses", f"step {index}"))
        if "uses" in step or step.get("id") == "install" or name.startswith(skip):
            continue
        if not _should_run(step.get("if"), job.failed):
            continue
        resolved = {key: _resolve(str(value), context, job.outputs) for key, value in step.get("env", {}).items()}
        job.steps.append(_run(step, name, workspace, {**env, **resolved}, job, index))
    return job


def _run(step: dict, name: str, workspace: Path, env: dict[str, str], job: JobRun, index: int) -> StepRun:
    work = workspace.parent / f".runner-{workspace.name}"
    work.mkdir(exist_ok=True)
    script, output = work / f"step-{index}.sh", work / f"output-{index}"
    script.write_text(step["run"], encoding="utf-8")
    output.write_text("", encoding="utf-8")
    full_env = {**os.environ, "GITHUB_WORKSPACE": str(workspace), "GITHUB_OUTPUT": str(output), **env}
    bash = require_tool("bash", "the steps run as GitHub runs `shell: bash`")
    done = subprocess.run(
        [bash, "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=workspace,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if "id" in step:
        lines = output.read_text(encoding="utf-8").splitlines()
        job.outputs[step["id"]] = dict(line.split("=", 1) for line in lines if "=" in line)
    return StepRun(name, done.returncode, done.stdout, done.stderr)


def _should_run(condition: str | None, failed: bool) -> bool:
    if condition is None:
        return not failed
    expression = EXPRESSION.match(condition.strip())
    body = expression.group(1) if expression else condition.strip()
    known = {"always()": True, "!cancelled()": True, "failure()": failed, "success()": not failed}
    if body not in known:
        raise ValueError(f"the simulation does not know the condition {condition!r}")
    return known[body]


def _resolve(value: str, context: dict[str, str], outputs: dict[str, dict[str, str]]) -> str:
    expression = EXPRESSION.match(value.strip())
    if expression is None:
        if "${{" in value:
            raise ValueError(f"the simulation does not know the expression in {value!r}")
        return value
    body = expression.group(1)
    step_output = STEP_OUTPUT.match(body)
    if step_output:
        return outputs.get(step_output.group(1), {}).get(step_output.group(2), "")
    if body not in context:
        raise ValueError(f"the simulation does not know the expression {body!r}")
    return context[body]
