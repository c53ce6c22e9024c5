"""Shared by the catalog tests: the base URL they publish under and a release-shaped copy of the package."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

from tests.helpers import ROOT

BASE = "https://data.example.org/budgets"


def make_release(dist: Path) -> Path:
    """dist/<name>-<version>/ laid out as `publish release` makes it: bytes and hash in the descriptor, xlsx, zip."""
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    top = f"{descriptor['name']}-{descriptor['version']}"
    folder = dist / top
    shutil.copytree(ROOT / "schemas", folder / "schemas")
    shutil.copytree(ROOT / "data", folder / "data")
    for entry in descriptor["resources"]:
        data = (folder / entry["path"]).read_bytes()
        entry["bytes"] = len(data)
        entry["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    (folder / "README.md").write_text("# release\n", encoding="utf-8")
    (folder / f"{top}.xlsx").write_bytes(b"PK stand-in workbook bytes")
    with zipfile.ZipFile(dist / f"{top}.zip", "w") as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, f"{top}/{path.relative_to(folder)}")
    return folder
