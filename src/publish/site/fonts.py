"""The Chinese font the charts are laid out with, whatever fonts the build machine has.

vl-convert measures every label with the fonts it can see; on a machine without a Chinese font (a stock CI
runner) it would measure narrow fallback glyphs while the reader's browser draws full-width ones. So the charts
are laid out with Noto Sans SC (Simplified Chinese, Regular), registered with vl-convert once per process.

Origin and licence: Noto Sans SC, from notofonts/noto-cjk (Sans/SubsetOTF/SC), as shipped by the PyPI package
``pylopdf-fonts-zh-cn`` (a data-only wheel that records the source revision and the file's SHA-256), under the
SIL Open Font License 1.1 (the licence is in that package's dist-info). No font file is kept in this repository
and none is embedded in the pages.
"""

from __future__ import annotations

import functools
import unicodedata

LAYOUT_FAMILY = "Noto Sans SC"
NARROW_EM = 0.65
ELLIPSIS = "…"


@functools.cache
def layout_font() -> str:
    """Register the layout font with vl-convert (once per process) and give its family name."""
    import pylopdf_fonts_zh_cn
    import vl_convert

    vl_convert.register_font_directory(str(pylopdf_fonts_zh_cn.sans_path().parent))
    return LAYOUT_FAMILY


def width_em(text: str) -> float:
    """A conservative width of ``text`` in em in any CJK font: wide, full-width and ambiguous characters (Chinese,
    full-width punctuation, “…”) 1 em; others (digits, Latin, spaces) 0.65 em, wider than in common fonts."""
    return sum(1.0 if unicodedata.east_asian_width(char) in "WFA" else NARROW_EM for char in text)


def fitted(text: str, max_em: float) -> str:
    """``text`` if it is at most ``max_em`` wide, else cut to fit with an ellipsis (“…”)."""
    if width_em(text) <= max_em:
        return text
    kept = text
    while kept and width_em(kept + ELLIPSIS) > max_em:
        kept = kept[:-1]
    return kept.rstrip() + ELLIPSIS
