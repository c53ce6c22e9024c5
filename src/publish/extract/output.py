"""Writing an extraction as a submission folder, all or nothing.

The folder holds one ``<resource>.csv`` per table the text filled (canonical form, the same
folder ``publish add`` reads) and ``extraction/provenance.csv`` (each value and the sentence it
came from) and ``extraction/unread.csv`` (what could not be read and why, absent sections). It is
built in a temporary sibling folder and renamed into place, so a failure leaves nothing behind.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from publish.core import EXIT_USAGE, OutsideError, Package, PublishError, atomic, inside, write_rows
from publish.extract.model import PROVENANCE_COLUMNS, UNREAD_COLUMNS, Extraction

SIDECARS = "extraction"


class OutputError(PublishError):
    """The submission folder cannot be written where asked (it holds files)."""

    exit_code = EXIT_USAGE


def default_folder(ext: Extraction) -> Path:
    """``<department>-<year>`` in the working folder; a department id that would lead elsewhere is refused."""
    name = f"{ext.department_id}-{ext.fiscal_year}"
    _inside(Path.cwd(), name)
    return Path(name)


def _inside(folder: Path, name: str) -> Path:
    try:
        return inside(folder, name)
    except OutsideError as error:
        raise OutputError(error.message_zh, error.message_en) from None


def write_submission(ext: Extraction, package: Package, out: str | Path) -> list[Path]:
    """Write the submission folder ``out`` (which must not exist or be empty); return the files written."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise OutputError(
            f"输出目录 {out} 已存在且不为空；为免覆盖已有文件，请用 --out 指定一个新目录",
            f"the output folder {out} exists and is not empty; to keep what is there, choose a new one with --out",
        )
    with atomic.staging(out.parent, f".{out.name}.") as building:
        names = _write_all(ext, package, building)
        atomic.move_into_place([(building, out)], replace=True)  # an empty folder is all it may replace
    return [out / name for name in names]


def _write_all(ext: Extraction, package: Package, folder: Path) -> list[str]:
    names = []
    for name, resource in package.resources.items():
        rows = ext.rows.get(name)
        if rows:
            write_rows(_inside(folder, f"{name}.csv"), resource.schema, rows)
            names.append(f"{name}.csv")
    atomic.write_text(folder / SIDECARS / "provenance.csv", _table(PROVENANCE_COLUMNS, ext.provenance))
    atomic.write_text(folder / SIDECARS / "unread.csv", _table(UNREAD_COLUMNS, [u.as_row() for u in ext.unread]))
    return [*names, f"{SIDECARS}/provenance.csv", f"{SIDECARS}/unread.csv"]


def _table(columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
