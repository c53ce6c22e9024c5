"""Startup stays light (heavy libraries load only where used) and the progress bar appears only at a terminal."""

from __future__ import annotations

import ast
import json
import os
import pty
import subprocess
import sys

import pytest

from publish.validate.run import validate
from tests.helpers import ROOT, copy_package
from tests.mutate import edit

HEAVY = (
    "polars",
    "frictionless",
    "pandera",
    "duckdb",
    "openpyxl",
    "jinja2",
    "rdflib",
    "pdfplumber",
    "altair",
    "rich",
    "numpy",
    "hypothesis",
)
PROBE = """
import sys
from publish.cli import main
for args in {args!r}:
    try:
        main(args, standalone_mode=False)
    except SystemExit:
        pass
print(sorted(m for m in {heavy!r} if m in sys.modules))
"""


def imported_after(*args: list[str]) -> list[str]:
    return run_probe(*args)[1]


def run_probe(*args: list[str]) -> tuple[str, list[str]]:
    """What ``publish *args`` (each in turn, in one fresh process) print, and the heavy libraries then loaded."""
    code = PROBE.format(args=list(args), heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    *printed, loaded = done.stdout.strip().splitlines()
    return "\n".join(printed), ast.literal_eval(loaded)


def test_publish_help_imports_no_heavy_library():
    assert imported_after(["--help"]) == []


def test_every_command_help_imports_no_heavy_library():
    commands = ["validate", "rules", "release", "diff", "verify", "template", "add", "extract", "catalog", "site"]
    assert imported_after(*[[name, "--help"] for name in [*commands, "export"]]) == []


def test_validate_loads_what_it_needs_and_nothing_for_export_or_pages():
    loaded = imported_after(["validate", str(ROOT), "--format", "json"])
    assert {"polars", "frictionless", "pandera"} <= set(loaded)
    assert not {"duckdb", "openpyxl", "jinja2", "rdflib", "altair", "rich", "numpy", "hypothesis"} & set(loaded)


def test_a_descriptor_checked_before_never_loads_frictionless():
    """The second run takes the descriptor's verdict from the cache (tests/conftest.py gives each test its own)."""
    assert "frictionless" in imported_after(["validate", str(ROOT), "--format", "json"])
    assert imported_after(["validate", str(ROOT), "--format", "json"]) == ["pandera", "polars"]
    assert "frictionless" in imported_after(["validate", str(ROOT), "--no-cache", "--format", "json"])


def test_the_row_models_find_the_same_rows_without_numpy_or_hypothesis(tmp_path):
    """pandera runs as a polars-only install in the command (publish.models.extras); in this process, where
    hypothesis is loaded, as it comes."""
    package = copy_package(tmp_path / "package", sources=False)
    edit(package, "kpis", {"indicator_no": "1"}, target_value="180")
    edit(package, "sangong", {"item": "reception"}, change="1", change_word="减少")
    edit(package, "assets", {"measure": "holding", "item": "total"}, as_of="")
    printed, loaded = run_probe(["validate", str(package), "--format", "json"])
    found = sorted((f["rule"], f["path"], f["row"]) for f in json.loads(printed)["findings"])
    assert found == sorted((f.rule, f.path, f.row) for f in validate(package).findings)
    assert {"change-word-mismatch", "kpi-percent-range", "vehicle-period-missing"} <= {rule for rule, *_ in found}
    assert "pandera" in loaded and not {"numpy", "hypothesis"} & set(loaded)


MODELLED = ("income", "expenditure_by_function", "expenditure_by_type", "sangong", "operating_costs", "kpis", "assets")


def test_validate_without_a_modelled_resource_or_rule_never_imports_pandera(tmp_path):
    package = copy_package(tmp_path / "package", sources=False)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] not in MODELLED]
    (package / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    report = validate(package)
    assert [f.rule for f in report.findings] == ["required-part-missing"] * 7  # the rules ran on what is left
    assert "pandera" not in imported_after(["validate", str(package), "--format", "json"])
    assert "pandera" not in imported_after(["validate", str(ROOT), "--select", "sums", "--format", "json"])


def test_validate_reports_its_progress_stage_by_stage():
    calls = []
    report = validate(ROOT, progress=lambda stage, done, total: calls.append((stage, done, total)))
    assert report.valid
    tables = len(json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["resources"])
    assert ("tables", tables, tables) in calls
    rules = [c for c in calls if c[0] == "rules"]
    assert rules[-1][1] == rules[-1][2] and len(rules) == rules[-1][2]


def _stderr_of_validate(terminal: bool) -> bytes:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    argv = [sys.executable, "-m", "publish", "validate", str(ROOT)]
    if not terminal:
        done = subprocess.run(argv, capture_output=True, env=env)
        return done.stderr
    leader, follower = pty.openpty()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    child.wait()
    os.close(leader)
    return b"".join(chunks)


def test_a_progress_bar_is_drawn_on_a_terminal_only():
    assert _stderr_of_validate(terminal=False) == b""
    drawn = _stderr_of_validate(terminal=True)
    assert "预算规则".encode() in drawn or b"rules" in drawn


@pytest.mark.parametrize("ci", ["true", "1"])
def test_no_progress_bar_in_ci(ci, monkeypatch):
    from publish.render.progress import wanted

    class Terminal:
        def isatty(self):
            return True

    monkeypatch.setenv("CI", ci)
    assert not wanted(Terminal())
    monkeypatch.delenv("CI")
    assert wanted(Terminal())
