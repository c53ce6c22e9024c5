"""Generate a synthetic province of department budget disclosures, valid by construction.

    python benchmarks/make_corpus.py --departments 20000                # 20,000 department-years
    python benchmarks/make_corpus.py --departments 300 --plant 3 --out /tmp/small

Departments are spread over Chongqing's 38 districts and counties; each has up to ``--years``
consecutive years (the last ones, ending in 2024), about 60 rows per department-year, and the
2024 function codes observed in published tables re-keyed to every year. The same arguments
always give byte-identical files. Rows are streamed to the files as they are made (memory stays flat: a
national corpus of 300,000 department-years, 15M rows, is written in a few minutes). ``--plant K`` plants K errors of each rule in `plants.PLANTS`
on distinct departments and writes `manifest.json`: the (rule, path, line) findings expected.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT / "src")]

from corpus_rows import department_year  # noqa: E402
from plants import PLANTS  # noqa: E402
from province import department_row, departments  # noqa: E402

from publish.core import atomic  # noqa: E402
from publish.core.csvfile import sort_key  # noqa: E402

LAST_YEAR = 2024
RESOURCES = [
    "disclosures",
    "income",
    "expenditure_by_function",
    "expenditure_by_type",
    "expenditure_by_economic",
    "sangong",
    "operating_costs",
    "procurement",
    "assets",
    "kpis",
    "glossary",
    "disclosure_units",
]
# Cells every synthetic row has (data model v2): amounts in 万元, function lines all funds' total column.
WANYUAN = {"unit": "万元"}
IMPLIED = {name: WANYUAN for name in ("disclosures", "income", "expenditure_by_type", "sangong", "operating_costs")}
IMPLIED |= {"procurement": WANYUAN, "expenditure_by_function": {**WANYUAN, "fund": "all", "cost_type": "total"}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--departments", type=int, default=20000, help="number of department-years")
    parser.add_argument("--years", type=int, default=5, help="years per department (at most)")
    parser.add_argument("--plant", type=int, default=0, help="errors planted per rule")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    out = args.out or default_folder(args.departments, args.plant, args.seed)
    summary = make_corpus(out, args.departments, years=args.years, plant=args.plant, seed=args.seed)
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def default_folder(department_years: int, plant: int = 0, seed: int = 2024) -> Path:
    suffix = f"-plant{plant}" if plant else ""
    return HERE / "corpus" / f"province-{department_years}-s{seed}{suffix}"


def make_corpus(out: Path, department_years: int, *, years: int = 5, plant: int = 0, seed: int = 2024) -> dict:
    """Write the corpus package into ``out`` (replacing its data) and return a summary."""
    schemas = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "schemas").glob("*.json")}
    units = departments(-(-department_years // years), seed)
    first = LAST_YEAR - years + 1
    spans = {d.department_id: range(first, LAST_YEAR + 1) for d in units}
    extra = len(units) * years - department_years
    for dept in units[len(units) - extra :]:
        spans[dept.department_id] = range(first + 1, LAST_YEAR + 1)
    planted = choose_plants(units, spans, plant, seed)
    (out / "data").mkdir(parents=True, exist_ok=True)
    buffers = {name: _start(schemas[name], _partial(out, name)) for name in RESOURCES}
    lines = dict.fromkeys(RESOURCES, 1)
    order = {name: sort_key(schemas[name]) for name in RESOURCES}
    manifest = []
    for year in range(first, LAST_YEAR + 1):
        for dept in units:
            if year not in spans[dept.department_id]:
                continue
            rows = department_year(dept, year)
            target = None
            rule = planted.get((dept.department_id, year))
            if rule:
                target = PLANTS[rule][0](rows)
            for name in RESOURCES:
                for row in sorted(rows.get(name, ()), key=order[name]):
                    lines[name] += 1
                    cells = {**IMPLIED.get(name, {}), **row}
                    buffers[name][1].writerow([cells.get(f["name"], "") for f in schemas[name]["fields"]])
                    if target and target[1] is row:
                        manifest.append(_expected(rule, target[0], lines[name], dept.department_id, year))
    for name, (handle, _) in buffers.items():
        handle.close()
        os.replace(_partial(out, name), out / "data" / f"{name}.csv")
    _write_package(out, schemas, units, spans, first)
    if plant:
        atomic.write_text(out / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return {
        "folder": str(out),
        "department_years": department_years,
        "departments": len(units),
        "rows": sum(lines.values()) - len(lines),
        "planted": len(manifest),
    }


def choose_plants(units, spans, plant: int, seed: int) -> dict[tuple[str, int], str]:
    """(department, year) -> rule id: ``plant`` department-years per rule, each on its own department."""
    if not plant:
        return {}
    rng = random.Random(f"plants:{seed}")
    need = plant * len(PLANTS)
    if need > len(units):
        raise SystemExit(f"--plant {plant} needs {need} departments; generate more department-years")
    chosen = rng.sample(units, need)
    planted = {}
    for index, dept in enumerate(chosen):
        rule = list(PLANTS)[index // plant]
        years = list(spans[dept.department_id])
        if PLANTS[rule][1] and len(years) < 2:
            raise SystemExit(f"{rule} needs departments with two years or more; use --years 2 or more")
        planted[(dept.department_id, rng.choice(years[1:] if PLANTS[rule][1] else years))] = rule
    return planted


def _expected(rule: str, resource: str, line: int, department_id: str, year: int) -> dict:
    return {
        "rule": rule,
        "path": f"data/{resource}.csv",
        "line": line,
        "department_id": department_id,
        "fiscal_year": year,
    }


def _partial(out: Path, name: str) -> Path:
    return out / "data" / f".{name}.csv.partial"


def _start(schema: dict, path: Path | None = None) -> tuple[io.TextIOBase, csv.writer]:
    """A CSV writer with the header written: to ``path`` (streamed, 1 MiB buffer) or to memory."""
    buffer = open(path, "w", encoding="utf-8", newline="", buffering=1 << 20) if path else io.StringIO()  # noqa: SIM115
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([f["name"] for f in schema["fields"]])
    return buffer, writer


def _write_package(out: Path, schemas: dict, units, spans, first: int) -> None:
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["name"] = "synthetic-province-department-budgets"
    descriptor["title"] = "合成省级部门预算公开数据（基准测试语料）Synthetic province corpus"
    descriptor.pop("version", None)
    atomic.write_text(out / "datapackage.json", json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n")
    shutil.copytree(ROOT / "schemas", out / "schemas", dirs_exist_ok=True)
    dept_rows = [department_row(d, spans[d.department_id][0]) for d in units]
    _write_rows(out / "data" / "departments.csv", schemas["departments"], dept_rows)
    _write_rows(out / "data" / "disclosure_parts.csv", schemas["disclosure_parts"], [])  # every part published
    _write_rows(out / "data" / "inconsistencies.csv", schemas["inconsistencies"], [])  # no slip recorded
    observed = [r for r in _read(ROOT / "data" / "function_codes.csv") if r["fiscal_year"] == "2024"]
    source = "re-keyed from the codes observed in 2024 (synthetic corpus)"
    codes = [{**r, "fiscal_year": str(y), "source": source} for y in range(first, LAST_YEAR + 1) for r in observed]
    _write_rows(out / "data" / "function_codes.csv", schemas["function_codes"], codes)


def _write_rows(path: Path, schema: dict, rows: list[dict]) -> None:
    buffer, writer = _start(schema)
    for row in sorted(rows, key=sort_key(schema)):
        writer.writerow([row.get(f["name"], "") for f in schema["fields"]])
    atomic.write_text(path, buffer.getvalue())


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


if __name__ == "__main__":
    raise SystemExit(main())
