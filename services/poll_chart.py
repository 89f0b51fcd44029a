"""A poll result as a bar chart PNG, with Chinese labels rendered by an installed CJK font.

The font is found with fontconfig (`fc-list :lang=zh`), falling back to matplotlib's own list.
Without one, Chinese text would come out as empty boxes: install fonts-noto-cjk (Debian/Ubuntu).
"""

from __future__ import annotations

import functools
import io
import logging
import shutil
import subprocess
import textwrap
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger(__name__)

_PREFERRED = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi", "Droid Sans")


class NoCjkFont(RuntimeError):
    """No installed font can draw Chinese; install fonts-noto-cjk."""


@functools.cache
def cjk_font_path() -> Path:
    """The file of an installed font with Chinese glyphs (Simplified Chinese preferred)."""
    candidates: list[tuple[int, str]] = []
    fc_list = shutil.which("fc-list")
    if fc_list:
        out = subprocess.run(
            [fc_list, ":lang=zh", "family", "file"],
            capture_output=True,
            text=True,
            check=False,
            timeout=20,
        ).stdout
        for line in out.splitlines():
            path, _, family = line.partition(":")
            rank: int = next((i for i, name in enumerate(_PREFERRED) if name in family), 99)
            if "Mono" in family:
                rank += 50
            if "Regular" in path or "Medium" not in path:
                candidates.append((rank, path.strip()))
    if not candidates:
        from matplotlib import font_manager

        for entry in font_manager.fontManager.ttflist:
            found = next((i for i, name in enumerate(_PREFERRED) if name in entry.name), None)
            if found is not None:
                candidates.append((found, entry.fname))
    for _rank, path in sorted(candidates, key=lambda c: (c[0], "Bold" in c[1], c[1])):
        if has_glyphs(Path(path), "投票结果同意反对"):
            return Path(path)
    raise NoCjkFont("no font with Chinese glyphs: apt-get install -y fonts-noto-cjk")


def has_glyphs(path: Path, text: str) -> bool:
    """True if the font file has a glyph for every non-space character of text."""
    from matplotlib.ft2font import FT2Font

    font = FT2Font(str(path))
    return all(font.get_char_index(ord(ch)) != 0 for ch in text if not ch.isspace())


def render_chart(
    *, title: str, labels: Sequence[str], values: Sequence[int], subtitle: str = ""
) -> bytes:
    """A horizontal bar chart PNG of the votes per option."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    font = font_manager.FontProperties(fname=str(cjk_font_path()))
    height = 1.6 + 0.55 * len(labels)
    fig = Figure(figsize=(7.5, height), dpi=110)
    ax = fig.subplots()
    wrapped = [textwrap.shorten(label, width=24, placeholder="…") for label in labels]
    positions = list(range(len(labels)))[::-1]
    bars = ax.barh(positions, list(values), color="#d9534f", height=0.6)
    ax.set_yticks(positions, wrapped, fontproperties=font, fontsize=11)
    top = max(values, default=0)
    ax.set_xlim(0, max(top * 1.2, 1))
    total = sum(values) or 1
    for bar, value in zip(bars, values, strict=True):
        ax.text(
            bar.get_width() + top * 0.02 + 0.02,
            bar.get_y() + bar.get_height() / 2,
            f"{value} ({value / total:.0%})",
            va="center",
            fontproperties=font,
            fontsize=10,
        )
    ax.set_title(
        textwrap.shorten(title, width=40, placeholder="…"), fontproperties=font, fontsize=13
    )
    if subtitle:
        ax.set_xlabel(subtitle, fontproperties=font, fontsize=10)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
