"""What a release reads from and writes back to the package folder: README, CHANGELOG, version."""

from __future__ import annotations

import json
from pathlib import Path

from publish.core import DESCRIPTOR, Package, atomic
from publish.release.changelog import has_entry

CHANGELOG = "CHANGELOG.md"
README = "README.md"


def readme_text(package: Package) -> str:
    """The package's README.md, or a short one made from the descriptor when it has none."""
    own = package.root / README
    if own.is_file():
        return own.read_text(encoding="utf-8")
    descriptor = package.descriptor
    lines = [f"# {descriptor.get('title') or descriptor.get('name')}", "", descriptor.get("description", ""), ""]
    lines += ["| 资源 resource | 标题 title | 文件 file |", "|---|---|---|"]
    lines += [f"| `{r.name}` | {r.descriptor.get('title', '')} | `{r.path}` |" for r in package.resources.values()]
    licences = ", ".join(item.get("name", "") for item in descriptor.get("licenses", []))
    lines += ["", f"许可 Licence: {licences}" if licences else "", ""]
    return "\n".join(lines)


def changelog_text(root: Path) -> str:
    path = root / CHANGELOG
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def sync(root: Path, version: str, changelog: str, replace: bool) -> list[str]:
    """Write ``version`` into the package's datapackage.json and ``changelog`` into its CHANGELOG.md
    (only where it has no entry for ``version`` unless ``replace``); return the files written."""
    written = []
    descriptor_path = root / DESCRIPTOR
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    if descriptor.get("version") != version:
        descriptor["version"] = version
        atomic.write_text(descriptor_path, json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n")
        written.append(DESCRIPTOR)
    current = changelog_text(root)
    missing = not has_entry(current, version)
    if has_entry(changelog, version) and current != changelog and (replace or missing):
        atomic.write_text(root / CHANGELOG, changelog)
        written.append(CHANGELOG)
    return written
