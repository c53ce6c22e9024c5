"""Where a workbook's worksheets are inside its zip, and their names, read as openpyxl finds them.

The package relationships (``_rels/.rels``) name the workbook part, the workbook lists its sheets and
its relationships name each sheet's part. Only small parts are read here (a workbook part is a few
kilobytes); when the chain cannot be followed, every XML part is taken as a possible sheet, by its path.
"""

from __future__ import annotations

import contextlib
import posixpath
import zipfile
from xml.parsers import expat

SMALL = 1 << 20  # bytes: a workbook part or a relationships part larger than this is not followed
OFFICE_DOCUMENT = "/officeDocument"


def sheet_parts(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, part) of each worksheet; every XML part, named by its path, if the chain breaks."""
    found = _followed(archive)
    if found is None:
        found = [(name, name) for name in archive.namelist() if name.endswith(".xml")]
    return found


def _followed(archive: zipfile.ZipFile) -> list[tuple[str, str]] | None:
    package = _elements(archive, "_rels/.rels", "Relationship")
    workbook = next((r.get("Target", "") for r in package if r.get("Type", "").endswith(OFFICE_DOCUMENT)), "")
    workbook = _resolve("", workbook)
    folder, file = posixpath.split(workbook)
    targets = {
        r.get("Id"): r.get("Target", "") for r in _elements(archive, f"{folder}/_rels/{file}.rels", "Relationship")
    }
    sheets = _elements(archive, workbook, "sheet")
    parts = [(s.get("name", ""), _resolve(folder, targets.get(s.get("id"), ""))) for s in sheets]
    parts = [(name, part) for name, part in parts if part in archive.namelist()]
    return parts if sheets and len(parts) == len(sheets) else None


def _resolve(folder: str, target: str) -> str:
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))


def _elements(archive: zipfile.ZipFile, part: str, element: str) -> list[dict[str, str]]:
    """The attributes (by local name) of each ``element`` of a part, if it is there and small."""
    found: list[dict[str, str]] = []
    if part not in archive.namelist() or archive.getinfo(part).file_size > SMALL:
        return found
    parser = expat.ParserCreate(namespace_separator=" ")

    def start(tag: str, attributes: dict[str, str]) -> None:
        if tag.rpartition(" ")[2] == element:
            found.append({key.rpartition(" ")[2]: value for key, value in attributes.items()})

    parser.StartElementHandler = start
    with contextlib.suppress(expat.ExpatError):
        parser.Parse(archive.read(part), True)
    return found
