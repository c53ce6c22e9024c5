"""Build the portal site from a package or release folder, and put it in place as a whole.

The site is written into a fresh temporary folder beside the output folder (every file through
``publish.core.atomic``), then renamed into place. A reader of the output folder sees the old site or
the new one, never a mix; a failure leaves the old site as it was. An existing output folder is
replaced only if it is empty or was made by this command (it holds the marker file). Every file's path
is checked by ``inside`` before anything is written: no name in the package leads a file out of the site.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from publish.core import EXIT_INVALID, EXIT_USAGE, PublishError, Report, atomic, inside, load
from publish.site.downloads import collect
from publish.site.jsonld import catalog_dataset, dataset
from publish.site.model import read_site_data
from publish.site.render import render_site
from publish.validate import validate

MARKER = ".publish-site"


class SiteRefused(PublishError):
    """The site was not built: the output or an option is wrong (usage), or the data has errors (``findings``)."""

    exit_code = EXIT_USAGE


@dataclass
class SiteResult:
    out: Path
    pages: list[str]
    files: int
    bytes: int
    report: Report


def build_site(
    source: str | Path,
    out: str | Path = "site",
    *,
    catalog_dir: str | Path | None = None,
    base_url: str | None = None,
    allow_invalid: bool = False,
) -> SiteResult:
    """Render the site for the package or release at ``source`` into ``out``; raise SiteRefused or PackageError."""
    out = Path(out)
    check_output(out)
    package = load(source)
    report = validate(source)
    if not report.valid and not allow_invalid:
        raise SiteRefused(
            "数据未通过校验，未生成网站。请先修正下列错误（或加 --allow-invalid 生成带警示的网站）。",
            "The data fails validation; no site was built. Fix the errors below (or pass --allow-invalid).",
            exit_code=EXIT_INVALID,
            findings=report.errors,
        )
    site = read_site_data(package)
    downloads = collect(package, Path(catalog_dir) if catalog_dir else None)
    record = catalog_dataset(package.root, base_url) if base_url else dataset(site, downloads)
    if isinstance(record, tuple):
        raise SiteRefused(*record)
    files = {**downloads.files, **render_site(site, downloads, report, record)}
    files[MARKER] = b"Made by `publish site`; the whole folder is replaced on the next build.\n"
    write_tree(out, files)
    pages = sorted(name for name in files if name.endswith(".html"))
    return SiteResult(out, pages, len(files), sum(len(data) for data in files.values()), report)


def check_output(out: Path) -> None:
    """Refuse an output folder that holds anything but a site this command made."""
    if out.exists() and not out.is_dir():
        raise SiteRefused(f"输出位置 {out} 是一个文件，不是目录。", f"The output {out} is a file, not a folder.")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise SiteRefused(
            f"输出目录 {out} 已有其他内容，为免覆盖，未生成网站。请指定一个空目录或新目录。",
            f"The output folder {out} holds other files; to avoid overwriting them nothing was built. "
            "Choose an empty or new folder.",
        )


def write_tree(out: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` (relative path → bytes) as the folder ``out``, replacing any previous site whole."""
    out = out.absolute()
    with atomic.staging(out.parent, f".{out.name}.new-") as staging:
        targets = [(inside(staging, relative), data) for relative, data in sorted(files.items())]
        for target, data in targets:
            atomic.write_bytes(target, data)
        atomic.move_into_place([(staging, out)], replace=True)
