"""Paths and small readers shared by the tests."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_051e28ba8158a445.txt"
SEED_DEPARTMENT = "500238-zwfwzx"


def read_rows(package: Path, resource: str) -> list[dict[str, str]]:
    with open(package / "data" / f"{resource}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def append_rows(package: Path, resource: str, rows: list[dict[str, str]]) -> None:
    schema = json.loads((package / "schemas" / f"{resource}.json").read_text(encoding="utf-8"))
    columns = [f["name"] for f in schema["fields"]]
    with open(package / "data" / f"{resource}.csv", "a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writerows({c: row.get(c, "") for c in columns} for row in rows)


def money(text: str) -> Decimal | None:
    return Decimal(text) if text != "" else None
