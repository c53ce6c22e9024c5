"""The fixed cost of a small run: cold `publish validate` against `frictionless validate`, and where the time goes.

    python benchmarks/fixed_cost.py                  # this repo, 5 cold runs of each, medians and the ratio
    python benchmarks/fixed_cost.py PACKAGE --runs 9
    python benchmarks/fixed_cost.py PACKAGE --rules  # one process: each stage, then each rule, slowest first

Cold runs alternate between the tools, so a busy machine slows all alike; compare the ratios of one
run, not figures from different runs. publish runs twice over: with the descriptor's verdict in its
cache (a private cache folder, primed by one run first: the everyday case of a repository checked
again) and with `--no-cache` (frictionless checks the descriptor, as on a first run). Beside them:
`python -c pass` (the interpreter and its site packages, the floor of any Python tool) and
`publish --version` (the CLI's own start). Every child process may write bytecode (into a private
folder), as an installed tool has it: a checkout run with PYTHONDONTWRITEBYTECODE set would compile
publish's modules from source on every run. `--rules` times the stages of `publish.validate.run.validate`
one by one in a child process (imports, descriptor from the cache, tables, the pandera row models), then
every registered rule alone, one after another (the real run spreads them over threads), and last the
descriptor with `--no-cache` (what a first run adds).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STAGES = """
import json, sys, time
clock = [time.perf_counter()]
def lap():
    clock.append(time.perf_counter())
    return round(clock[-1] - clock[-2], 4)
times = {}
from publish.core import load
from publish.engine import load_tables
from publish.rules import RULES, Context
from publish.rules.rows import model_failures
from publish.validate.descriptor import descriptor_findings
times["import publish.rules (polars)"] = lap()
package = load(sys.argv[1])
descriptor_findings(package, cache=True)
times["descriptor, verdict cached"] = lap()
tables, _ = load_tables(package)
times["tables (typed, structure checked)"] = lap()
ctx = Context(package, tables)
model_failures(ctx)
times["row models (pandera, with its import)"] = lap()
rules = {}
for rule in RULES:
    lap()
    found = list(rule.run(rule, ctx))
    rules[rule.id] = lap()
descriptor_findings(package, cache=False)  # last: frictionless's imports (pydantic …) would speed the stages above
times["descriptor, --no-cache (frictionless, with its import)"] = lap()
print(json.dumps({"stages": times, "rules": rules}))
"""


FRICTIONLESS = "frictionless validate"
PUBLISH = ("publish validate", "publish validate --no-cache")


def cold(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user and system) of one fresh child process running ``argv``."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def child_env(scratch: Path) -> dict[str, str]:
    """This checkout's `src` first on the path (the code measured is the code here), a private cache folder for
    publish's verdicts and a private bytecode folder, in ``scratch``."""
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTHONDONTWRITEBYTECODE")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    env["PUBLISH_CACHE_DIR"] = str(scratch / "cache")
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "bytecode")
    return env


def tools(package: Path) -> dict[str, list[str]]:
    publish = [sys.executable, "-m", "publish"]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "publish --version": [*publish, "--version"],
        PUBLISH[0]: [*publish, "validate", str(package)],
        PUBLISH[1]: [*publish, "validate", "--no-cache", str(package)],
        FRICTIONLESS: [shutil.which("frictionless") or "frictionless", "validate", str(package / "datapackage.json")],
    }


def side_by_side(package: Path, runs: int, scratch: Path) -> dict[str, list[tuple[float, float]]]:
    """``runs`` cold runs of each tool on ``package``, alternating, after one priming run of each (bytecode
    written, the verdict cached)."""
    env, argvs = child_env(scratch), tools(package)
    for argv in argvs.values():
        cold(argv, env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in argvs}
    for _ in range(runs):
        for name, argv in argvs.items():
            times[name].append(cold(argv, env))
    return times


def render_side_by_side(times: dict[str, list[tuple[float, float]]]) -> str:
    """Medians of wall time (what a user waits) and of CPU time (less swayed by a busy machine), and the ratios."""
    wall = {name: [w for w, _ in runs] for name, runs in times.items()}
    cpu = {name: statistics.median(c for _, c in runs) for name, runs in times.items()}
    medians = {name: statistics.median(seconds) for name, seconds in wall.items()}
    lines = [
        f"{name:<29} median {median:.2f} s  (min {min(wall[name]):.2f}, max {max(wall[name]):.2f}, "
        f"{len(wall[name])} runs; CPU {cpu[name]:.2f} s)"
        for name, median in medians.items()
    ]
    for name in PUBLISH:
        ratio, cpu_ratio = medians[FRICTIONLESS] / medians[name], cpu[FRICTIONLESS] / cpu[name]
        lines.append(
            f"ratio frictionless / {name}: {ratio:.2f}x wall ({'faster' if ratio >= 1 else 'slower'}), "
            f"{cpu_ratio:.2f}x CPU"
        )
    return "\n".join(lines)


def stages(package: Path, scratch: Path) -> dict:
    """Seconds per stage and per rule, measured in one fresh child process (after a priming run)."""
    argv, env = [sys.executable, "-c", STAGES, str(package)], child_env(scratch)
    subprocess.run(argv, capture_output=True, env=env, check=True)
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def render_stages(timed: dict, top: int) -> str:
    lines = [f"{seconds:7.3f} s  {stage}" for stage, seconds in timed["stages"].items()]
    ranked = sorted(timed["rules"].items(), key=lambda item: -item[1])
    lines.append(f"{sum(timed['rules'].values()):7.3f} s  all {len(ranked)} rules, one after another; slowest:")
    lines += [f"{seconds:7.3f} s    {rule}" for rule, seconds in ranked[:top]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", nargs="?", type=Path, default=ROOT)
    parser.add_argument("--runs", type=int, default=5, help="cold runs of each tool")
    parser.add_argument("--rules", action="store_true", help="time each stage and each rule instead")
    parser.add_argument("--top", type=int, default=15, help="rules listed with --rules")
    args = parser.parse_args(argv)
    package = args.package.resolve()
    with tempfile.TemporaryDirectory(prefix="fixed-cost-") as scratch:
        if args.rules:
            print(render_stages(stages(package, Path(scratch)), args.top))
        else:
            print(render_side_by_side(side_by_side(package, args.runs, Path(scratch))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
