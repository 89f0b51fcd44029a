"""services.fitting: a card with typed texts always fits, the longest cut first, nothing cut
when it fits, and `whole` gives every character back."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

from bot.long_messages import _plain_parts
from services.delivery import utf16_len, visible_text
from services.fitting import LongTexts, cut_marker, make_room


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
    parts = _plain_parts(text)
    assert "".join(parts) == text
    assert all(utf16_len(part) <= 4096 for part in parts)


def test_the_count_is_of_characters_and_the_limit_of_utf16_units() -> None:
    """'全文共 N 字' says how many characters a person wrote (an emoji is one), while the card
    is fitted to what Telegram counts (an emoji is two UTF-16 units)."""
    long = LongTexts()
    typed = "😀漏水" * 1000  # 3,000 characters, 4,000 UTF-16 units
    card = f"<b>诉求</b>\n{long(typed)}\n{long('短说明 🏠')}"
    fitted = long.fit(card, marker=_marker, limit=1000)
    shown = visible_text(fitted.text)
    assert fitted.cut and "（全文共 3000 字）" in shown and "短说明 🏠" in shown
    assert 990 <= utf16_len(shown) <= 1000  # filled to the limit Telegram counts
    assert len(shown) < utf16_len(shown)  # the emoji kept count twice toward it
    # an astral character is never split in two (no lone surrogate)
    head = shown.split("…（全文共")[0]
    assert all(not 0xD800 <= ord(ch) <= 0xDFFF for ch in head)
    assert long.whole(card).count("😀") == 1000


def test_room_is_made_in_a_cut_text_for_a_line_below() -> None:
    """A card fitted right up to the limit, a line added under it: the cut text is cut a
    little more (by what Telegram counts), the marker and its count stay."""
    long = LongTexts()
    card = f"<b>结果</b>：{long('修😀&' * 2000)}\n请打分："
    fitted = long.fit(card, marker=_marker, limit=4096)
    line = "\n\n您的评价：满意 👍"
    over = utf16_len(visible_text(fitted.text + line)) - 4096
    assert over > 0
    roomy = make_room(fitted.text, cut=cut_marker(_marker), units=over)
    assert roomy is not None
    assert utf16_len(visible_text(roomy + line)) <= 4096
    assert "（全文共 6000 字）" in roomy and roomy.endswith("请打分：")
    assert roomy.startswith("<b>结果</b>：修😀&amp;")
    assert make_room("<b>结果</b>：没有截断", cut=cut_marker(_marker), units=3) is None
