"""The descriptor's verdict is cached by the hash of its bytes: a hit skips frictionless, any change is a miss,
and a cache that is corrupt, forged in the wrong shape or unwritable never changes the report."""

from __future__ import annotations

import json
import os
from pathlib import Path

import frictionless
import pytest

from publish.validate import validate
from publish.validate.descriptor import KINDS
from publish.validate.verdicts import FORMAT, MAX_ENTRIES, cache_dir, content_key, recalled, remember
from tests.helpers import FRICTIONLESS_DESCRIPTOR, invoke


@pytest.fixture
def checks(monkeypatch) -> list[str]:
    """Each descriptor frictionless checks (its name), as the run asks for it."""
    seen: list[str] = []
    original = frictionless.Package.validate_descriptor

    def counted(cls, descriptor, **options):
        seen.append(descriptor.get("name"))
        return original(descriptor, **options)

    monkeypatch.setattr(frictionless.Package, "validate_descriptor", classmethod(counted))
    return seen


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "verdicts").glob("*.json"))


def test_the_second_run_takes_the_verdict_from_the_cache(package_copy, private_cache, checks):
    assert validate(package_copy).valid and len(checks) == 1
    [entry] = entries(private_cache)
    held = json.loads(entry.read_text(encoding="utf-8"))
    assert held["format"] == FORMAT and held["key"] == entry.stem
    assert validate(package_copy).valid and len(checks) == 1


def test_any_change_to_a_schema_is_a_miss(package_copy, private_cache, checks):
    """The key holds the schema as read: a change of layout alone keeps the verdict, any other change is a miss."""
    validate(package_copy)
    schema = package_copy / "schemas" / "glossary.json"
    schema.write_bytes(schema.read_bytes().replace(b"{", b"{ ", 1))
    assert validate(package_copy).valid and len(checks) == 1
    described = json.loads(schema.read_text(encoding="utf-8"))
    described["fields"][0]["title"] += "."  # one byte more
    schema.write_text(json.dumps(described, ensure_ascii=False), encoding="utf-8")
    assert validate(package_copy).valid and len(checks) == 2 and len(entries(private_cache)) == 2
    described["primaryKey"] = 7
    schema.write_text(json.dumps(described), encoding="utf-8")
    report = validate(package_copy)
    assert [(f.rule, f.path) for f in report.findings] == [("schema-error", "schemas/glossary.json")]
    assert validate(package_copy).findings == report.findings and len(checks) == 3  # the error is cached too


def test_a_change_to_the_descriptor_is_a_miss(package_copy, private_cache, checks):
    validate(package_copy)
    descriptor = package_copy / "datapackage.json"
    described = json.loads(descriptor.read_text(encoding="utf-8"))
    described["licenses"] = "CC-BY-4.0"
    descriptor.write_text(json.dumps(described, ensure_ascii=False), encoding="utf-8")
    report = validate(package_copy)
    assert len(checks) == 2 and {f.rule for f in report.findings} == {"package-error"}


@pytest.mark.parametrize(
    "content",
    [
        b"not json",
        b"\xff\xfe",
        b"[]",
        json.dumps({"format": "another/1", "key": "KEY", "verdict": {"package": [], "schemas": {}}}).encode(),
        json.dumps({"format": FORMAT, "key": "another key", "verdict": {"package": [], "schemas": {}}}).encode(),
        json.dumps({"format": FORMAT, "key": "KEY", "verdict": {"package": [["made-up-error", "x"]]}}).encode(),
        json.dumps({"format": FORMAT, "key": "KEY", "verdict": {"package": [], "schemas": {"income": []}}}).encode(),
        json.dumps({"format": FORMAT, "key": "KEY", "verdict": {"package": "", "schemas": []}}).encode(),
        b"[" * 100_000,
    ],
)
def test_a_corrupt_or_foreign_entry_is_a_miss_and_is_rewritten(package_copy, private_cache, checks, content):
    validate(package_copy)
    [entry] = entries(private_cache)
    entry.write_bytes(content.replace(b"KEY", entry.stem.encode()))
    assert validate(package_copy).valid and len(checks) == 2
    assert json.loads(entry.read_text(encoding="utf-8"))["format"] == FORMAT


