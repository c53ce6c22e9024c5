"""Long fuzz run: ``python -m tests.fuzz --seed 1 --iterations 100000 --minutes 10 [--case csv ...]``.

Runs the cases in turn, in rounds of ``--batch`` examples each from a new seed (seed, seed+1, ...),
until ``--iterations`` examples have run or ``--minutes`` have passed. The first bad outcome stops
the run with the smallest input hypothesis could find and the seed that replays it; exit 1.
"""

from __future__ import annotations

import argparse
import sys
import time

from tests.fuzz.cases import CASES, run_case


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--iterations", type=int, default=100_000, help="examples in all, over every case")
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--batch", type=int, default=50, help="examples per case and round")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only these cases (repeatable)")
    options = parser.parse_args(argv)
    cases = options.case or sorted(CASES)
    deadline = time.monotonic() + options.minutes * 60
    done, seed = 0, options.seed
    while done < options.iterations and time.monotonic() < deadline:
        for name in cases:
            if done >= options.iterations or time.monotonic() >= deadline:
                break
            examples = min(options.batch, options.iterations - done)
            try:
                run_case(name, examples, seed)
            except Exception as failure:  # hypothesis re-raises the (shrunk) assertion of the target
                print(f"FAILED case {name} (replay: --seed {seed} --case {name} --batch {examples})", file=sys.stderr)
                print(failure, file=sys.stderr)
                return 1
            done += examples
            print(f"{name}: {examples} examples, seed {seed}, {done} in all", flush=True)
        seed += 1
    print(f"no failure in {done} examples", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
