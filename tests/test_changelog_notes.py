"""A release rewrites its own CHANGELOG entry but keeps what a maintainer wrote under the entry's heading (the
1.0.0 entry explains data model v2 in words no diff can give), so the README's quick start leaves the file as it
is in the repository."""

from __future__ import annotations

import re

from publish.core import load
from publish.release import release
from tests.helpers import ROOT, copy_package


def test_the_quick_start_release_leaves_the_changelog_as_committed(tmp_path):
    package = copy_package(tmp_path / "package")
    (package / "CHANGELOG.md").write_bytes((ROOT / "CHANGELOG.md").read_bytes())
    release(package, out=tmp_path / "dist")
    # outside a git clone the release is dated from the data, not the last commit: compare all but the date
    dated = re.compile(r"^(## [0-9.]+) — [0-9-]+$", re.MULTILINE)
    written, committed = ((p / "CHANGELOG.md").read_text(encoding="utf-8") for p in (package, ROOT))
    assert dated.sub(r"\1", written) == dated.sub(r"\1", committed)


def test_notes_under_a_heading_survive_a_rebuilt_entry(tmp_path):
    package = copy_package(tmp_path / "package")
    version = load(package).descriptor["version"]
    notes = "维护者的说明 A maintainer's words about this version."
    (package / "CHANGELOG.md").write_text(f"# Changelog\n\n## {version} — 2000-01-01\n\n{notes}\n", encoding="utf-8")
    release(package, out=tmp_path / "dist")
    text = (package / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.count(f"## {version} ") == 1
    entry = text.split(f"## {version} ")[1]
    assert entry.index(notes) < entry.index("部门年度 Department-years")
