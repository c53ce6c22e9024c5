"""How much of real disclosures `publish extract` reads: every file of the development corpus, scored.

Runs the command a new user would run (`python -m publish extract FILE --out DIR`, in a subprocess, first
without --department; when it refuses for want of a department id, again with the truth's id, and counts
that) on every file of the corpus and on the seed, and scores each extraction's key figures against a
hand-keyed truth with tests/extract_scoring.py: tests/disclosures/<case>/submission for the documents the
tests already hold (matched by their SOURCE line), benchmarks/extract_truth/<file stem>/ for the others,
the package's own data/ rows for the seed. Prints one line per file, totals per family and every wrong value.

The corpus (../shared/corpus/ next to the repository) and the seed are development material, not shipped:
the script says so and stops when they are absent. Each file is given to the extractor as stored, with its
SOURCE:/NOTE: header lines (the store's description of the copy): the extractor takes the source URL from
SOURCE and never reads NOTE, as it must for documents stored the same way that nobody here has seen. Nothing is
written outside a temporary folder; the output is the same from run to run except the seconds column
(--no-times leaves it out).

    python benchmarks/extract_corpus.py [--corpus ../shared/corpus] [--package .] [--no-times] [--missed]
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.extract_scoring import Score, score  # noqa: E402

TRUTH = REPO / "benchmarks" / "extract_truth"
CASES = REPO / "tests" / "disclosures"
SEED_NAME = "000_051e28ba8158a445.txt"
SEED_IDENTITY = {"fiscal_year": "2023", "department_id": "500238-zwfwzx"}
IDENTITY = ("fiscal_year", "document_kind", "scope")
# family shown in the report ← the truth's disclosures.profile
FAMILIES = {
    "seed": "complete Chongqing 重庆完整文本",
    "chongqing": "partial Chongqing 重庆部分文本",
    "shanghai": "Shanghai 上海",
    "sangong-note": "三公 notes 三公说明",
    "other": "other provinces 其他省份",
}
REFUSED_FOR_ID = "--department"


@dataclass
class Run:
    """One file's extraction: how the command ended and where its submission is."""

    code: int
    stderr: str
    out: Path
    seconds: float
    wrote: bool
    retried_with_id: bool = False

    @property
    def crashed(self) -> bool:
        return self.code == 3 or "Traceback (most recent call last)" in self.stderr

    @property
    def refused(self) -> bool:
        return not self.crashed and not self.wrote


@dataclass
class Result:
    """One file's line of the report."""

    name: str
    family: str
    run: Run
    identity: str
    score: Score = field(default_factory=Score)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    corpus, package = Path(args.corpus).resolve(), Path(args.package).resolve()
    seed = corpus.parent / "seed" / SEED_NAME
    if not corpus.is_dir():
        print(
            f"语料目录不存在 the corpus folder is absent: {corpus}\n"
            "它是开发材料，不随软件发布；用 --corpus 指定。It is development material, not shipped; give it with --corpus."
        )
        return 2
    with tempfile.TemporaryDirectory(prefix="extract-corpus-") as temp:
        work = Path(temp)
        documents = [(path, *_truth_of(path)) for path in sorted(corpus.glob("*.txt"))]
        if seed.is_file():
            documents.insert(0, (seed, _seed_truth(work), "seed"))
        else:
            print(f"（种子文件不存在 the seed is absent: {seed}）")
        results = [_measure(path, truth, family, package, work) for path, truth, family in documents]
    _report(results, times=not args.no_times, missed=args.missed)
    return 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"), help="the corpus folder")
    parser.add_argument("--package", default=".", help="the data package given to publish extract")
    parser.add_argument("--no-times", action="store_true", help="leave out the seconds (byte-identical output)")
    parser.add_argument("--missed", action="store_true", help="also list every key figure not read")
    return parser.parse_args(argv)


# ---------------------------------------------------------------- truths


def _truth_of(path: Path) -> tuple[Path | None, str]:
    """The hand-keyed folder for a corpus file (a test case's submission or an extract_truth folder)."""
    source = _first_line(path)
    truth = TRUTH / path.stem
    for case in sorted(CASES.iterdir()):
        document = case / "document.txt"
        if document.is_file() and _first_line(document) == source:
            truth = case / "submission"
    if not (truth / "disclosures.csv").is_file():
        return None, "other"
    return truth, _family(_identity(truth).get("profile", ""))


def _first_line(path: Path) -> str:
    with path.open(encoding="utf-8") as handle:
        return handle.readline().strip()


def _family(profile: str) -> str:
    if profile.startswith("chongqing"):
        return "chongqing"
    if profile.startswith("shanghai"):
        return "shanghai"
    return "sangong-note" if profile == "sangong-note" else "other"


def _seed_truth(work: Path) -> Path:
    """The repository's own data/ rows for the seed's department-year, copied into a submission folder."""
    truth = work / "seed-truth"
    truth.mkdir()
    for table in sorted((REPO / "data").glob("*.csv")):
        with table.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = [row for row in reader if all(row.get(k) == v for k, v in SEED_IDENTITY.items())]
        if rows:
            with (truth / table.name).open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, reader.fieldnames or [], lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
    return truth


