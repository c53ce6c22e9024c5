"""`publish export --format parquet`, whole and `--partitions N`, at 20k and 60k department-years: time and peak memory.

    python benchmarks/export_scale.py                          # 20k and 60k department-years (~1M and 3M rows)
    python benchmarks/export_scale.py --sizes 300000 --no-whole  # the nation, partitioned only (minutes, ~3 GB disk)
    python benchmarks/export_scale.py --format duckdb

The 20k corpus is `benchmarks/corpus/province-20000-s2024` (made by `make_corpus.py` if absent); any other size
is made in a temporary folder under --work (TMPDIR by default) and deleted afterwards, as is every export. Each
run is a fresh child process running the command as a user would (`python -m publish export …`); its wall time
and peak RSS come from `os.wait4`. Partitions: one per --rows-per-partition rows (at least 2), as nation.py.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import default_folder, make_corpus  # noqa: E402
from validate_scale import run_child  # noqa: E402

KEPT = (20000,)  # sizes kept under benchmarks/corpus/ (small enough to keep)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 60000], help="department-years")
    parser.add_argument("--format", dest="fmt", choices=["parquet", "duckdb"], default="parquet")
    parser.add_argument("--rows-per-partition", type=int, default=1_000_000)
    parser.add_argument("--no-whole", action="store_true", help="the partitioned export only")
    parser.add_argument("--work", type=Path, default=None, help="where corpora and exports go (default TMPDIR)")
    args = parser.parse_args(argv)
    for size in args.sizes:
        measure(size, args)
    return 0


def measure(department_years: int, args) -> None:
    """One corpus: the export whole (unless --no-whole) and in partitions, one line each."""
    work = Path(tempfile.mkdtemp(prefix=f"export-{department_years}-", dir=args.work))
    try:
        folder = corpus(department_years, work)
        rows = sum(max(0, p.read_bytes().count(b"\n") - 1) for p in (folder / "data").glob("*.csv"))
        print(f"corpus {department_years:>7,} department-years  {rows:>11,} rows  ({folder})")
        partitions = max(2, -(-rows // args.rows_per_partition))
        for label, count in ([] if args.no_whole else [("whole", 0)]) + [("partitioned", partitions)]:
            run(folder, work / label, args.fmt, count, rows, label)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def corpus(department_years: int, work: Path) -> Path:
    folder = default_folder(department_years) if department_years in KEPT else work / "corpus"
    if not (folder / "datapackage.json").exists():
        started = time.perf_counter()
        make_corpus(folder, department_years)
        print(f"  made in {time.perf_counter() - started:.0f} s")
    return folder


def run(folder: Path, out: Path, fmt: str, partitions: int, rows: int, label: str) -> dict:
    argv = [sys.executable, "-m", "publish", "export", str(folder), "--format", fmt, "--out", str(out)]
    done = run_child([*argv, "--partitions", str(partitions)])
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) if out.exists() else 0
    files = sum(1 for p in out.rglob("*") if p.is_file()) if out.exists() else 0
    verdict = "OK" if done["exit"] == 0 else f"FAILED exit {done['exit']}"
    print(
        f"  {label:<11} {max(partitions, 1):>3} part.  {done['wall']:7.1f} s  cpu {done['cpu']:7.1f} s  "
        f"{rows / done['wall']:>9,.0f} rows/s  peak {done['peak_rss_mib']:6.0f} MiB  "
        f"out {size / 2**20:6.0f} MiB in {files} files  {verdict}"
    )
    shutil.rmtree(out, ignore_errors=True)
    return done


if __name__ == "__main__":
    raise SystemExit(main())
