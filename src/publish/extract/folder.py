"""A county's folder in one command: every document in it extracted into its own submission folder, and a summary.

Only the folder's own files are read, not its subfolders: a county's folder keeps older years, drafts and
attachments in subfolders, and the output folder may lie inside it. Hidden files (``.x``), Office lock
files (``~$x.docx``) and symbolic links are never read (a link can lead out of the folder, or to a file
read twice); a file of another type is named in the summary's ``skipped`` list, not extracted.

Each document is extracted as ``publish extract FILE`` does and written atomically into
``OUTDIR/<name>/``, ``<name>`` made from the file's name (hostile names included: see ``folder_name``),
never two documents into one folder. A document that cannot be read (``ExtractError``, ``DocumentError``,
``OutputError``) is a ``refused`` row with its bilingual message; any other failure a ``failed`` row: one
file never stops the others. The summary, one row per document, is also ``OUTDIR/summary.csv``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from publish.core import EXIT_USAGE, PublishError, atomic, escape
from publish.extract.identity import Overrides
from publish.extract.readers import SUPPORTED
from publish.extract.run import extract_submission

SUMMARY = "summary.csv"
READ, UNREAD, REFUSED, FAILED = "read", "unread", "refused", "failed"
STATUS_WORDS = {READ: "读出", UNREAD: "有未读", REFUSED: "拒绝", FAILED: "工具故障"}
COLUMNS = (
    "file",
    "status",
    "folder",
    "fiscal_year",
    "department_id",
    "document_kind",
    "scope",
    "figures",
    "unread",
    "message_zh",
    "message_en",
)
NAME_LIMIT = 60  # characters of a folder name: 180 bytes of UTF-8 at most, under every file system's 255
UNSAFE = re.compile(r"[^\w.\-]+")  # \w keeps CJK; everything else (spaces, / \ : * ? " < > |, controls) becomes _
WINDOWS_RESERVED = re.compile(r"(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?", re.IGNORECASE)


@dataclass
class FileResult:
    """One document of the folder: what was read from it, or why nothing was."""

    file: str
    status: str
    folder: str = ""
    identity: tuple[str, str, str, str] = ("", "", "", "")
    figures: int = 0
    unread: int = 0
    message_zh: str = ""
    message_en: str = ""
    error: PublishError | None = None  # why a refused document was refused

    @property
    def label(self) -> str:
        return f"{STATUS_WORDS[self.status]} {self.status}"

    def as_row(self) -> dict[str, Any]:
        year, department, kind, scope = self.identity
        return {
            "file": self.file,
            "status": self.status,
            "folder": self.folder,
            "fiscal_year": year,
            "department_id": department,
            "document_kind": kind,
            "scope": scope,
            "figures": self.figures,
            "unread": self.unread,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }


@dataclass
class FolderRun:
    folder: Path
    out: Path
    results: list[FileResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(result.status == status for result in self.results)

    def totals(self) -> list[tuple[str, int]]:
        """(status in both languages, how many files) for each status some file has."""
        return [
            (f"{words} {status}", self.count(status)) for status, words in STATUS_WORDS.items() if self.count(status)
        ]

    @property
    def all_read(self) -> bool:
        return all(result.status == READ for result in self.results)

    @property
    def failed(self) -> bool:
        return any(result.status == FAILED for result in self.results)

    def as_json(self) -> dict[str, Any]:
        counts = {status: self.count(status) for status in STATUS_WORDS}
        return {
            "folder": str(self.folder),
            "out": str(self.out),
            "summary": str(self.out / SUMMARY),
            "counts": counts,
            "files": [result.as_row() for result in self.results],
            "skipped": self.skipped,
        }


class FolderError(PublishError):
    """The folder run cannot start: no document in the folder, or an output folder that holds files."""

    exit_code = EXIT_USAGE


def documents(folder: Path) -> tuple[list[Path], list[str]]:
    """The documents of ``folder`` to extract (sorted by name), and the names of the other files and of the
    symbolic links it holds (never followed)."""
    found, skipped = [], []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith((".", "~$")) or (not path.is_symlink() and not path.is_file()):
            continue
        if path.is_symlink() or path.suffix.lower() not in SUPPORTED:
            skipped.append(path.name)
        else:
            found.append(path)
    return found, skipped


def folder_name(file_name: str, taken: set[str]) -> str:
    """A folder name for a document that is safe anywhere and not in ``taken`` (compared without case, as on
    Windows and macOS); added to ``taken``. Only letters (CJK included), digits, ``.``, ``-`` and ``_`` remain;
    it never starts with a dot or a dash, never is a Windows device name, never is ``summary.csv``."""
    stem = unicodedata.normalize("NFC", Path(file_name).stem)
    name = UNSAFE.sub("_", stem).strip("._-")[:NAME_LIMIT].rstrip(".") or "document"
    if WINDOWS_RESERVED.fullmatch(name):
        name = f"_{name}"
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{name}-{number}"
    taken.add(candidate.casefold())
    return candidate


def extract_folder(
    folder: str | Path,
    out: str | Path,
    department: str | None = None,
    package: str | Path = ".",
    progress: Callable[[str, int, int], None] | None = None,
    overrides: Overrides | None = None,
) -> FolderRun:
    """Extract every document of ``folder`` into ``out`` (new or empty); ``progress(name, done, total)`` is told
    of each document once it is done. Raises ``FolderError`` when there is nothing to do or nowhere to write it."""
    folder, out = Path(folder), Path(out)
    found, skipped = documents(folder)
    if not found:
        raise FolderError(
            f"文件夹 {folder} 中没有可读取的文件（{'、'.join(SUPPORTED)}）；隐藏文件和子文件夹不读",
            f"the folder {folder} holds no file to read ({', '.join(SUPPORTED)}); hidden files and subfolders "
            "are not read",
        )
    _check_out(out)
    run = FolderRun(folder, out, skipped=skipped)
    taken = {SUMMARY}
    for done, path in enumerate(found, 1):
        run.results.append(_one(path, out / folder_name(path.name, taken), department, package, overrides))
        if progress:
            progress(path.name, done, len(found))
    _refuse_invocation(run.results)
    _note_duplicates(run.results)
    atomic.write_text(out / SUMMARY, summary_csv(run.results))
    return run


def _refuse_invocation(results: list[FileResult]) -> None:
    """Every document refused with the same usage error (the package cannot be read, a malformed --department):
    the invocation is wrong, not the documents, and the run says so once, as ``publish extract FILE`` would."""
    errors = [result.error for result in results]
    first = errors[0]
    if first is None or first.exit_code != EXIT_USAGE:
        return
    if all(error is not None and error.message_en == first.message_en for error in errors):
        raise first


def _note_duplicates(results: list[FileResult]) -> None:
    """Two documents read as the same disclosure are both kept (in their own folders), and said to be the same:
    `publish add` would refuse the two together."""
    first: dict[tuple[str, ...], FileResult] = {}
    for result in results:
        if not result.folder:
            continue
        earlier = first.setdefault(result.identity, result)
        if earlier is not result:
            shown = " ".join(result.identity)
            result.message_zh = f"与 {earlier.file} 读出的公开文件相同（{shown}）；publish add 只能并入其中一个"
            result.message_en = f"the same disclosure as {earlier.file} ({shown}); publish add takes only one of them"


def _check_out(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise FolderError(
            f"输出目录 {out} 已存在且不为空；为免覆盖已有文件，请用 --out 指定一个新目录",
            f"the output folder {out} exists and is not empty; to keep what is there, choose a new one with --out",
        )


def _one(
    path: Path, target: Path, department: str | None, package: str | Path, overrides: Overrides | None
) -> FileResult:
    """One document extracted into ``target``; what went wrong is the row's message, never an exception."""
    try:
        outcome = extract_submission(path, department, package, target, overrides)
    except PublishError as error:  # ExtractError, DocumentError, OutputError: the document's own problem
        return FileResult(path.name, REFUSED, message_zh=error.message_zh, message_en=error.message_en, error=error)
    except Exception as error:  # a bug in a reader: this file is reported, the others are still read
        failure = f"{type(error).__name__}: {error}"
        return FileResult(
            path.name,
            FAILED,
            message_zh=f"publish 内部错误，请把以下信息报告给维护者：{failure}",
            message_en=f"publish failed on this file, please report this: {failure}",
        )
    ext = outcome.extraction
    return FileResult(
        path.name,
        READ if ext.complete else UNREAD,
        folder=target.name,
        identity=(ext.fiscal_year, ext.department_id, ext.document_kind, ext.scope),
        figures=figures_read(ext.provenance),
        unread=len(ext.unread),
    )


def figures_read(provenance: list[dict[str, str]]) -> int:
    """How many figures the extraction read: the provenance values that are numbers (names and words are not)."""
    return sum(_is_number(entry.get("value", "")) for entry in provenance)


def _is_number(text: str) -> bool:
    try:
        return Decimal(text.replace(",", "")).is_finite()
    except (InvalidOperation, ValueError):
        return False


def summary_csv(results: list[FileResult]) -> str:
    """The summary as a CSV Excel opens as text (UTF-8 with BOM, LF; a cell starting with = + - @ gets a ')."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        writer.writerow({name: _cell(value) for name, value in result.as_row().items()})
    return "\ufeff" + out.getvalue()


def _cell(value: Any) -> Any:
    return escape.excel(escape.terminal_line(value)) if isinstance(value, str) else value