def _identity(folder: Path) -> dict[str, str]:
    path = folder / "disclosures.csv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.DictReader(handle), {})


# ---------------------------------------------------------------- extraction


def _measure(path: Path, truth: Path | None, family: str, package: Path, work: Path) -> Result:
    document = path
    department = _identity(truth).get("department_id", "") if truth else ""
    run = _extract(document, work / f"{path.stem}-out", package, None)
    if run.code == 2 and REFUSED_FOR_ID in run.stderr and department:
        run = _extract(document, work / f"{path.stem}-out-id", package, department)
        run.retried_with_id = True
    result = Result(path.name, family, run, _identity_marks(truth, run.out))
    if truth is not None:
        result.score = score(truth, run.out)
    return result


def _extract(document: Path, out: Path, package: Path, department: str | None) -> Run:
    command = [sys.executable, "-m", "publish", "extract", str(document), "--out", str(out)]
    command += ["--package", str(package)] + (["--department", department] if department else [])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")])))
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=out.parent, check=False)
    seconds = time.monotonic() - started
    return Run(done.returncode, done.stderr, out, seconds, (out / "disclosures.csv").is_file())


def _identity_marks(truth: Path | None, out: Path) -> str:
    """y/k/s for year, kind and scope as the truth states them; '-' where wrong or not written."""
    expected, got = _identity(truth) if truth else {}, _identity(out)
    if not expected or not got:
        return "   "
    return "".join(
        mark if expected.get(key) == got.get(key) else "-" for key, mark in zip(IDENTITY, "yks", strict=True)
    )


# ---------------------------------------------------------------- report


def _report(results: list[Result], times: bool, missed: bool) -> None:
    print("身份 identity: y 年度 year, k 文件种类 kind, s 范围 scope ('-' = 错或未写出 wrong or not written)")
    print("状态 status: ok, id (无编号被拒后用真值编号重跑 refused for want of an id, rerun with the truth's),")
    print("             refused 拒绝 (exit 1/2, 无输出 no output), crashed 崩溃 (exit 3 or a traceback)\n")
    header = f"{'file':<70} {'family':<12} {'id':<3} {'read':>9} {'wrong':>5}  {'status':<8}"
    print(header + ("  seconds" if times else ""))
    for result in results:
        line = (
            f"{result.name:<70} {result.family:<12} {result.identity:<3} "
            f"{result.score.read:>4}/{result.score.expected:<4} {len(result.score.wrong):>5}  {_status(result.run):<8}"
        )
        print(line + (f"  {result.run.seconds:7.1f}" if times else ""))
    print("\n按家族合计 totals per family")
    overall = Score()
    for family, label in FAMILIES.items():
        members = [r for r in results if r.family == family]
        if members:
            total = _total(members)
            overall.add(total)
            print(
                f"  {label:<32} files {len(members):>2}  read {total.read:>4}/{total.expected:<4} "
                f"{total.coverage:6.1%}  wrong {len(total.wrong)}  {_counts(members)}"
            )
    print(
        f"  {'all 全部':<32} files {len(results):>2}  read {overall.read:>4}/{overall.expected:<4} "
        f"{overall.coverage:6.1%}  wrong {len(overall.wrong)}  {_counts(results)}"
    )
    _list("错值 wrong values (figure, truth, extracted)", results, lambda r: r.score.wrong)
    _refusals(results)
    if missed:
        _list("未读出 key figures not read", results, lambda r: [(figure,) for figure in r.score.missed])


def _status(run: Run) -> str:
    if run.crashed:
        return "crashed"
    if run.refused:
        return "refused"
    return "id" if run.retried_with_id else "ok"


def _total(results: list[Result]) -> Score:
    total = Score()
    for result in results:
        total.add(result.score)
    return total


def _counts(results: list[Result]) -> str:
    statuses = [_status(r.run) for r in results]
    return " ".join(f"{name} {statuses.count(name)}" for name in ("id", "refused", "crashed") if name in statuses)


def _list(title: str, results: list[Result], entries) -> None:
    print(f"\n{title}:")
    found = False
    for result in results:
        for entry in entries(result):
            found = True
            (table, key), *values = entry
            shown = " ".join(_shown(table, value) for value in values)
            print(f"  {result.name}: {table} {'/'.join(key)} {shown}".rstrip())
    if not found:
        print("  (none 无)")


def _refusals(results: list[Result]) -> None:
    """Why each refused or crashed file stopped: the last line of what the command wrote to stderr."""
    print("\n拒绝与崩溃 refused and crashed:")
    stopped = [r for r in results if r.run.refused or r.run.crashed]
    for result in stopped:
        lines = [line for line in result.run.stderr.splitlines() if line.strip()]
        print(f"  {result.name}: exit {result.run.code}: {lines[-1] if lines else ''}")
    if not stopped:
        print("  (none 无)")


def _shown(table: str, value: Decimal) -> str:
    """A scored value as a reader checks it: counts as they are, amounts in 元 (the scorer works in fen)."""
    return f"{value:f}" if table == "assets" else f"{(Decimal(value) / 100).normalize():f}元"


if __name__ == "__main__":
    raise SystemExit(main())