def test_an_entry_that_is_not_a_plain_file_is_a_miss(package_copy, private_cache, checks):
    validate(package_copy)
    [entry] = entries(private_cache)
    entry.unlink()
    os.mkfifo(entry)  # reading a pipe nobody writes would block
    assert validate(package_copy).valid and len(checks) == 2


def test_a_well_shaped_entry_is_believed_and_no_cache_asks_frictionless(package_copy, private_cache):
    """The cache is the user's own folder: what has the shape of a verdict is taken, so --no-cache is the way out."""
    validate(package_copy)
    [entry] = entries(private_cache)
    held = json.loads(entry.read_text(encoding="utf-8"))
    held["verdict"]["package"] = [["package-error", "a verdict planted in the cache"]]
    entry.write_text(json.dumps(held), encoding="utf-8")
    assert "planted" in invoke("validate", package_copy, "--lang", "en").output
    result = invoke("validate", package_copy, "--no-cache")
    assert result.exit_code == 0 and "planted" not in result.output
    assert json.loads(entry.read_text(encoding="utf-8")) == held  # --no-cache neither reads nor writes


def test_no_cache_writes_nothing(package_copy, private_cache):
    assert invoke("validate", package_copy, "--no-cache").exit_code == 0
    assert entries(private_cache) == []


def test_an_unwritable_cache_never_fails_validation(package_copy, tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PUBLISH_CACHE_DIR", str(blocker / "cache"))
    assert validate(package_copy).valid and validate(package_copy).valid
    assert invoke("validate", package_copy).exit_code == 0
    assert not blocker.with_name("cache").exists() and blocker.read_text(encoding="utf-8") == "not a folder"


def test_the_cache_lives_where_the_user_says(monkeypatch, tmp_path):
    monkeypatch.setenv("PUBLISH_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("PUBLISH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "publish"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG spec: a relative path is ignored
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "publish"


def test_the_kinds_a_verdict_may_hold_are_frictionless_descriptor_errors():
    assert {part.metadata_Error.type for part in FRICTIONLESS_DESCRIPTOR} == KINDS


def test_the_cache_keeps_the_most_recently_used_verdicts(private_cache):
    """At most MAX_ENTRIES verdicts stay, the least recently used go first (a hit counts as a use); stale
    temporary files of crashed runs go too, and nothing else in the folder is touched."""
    folder = private_cache / "verdicts"
    keys = [content_key([str(n).encode()]) for n in range(MAX_ENTRIES + 4)]
    for age, key in enumerate(keys[:-1]):
        remember(key, {"n": age})
        os.utime(folder / f"{key}.json", (1_000_000 + age, 1_000_000 + age))  # written one after another
    assert {path.name for path in entries(private_cache)} == {f"{key}.json" for key in keys[3:-1]}
    assert recalled(keys[3]) == {"n": 3}  # the oldest left, used now: the newest
    mine = folder / "notes.txt"
    mine.write_text("the user's", encoding="utf-8")
    stale, fresh = folder / f".{keys[5]}.json.abc.tmp", folder / f".{keys[6]}.json.def.tmp"
    stale.write_bytes(b"")
    fresh.write_bytes(b"")
    os.utime(stale, (1_000_000, 1_000_000))
    remember(keys[-1], {"n": "last"})
    kept = {path.name for path in entries(private_cache)}
    assert len(kept) == MAX_ENTRIES and {f"{keys[3]}.json", f"{keys[-1]}.json"} <= kept
    assert f"{keys[4]}.json" not in kept  # now the least recently used
    assert mine.read_text(encoding="utf-8") == "the user's" and fresh.exists() and not stale.exists()
