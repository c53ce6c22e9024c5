"""Rewrite the golden report files: ``python -m tests.golden`` (the tests only compare against them)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.golden import VALIDATE_BROKEN, broken, json_report
from tests.helpers import ROOT, copy_package


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        package = copy_package(Path(folder) / "package")
        broken(package)
        VALIDATE_BROKEN.write_text(json_report(package).output, encoding="utf-8")
    print(f"已重写 rewrote {VALIDATE_BROKEN.relative_to(ROOT)}; 提交前请检查差异 review the diff before committing")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
