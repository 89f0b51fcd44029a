"""The result chart: a real PNG drawn with an installed CJK font that has every label's glyphs."""

from __future__ import annotations

import io
from pathlib import Path

from matplotlib import image as mpimg

from services.poll_chart import cjk_font_path, has_glyphs, render_chart

LABELS = ["同意加装电梯", "反对", "弃权（需要再商量）"]


def test_font_has_the_glyphs_of_the_labels() -> None:
    font = cjk_font_path()
    assert font.exists()
    for text in [*LABELS, "1号楼是否加装电梯？", "参与 37/64"]:
        assert has_glyphs(font, text), text
    # a font without Chinese would fail this check (DejaVu has no 电)
    from matplotlib import font_manager

    latin = font_manager.findfont("DejaVu Sans")
    assert not has_glyphs(Path(latin), "电梯")


def test_chart_is_a_png_and_draws_without_missing_glyphs() -> None:
    # pytest turns warnings into errors: matplotlib warns "Glyph ... missing from font"
    png = render_chart(
        title="1号楼是否加装电梯？", labels=LABELS, values=[30, 5, 2], subtitle="参与 37/64"
    )
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    pixels = mpimg.imread(io.BytesIO(png), format="png")
    assert pixels.shape[0] > 200 and pixels.shape[1] > 600


def test_chart_with_no_votes() -> None:
    png = render_chart(title="还没有人投票", labels=["甲", "乙"], values=[0, 0])
    assert png.startswith(b"\x89PNG")
