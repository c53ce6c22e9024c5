"""The README's quick start stays true: two commands, and CI runs exactly the second, in a fresh clone."""

from __future__ import annotations

import re

from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## 快速开始", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, flags=re.S)]


def test_the_quick_start_is_two_commands():
    main_job, tests = quick_start_commands()
    assert main_job.startswith("python3 -m pip install -e . &&") and "publish release" in main_job
    assert tests.startswith('python3 -m pip install -e ".[test]" &&') and "pytest" in tests


def test_ci_runs_exactly_the_readme_test_command_in_a_fresh_clone():
    _, tests = quick_start_commands()
    ci = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    assert ci[-1] == tests
    assert ci[-2] == "bash tests/ckan/install.sh"  # the CKAN the live catalog tests run against, in the clone's .cache/
    assert ci[-6:-2] == [  # …inside a clone of the committed HEAD, alone in an empty folder removed on exit
        'tmp="$(mktemp -d)"',
        "trap 'rm -rf \"$tmp\"' EXIT",
        'git clone --quiet "$PWD" "$tmp/publish"',
        'cd "$tmp/publish"',
    ]
    assert ci[0] == "set -euo pipefail" and "export CI=true" in ci
