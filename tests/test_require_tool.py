"""require_tool: a test that runs a program skips with the reason where it is missing, but fails under CI=true."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import require_tool


def fake_tool(folder: Path, name: str) -> Path:
    tool = folder / name
    tool.write_text("#!/bin/sh\n", encoding="utf-8")
    tool.chmod(0o755)
    return tool


@pytest.mark.parametrize("ci", ["true", None])
def test_a_tool_on_the_path_is_found_by_its_path(tmp_path, monkeypatch, ci):
    tool = fake_tool(tmp_path, "pretend-browser")
    monkeypatch.setenv("PATH", str(tmp_path))
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    assert require_tool("pretend-browser", "it opens the pages") == str(tool)


@pytest.mark.parametrize("ci", [None, "", "false", "0"])
def test_a_missing_tool_skips_with_the_reason(tmp_path, monkeypatch, ci):
    monkeypatch.setenv("PATH", str(tmp_path))
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match=r"^pretend-browser is not installed: it opens the pages$"):
        require_tool("pretend-browser", "it opens the pages")


@pytest.mark.parametrize("ci", ["true", "TRUE"])
def test_a_missing_tool_fails_under_ci(tmp_path, monkeypatch, ci):
    fake_tool(tmp_path, "another-tool")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match=r"^pretend-browser is not installed: it opens the pages \(CI=true"):
        require_tool("pretend-browser", "it opens the pages")


def test_a_file_that_is_not_executable_is_not_a_tool(tmp_path, monkeypatch):
    fake_tool(tmp_path, "pretend-browser").chmod(0o644)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="pretend-browser is not installed"):
        require_tool("pretend-browser", "it opens the pages")
