"""Where a file is written: always inside the output folder, whatever name the input gave it.

Names in a package (its ``name``, resource names, department ids) end up in file names. ``inside``
joins such a name to the output folder and refuses anything that would land elsewhere: an absolute
path, ``..``, a backslash or drive (read as a separator on Windows), a NUL byte, an empty name, a
name too long for a file system, or a link already in the folder that leads out of it.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from publish.core.errors import PublishError

MAX_PART = 200  # characters in one path part (file systems allow 255 bytes; a suffix may be added)
FORBIDDEN = ("\x00", "\\", ":")


class OutsideError(PublishError):
    """A name would write outside the output folder; the message says why."""

    def __init__(self, relative: str, zh: str, en: str):
        super().__init__(
            f"输出路径“{relative}”被拒绝：{zh}。未写入任何文件。",
            f"the output path {relative!r} is refused: {en}. Nothing was written.",
        )
        self.relative = relative


def inside(out: str | Path, relative: str) -> Path:
    """``out / relative`` resolved, or OutsideError if it would not stay inside ``out``."""
    reason = _name_problem(relative)
    if reason:
        raise OutsideError(relative, *reason)
    root = Path(out).resolve()
    target = (root / relative).resolve()
    if not target.is_relative_to(root) or target == root:
        raise OutsideError(relative, "经符号链接指向输出目录之外", "it leads outside the output folder through a link")
    return target


def _name_problem(relative: str) -> tuple[str, str] | None:
    if not isinstance(relative, str) or not relative.strip():
        return ("名称为空", "the name is empty")
    if any(char in relative for char in FORBIDDEN):
        return ("含有 NUL、反斜杠或冒号", "it holds a NUL byte, a backslash or a colon")
    path = PurePosixPath(relative)
    if path.is_absolute() or relative.startswith("~"):
        return ("是绝对路径", "it is an absolute path")
    if any(part in ("..", ".") for part in relative.split("/")):
        return ("含有 . 或 ..", "it holds . or ..")
    if any(len(part) > MAX_PART or not part for part in relative.split("/")):
        return (f"某一级名称为空或超过 {MAX_PART} 个字符", f"a part is empty or longer than {MAX_PART} characters")
    return None
