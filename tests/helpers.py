"""Paths, small readers and the one way to run `publish` in-process, shared by the tests."""

from __future__ import annotations

import csv
import json
import os
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import frictionless
import pytest
from click.testing import CliRunner, Result

from publish.cli import main

ROOT = Path(__file__).resolve().parents[1]
# The first disclosure: the 2023 budget explanation of 巫溪县政务服务中心, kept in the package's sources/.
SEED_DOCUMENT = ROOT / "sources" / "500238-zwfwzx" / "2023-budget.txt"
# disclosures.source_file of the seed's row: the document's path in the package. `publish extract` records only
# the file name it was given (src/publish/extract/core.py), so the tests compare the two by this pair.
SEED_SOURCE_FILE = SEED_DOCUMENT.relative_to(ROOT).as_posix()
SEED_DEPARTMENT = "500238-zwfwzx"
# The tables of the repo's package (13 in data model v2: v1's 12 and disclosure_parts).
TABLE_COUNT = len(json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["resources"])

# The parts of a frictionless descriptor whose errors a descriptor check can report
FRICTIONLESS_DESCRIPTOR = (
    frictionless.Package,
    frictionless.Resource,
    frictionless.Dialect,
    frictionless.Control,
    frictionless.Schema,
    frictionless.Field,
)


def invoke(*args: object, **options: Any) -> Result:
    """Run ``publish *args`` in-process the way a user would (stdout and stderr both in ``output``).

    Arguments may be paths or numbers; ``options`` go to ``CliRunner.invoke`` (``env``, ``catch_exceptions``).
    """
    return CliRunner().invoke(main, [str(a) for a in args], **options)


def copy_package(target: Path, *, sources: bool = True) -> Path:
    """A writable copy of the repo's data package at ``target``: descriptor, schemas, data and (unless not
    ``sources``) the source documents."""
    target.mkdir()
    shutil.copy(ROOT / "datapackage.json", target)
    shutil.copytree(ROOT / "schemas", target / "schemas")
    shutil.copytree(ROOT / "data", target / "data")
    if sources:
        shutil.copytree(ROOT / "sources", target / "sources")
    return target


def read_rows(package: Path, resource: str) -> list[dict[str, str]]:
    with open(package / "data" / f"{resource}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def append_rows(package: Path, resource: str, rows: list[dict[str, str]]) -> None:
    schema = json.loads((package / "schemas" / f"{resource}.json").read_text(encoding="utf-8"))
    columns = [f["name"] for f in schema["fields"]]
    with open(package / "data" / f"{resource}.csv", "a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writerows({c: row.get(c, "") for c in columns} for row in rows)


def edit(path: Path, change) -> None:
    """Rewrite the text file at ``path`` as ``change`` (its lines, line ends kept → the new lines) makes it."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(change(lines)), encoding="utf-8")


def money(text: str) -> Decimal | None:
    return Decimal(text) if text != "" else None


def require_tool(name: str, why: str) -> str:
    """The path of the program ``name`` the test runs. Where it is missing the test is skipped with the reason;
    under CI (``CI=true``) it fails instead, so that CI never passes by skipping."""
    found = shutil.which(name)
    if found:
        return found
    reason = f"{name} is not installed: {why}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: a missing tool fails the test, it is not skipped)", pytrace=False)
    pytest.skip(reason)
