"""Issue 19's table in one run: cold `publish validate` against cold `frictionless validate`, every size.

    python benchmarks/performance.py                         # repo, 500, 2,000 and 20,000 department-years
    python benchmarks/performance.py --sizes 500 2000 --runs 5
    python benchmarks/performance.py --markdown              # the table as the README quotes it

Every figure is a fresh child process (wall seconds, peak RSS from `os.wait4`); the two tools alternate,
so a busy machine slows both alike, and the ratio is taken from the medians of this one run. `publish` is
timed twice: with its verdict cache warm (primed by one run, as on a developer's machine or a re-run) and
cold (an empty cache folder each time, as on a fresh CI machine). Bytecode is written once and kept, as an
installed tool has it (this sandbox sets PYTHONDONTWRITEBYTECODE, which would recompile publish every run). Corpora come from `make_corpus.py`
(git-ignored, generated once). The machine is printed first: compare ratios, never seconds across runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fixed_cost import ROOT, child_env  # noqa: E402
from validate_scale import corpus, run_child  # noqa: E402

DEFAULT_SIZES = (0, 500, 2000, 20000)  # 0 = this repository's own package

# The floor of any run on publish's stack: the interpreter with polars and pandera's polars backend imported (as
# publish imports them, without numpy and hypothesis), nothing read or checked. frictionless over this is the best
# ratio a cold process built on polars and pandera could reach on a package of any size.
FLOOR = """
import polars
from publish.models.extras import polars_only
with polars_only():
    import pandera.polars
"""


def machine() -> str:
    """What the figures were measured on."""
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo") if line.startswith("model name")), "?"
    )
    memory = next((line.split()[1] for line in _lines("/proc/meminfo") if line.startswith("MemTotal")), "0")
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("frictionless", "polars", "pandera"))
    return (
        f"{cpu}, {os.cpu_count()} cores, {int(memory) / 1024**2:.0f} GiB; Python {platform.python_version()}; "
        f"{versions}"
    )


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


def package_for(size: int, seed: int) -> tuple[str, Path, int]:
    """(label, folder, data rows) of the repo (size 0) or a synthetic corpus of ``size`` department-years."""
    if size == 0:
        rows = sum(max(0, p.read_bytes().count(b"\n") - 1) for p in (ROOT / "data").glob("*.csv"))
        return "this repository (1 department-year)", ROOT, rows
    folder, rows = corpus(size, seed)
    return f"{size:,} department-years", folder, rows


def timed(argv: list[str], scratch: Path, cache: str = "cache") -> dict:
    """One cold child process, with its bytecode kept in ``scratch`` (as an installed tool has it) and
    publish's verdict cache in ``scratch/cache``."""
    env = {**child_env(scratch), "PUBLISH_CACHE_DIR": str(scratch / cache)}
    return run_child(argv, cwd=ROOT, env=env)


def measure(folder: Path, runs: int, *, floor: bool = False) -> dict[str, list[dict]]:
    """``runs`` alternating cold runs: publish (cache warm), publish (cache cold), frictionless, and with
    ``floor`` the imports alone (`FLOOR`)."""
    publish = [sys.executable, "-m", "publish", "validate", str(folder), "--format", "json"]
    frictionless = [sys.executable, "-m", "frictionless", "validate", str(folder / "datapackage.json")]
    imports = [sys.executable, "-c", FLOOR]
    figures: dict[str, list[dict]] = {"warm": [], "cold": [], "frictionless": [], "floor": []}
    with tempfile.TemporaryDirectory() as folder_name:
        scratch = Path(folder_name)
        timed(publish, scratch)  # primes the verdict cache and writes the bytecode
        timed(frictionless, scratch)
        for turn in range(runs):
            figures["warm"].append(timed(publish, scratch))
            figures["cold"].append(timed(publish, scratch, cache=f"cold-{turn}"))
            figures["frictionless"].append(timed(frictionless, scratch))
            if floor:
                figures["floor"].append(timed(imports, scratch))
    return figures


def summary(runs: list[dict]) -> dict[str, float]:
    return {
        "seconds": statistics.median(r["wall"] for r in runs),
        "peak_mib": max(r["peak_rss_mib"] for r in runs),
        "exits": sorted({r["exit"] for r in runs}),
    }


def row(label: str, rows: int, figures: dict[str, list[dict]]) -> dict:
    warm, cold, fl = (summary(figures[k]) for k in ("warm", "cold", "frictionless"))
    return {
        "package": label,
        "rows": rows,
        "warm": warm,
        "cold": cold,
        "frictionless": fl,
        "ratio_warm": fl["seconds"] / warm["seconds"],
        "ratio_cold": fl["seconds"] / cold["seconds"],
    }


HEADER = (
    "| package | rows | publish, cache warm | publish, cache cold | frictionless validate | ratio (warm) | "
    "ratio (cold) | peak RSS publish / frictionless |"
)


def floor_row(figures: dict[str, list[dict]]) -> dict | None:
    """The imports alone, beside the frictionless runs they alternated with; none when not measured."""
    if not figures["floor"]:
        return None
    floor, fl = summary(figures["floor"]), summary(figures["frictionless"])
    return {"floor": floor, "frictionless": fl, "ratio": fl["seconds"] / floor["seconds"]}


def markdown(rows: list[dict], floor: dict | None = None) -> str:
    lines = [HEADER, "|" + "---|" * 8]
    for r in rows:
        lines.append(
            f"| {r['package']} | {r['rows']:,} | {r['warm']['seconds']:.2f} s | {r['cold']['seconds']:.2f} s | "
            f"{r['frictionless']['seconds']:.2f} s | **{r['ratio_warm']:.1f}×** | {r['ratio_cold']:.1f}× | "
            f"{max(r['warm']['peak_mib'], r['cold']['peak_mib']):.0f} / {r['frictionless']['peak_mib']:.0f} MiB |"
        )
    if floor:
        lines.append(
            f"| floor: Python, polars and pandera imported, nothing checked | – | {floor['floor']['seconds']:.2f} s | "
            f"– | {floor['frictionless']['seconds']:.2f} s (this repository) | {floor['ratio']:.1f}× | – | "
            f"{floor['floor']['peak_mib']:.0f} MiB |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES, help="department-years; 0 = this repo")
    parser.add_argument("--runs", type=int, default=5, help="cold runs of each tool per size (1 from 20,000 up)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--markdown", action="store_true", help="only the table")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}", flush=True)
    results, floor = [], None
    for size in args.sizes:
        label, folder, rows = package_for(size, args.seed)
        figures = measure(folder, args.runs if size < 20000 else 1, floor=size == 0)
        floor = floor or floor_row(figures)
        results.append(row(label, rows, figures))
        if not args.markdown:
            r = results[-1]
            print(
                f"{label}: publish {r['warm']['seconds']:.2f} s warm / {r['cold']['seconds']:.2f} s cold, "
                f"frictionless {r['frictionless']['seconds']:.2f} s → {r['ratio_warm']:.1f}× / "
                f"{r['ratio_cold']:.1f}×; exits {r['warm']['exits']} {r['frictionless']['exits']}",
                flush=True,
            )
    if floor and not args.markdown:
        print(
            f"floor (imports alone): {floor['floor']['seconds']:.2f} s; frictionless on this repository is "
            f"{floor['ratio']:.1f}× that, the best ratio any cold run on polars and pandera could reach",
            flush=True,
        )
    print(markdown(results, floor))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
