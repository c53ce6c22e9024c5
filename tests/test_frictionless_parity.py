"""`publish validate` (default engine) and frictionless-py report the same structural errors.

Each case in tests/frictionless_cases.json is a package built from frictionless-py's own test data
(tests/vendor/frictionless/, see its README) or from a probe of ours, one for every Table Schema type,
constraint, dialect option and key. Both tools validate the same files; the sets of (error type, row,
field) must be equal, or differ exactly as the case's "differs" says, each such difference being one
documented in docs/frictionless-differences.md. Budget rules (publish's own, e.g. number-not-plain)
are not frictionless's business and are left out; so are warnings.
"""

from __future__ import annotations

import json
import re
import shutil
import warnings
from pathlib import Path

import pytest

from publish.rules import RULES
from tests.fuzz.outcome import assert_clean_outcome, invoke
from tests.helpers import ROOT

VENDOR = ROOT / "tests" / "vendor" / "frictionless"
CASES = json.loads((ROOT / "tests" / "frictionless_cases.json").read_text(encoding="utf-8"))["cases"]
DIFFERENCES = ROOT / "docs" / "frictionless-differences.md"
# frictionless names no row for header errors (we name the header's line) nor for file and package errors.
HEADER = {"blank-label", "duplicate-label", "incorrect-label", "extra-label", "missing-label", "unmatched-header"}
FILE = {"encoding-error", "source-error", "hash-count", "byte-count", "row-count", "resource-error", "error"}


BUDGET_RULES = {rule.id for rule in RULES}  # publish's own rules; frictionless has none of them


def build(case: dict, root: Path) -> Path:
    """The case's package in ``root``: a vendored package folder, or resources over vendored and inline files."""
    if isinstance(case.get("package"), str):
        shutil.copytree(VENDOR / "data" / case["package"], root, dirs_exist_ok=True)
        return root
    inline = case.get("files", {})
    for resource in case["resources"]:
        for key in ("path", "schema"):
            name = resource.get(key)
            if isinstance(name, str) and name not in inline:
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(VENDOR / "data" / name, root / name)
    for name, text in inline.items():
        (root / name).write_bytes(text.encode(case.get("file_encoding", "utf-8")))
    descriptor = {**case.get("package", {}), "name": "case", "resources": case["resources"]}
    (root / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    return root


def located(kind: str, row, field) -> tuple:
    if kind in FILE:
        return (kind, None, None)
    return (kind, None if kind in HEADER else row, field or None)


def ours(package: Path) -> set[tuple]:
    result = invoke("validate", package, "--format", "json")
    assert_clean_outcome(result)
    findings = json.loads(result.output)["findings"]
    return {
        located(f["rule"], f["row"], f["field"])
        for f in findings
        if f["severity"] == "error" and f["rule"] not in BUDGET_RULES
    }


def theirs(package: Path) -> set[tuple]:
    from frictionless import validate

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = validate(str(package / "datapackage.json"))
    errors = {located(error.type, None, None) for error in report.errors}
    for task in report.tasks:
        for error in task.errors:
            found = error.to_descriptor()
            errors.add(located(found["type"], found.get("rowNumber"), found.get("fieldName")))
    return errors


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_publish_and_frictionless_report_the_same_errors(case: dict, tmp_path: Path):
    package = build(case, tmp_path)
    mine, reference = ours(package), theirs(package)
    expected = case.get("differs", {"ours": [], "theirs": []})
    assert sorted(mine - reference, key=str) == sorted(map(tuple, expected["ours"]), key=str), case["note"]
    assert sorted(reference - mine, key=str) == sorted(map(tuple, expected["theirs"]), key=str), case["note"]


def test_every_difference_is_documented_and_every_documented_difference_is_tested():
    """Each section of docs/frictionless-differences.md is a fixture case's "differs" or names its own test."""
    sections = {
        match.group(1): body
        for body in re.split(r"^## ", DIFFERENCES.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]
        if (match := re.search(r'<a id="([a-z0-9-]+)"></a>', body.splitlines()[0]))
    }
    tested = {case["differs"]["doc"] for case in CASES if "differs" in case}
    assert tested <= set(sections), tested - set(sections)
    for anchor, body in sections.items():
        assert anchor in tested or "Test: `tests/" in body, anchor
        for module, names in re.findall(
            r"`(tests/\w+\.py)((?:::\w+)+)`", body.replace("`, `::", "::").replace("`,\n`::", "::")
        ):
            source = (ROOT / module).read_text(encoding="utf-8")
            assert all(f"def {name}(" in source for name in names.split("::")[1:]), (anchor, module, names)


def test_the_vendored_fixtures_name_their_origin_and_licence():
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    assert "frictionlessdata/frictionless-py" in readme and re.search(r"\b[0-9a-f]{40}\b", readme)
    assert "MIT" in (VENDOR / "LICENSE.md").read_text(encoding="utf-8")
    used = {r["path"] for c in CASES if "resources" in c for r in c["resources"] if r["path"] not in c.get("files", {})}
    used |= {c["package"] for c in CASES if isinstance(c.get("package"), str)}
    for name in used:
        assert (VENDOR / "data" / name).exists(), name
    present = {path.relative_to(VENDOR / "data").as_posix() for path in (VENDOR / "data").rglob("*") if path.is_file()}
    assert present == set(re.findall(r"^- `(.+)`$", readme, flags=re.MULTILINE)), "the README lists every file kept"
