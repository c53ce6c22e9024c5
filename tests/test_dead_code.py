"""No dead code: vulture finds no unused function, class, method, attribute or variable in the package.

The settings live in pyproject.toml (``[tool.vulture]``), so `vulture` run by hand checks the same; what only a
library or a template uses is in tests/vulture_whitelist.py, each entry with who reads it.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

WHITELIST = ROOT / "tests" / "vulture_whitelist.py"
SETTINGS = re.search(
    r"^\[tool\.vulture\]\n(.*?)(?:^\[|\Z)", (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M | re.S
)[1]
CONFIDENCE = re.search(r"^min_confidence = (\d+)$", SETTINGS, re.M)[1]
PLANTED = """
class Shape:
    def __init__(self):
        self.sides = 3
        self.colour = "red"

    def area(self):
        return self.sides

    def perimeter(self):
        return self.sides * 2


def used():
    return Shape().area()


def forgotten():
    return 1


print(used())
"""


def vulture(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vulture", *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def test_the_package_has_no_dead_code():
    done = vulture()  # paths and confidence from [tool.vulture]
    assert (done.returncode, done.stdout) == (0, ""), done.stdout + done.stderr


def test_the_check_finds_unused_functions_methods_and_attributes(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text(PLANTED, encoding="utf-8")
    done = vulture(planted, "--min-confidence", CONFIDENCE)
    found = set(re.findall(r"unused \w+ '(\w+)'", done.stdout))
    assert found == {"forgotten", "perimeter", "colour"}, done.stdout


def test_every_whitelisted_name_is_still_in_the_package():
    """A stale entry would hide real dead code under the same name."""
    source = "\n".join(
        path.read_text(encoding="utf-8")
        for path in (ROOT / "src" / "publish").rglob("*")
        if path.suffix in {".py", ".html"}
    )
    names = []
    for node in ast.parse(WHITELIST.read_text(encoding="utf-8")).body[1:]:  # after the docstring
        value = node.value
        names.append(value.attr if isinstance(value, ast.Attribute) else value.id)
    assert len(names) > 20
    assert [name for name in names if not re.search(rf"\b{name}\b", source)] == []
    assert f'"{WHITELIST.relative_to(ROOT)}"' in SETTINGS  # vulture reads it
