"""The layout holds: layers point one way, packages meet through their faces, no cycles, no hidden imports."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.helpers import ROOT

SRC = ROOT / "src" / "publish"
# Modules that may import publish code inside a function: the command layer loads lazily for a fast --help.
LAZY_LAYERS = ("cli.py", "commands")


def test_the_import_contracts_hold():
    """import-linter (configured in pyproject.toml): layers, one face per package, acyclic siblings."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())",
            "--no-cache",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_no_library_module_imports_publish_inside_a_function():
    """An import inside a function hides a cycle from the contracts; only the command layer loads lazily."""
    hidden = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC)
        if relative.parts[0] in LAZY_LAYERS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.ImportFrom) and (inner.module or "").startswith("publish"):
                        hidden.append(f"{relative}:{inner.lineno}")
    assert hidden == []


def test_only_a_handful_of_loose_modules_at_the_top():
    loose = sorted(path.name for path in SRC.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "cli.py"]
