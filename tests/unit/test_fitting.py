"""services.fitting: a card with typed texts always fits, the longest cut first, nothing cut
when it fits, and `whole` gives every character back."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from services.delivery import utf16_len, visible_text
from services.fitting import LongTexts


def _marker(total: int) -> str:
    return f"…（全文共 {total} 字）"


def test_a_card_that_fits_is_left_whole() -> None:
    long = LongTexts()
    card = f"<b>诉求</b>\n{long('漏水 & 渗水')}"
    fitted = long.fit(card, marker=_marker)
    assert not fitted.cut and fitted.text == "<b>诉求</b>\n漏水 &amp; 渗水"


def test_the_longest_text_is_cut_and_a_short_one_kept() -> None:
    long = LongTexts()
    card = f"标题\n{long('短说明')}\n{long('长' * 5000)}"
    fitted = long.fit(card, marker=_marker, limit=1000)
    assert fitted.cut and "短说明" in fitted.text and "（全文共 5000 字）" in fitted.text
    assert utf16_len(visible_text(fitted.text)) <= 1000
    assert long.whole(card).endswith("长" * 5000)


@given(
    st.lists(st.text(min_size=0, max_size=3000), min_size=1, max_size=4),
    st.integers(min_value=200, max_value=4096),
)
def test_any_texts_fit_any_limit(texts: list[str], limit: int) -> None:
    long = LongTexts()
    card = "\n".join(f"<b>第{i}项</b>：{long(text)}" for i, text in enumerate(texts))
    fitted = long.fit(card, marker=_marker, limit=limit)
    assert utf16_len(visible_text(fitted.text)) <= limit
    whole = long.whole(card)
    for text in texts:
        assert html.escape(text, quote=False) in whole
    if not fitted.cut:
        assert fitted.text == whole


@given(st.text(alphabet=st.sampled_from("ab\n漏😀"), max_size=12000))
def test_a_plain_text_too_long_is_split_whole(text: str) -> None:
    from bot.long_messages import _plain_parts

    parts = _plain_parts(text)
    assert "".join(parts) == text
    assert all(utf16_len(part) <= 4096 for part in parts)
