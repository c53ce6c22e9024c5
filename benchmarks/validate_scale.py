"""Time `publish validate` on a synthetic province against frictionless-py, in one run.

    python benchmarks/validate_scale.py --departments 20000
    python benchmarks/validate_scale.py --departments 20000 --frictionless full   # minutes
    python benchmarks/validate_scale.py --departments 20000 --incremental

Each measurement runs in a fresh child process, whose wall time and peak RSS (`os.wait4`) are
reported: ours in-process (`publish.validate.run.validate`, imports excluded and reported apart),
ours cold through the CLI, and frictionless-py's `validate` of the same descriptor. By default
frictionless runs on a sample corpus (`--sample` department-years from the same generator) and
its time is scaled up by rows; the output says so. frictionless slows down per row as tables
grow, so the scaled figure flatters frictionless, never us.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import default_folder, make_corpus  # noqa: E402

IN_PROCESS = """
import json, sys, time
started = time.perf_counter()
import polars, pandera.polars, frictionless  # what validate imports, timed apart
from publish.validate.run import validate
imported = time.perf_counter()
report = validate(sys.argv[1])
done = time.perf_counter()
print(json.dumps({"imports": imported - started, "seconds": done - imported, "valid": report.valid,
                  "findings": len(report.findings), "rows": report.stats.get("rows")}))
"""
FRICTIONLESS = """
import json, sys, time
import frictionless
started = time.perf_counter()
report = frictionless.validate(sys.argv[1])
print(json.dumps({"seconds": time.perf_counter() - started, "valid": report.valid, "errors": len(report.flatten())}))
"""
INCREMENTAL = """
import json, sys, time
started = time.perf_counter()
from publish.validate.incremental import validate_changed
report = validate_changed(sys.argv[1], since=sys.argv[2])
print(json.dumps({"seconds": time.perf_counter() - started, "valid": report.valid,
                  "findings": len(report.findings), "stats": report.stats}))
"""


def run_child(argv: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> dict:
    """Run a child process; its wall seconds, peak RSS in MiB and (if it printed JSON) its answer."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL, cwd=cwd, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        out.seek(0)
        text = out.read().decode("utf-8", "replace").strip()
    answer = {}
    if text.startswith("{") and "\n" not in text:
        answer = json.loads(text)
    cpu = usage.ru_utime + usage.ru_stime  # all threads: steadier than wall time on a busy machine
    return {
        "wall": wall,
        "cpu": cpu,
        "peak_rss_mib": usage.ru_maxrss / 1024,
        "exit": os.waitstatus_to_exitcode(status),
        **answer,
    }


def corpus(department_years: int, seed: int) -> tuple[Path, int]:
    folder = default_folder(department_years, seed=seed)
    if not (folder / "datapackage.json").exists():
        make_corpus(folder, department_years, seed=seed)
    rows = sum(max(0, p.read_bytes().count(b"\n") - 1) for p in (folder / "data").glob("*.csv"))
    return folder, rows


def measure(department_years: int, sample: int, mode: str, seed: int) -> dict:
    folder, rows = corpus(department_years, seed)
    python = sys.executable
    result = {"department_years": department_years, "rows": rows, "folder": str(folder)}
    result["ours"] = run_child([python, "-c", IN_PROCESS, str(folder)])
    result["ours_cli"] = run_child([python, "-m", "publish", "validate", str(folder), "--format", "json"])
    if mode == "full":
        result["frictionless"] = {**run_child([python, "-c", FRICTIONLESS, str(folder / "datapackage.json")])}
        result["frictionless"]["estimated"] = False
    elif mode == "sample":
        small, small_rows = corpus(sample, seed)
        timed = run_child([python, "-c", FRICTIONLESS, str(small / "datapackage.json")])
        ours_small = run_child([python, "-c", IN_PROCESS, str(small)])
        result["sample"] = {"department_years": sample, "rows": small_rows, "ours": ours_small, "frictionless": timed}
        result["frictionless"] = {"seconds": timed["seconds"] * rows / small_rows, "estimated": True}
    return result


def render(result: dict) -> str:
    ours, cli = result["ours"], result["ours_cli"]
    rows = result["rows"]
    lines = [
        f"corpus: {result['department_years']} department-years, {rows:,} rows ({result['folder']})",
        f"publish validate, in-process: {ours['seconds']:.2f} s ({rows / ours['seconds']:,.0f} rows/s, "
        f"{ours['cpu']:.2f} s CPU with imports), "
        f"imports {ours['imports']:.2f} s, peak RSS {ours['peak_rss_mib']:.0f} MiB, "
        f"valid={ours['valid']} findings={ours['findings']}",
        f"publish validate, cold CLI:   {cli['wall']:.2f} s wall ({cli['cpu']:.2f} s CPU), peak RSS "
        f"{cli['peak_rss_mib']:.0f} MiB, exit {cli['exit']}",
    ]
    fl = result.get("frictionless")
    if fl:
        if fl["estimated"]:
            sample = result["sample"]
            lines.append(
                f"frictionless-py, sample of {sample['department_years']} department-years ({sample['rows']:,} rows): "
                f"{sample['frictionless']['seconds']:.2f} s ({sample['rows'] / sample['frictionless']['seconds']:,.0f} "
                f"rows/s, peak RSS {sample['frictionless']['peak_rss_mib']:.0f} MiB); ours on the sample "
                f"{sample['ours']['seconds']:.2f} s"
            )
            lines.append(
                f"frictionless-py, whole corpus: {fl['seconds']:.1f} s ESTIMATED (sample time scaled up by rows)"
            )
        else:
            lines.append(
                f"frictionless-py, whole corpus: {fl['seconds']:.1f} s measured ({rows / fl['seconds']:,.0f} rows/s), "
                f"{fl['cpu']:.1f} s CPU, peak RSS {fl['peak_rss_mib']:.0f} MiB, valid={fl['valid']}"
            )
        lines.append(f"ratio frictionless / ours (in-process): {fl['seconds'] / ours['seconds']:.1f}x")
        lines.append(f"ratio frictionless / ours (cold CLI):   {fl['seconds'] / cli['wall']:.1f}x")
        if not fl["estimated"]:
            lines.append(f"ratio of CPU seconds, frictionless / ours (cold CLI): {fl['cpu'] / cli['cpu']:.1f}x")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--departments", type=int, default=20000, help="department-years in the corpus")
    parser.add_argument("--frictionless", choices=["sample", "full", "skip"], default="sample")
    parser.add_argument("--sample", type=int, default=1000, help="department-years frictionless runs on (sample mode)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--incremental", action="store_true", help="also time --changed-since on one changed department-year"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = measure(args.departments, args.sample, args.frictionless, args.seed)
    if args.incremental:
        from incremental_bench import measure_incremental

        result["incremental"] = measure_incremental(Path(result["folder"]), run_child, INCREMENTAL)
    print(json.dumps(result, indent=1) if args.json else render(result) + _incremental_line(result))
    return 0


def _incremental_line(result: dict) -> str:
    inc = result.get("incremental")
    if not inc:
        return ""
    return (
        f"\nincremental (--changed-since, one department-year changed): {inc['wall']:.2f} s wall "
        f"({inc['seconds']:.2f} s inside), cold CLI {inc['cli_wall']:.2f} s; changed {inc['changed']}; "
        f"peak RSS {inc['peak_rss_mib']:.0f} MiB, findings {inc['findings']}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
