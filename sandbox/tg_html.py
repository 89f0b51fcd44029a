"""Telegram's HTML parse mode: turns an HTML-formatted text into plain text plus entities.

Follows the rules of the Bot API ("Formatting options", HTML style): only the tags Telegram
supports, the four named entities and numeric entities, offsets in UTF-16 code units.  Anything
Telegram rejects raises :class:`EntityParseError` with a message in Telegram's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["EntityParseError", "auto_entities", "parse_html", "strip_text", "utf16_len"]


class EntityParseError(ValueError):
    """The text cannot be parsed; str(error) is the part after "can't parse entities: "."""


_TAG_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY_RE = re.compile(r"&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,7})|([a-zA-Z][a-zA-Z0-9]{0,15}));")
_NAME_RE = re.compile(r"[a-zA-Z0-9-]*")
_ATTR_NAME_RE = re.compile(r"[a-zA-Z0-9_-]*")
_UNQUOTED_RE = re.compile(r"[^\s>\"'=<`]*")


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, as Telegram counts offsets and lengths."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8", "surrogatepass"))


@dataclass
class _Open:
    name: str
    start16: int
    attrs: dict[str, str] = field(default_factory=dict)


def _decode_entity(text: str, i: int) -> tuple[str, int]:
    """Decode the character entity at text[i] == '&'; returns (char, next index)."""
    m = _ENTITY_RE.match(text, i)
    if m is None:
        raise EntityParseError(
            f"Character '&' is reserved and must be escaped as \"&amp;\" "
            f"at byte offset {_byte_offset(text, i)}"
        )
    dec, hexa, name = m.groups()
    if name is not None:
        if name not in _NAMED_ENTITIES:
            raise EntityParseError(
                f'Unsupported HTML entity "&{name};" at byte offset {_byte_offset(text, i)}'
            )
        return _NAMED_ENTITIES[name], m.end()
    code = int(dec) if dec is not None else int(hexa, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise EntityParseError(f"Invalid character entity at byte offset {_byte_offset(text, i)}")
    return chr(code), m.end()


def _parse_tag_attrs(text: str, i: int, tag: str, tag_start: int) -> tuple[dict[str, str], int]:
    """Parse attributes from text[i] up to and including '>'; returns (attrs, next index)."""
    attrs: dict[str, str] = {}
    n = len(text)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            raise EntityParseError(
                f"Unclosed start tag at byte offset {_byte_offset(text, tag_start)}"
            )
        if text[i] == ">":
            return attrs, i + 1
        m = _ATTR_NAME_RE.match(text, i)
        assert m is not None
        name = m.group().lower()
        if not name:
            raise EntityParseError(
                f'Empty attribute name in the tag "{tag}" at byte offset {_byte_offset(text, i)}'
            )
        i = m.end()
        while i < n and text[i].isspace():
            i += 1
        value = ""
        if i < n and text[i] == "=":
            i += 1
            while i < n and text[i].isspace():
                i += 1
            if i >= n:
                raise EntityParseError(
                    f"Unclosed start tag at byte offset {_byte_offset(text, tag_start)}"
                )
            if text[i] in "\"'":
                quote = text[i]
                i += 1
                parts: list[str] = []
                while True:
                    if i >= n:
                        raise EntityParseError(
                            f"Unclosed start tag at byte offset {_byte_offset(text, tag_start)}"
                        )
                    ch = text[i]
                    if ch == quote:
                        i += 1
                        break
                    if ch == "&":
                        dec, i = _decode_entity(text, i)
                        parts.append(dec)
                    else:
                        parts.append(ch)
                        i += 1
                value = "".join(parts)
            else:
                mu = _UNQUOTED_RE.match(text, i)
                assert mu is not None
                value = mu.group()
                if not value:
                    raise EntityParseError(
                        f'Expected quote or attribute value in the tag "{tag}" '
                        f"at byte offset {_byte_offset(text, i)}"
                    )
                i = mu.end()
        attrs.setdefault(name, value)


def _make_entity(
    tag: _Open, end16: int, text: str, entities: list[dict[str, Any]], pos: int
) -> None:
    length = end16 - tag.start16
    etype = _TAG_TYPES[tag.name]
    entity: dict[str, Any] = {"type": etype, "offset": tag.start16, "length": length}
    if etype == "text_link":
        url = tag.attrs.get("href", "")
        if not url:
            return
        entity["url"] = url
    elif etype == "custom_emoji":
        entity["custom_emoji_id"] = tag.attrs.get("emoji-id", "")
    elif etype == "blockquote" and "expandable" in tag.attrs:
        entity["type"] = "expandable_blockquote"
    elif etype == "code":
        lang = tag.attrs.get("class", "")
        # <pre><code class="language-x">...</code></pre> sets the language of the pre block.
        for outer in reversed(entities):
            if (
                outer.get("_pending_pre")
                and lang.startswith("language-")
                and outer["offset"] == tag.start16
            ):
                outer["language"] = lang[len("language-") :]
                return
    if length > 0:
        entities.append(entity)


def parse_html(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram-HTML ``text`` into (plain text, entities); raise EntityParseError."""
    if "<" not in text and "&" not in text:
        return text, []
    out: list[str] = []
    pos16 = 0
    stack: list[_Open] = []
    entities: list[dict[str, Any]] = []
    # pre entities are appended when closed; code inside pre needs to find its pre first, so
    # pre blocks are tracked as "pending" placeholders while open.
    pending_pre: list[dict[str, Any]] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == "&":
            dec, i = _decode_entity(text, i)
            out.append(dec)
            pos16 += utf16_len(dec)
            continue
        if ch != "<":
            j = i + 1
            while j < n and text[j] != "<" and text[j] != "&":
                j += 1
            chunk = text[i:j]
            out.append(chunk)
            pos16 += utf16_len(chunk)
            i = j
            continue
        tag_start = i
        if i + 1 < n and text[i + 1] == "/":
            m = _NAME_RE.match(text, i + 2)
            assert m is not None
            name = m.group().lower()
            j = m.end()
            while j < n and text[j].isspace():
                j += 1
            if j >= n or text[j] != ">":
                raise EntityParseError(f"Unclosed end tag at byte offset {_byte_offset(text, i)}")
            if not stack:
                raise EntityParseError(
                    f"Unexpected end tag at byte offset {_byte_offset(text, tag_start)}"
                )
            top = stack[-1]
            if name != top.name:
                raise EntityParseError(
                    f"Unmatched end tag at byte offset {_byte_offset(text, tag_start)}, "
                    f'expected "</{top.name}>", found "</{name}>"'
                )
            stack.pop()
            if top.name == "pre":
                placeholder = pending_pre.pop()
                entities.remove(placeholder)
                length = pos16 - top.start16
                if length > 0:
                    pre: dict[str, Any] = {"type": "pre", "offset": top.start16, "length": length}
                    if placeholder.get("language"):
                        pre["language"] = placeholder["language"]
                    entities.append(pre)
            else:
                _make_entity(top, pos16, text, entities, tag_start)
            i = j + 1
            continue
        m = _NAME_RE.match(text, i + 1)
        assert m is not None
        name = m.group().lower()
        if not name:
            raise EntityParseError(
                f"Character '<' is reserved and must be escaped as \"&lt;\" "
                f"at byte offset {_byte_offset(text, tag_start)}"
            )
        if name not in _TAG_TYPES:
            raise EntityParseError(
                f'Unsupported start tag "{name}" at byte offset {_byte_offset(text, tag_start)}'
            )
        j = m.end()
        if j < n and not (text[j].isspace() or text[j] == ">"):
            raise EntityParseError(
                f"Unexpected end of name token at byte offset {_byte_offset(text, j)}"
            )
        attrs, i = _parse_tag_attrs(text, j, name, tag_start)
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise EntityParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset '
                f"{_byte_offset(text, tag_start)}"
            )
        if name == "tg-emoji" and not attrs.get("emoji-id"):
            raise EntityParseError(
                f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset '
                f"{_byte_offset(text, tag_start)}"
            )
        stack.append(_Open(name, pos16, attrs))
        if name == "pre":
            placeholder = {"_pending_pre": True, "offset": pos16}
            pending_pre.append(placeholder)
            entities.append(placeholder)
    if stack:
        raise EntityParseError(
            f'Can\'t find end tag corresponding to start tag "{stack[-1].name}"'
        )
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def strip_text(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Trim leading/trailing whitespace as Telegram does and shift the entities accordingly."""
    stripped = text.strip(" \t\r\n")
    if stripped == text:
        return text, entities
    lead = text[: len(text) - len(text.lstrip(" \t\r\n"))]
    lead16 = len(lead)
    total16 = utf16_len(stripped)
    fixed: list[dict[str, Any]] = []
    for entity in entities:
        start = max(entity["offset"] - lead16, 0)
        end = min(entity["offset"] + entity["length"] - lead16, total16)
        if end > start:
            fixed.append({**entity, "offset": start, "length": end - start})
    return stripped, fixed


_AUTO_PATTERNS = (
    ("url", re.compile(r"(?<![\w@.])https?://[^\s<>\"'，。、；：！？）」】]+")),
    (
        "bot_command",
        # As tdlib's match_bot_commands: no word character, '/', '<' or '>' on either side,
        # so markup shown as text ("</b>") is not a command.
        re.compile(r"(?<![\w/@<>])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{5,32})?(?![\w/<>])"),
    ),
    ("mention", re.compile(r"(?<![\w@])@[A-Za-z0-9_]{5,32}(?![\w@])")),
)
_NO_AUTO_INSIDE = {"code", "pre", "text_link", "url", "bot_command", "mention", "text_mention"}


def auto_entities(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the entities Telegram detects by itself (links, /commands, @mentions), sorted."""
    if "/" not in text and "@" not in text:
        return entities
    taken = [
        (e["offset"], e["offset"] + e["length"]) for e in entities if e["type"] in _NO_AUTO_INSIDE
    ]
    ascii_only = text.isascii()
    found: list[dict[str, Any]] = []
    for etype, pattern in _AUTO_PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if etype == "url":
                while end > start and text[end - 1] in ".,;:!?)]}":
                    end -= 1
            off = start if ascii_only else utf16_len(text[:start])
            length = end - start if ascii_only else utf16_len(text[start:end])
            if any(off < b and off + length > a for a, b in taken):
                continue
            taken.append((off, off + length))
            found.append({"type": etype, "offset": off, "length": length})
    if not found:
        return entities
    merged = entities + found
    merged.sort(key=lambda e: (e["offset"], -e["length"]))
    return merged
