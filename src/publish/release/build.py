"""Build a release in a temporary folder inside ``dist/`` and move it into place when complete.

The folder ``<name>-<version>/`` holds datapackage.json (with ``version``, ``created`` and each
resource's ``bytes`` and ``hash``), the schemas and data files byte for byte, README.md,
CHANGELOG.md, the .xlsx workbook and SHA256SUMS; the zip holds the same files at its root.
Every write goes through ``publish.core.atomic`` and every move calls its checkpoint, so a fault at
any point leaves ``dist/`` as it was: the temporary folder is removed and a move already made is
undone. Every path is checked by ``publish.core.inside`` before anything is written: no name in the
package leads a file out of ``dist/``.
"""

from __future__ import annotations

import copy
import json
import shutil
from datetime import datetime
from pathlib import Path, PurePosixPath

from publish.core import OutsideError, Package, atomic, inside, release_name, unsafe_reason
from publish.release.archive import zip_bytes
from publish.release.hashing import SUMS, descriptor_hash, render_sums
from publish.release.source_date import iso
from publish.release.workbook import workbook_bytes

LOCK = ".release.lock"  # held in the output folder while a release builds (publish.core.locked)


def release_files(package: Package, version: str, moment: datetime, readme: str, changelog: str) -> dict[str, bytes]:
    """Every file of the release folder, by relative path (SHA256SUMS included)."""
    files: dict[str, bytes] = {}
    descriptor = copy.deepcopy(package.descriptor)
    descriptor["version"] = version
    descriptor["created"] = iso(moment)
    for entry in descriptor["resources"]:
        data = (package.root / entry["path"]).read_bytes()
        files[entry["path"]] = data
        entry["bytes"] = len(data)
        entry["hash"] = descriptor_hash(data)
        if isinstance(entry.get("schema"), str):
            files[entry["schema"]] = (package.root / entry["schema"]).read_bytes()
    files.update(source_documents(package))
    files["datapackage.json"] = (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    files["README.md"] = readme.encode("utf-8")
    files["CHANGELOG.md"] = changelog.encode("utf-8")
    released = Package(root=package.root, descriptor=descriptor, resources=package.resources)
    files[f"{release_name(descriptor['name'], version)}.xlsx"] = workbook_bytes(released, moment)
    files[SUMS] = render_sums(files).encode("utf-8")
    return files


def source_documents(package: Package) -> dict[str, bytes]:
    """The documents the descriptor's ``sources`` keep inside the package (e.g. sources/<id>/<year>-budget.txt).

    A source given as a URL, or as a path that leaves the package or does not exist, is not copied.
    """
    documents = {}
    for source in package.descriptor.get("sources") or []:
        path = source.get("path") if isinstance(source, dict) else None
        if not isinstance(path, str) or unsafe_reason(package.root, path):
            continue
        file = package.root / path
        if file.is_file():
            documents[PurePosixPath(path).as_posix()] = file.read_bytes()
    return documents


def write_release(out: Path, top: str, files: dict[str, bytes], moment: datetime, missing_only: bool = False) -> None:
    """Write the folder ``out/top`` and ``out/top.zip`` via a temporary folder; skip targets that exist if asked."""
    folder, archive = release_paths(out, top)
    _remove_stale_staging(out)
    with atomic.staging(out, ".tmp-release-") as staging:
        moves = []
        if not (missing_only and folder.exists()):
            written = [(inside(staging, f"{top}/{name}"), files[name]) for name in sorted(files)]
            for target, data in written:
                atomic.write_bytes(target, data)
            moves.append((staging / top, folder))
        if not (missing_only and archive.exists()):
            atomic.write_bytes(staging / archive.name, zip_bytes(top, files, moment))
            moves.append((staging / archive.name, archive))
        _publishable(staging)
        atomic.move_into_place(moves)


def release_paths(out: Path, top: str) -> tuple[Path, Path]:
    """The release folder and zip, side by side in ``out``; a name that is not one plain file name is refused."""
    folder, archive = inside(out, top), inside(out, f"{top}.zip")
    if folder.parent != out.resolve():
        raise OutsideError(top, "发布名称不能含有 /", "a release name must not hold /")
    return folder, archive


def _remove_stale_staging(out: Path) -> None:
    """Staging folders a killed release left behind (no clean-up runs on SIGKILL); safe under the lock."""
    for stale in out.glob(".tmp-*"):
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)


def _publishable(staging: Path) -> None:
    """Readable by everyone, like any download: files 0644, folders 0755 (temporary files are made 0600)."""
    for path in staging.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
