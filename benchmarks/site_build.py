"""How the portal site scales: build it cold from synthetic county packages and weigh its pages.

    python benchmarks/site_build.py                      # 100 departments × 10 years, then 10 × 10
    python benchmarks/site_build.py --profile            # also: where the big build's time goes (cProfile)

Each package is a synthetic county written by ``make_corpus`` (valid by construction) into the git-ignored
``benchmarks/corpus/``; the site is built in a fresh child process (``python -m publish site``) so import time and
the whole command count, and the child's wall time and peak RSS (``os.wait4``) are reported. Then the built pages are
weighed: how many, their total bytes, index.html, the largest and median department page, the largest county page.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT / "src")]

from make_corpus import make_corpus  # noqa: E402

SIZES = ((100, 10), (10, 10))  # (departments, years)
PROFILED = ("charts_for", "render_site", "validate", "collect", "read_site_data", "write_tree")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", action="store_true", help="profile the largest build to see where time goes")
    args = parser.parse_args(argv)
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {os.uname().sysname} {os.uname().machine}")
    for departments, years in SIZES:
        package = HERE / "corpus" / f"county-{departments}x{years}"
        make_corpus(package, departments * years, years=years, seed=21)
        give_version(package / "datapackage.json")
        with tempfile.TemporaryDirectory(prefix="site-bench-") as folder:
            out = Path(folder) / "site"
            seconds, rss = build(package, out)
            print(f"\n{departments} departments × {years} years = {departments * years} department-years")
            print(f"  build {seconds:.1f} s, peak RSS {rss / 1024 / 1024:.0f} MB")
            for line in weigh(out):
                print(f"  {line}")
        if args.profile and (departments, years) == SIZES[0]:
            for line in profile(package):
                print(f"  {line}")
    return 0


def give_version(descriptor_path: Path) -> None:
    """make_corpus leaves the version out; the site's pages name it (a package without one fails to build)."""
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    descriptor["version"] = "1.0.0"
    descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def build(package: Path, out: Path, *prefix: str) -> tuple[float, int]:
    """Run ``python -m publish site`` on ``package`` in a child process: (wall seconds, peak RSS bytes)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, *prefix, "-m", "publish", "site", str(package), "--out", str(out)]
    start = time.perf_counter()
    child = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    errors = child.stderr.read().decode("utf-8", errors="replace") if child.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"site build failed:\n{errors[-2000:]}")
    return seconds, usage.ru_maxrss * 1024


def weigh(out: Path) -> list[str]:
    """Lines describing the built pages: counts and bytes."""
    pages = sorted(out.rglob("*.html"))
    departments = sorted(p.stat().st_size for p in (out / "department").glob("*.html"))
    county = sorted(p.stat().st_size for p in (out / "county").glob("*.html"))
    html_bytes = sum(p.stat().st_size for p in pages)
    all_bytes = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return [
        f"pages {len(pages)} (department {len(departments)}, county {len(county)}), "
        f"HTML {kb(html_bytes)}, whole site {kb(all_bytes)} (with downloads)",
        f"index.html {kb((out / 'index.html').stat().st_size)}",
        f"department page: largest {kb(departments[-1])}, median {kb(statistics.median(departments))}",
        f"county page: largest {kb(county[-1]) if county else '—'}",
    ]


def profile(package: Path) -> list[str]:
    """Build once more under cProfile and give the cumulative seconds of the main steps."""
    with tempfile.TemporaryDirectory(prefix="site-prof-") as folder:
        stats_file = Path(folder) / "build.prof"
        seconds, _ = build(package, Path(folder) / "site", "-m", "cProfile", "-o", str(stats_file))
        stats = pstats.Stats(str(stats_file))
        cumulative = {}
        for (path, _, name), (_, _, _, total, _) in stats.stats.items():  # type: ignore[attr-defined]
            if name in PROFILED and f"{os.sep}publish{os.sep}" in path and "site-packages" not in path:
                cumulative[name] = max(cumulative.get(name, 0.0), total)
    lines = [f"profiled build {seconds:.1f} s (cProfile slows it), cumulative seconds per step:"]
    lines += [f"  {name:<15} {cumulative.get(name, 0.0):7.1f} s" for name in PROFILED]
    return lines


def kb(size: float) -> str:
    return f"{size / 1024:,.0f} KB" if size >= 10 * 1024 else f"{size / 1024:.1f} KB"


if __name__ == "__main__":
    raise SystemExit(main())
