"""What a run does beside loading its tables (publish.validate.beside): frictionless's check of a descriptor not
in the cache, and pandera's setup. The report, the exit code and the errors are those of a run that does them in
turn: a descriptor with errors ends the run as if no table had been read, and a failure in the background thread
is the tool failure it always was. No thread outlives the run."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

import publish.validate.run as run_module
from publish import models
from publish.validate import validate
from tests.helpers import ROOT, invoke
from tests.mutate import edit


def beside_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "publish-beside"]


def break_schema(package: Path) -> None:
    """A field type that does not exist, and data that no longer fits the schema (both would be findings)."""
    schema = package / "schemas" / "income.json"
    described = json.loads(schema.read_text(encoding="utf-8"))
    described["fields"][0]["type"] = "money"
    schema.write_text(json.dumps(described, ensure_ascii=False), encoding="utf-8")
    data = package / "data" / "kpis.csv"
    data.write_text(data.read_text(encoding="utf-8")[:300], encoding="utf-8")


def test_a_descriptor_with_errors_ends_the_run_as_if_no_table_was_read(package_copy):
    break_schema(package_copy)
    told = []
    checked = validate(package_copy, cache=False, progress=lambda *step: told.append(step))
    assert [(f.rule, f.path) for f in checked.findings] == [("schema-error", "schemas/income.json")]
    assert told == []
    remembered, recalled = validate(package_copy), validate(package_copy)  # the second takes the cached verdict
    assert remembered.findings == recalled.findings == checked.findings
    assert remembered.stats == recalled.stats == checked.stats
    assert beside_threads() == []


def test_the_engine_failing_on_a_broken_descriptor_is_not_reported(package_copy, monkeypatch):
    def failing(*args, **kwargs):
        raise RuntimeError("the engine cannot read this")

    monkeypatch.setattr(run_module, "load_tables", failing)
    break_schema(package_copy)
    assert [f.rule for f in validate(package_copy, cache=False).findings] == ["schema-error"]
    with pytest.raises(RuntimeError, match="the engine cannot read this"):
        validate(ROOT, cache=False)  # a sound descriptor: the engine's failure is the run's
    assert beside_threads() == []


def test_a_sound_descriptor_checked_beside_the_tables_tells_their_progress(package_copy):
    told = []
    assert validate(package_copy, cache=False, progress=lambda *step: told.append(step)).valid
    tables = len(json.loads((package_copy / "datapackage.json").read_text(encoding="utf-8"))["resources"])
    assert [step for step in told if step[0] == "tables"][-1] == ("tables", tables, tables)
    assert beside_threads() == []


def test_a_failure_of_the_descriptor_check_is_a_tool_failure(package_copy, monkeypatch):
    def failing(package, *, cache=True):
        raise RuntimeError("frictionless fell over")

    monkeypatch.setattr("publish.validate.beside.descriptor_findings", failing)
    result = invoke("validate", package_copy, "--no-cache", "--format", "json", "--lang", "both")
    assert result.exit_code == 3
    assert "publish 内部错误" in result.output and "publish failed" in result.output
    assert "frictionless fell over" in result.output and "Traceback" not in result.output
    assert beside_threads() == []


def test_a_model_that_cannot_be_built_fails_the_run_as_before(package_copy, monkeypatch):
    """The setup beside the tables fails first; `failures` meets the error again, and the run reports it."""
    calls = []

    def broken():
        calls.append(threading.current_thread().name)
        raise RuntimeError("no model today")

    monkeypatch.setitem(models.MODELS, "kpis", broken)
    result = invoke("validate", package_copy, "--format", "json", "--lang", "both")
    assert result.exit_code == 3
    assert "publish 内部错误" in result.output and "publish failed" in result.output
    assert "no model today" in result.output and "Traceback" not in result.output
    assert calls[0] == "publish-beside" and len(calls) >= 2
    assert beside_threads() == []


def test_pandera_is_set_up_beside_the_tables_only_when_a_chosen_rule_uses_a_model(package_copy, monkeypatch):
    prepared = []
    original = models.prepare

    def recorded(resources):
        prepared.append((threading.current_thread().name, list(resources)))
        original(resources)

    monkeypatch.setattr(models, "prepare", recorded)
    assert validate(package_copy).valid
    assert prepared == [("publish-beside", [name for name in models.MODELS])]
    assert validate(package_copy, select=["sums"]).valid and len(prepared) == 1
    assert validate(package_copy, select=["kpi-percent-range"]).valid and len(prepared) == 2
    assert beside_threads() == []


def test_the_models_find_the_same_rows_whether_the_descriptor_is_checked_beside_the_tables_or_not(package_copy):
    edit(package_copy, "kpis", {"indicator_no": "1"}, target_value="180")
    edit(package_copy, "assets", {"measure": "holding", "item": "total"}, as_of="")
    found = sorted((f.rule, f.path, f.row) for f in validate(package_copy, cache=False).findings)
    assert {"kpi-percent-range", "vehicle-period-missing"} <= {rule for rule, *_ in found}
    assert found == sorted((f.rule, f.path, f.row) for f in validate(package_copy).findings)
