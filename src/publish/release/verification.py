"""Check a release (its zip or its folder): every file against SHA256SUMS, every data file against
the ``bytes`` and ``hash`` in datapackage.json, then the full validation of the package.

Any mismatch is an error finding that names the file, so a consumer or a mirror can tell
exactly which download is damaged.
"""

from __future__ import annotations

from pathlib import Path

from publish.core import Finding, PackageError, Report, load
from publish.release.archive import UnsafeArchive, opened
from publish.release.hashing import PREFIX, SUMS, files_under, parse_sums, sha256
from publish.validate import validate


def verify(path: str | Path) -> Report:
    """The findings of checking the release at ``path`` (a .zip, a release folder or its datapackage.json)."""
    report = Report()
    try:
        with opened(path) as root:
            report.extend(check_sums(root))
            report.extend(check_descriptor(root))
            report.extend(validate(root).findings)
            report.stats["files"] = len(files_under(root))
    except UnsafeArchive as error:
        report.extend([_finding("unsafe-archive", Path(path).name, error.message_zh, error.message_en)])
    return report


def check_sums(root: Path) -> list[Finding]:
    """Every file listed in SHA256SUMS exists with that hash, and every file is listed."""
    sums = root / SUMS
    if not sums.is_file():
        return [_finding("sums-missing", SUMS, "发布中缺少 SHA256SUMS 文件", "the release has no SHA256SUMS file")]
    listed, unreadable = parse_sums(sums.read_text(encoding="utf-8", errors="replace"))
    findings = [
        _finding(
            "sums-unreadable", SUMS, f"第 {n} 行无法识别（应为“哈希值  文件名”）", f"line {n} is not '<hash>  <file>'"
        )
        for n in unreadable
    ]
    for name, digest in sorted(listed.items()):
        file = root / name
        if not file.is_file():
            findings.append(
                _finding("file-missing", name, "SHA256SUMS 列出的文件不存在", "listed in SHA256SUMS but missing")
            )
        elif sha256(file.read_bytes()) != digest:
            findings.append(
                _finding(
                    "sha256-mismatch",
                    name,
                    "内容与 SHA256SUMS 中的哈希值不符，文件已损坏或被改动",
                    "does not match its hash in SHA256SUMS: the file is damaged or was changed",
                )
            )
    for name in files_under(root):
        if name != SUMS and name not in listed:
            findings.append(_finding("file-unlisted", name, "文件不在 SHA256SUMS 中", "is not listed in SHA256SUMS"))
    return findings


def check_descriptor(root: Path) -> list[Finding]:
    """Every resource's file has the ``bytes`` and ``hash`` its descriptor records."""
    try:
        package = load(root)
    except PackageError as error:
        return error.findings
    return [
        finding for resource in package.resources.values() for finding in _recorded(resource, package.file(resource))
    ]


def _recorded(resource, file: Path) -> list[Finding]:
    """A resource's file against the ``bytes`` and ``hash`` its descriptor records."""
    expected_bytes, expected_hash = resource.descriptor.get("bytes"), resource.descriptor.get("hash")
    shown, name = resource.path, resource.name
    if expected_bytes is None or not isinstance(expected_hash, str):
        return [
            _finding(
                "release-hash-missing", shown, "描述文件未记录 bytes 或 hash", "no bytes or hash is recorded", name
            )
        ]
    if not file.is_file():
        return []  # validation reports the missing file
    data, findings = file.read_bytes(), []
    if len(data) != expected_bytes:
        zh = f"字节数 {len(data)} 与描述文件记录的 {expected_bytes} 不符"
        findings.append(_finding("bytes-mismatch", shown, zh, f"has {len(data)} bytes, not {expected_bytes}", name))
    if expected_hash.removeprefix(PREFIX).lower() != sha256(data):
        zh, en = "sha256 哈希值与描述文件记录的不符", "does not match the sha256 hash the descriptor records"
        findings.append(_finding("hash-mismatch", shown, zh, en, name))
    return findings


def _finding(rule: str, path: str, zh: str, en: str, resource: str | None = None) -> Finding:
    return Finding(
        rule=rule,
        severity="error",
        path=path,
        resource=resource,
        message_zh=f"{path}：{zh}。请重新下载或重新生成该发布。",
        message_en=f"{path}: {en}. Download or build the release again.",
    )
