"""The canonical CSV form: the repo's own files are in it, and rendering is deterministic."""

from __future__ import annotations

import json

import pytest

from publish.core import atomic
from publish.core.csvfile import read_rows, render, write_rows
from tests.helpers import ROOT

NAMES = [p.stem for p in sorted((ROOT / "schemas").glob("*.json"))]


@pytest.mark.parametrize("name", NAMES)
def test_the_repo_files_are_canonical(name):
    schema = json.loads((ROOT / "schemas" / f"{name}.json").read_text(encoding="utf-8"))
    path = ROOT / "data" / f"{name}.csv"
    assert render(schema, reversed(read_rows(path))) == path.read_text(encoding="utf-8")


def test_integers_in_keys_sort_as_numbers():
    schema = {"fields": [{"name": "n", "type": "integer"}, {"name": "v"}], "primaryKey": ["n"]}
    text = render(schema, [{"n": "10", "v": "b"}, {"n": "9", "v": "a"}])
    assert text == "n,v\n9,a\n10,b\n"


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "t.csv"
    path.write_text("old\n", encoding="utf-8")

    def fail(target):
        raise OSError("disk full")

    monkeypatch.setattr(atomic, "checkpoint", fail)
    with pytest.raises(OSError):
        write_rows(path, {"fields": [{"name": "a"}], "primaryKey": ["a"]}, [{"a": "1"}])
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_a_written_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o640)
    atomic.write_text(path, "new\n")
    assert (path.stat().st_mode & 0o777, path.read_text(encoding="utf-8")) == (0o640, "new\n")
    fresh = tmp_path / "fresh.csv"
    atomic.write_text(fresh, "x\n")
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    import os

    current = os.umask(0)
    os.umask(current)
    return current


def test_a_cell_holding_a_carriage_return_is_quoted_and_reads_back():
    schema = {"fields": [{"name": "a"}, {"name": "b"}], "primaryKey": ["a"]}
    text = render(schema, [{"a": "1", "b": "x\ry"}, {"a": "2", "b": "p\nq"}])
    assert text == 'a,b\n1,"x\ry"\n2,"p\nq"\n'
    import csv
    import io

    assert list(csv.reader(io.StringIO(text, newline=""))) == [["a", "b"], ["1", "x\ry"], ["2", "p\nq"]]
