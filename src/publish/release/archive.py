"""Release zips: written reproducibly, read defensively.

Writing: entries in sorted order at the zip's root, datapackage.json among them, as a zipped data
package is laid out (frictionless and other Data Package tools open such a zip as the package),
every entry dated from the source date, permissions 0644, deflate level 9, no directory entries
and no extra fields, so the same files give the same bytes. Reading: a zip given to `diff` or
`verify` is extracted into a temporary folder only after every entry is checked (no absolute or
``..`` paths, no links, bounded sizes); zips of earlier releases, which held the files under one
``<name>-<version>/`` folder, are read too.
"""

from __future__ import annotations

import io
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path, PurePosixPath

from publish.core import PublishError, atomic

MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 2 * 1024**3  # uncompressed
MAX_RATIO = 200  # uncompressed / compressed, per entry: beyond it an entry is a zip bomb


class UnsafeArchive(PublishError):
    """The zip cannot be read safely; the message says why, in Chinese and English."""


def zip_bytes(top: str, files: dict[str, bytes], moment: datetime) -> bytes:
    """A reproducible zip of the release ``top`` holding ``files`` (relative path -> content) at its root."""
    buffer = io.BytesIO()
    date_time = moment.timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(files):
            entry = zipfile.ZipInfo(name, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # unix, so the permissions below are read
            entry.external_attr = (stat.S_IFREG | 0o644) << 16
            atomic.checkpoint(Path(top) / name)
            archive.writestr(entry, files[name], compresslevel=9)
    return buffer.getvalue()


def repack(data: bytes, moment: datetime) -> bytes:
    """The zip ``data`` (e.g. an xlsx) with every entry re-dated to ``moment``, order kept."""
    buffer = io.BytesIO()
    date_time = moment.timetuple()[:6]
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = (stat.S_IFREG | 0o644) << 16
            target.writestr(entry, source.read(info), compresslevel=9)
    return buffer.getvalue()


def extract(zip_path: Path, into: Path) -> Path:
    """Check and extract a release zip into the empty folder ``into``; return the folder holding its files."""
    try:
        archive = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise UnsafeArchive(
            f"{zip_path.name} 不是可读的 zip 文件（{error}）", f"{zip_path.name} is not a readable zip file ({error})"
        ) from None
    with archive:
        # not ZipInfo.is_dir(): it fails on an empty name, which _check_entries refuses
        entries = [info for info in archive.infolist() if not info.filename.endswith("/")]
        _check_entries(zip_path.name, entries)
        for info in entries:
            target = into.joinpath(*PurePosixPath(info.filename).parts)
            data = _read_entry(archive, info, zip_path.name)
            try:
                atomic.write_bytes(target, data)
            except OSError as error:  # a name too long, or one this file system refuses
                reason, entry = error.strerror or error, info.filename[:80]
                raise UnsafeArchive(
                    f"{zip_path.name}：条目 {entry} 无法解压到本机（{reason}）",
                    f"{zip_path.name}: entry {entry} cannot be extracted here ({reason})",
                ) from None
    return _content_root(into, zip_path.name)


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, shown: str) -> bytes:
    """The entry's bytes; a damaged, encrypted or oddly compressed entry is an UnsafeArchive, not a crash."""
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as error:
        raise UnsafeArchive(
            f"{shown}：条目 {info.filename} 已损坏或无法读取（{error}），请重新下载",
            f"{shown}: entry '{info.filename}' is damaged or cannot be read ({error}); download the release again",
        ) from None


@contextmanager
def opened(path: str | Path) -> Iterator[Path]:
    """The package folder of a release zip (extracted to a temporary folder), a folder or a datapackage.json."""
    path = Path(path)
    if path.is_file() and path.suffix.lower() == ".zip":
        with tempfile.TemporaryDirectory(prefix="publish-zip-") as temporary:
            yield extract(path, Path(temporary))
    else:
        yield path.parent if path.is_file() else path


def _check_entries(shown: str, entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_ENTRIES:
        count = f"{len(entries)} > {MAX_ENTRIES}"
        raise UnsafeArchive(f"{shown}：条目过多（{count}）", f"{shown}: has too many entries ({count})")
    if sum(info.file_size for info in entries) > MAX_TOTAL_BYTES:
        raise UnsafeArchive(
            f"{shown}：解压后超过 {MAX_TOTAL_BYTES} 字节", f"{shown}: would unpack to more than {MAX_TOTAL_BYTES} bytes"
        )
    for info in entries:
        name = info.filename
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or ":" in name or ".." in parts or not parts:
            raise UnsafeArchive(
                f"{shown}：条目“{name}”的路径不安全（绝对路径或 ..）",
                f"{shown}: entry '{name}' has an unsafe path (absolute or ..)",
            )
        if stat.S_ISLNK(info.external_attr >> 16):
            raise UnsafeArchive(f"{shown}：条目“{name}”是符号链接", f"{shown}: entry '{name}' is a symbolic link")
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1024**2:
            raise UnsafeArchive(
                f"{shown}：条目“{name}”压缩比异常，解压后有 {info.file_size} 字节（压缩炸弹？）",
                f"{shown}: entry '{name}' expands {info.file_size} bytes (zip bomb?)",
            )


def _content_root(folder: Path, shown: str) -> Path:
    """The folder holding datapackage.json: ``folder`` itself, or its one top folder (a zip of an earlier release)."""
    if (folder / "datapackage.json").is_file():
        return folder
    tops = [path for path in folder.iterdir() if path.is_dir()]
    if len(tops) == 1 and (tops[0] / "datapackage.json").is_file():
        return tops[0]
    raise UnsafeArchive(
        f"{shown}：zip 中找不到 datapackage.json（应在根目录或唯一的顶层目录中）",
        f"{shown}: the zip holds no datapackage.json at its root or in its one top folder",
    )
