"""Telegram's HTML parse mode as the emulator implements it."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sandbox.tg_html import EntityParseError, auto_entities, parse_html, strip_text, utf16_len


def test_plain_and_escapes() -> None:
    assert parse_html("a &lt;b&gt; &amp; &quot;c&quot; &#20013;&#x6587;") == (
        'a <b> & "c" 中文',
        [],
    )
    assert parse_html("2 > 1") == ("2 > 1", [])


def test_all_tags() -> None:
    text, ents = parse_html(
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s>"
        '<strike>k</strike><del>d</del><span class="tg-spoiler">p</span><tg-spoiler>q</tg-spoiler>'
        '<a href="https://x.org/?a=1&amp;b=2">link</a><code>c</code>'
        '<pre><code class="language-python">x = 1</code></pre>'
        "<blockquote>bq</blockquote><blockquote expandable>ex</blockquote>"
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
    )
    assert text == "bsieunskdpqlinkcx = 1bqex👍"
    types = [e["type"] for e in ents]
    assert types == [
        "bold", "bold", "italic", "italic", "underline", "underline", "strikethrough",
        "strikethrough", "strikethrough", "spoiler", "spoiler", "text_link", "code", "pre",
        "blockquote", "expandable_blockquote", "custom_emoji",
    ]  # fmt: skip
    link = next(e for e in ents if e["type"] == "text_link")
    assert link["url"] == "https://x.org/?a=1&b=2"
    pre = next(e for e in ents if e["type"] == "pre")
    assert pre["language"] == "python" and pre["length"] == 5
    emoji = ents[-1]
    assert emoji["custom_emoji_id"] == "5368324170671202286" and emoji["length"] == 2


def test_offsets_are_utf16() -> None:
    text, ents = parse_html("😀 <b>粗体</b>\n<i>x</i>")
    assert text == "😀 粗体\nx"
    assert ents == [
        {"type": "bold", "offset": 3, "length": 2},
        {"type": "italic", "offset": 6, "length": 1},
    ]


def test_nested_and_case_insensitive() -> None:
    text, ents = parse_html("<B>bold <I>both</I></B>")
    assert text == "bold both"
    assert ents == [
        {"type": "bold", "offset": 0, "length": 9},
        {"type": "italic", "offset": 5, "length": 4},
    ]


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("<br>", 'Unsupported start tag "br"'),
        ("<p>x</p>", 'Unsupported start tag "p"'),
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag"),
        ("a < b", "Character '<' is reserved"),
        ("a & b", "Character '&' is reserved"),
        ("&nbsp;", 'Unsupported HTML entity "&nbsp;"'),
        ("&#0;", "Invalid character entity"),
        ("<b", "Unclosed start tag"),
        ('<a href="x>y', "Unclosed start tag"),
        ("<span>x</span>", 'must have class "tg-spoiler"'),
        ("<tg-emoji>x</tg-emoji>", 'must have attribute "emoji-id"'),
    ],
)
def test_errors(source: str, fragment: str) -> None:
    with pytest.raises(EntityParseError) as info:
        parse_html(source)
    assert fragment in str(info.value)


def test_strip_shifts_entities() -> None:
    text, ents = strip_text(*parse_html("  <b> hi</b>  \n"))
    assert text == "hi"
    assert ents == [{"type": "bold", "offset": 0, "length": 2}]


safe_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)


@given(safe_text)
def test_escaped_text_round_trips(raw: str) -> None:
    text, ents = parse_html(html.escape(raw, quote=False))
    assert text == raw and ents == []


@given(st.lists(st.tuples(st.sampled_from(["b", "i", "u", "s", "code"]), safe_text), max_size=8))
def test_tagged_segments(parts: list[tuple[str, str]]) -> None:
    source = "".join(f"<{tag}>{html.escape(body)}</{tag}>" for tag, body in parts)
    text, ents = parse_html(source)
    assert text == "".join(body for _, body in parts)
    offset = 0
    expected = []
    for _tag, body in parts:
        n = utf16_len(body)
        if n:
            expected.append((offset, n))
        offset += n
    assert sorted((e["offset"], e["length"]) for e in ents) == sorted(expected)
    assert all(e["offset"] + e["length"] <= utf16_len(text) for e in ents)


@given(st.text(alphabet="<>&/biu ;#a", max_size=30))
def test_never_crashes(source: str) -> None:
    try:
        text, ents = parse_html(source)
    except EntityParseError:
        return
    assert all(e["offset"] >= 0 and e["length"] > 0 for e in ents)
    assert "<" not in text or "&lt;" in source


def test_auto_entities_like_telegram() -> None:
    text, ents = parse_html(
        '删除数据请用 /forget，详情 https://x.org/a/b. 联系 @linli_help <a href="https://y">/no</a>'
    )
    ents = auto_entities(text, ents)
    found = {(e["type"], text_at(text, e)) for e in ents}
    assert found == {
        ("bot_command", "/forget"),
        ("url", "https://x.org/a/b"),
        ("mention", "@linli_help"),
        ("text_link", "/no"),
    }
    assert auto_entities("a/b and 1/2 and e@mail.com", []) == []


def text_at(text: str, entity: dict) -> str:
    """The text an entity covers (UTF-16 offsets)."""
    units = text.encode("utf-16-le")
    start, end = entity["offset"] * 2, (entity["offset"] + entity["length"]) * 2
    return units[start:end].decode("utf-16-le")


def test_no_bot_command_inside_visible_markup() -> None:
    # Telegram finds /commands only where '<' or '>' does not touch them, so markup a resident
    # typed (and the bot echoed escaped) is no command: '</b>' is not '/b'.
    typed = '<b>粗体</b> <i>斜</i> <code>c</code> <a href="https://x.org/p">链接</a> </start>'
    text, ents = parse_html(f"<b>原话</b>：{html.escape(typed)} 发 /start")
    assert text == f"原话：{typed} 发 /start"
    found = {(e["type"], text_at(text, e)) for e in auto_entities(text, ents)}
    assert found == {("bold", "原话"), ("url", "https://x.org/p"), ("bot_command", "/start")}
    assert auto_entities("</b> </i> </code> </a> /x> </y", []) == []
    # A link's href is markup, not text: only the text_link, no url of its own.
    text, ents = parse_html('<a href="https://x.org/a/b">看 https 链接</a>')
    assert auto_entities(text, ents) == [
        {"type": "text_link", "offset": 0, "length": 10, "url": "https://x.org/a/b"}
    ]
