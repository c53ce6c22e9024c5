"""Fuzzing `publish` with hypothesis: the targets, their input strategies and a long-run entry point.

The default test suite runs each target briefly (tests/test_fuzz.py); a long run is
``python -m tests.fuzz --seed 1 --minutes 10`` (see ``python -m tests.fuzz --help``).
The only outcomes allowed for any input: exit 0, 1 or 2 with a message, never a traceback,
a tool failure (exit 3), a hang or unbounded memory.
"""
