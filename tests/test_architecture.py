"""The layout holds: layers point one way, packages meet through their faces, no cycles, no hidden imports."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

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


# --- the tests read like the code: one CLI helper, no test importing a test, no private names ---------------------

TESTS = ROOT / "tests"
CLI_HELPER = "helpers.py"  # tests/helpers.py: `invoke`, the one CliRunner of the suite
ENVIRONMENT_SWITCH = re.compile(r"REGENERATE|GOLDEN|UPDATE|SNAPSHOT", re.IGNORECASE)


def suite_sources() -> dict[str, ast.Module]:
    """Every Python file of tests/ (outside vendor/) by its path under tests/, parsed."""
    found = {
        path.relative_to(TESTS).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(TESTS.rglob("*.py"))
        if "vendor" not in path.relative_to(TESTS).parts
    }
    assert len(found) > 40
    return found


def imported_modules(tree: ast.Module) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every import in ``tree``, inside functions too; ``names`` empty for ``import m``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module, [alias.name for alias in node.names]))
    return found


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def is_test_module(module: str, names: list[str]) -> bool:
    parts = module.split(".")
    return parts[0] == "tests" and (parts[-1].startswith("test_") or any(n.startswith("test_") for n in names))


def test_no_test_module_imports_another_and_every_test_module_holds_tests():
    """What several test modules share lives in a helper module (tests/helpers.py, *_support.py, conftest.py)."""
    importing, empty = [], []
    for name, tree in suite_sources().items():
        importing += [
            f"{name}:{line} {module}" for line, module, names in imported_modules(tree) if is_test_module(module, names)
        ]
        defined = [node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]
        if Path(name).name.startswith("test_") and not any(n.startswith("test_") for n in defined):
            empty.append(name)
    assert importing == []
    assert empty == []


def test_cli_runner_appears_only_in_the_shared_helper():
    """Every test runs `publish` through ``tests.helpers.invoke``, never a CliRunner wrapper of its own."""
    users = []
    for name, tree in suite_sources().items():
        for node in ast.walk(tree):
            named = (
                (isinstance(node, ast.Name) and node.id == "CliRunner")
                or (isinstance(node, ast.Attribute) and node.attr == "CliRunner")
                or (isinstance(node, ast.alias) and node.name == "CliRunner")
            )
            if named and name != CLI_HELPER:
                users.append(f"{name}:{getattr(node, 'lineno', '?')}")
    assert users == []


def private_uses(tree: ast.Module) -> list[str]:
    """Private names of publish or of a test helper reached by an import or an attribute of an imported name."""
    found, imported = [], set()
    for line, module, names in imported_modules(tree):
        if module.split(".")[0] not in ("publish", "tests"):
            continue
        if any(is_private(part) for part in module.split(".")):
            found.append(f"{line} {module}")
        found += [f"{line} {module}.{n}" for n in names if is_private(n)]
        imported.update(names or [module.split(".")[0]])
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_private(node.attr):
            root = node.value
            while isinstance(root, ast.Attribute):
                root = root.value
            if isinstance(root, ast.Name) and root.id in imported:
                found.append(f"{node.lineno} {ast.unparse(node)}")
    return found


def test_no_test_reaches_a_private_name():
    """A test asserts what a public function does; a helper worth testing alone is made public, with a docstring."""
    reached = [f"{name}:{use}" for name, tree in suite_sources().items() for use in private_uses(tree)]
    assert reached == []
    planted = ast.parse("from publish.engine.reading import _fast\nfrom publish.core import atomic\natomic._x()")
    assert private_uses(planted) == ["1 publish.engine.reading._fast", "3 atomic._x"]  # both kinds are found


def environment_reads(tree: ast.Module) -> list[str]:
    """The names read from the environment: ``os.environ.get(X)``, ``os.getenv(X)``, ``os.environ[X]``, ``X in os.environ``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and ast.unparse(node.func) in ("os.environ.get", "os.getenv") and node.args:
            found.append(node.args[0])
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            found.append(node.slice)
        elif isinstance(node, ast.Compare) and any(ast.unparse(c) == "os.environ" for c in node.comparators):
            found.append(node.left)
    return [n.value for n in found if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def test_no_environment_switch_rewrites_expected_files():
    """Golden files are rewritten by ``python -m tests.golden``; a test only compares."""
    reads = [(name, key) for name, tree in suite_sources().items() for key in environment_reads(tree)]
    assert ("helpers.py", "CI") in reads  # require_tool's switch: the reads are found
    assert [(name, key) for name, key in reads if ENVIRONMENT_SWITCH.search(key)] == []
