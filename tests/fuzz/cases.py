"""The registry of fuzz cases: a name, the strategy of its inputs and the target they go to.

``run_case(name, examples, seed)`` runs one case with hypothesis; a failure raises with the
smallest input hypothesis could find, printed so it can be replayed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from tests.fuzz import strategies as s
from tests.fuzz import targets as t


@dataclass(frozen=True)
class Case:
    strategy: st.SearchStrategy
    target: Callable[..., None]


def _csv_inputs():
    resource = st.sampled_from(t.RESOURCES)
    return resource.flatmap(
        lambda name: st.tuples(st.just(name), s.csv_bytes(t.original_csv(name)), st.sampled_from(t.FORMATS))
    )


def _schema_inputs():
    resource = st.sampled_from(t.RESOURCES)
    return resource.flatmap(
        lambda name: st.tuples(st.just(f"schemas/{name}.json"), s.json_text(t.original_json(f"schemas/{name}.json")))
    )


def _submission_csv_inputs():
    resource = st.sampled_from(t.SUBMITTED)
    return resource.flatmap(lambda name: st.tuples(st.just(name), s.csv_bytes(t.original_csv(name))))


CASES: dict[str, Case] = {
    "csv": Case(_csv_inputs(), t.validate_csv),
    "descriptor": Case(
        st.tuples(st.just("datapackage.json"), s.json_text(t.original_json("datapackage.json"))), t.validate_json
    ),
    "schema": Case(_schema_inputs(), t.validate_json),
    "workbook": Case(st.tuples(s.CELL_EDITS, st.one_of(st.just([]), s.ZIP_DAMAGE)), t.add_workbook),
    "submission-csv": Case(_submission_csv_inputs(), t.add_csv_folder),
    "explanation": Case(
        st.tuples(s.explanation_text(t.seed_text()), st.booleans(), st.sampled_from([".txt", ".txt", ".docx", ".pdf"])),
        t.extract_text,
    ),
    "zip": Case(st.tuples(s.ZIP_RENAMES, s.ZIP_CONTENTS, s.ZIP_DAMAGE), t.verify_and_diff_zip),
}
# Examples per case in the test suite's short runs of the cases that reach the validation engine's column reader
# (tests/test_hardening_engine.py); tests/test_fuzz.py runs the others and checks that every case has a short run.
ENGINE_EXAMPLES = {"csv": 20, "descriptor": 20, "schema": 15, "zip": 8}


def run_case(name: str, examples: int, seed: int, *, shrink: bool = True) -> None:
    """Run ``examples`` generated inputs of case ``name`` from ``seed``; raise on the first bad outcome."""
    case = CASES[name]
    phases = (Phase.generate, Phase.target, Phase.shrink) if shrink else (Phase.generate,)

    @hypothesis_seed(seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=phases,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )
    @given(case.strategy)
    def check(inputs: tuple) -> None:
        case.target(*inputs)

    check()
