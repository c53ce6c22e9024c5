"""Where the previous release is: release folders in ``dist/`` and git tags ``v<version>``.

A release folder ``dist/<name>-<version>/`` holding a datapackage.json of that version is a
release built on this machine; a tag ``v<version>`` in the package's git repository is a release
published from the repository (a fresh clone has no ``dist/`` but has the tags). The previous
release is the highest version found in either; a folder is preferred to a tag of the same version.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from publish.core import DESCRIPTOR, EXIT_TOOL_FAILURE, PublishError, atomic, unsafe_reason
from publish.release.versions import parse, sort_key


@dataclass(frozen=True)
class PreviousRelease:
    version: str
    folder: Path | None = None  # a release folder in dist/
    tag: str | None = None  # or a git tag

    @property
    def origin(self) -> str:
        return str(self.folder) if self.folder else f"git tag {self.tag}"


def find_previous(root: Path, out: Path, name: str) -> PreviousRelease | None:
    """The highest released version of the package named ``name`` (folders in ``out``, git tags of ``root``)."""
    found = {release.version: release for release in _tagged(root)}
    found.update({release.version: release for release in _folders(out, name)})
    if not found:
        return None
    return found[max(found, key=sort_key)]


@contextmanager
def materialized(previous: PreviousRelease, root: Path) -> Iterator[Path]:
    """A package folder holding the previous release's descriptor, schemas and data."""
    if previous.folder is not None:
        yield previous.folder
        return
    with tempfile.TemporaryDirectory(prefix="publish-tag-") as temporary:
        target = Path(temporary)
        prefix = _git(root, "rev-parse", "--show-prefix").strip()
        descriptor_bytes = _show(root, previous.tag, prefix + DESCRIPTOR)
        atomic.write_bytes(target / DESCRIPTOR, descriptor_bytes)
        for resource in json.loads(descriptor_bytes).get("resources", []):
            for key in ("path", "schema"):
                value = resource.get(key)
                if isinstance(value, str) and unsafe_reason(target, value) is None:
                    atomic.write_bytes(target / value, _show(root, previous.tag, prefix + value))
        yield target


def _folders(out: Path, name: str) -> list[PreviousRelease]:
    releases = []
    prefix = f"{name}-"  # compared, never globbed: the name is the package's, not a pattern or a path
    for folder in sorted(out.iterdir()) if out.is_dir() else []:
        if not folder.name.startswith(prefix):
            continue
        version = folder.name.removeprefix(prefix)
        if folder.is_dir() and parse(version) and _descriptor_version(folder) == version:
            releases.append(PreviousRelease(version, folder=folder))
    return releases


def _descriptor_version(folder: Path) -> str | None:
    try:
        return json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError, AttributeError):
        return None


def _tagged(root: Path) -> list[PreviousRelease]:
    try:
        listed = _git(root, "tag", "--list", "v*")
    except GitError:
        return []
    return [PreviousRelease(tag[1:], tag=tag) for tag in listed.split() if parse(tag[1:])]


class GitError(PublishError):
    """git could not be run, or refused the command (a missing tag or file)."""

    exit_code = EXIT_TOOL_FAILURE


def _git(root: Path, *args: str) -> str:
    return _run(root, *args).decode("utf-8")


def _show(root: Path, tag: str | None, path: str) -> bytes:
    return _run(root, "show", f"{tag}:{path}")


def _run(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        raise GitError(f"无法运行 git（{error}）", f"git cannot be run ({error})") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip()
        raise GitError(f"git 命令失败（{detail}）", f"git failed ({detail})")
    return done.stdout
