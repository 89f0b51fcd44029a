"""How long a notice may be: characters as people count them (an emoji is one, formatting and
HTML escapes are not counted twice), and what that length becomes in Telegram's messages."""

from __future__ import annotations

import pytest

from services.broadcast import TEXT_MAX, check_text, notice_body
from services.delivery import TEXT_LIMIT, split_html, utf16_len, visible_text
from services.errors import InvalidInput


@pytest.mark.parametrize(
    "text",
    [
        "停" * TEXT_MAX,
        "😀" * TEXT_MAX,  # 7,000 UTF-16 units: still TEXT_MAX characters
        "<b>" + "停" * (TEXT_MAX - 10) + "</b>" + "<i>" + "水" * 10 + "</i>",
        "&lt;&amp;&gt;" * (TEXT_MAX // 3),  # typed "<&>": one character each
        "  " + "停" * TEXT_MAX + "\n",  # surrounding blanks are trimmed, not counted
    ],
)
def test_a_notice_up_to_the_limit_is_taken(text: str) -> None:
    assert check_text(text) == text.strip()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("停" * (TEXT_MAX + 1), "broadcast-too-long"),
        ("😀" * (TEXT_MAX + 1), "broadcast-too-long"),
        ("<b>" + "停" * (TEXT_MAX + 1) + "</b>", "broadcast-too-long"),
        ("", "err-text-empty"),
        ("  \n ", "err-text-empty"),
        ("<b> </b>", "err-text-empty"),
    ],
)
def test_longer_or_empty_notices_are_refused(text: str, key: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_text(text)
    assert refused.value.key == key
    if key == "broadcast-too-long":
        assert refused.value.args_ == {"max": TEXT_MAX, "length": TEXT_MAX + 1}


def test_a_notice_at_the_limit_becomes_messages_telegram_accepts_with_nothing_cut() -> None:
    header = "📢 <b>阳光社区通知</b>（第二网格网格员）"
    for text in ("😀" * TEXT_MAX, "\n".join(["📢🚰 停水😀🙏 " * 5] * 200)[:TEXT_MAX]):
        parts = split_html(notice_body(header, check_text(text)))
        assert len(parts) > 1
        assert all(utf16_len(visible_text(p)) <= TEXT_LIMIT for p in parts)
        assert "".join("".join(p.split()) for p in parts) == "".join(
            notice_body(header, text.strip()).split()
        )
