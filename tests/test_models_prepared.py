"""pandera is set up beside the tables' loading (publish.models.prepared) when a chosen rule uses a model: the
report, the exit code and the errors are those of a run that sets it up when the rules need it, and no thread
outlives the run."""

from __future__ import annotations

import json
import threading

import pytest

import publish.validate.run as run_module
from publish import models
from publish.validate import validate
from tests.helpers import invoke
from tests.mutate import edit


def setup_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "publish-models"]


@pytest.fixture
def prepared(monkeypatch) -> list[tuple[str, list[str]]]:
    """Each setup ahead: the thread it ran in and the resources it was for."""
    seen = []
    original = models.prepare

    def recorded(resources):
        seen.append((threading.current_thread().name, list(resources)))
        original(resources)

    monkeypatch.setattr(models, "prepare", recorded)
    return seen


def test_pandera_is_set_up_beside_the_tables_only_when_a_chosen_rule_uses_a_model(package_copy, prepared):
    assert validate(package_copy).valid
    assert prepared == [("publish-models", list(models.MODELS))]
    assert validate(package_copy, select=["sums"]).valid and len(prepared) == 1
    assert validate(package_copy, select=["kpi-percent-range"]).valid and len(prepared) == 2
    assert setup_threads() == []


def test_a_descriptor_with_errors_ends_the_run_before_any_setup(package_copy, prepared):
    schema = package_copy / "schemas" / "income.json"
    described = json.loads(schema.read_text(encoding="utf-8"))
    described["fields"][0]["type"] = "money"
    schema.write_text(json.dumps(described, ensure_ascii=False), encoding="utf-8")
    told = []
    report = validate(package_copy, cache=False, progress=lambda *step: told.append(step))
    assert [(f.rule, f.path) for f in report.findings] == [("schema-error", "schemas/income.json")]
    assert told == [] and prepared == []


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
    assert calls[0] == "publish-models" and len(calls) >= 2
    assert setup_threads() == []


def test_a_failure_while_the_tables_load_waits_for_the_setup_and_is_the_runs(package_copy, monkeypatch, prepared):
    def failing(*args, **kwargs):
        raise RuntimeError("the engine cannot read this")

    monkeypatch.setattr(run_module, "load_tables", failing)
    with pytest.raises(RuntimeError, match="the engine cannot read this"):
        validate(package_copy)
    assert len(prepared) == 1 and setup_threads() == []


def test_the_models_find_the_same_rows_with_a_setup_ahead_or_not(package_copy, monkeypatch):
    edit(package_copy, "kpis", {"indicator_no": "1"}, target_value="180")
    edit(package_copy, "assets", {"measure": "holding", "item": "total"}, as_of="")
    ahead = sorted((f.rule, f.path, f.row) for f in validate(package_copy).findings)
    assert {"kpi-percent-range", "vehicle-period-missing"} <= {rule for rule, *_ in ahead}
    monkeypatch.setattr(models, "prepare", lambda resources: None)
    assert sorted((f.rule, f.path, f.row) for f in validate(package_copy).findings) == ahead
