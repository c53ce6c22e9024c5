"""Short fuzz runs over every input `publish` reads from outside: a report or a clear error, never a crash.

The long run is ``python -m tests.fuzz --seed 1 --minutes 10``; this is its first examples per case,
from a fixed seed so that a failure in CI can be replayed. The cases that reach the validation
engine's column reader (csv, descriptor, schema, zip) run in tests/test_hardening_engine.py.
"""

from __future__ import annotations

import pytest

from tests.fuzz.cases import CASES, ENGINE_EXAMPLES, run_case

FUZZ_SEED = 20231114
# Examples per case: an `add` costs ~0.3 s (it validates the merged package), an extract less.
EXAMPLES = {"workbook": 10, "submission-csv": 10, "explanation": 25}


def test_every_case_has_a_short_run():
    assert set(EXAMPLES) | set(ENGINE_EXAMPLES) == set(CASES)
    assert not set(EXAMPLES) & set(ENGINE_EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_short_fuzz_run(name: str):
    run_case(name, EXAMPLES[name], seed=FUZZ_SEED)
