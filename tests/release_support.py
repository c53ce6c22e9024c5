"""Releases for the tests: `publish release` run on a package copy, its names, and small edits between releases."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from publish.core.csvfile import read_rows, write_rows
from publish.release import release as release_library
from tests.helpers import SEED_DEPARTMENT, append_rows, copy_package, invoke

NAME = "wuxi-county-department-budgets"
EPOCH = "1700000000"  # 2023-11-14T22:13:20Z


def release(package: Path, *args: str):
    """`publish release` on ``package`` (through the command line)."""
    return invoke("release", str(package), *args)


def top(version: str) -> str:
    return f"{NAME}-{version}"


def schema(package: Path, resource: str) -> dict:
    return json.loads((package / "schemas" / f"{resource}.json").read_text(encoding="utf-8"))


def set_value(package: Path, resource: str, field: str, old: str, new: str) -> None:
    """Change one published value of ``resource`` in canonical form (the row whose ``field`` is ``old``)."""
    rows = read_rows(package / "data" / f"{resource}.csv")
    matching = [row for row in rows if row[field] == old]
    assert len(matching) == 1
    matching[0][field] = new
    write_rows(package / "data" / f"{resource}.csv", schema(package, resource), rows)


def add_department(package: Path, department: str = "500238-test") -> None:
    """A new department-year: every row of the seed department copied under another id."""
    for resource in json.loads((package / "datapackage.json").read_text(encoding="utf-8"))["resources"]:
        name = resource["name"]
        if name == "function_codes":
            continue
        rows = [row for row in read_rows(package / resource["path"]) if row.get("department_id") == SEED_DEPARTMENT]
        append_rows(package, name, [{**row, "department_id": department} for row in rows])


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with its sha256 (including dot files), to show nothing changed."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def make_release(folder: Path) -> Path:
    """Release a copy of the repo's package with `publish release`; the release folder it made."""
    package = copy_package(folder / "package", sources=False)
    return release_library(package, out=folder / "dist").folder
