"""A nation on one machine: `publish validate --partitions` at 1M, 3M and 15M rows, time and peak memory.

    python benchmarks/nation.py                          # 20k, 60k and 300k department-years (~1M, 3M, 15M rows)
    python benchmarks/nation.py --sizes 20000 60000      # the smaller ones only
    python benchmarks/nation.py --keep                   # keep the corpora (several GB) under benchmarks/corpus/

Each corpus comes from `make_corpus.py` (streamed to disk, 5 years per department), in a temporary folder
under --work (deleted afterwards unless --keep). Each run is a fresh child process; its wall time and peak
RSS come from `os.wait4`. At every size the package is validated in partitions (one per --rows-per-partition
rows); where it fits (`--whole-up-to` rows) also whole, as `publish validate` does by default. The last lines
project the partitioned time linearly from the smallest size to the largest and compare with the measurement.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import make_corpus  # noqa: E402
from validate_scale import run_child  # noqa: E402

GIB = 1024
CHILD = """
import json, sys, time
started = time.perf_counter()
from publish.validate import validate, validate_in_partitions
partitions = int(sys.argv[2])
report = validate_in_partitions(sys.argv[1], partitions) if partitions > 1 else validate(sys.argv[1])
print(json.dumps({"seconds": time.perf_counter() - started, "valid": report.valid, "findings": len(report.findings),
                  "rows": report.stats.get("rows"), "partitions": report.stats.get("partitions", 1),
                  "partition_bytes": report.stats.get("partition_bytes", 0)}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 60000, 300000], help="department-years")
    parser.add_argument("--rows-per-partition", type=int, default=1_000_000)
    parser.add_argument("--whole-up-to", type=int, default=3_500_000, help="also validate whole up to these rows")
    parser.add_argument("--work", type=Path, default=None, help="where the corpora are written (default TMPDIR)")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    measured = [measure(size, args) for size in args.sizes]
    print_projection(measured)
    return 0


def measure(department_years: int, args) -> dict:
    """Generate one corpus, validate it (partitioned, and whole where it fits), print one line per run."""
    folder = Path(tempfile.mkdtemp(prefix=f"nation-{department_years}-", dir=args.work))
    try:
        started = time.perf_counter()
        summary = make_corpus(folder, department_years)
        made = time.perf_counter() - started
        size = sum(p.stat().st_size for p in (folder / "data").glob("*.csv"))
        rows = summary["rows"]
        print(
            f"corpus {department_years:>7,} department-years  {rows:>11,} rows  {size / 2**30:5.2f} GiB  made in {made:6.1f} s"
        )
        partitions = max(2, -(-rows // args.rows_per_partition))
        result = {"department_years": department_years, "rows": rows}
        result["partitioned"] = run(folder, partitions, rows, "partitioned")
        if rows <= args.whole_up_to:
            result["whole"] = run(folder, 1, rows, "whole")
        return result
    finally:
        if args.keep:
            print(f"  kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def run(folder: Path, partitions: int, rows: int, label: str) -> dict:
    done = run_child([sys.executable, "-c", CHILD, str(folder), str(partitions)])
    verdict = "OK" if done.get("exit") == 0 and done.get("valid") else f"FAILED {done}"
    print(
        f"  {label:<11} {done.get('partitions', partitions):>3} part.  {done['wall']:7.1f} s  "
        f"{rows / done['wall']:>9,.0f} rows/s  peak {done['peak_rss_mib']:6.0f} MiB  "
        f"temp {done.get('partition_bytes', 0) / 2**30:4.2f} GiB  findings {done.get('findings')}  {verdict}"
    )
    return done


def print_projection(measured: list[dict]) -> None:
    """Time at the largest size projected linearly (by rows) from the smallest, beside the measured time."""
    if len(measured) < 2:
        return
    small, large = measured[0], measured[-1]
    rate = small["rows"] / small["partitioned"]["wall"]
    projected = large["rows"] / rate
    actual = large["partitioned"]
    print(
        f"projection from {small['rows']:,} rows ({rate:,.0f} rows/s): {large['rows']:,} rows in {projected:.0f} s; "
        f"measured {actual['wall']:.0f} s, peak {actual['peak_rss_mib']:.0f} MiB "
        f"({'within' if actual['peak_rss_mib'] <= 2 * GIB else 'OVER'} 2 GiB)"
    )
    print(json.dumps(measured, default=str))


if __name__ == "__main__":
    raise SystemExit(main())
