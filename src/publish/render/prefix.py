"""Locations from the repository's root: a package in a sub-folder names its files as the repository does.

Findings name files relative to the package (``data/income.csv``); GitHub places an annotation by the file's
path from the repository's root (``budgets/data/income.csv``). ``repository_prefix`` reads the folder between
the two (``publish validate --path-prefix``) and refuses one that could point anywhere but down the repository;
``relocated`` puts it in front of every finding's file, and of the messages that start with that file.
"""

from __future__ import annotations

import re
from dataclasses import replace

from publish.core import EXIT_USAGE, Finding, PublishError, Report, escape

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # tab and line feed too; lone surrogates: undecodable bytes
DRIVE = re.compile(r"^[A-Za-z]:")


class PrefixError(PublishError):
    """A path prefix that is not a folder below the repository's root: a usage error."""

    exit_code = EXIT_USAGE

    def __init__(self, prefix: str, zh: str, en: str):
        shown = escape.terminal_line(prefix)
        super().__init__(
            f"路径前缀 --path-prefix “{shown}”被拒绝：{zh}。请给出数据包目录从仓库根目录起的相对路径，如 budgets。",
            f"the path prefix --path-prefix '{shown}' is refused: {en}. Give the package folder's path from the "
            "repository's root, such as budgets.",
        )


def repository_prefix(text: str) -> str:
    """``text`` as a folder path from the repository's root, parts joined by one ``/``, no ``.`` part ('' for the
    root itself); PrefixError if it is absolute, climbs with ``..`` or holds a control character or a backslash."""
    reason = _problem(text)
    if reason:
        raise PrefixError(text, *reason)
    return "/".join(part for part in text.split("/") if part not in ("", "."))


def _problem(text: str) -> tuple[str, str] | None:
    if CONTROL.search(text):
        return ("含有控制字符或无效字符", "it holds a control or invalid character")
    if text.startswith(("/", "~")) or DRIVE.match(text):
        return ("是绝对路径", "it is an absolute path")
    if "\\" in text:
        return ("含有反斜杠，目录之间请用 /", "it holds a backslash; separate folders with /")
    if ".." in text.split("/"):
        return ("含有 ..，不能离开仓库", "it holds .., which could leave the repository")
    return None


def relocated(report: Report, prefix: str) -> Report:
    """``report`` with ``prefix/`` in front of every finding's file (and of each message naming that file first)."""
    if not prefix:
        return report
    return replace(report, findings=[_moved(finding, prefix) for finding in report.findings])


def _moved(finding: Finding, prefix: str) -> Finding:
    if not finding.path:
        return finding
    path = f"{prefix}/{finding.path}"
    zh, en = (_leading(message, finding.path, path) for message in (finding.message_zh, finding.message_en))
    return replace(finding, path=path, message_zh=zh, message_en=en)


def _leading(message: str, old: str, new: str) -> str:
    return new + message[len(old) :] if message.startswith(old) else message
