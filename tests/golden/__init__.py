"""The golden report files: what `publish validate` prints for a copy of the package with known mistakes.

The tests only compare (tests/test_validate_scenarios.py). ``python -m tests.golden`` rewrites every file with
the same functions, on a fresh copy of the package: run it when a report changes on purpose, and review the diff.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import Result

from tests.helpers import invoke
from tests.mutate import add, edit

VALIDATE_BROKEN = Path(__file__).with_name("validate-broken.json")


def broken(package: Path) -> None:
    """Three mistakes: a total that does not add up, a change word against the figures, an empty required cell."""
    edit(package, "income", {"item": "total"}, amount="360.00")
    edit(package, "sangong", {"item": "reception"}, change="", change_word="减少", change_rate="5")  # 增加0: a warning
    add(package, "glossary", fiscal_year="2023", department_id="500238-zwfwzx", term_no="6", term="x", definition="")


def json_report(package: Path) -> Result:
    """`publish validate --format json` on ``package``: its output is what VALIDATE_BROKEN holds once ``broken``."""
    return invoke("validate", "--format", "json", str(package))
