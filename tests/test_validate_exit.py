"""`publish validate` ends its process without the interpreter's last garbage collections (they walk every object
polars and pandera made); the report is whole, and only validating does this."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.helpers import ROOT

PROBE = """
import atexit, gc
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0))  # runs after the handlers added later
from publish.cli import main
for args in {args!r}:
    try:
        main(args, standalone_mode=False)
    except SystemExit:
        pass
"""


def run_probe(*args: list[str]) -> tuple[str, str]:
    code = PROBE.format(args=list(args))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    *printed, last = done.stdout.strip().splitlines()
    return "\n".join(printed), last


def test_validating_skips_the_collections_at_exit_and_prints_the_whole_report():
    printed, last = run_probe(["validate", str(ROOT), "--format", "json"])
    assert last == "frozen at exit: True"
    assert json.loads(printed)["valid"]


def test_other_commands_end_as_usual():
    assert run_probe(["--help"], ["rules", "--help"])[1] == "frozen at exit: False"
