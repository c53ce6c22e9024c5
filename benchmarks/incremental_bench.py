"""Time `--changed-since` on a corpus: commit it in its own git repository, change one figure, validate.

The corpus folder becomes a git repository of its own (it lies in the git-ignored
`benchmarks/corpus/`). One department-year's operating costs are raised by 1.00 万元 in the
working tree, which breaks its own stated change and the next year's (prior-year-mismatch), and
the file is put back byte for byte afterwards.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

GIT = ["git", "-c", "user.name=benchmark", "-c", "user.email=benchmark@example.invalid", "-c", "commit.gpgsign=false"]


def committed(folder: Path) -> None:
    if (folder / ".git").exists():
        return
    subprocess.run([*GIT, "-C", str(folder), "init", "-q"], check=True)
    subprocess.run([*GIT, "-C", str(folder), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(folder), "commit", "-qm", "corpus"], check=True)


def change_one_figure(path: Path) -> tuple[bytes, str]:
    """Raise one operating-costs amount by 1.00 in the middle of the file; the original bytes and the row key."""
    original = path.read_bytes()
    lines = original.split(b"\n")
    middle = len(lines) // 2
    cells = lines[middle].decode("utf-8").split(",")
    cells[4] = f"{float(cells[4]) + 1:.2f}"  # amount (the fifth field of operating_costs)
    lines[middle] = ",".join(cells).encode("utf-8")
    path.write_bytes(b"\n".join(lines))
    return original, f"{cells[0]} {cells[1]}"


def measure_incremental(folder: Path, run_child, code: str) -> dict:
    committed(folder)
    target = folder / "data" / "operating_costs.csv"
    original, key = change_one_figure(target)
    try:
        timed = run_child([sys.executable, "-c", code, str(folder), "HEAD"])
        cli = run_child([sys.executable, "-m", "publish", "validate", str(folder), "--changed-since", "HEAD"])
    finally:
        target.write_bytes(original)
    return {**timed, "changed": key, "cli_wall": cli["wall"], "cli_exit": cli["exit"]}
