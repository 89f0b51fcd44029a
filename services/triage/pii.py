"""Masking of personal data typed into free text before it is shown in public."""

from __future__ import annotations

import re
from collections.abc import Callable

# Full-width digits and letters are matched through a same-length ASCII copy of the text.
_FULLWIDTH = str.maketrans(
    {chr(0xFF10 + i): str(i) for i in range(10)}
    | {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
    | {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}
    | {"\uff0d": "-", "\u3000": " ", "\uff08": "(", "\uff09": ")", "\uff0b": "+"}
)
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

_ID_CARD = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}"
    r"[0-9Xx](?![0-9A-Za-z])"
    r"|(?<![0-9A-Za-z])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])"
)
_MOBILE = re.compile(r"(?<![\d+])(?:(?:\+|00)?86[-\s]?)?1[3-9]\d(?:[-\s]?\d){8}(?!\d)")
_LANDLINE = re.compile(
    r"(?<![\d(])(?:\(0\d{2,3}\)|0\d{2,3})[-\s]?\d{3,4}[-\s]?\d{4}(?:-\d{1,5})?(?!\d)"
)
_LANDLINE_LABELLED = re.compile(
    r"(?:电话|座机|固话|手机|联系方式|tel|phone)[:：\s是为]*(?P<num>[2-9]\d{6,7})(?!\d)",
    re.IGNORECASE,
)
_PLATE = re.compile(
    rf"(?<![A-Za-z0-9])[{_PROVINCES}][A-Za-z][·•.\s-]?[A-HJ-NP-Za-hj-np-z0-9]{{5,6}}(?![A-Za-z0-9])"
)
_ROOM_SUFFIX = re.compile(r"(?<![\d.*])(?P<num>\d{3,4})\s*(?=室|房间|号房)")
_ROOM_AFTER_UNIT = re.compile(r"单元\s*-?\s*(?P<num>\d{3,4})(?!\d)")
_ROOM_DASHED = re.compile(r"(?<![\d*-])\d{1,3}-\d{1,2}-(?P<num>\d{3,4})(?![\d-])")
# a room after its building (1号楼502, 3栋1202) or after where someone lives (我家住502, 住在
# 1202, 家是502): three or four digits not followed by what makes them a quantity or a date
_NOT_A_QUANTITY = (
    r"(?![\d.]|\s*(?:年|元|块|米|平|度|斤|人|个|次|天|号楼|栋|路|号线|分|秒|小时|多))"
)
_ROOM_AFTER_BUILDING = re.compile(r"(?:号楼|栋|幢|座)\s*-?\s*(?P<num>\d{3,4})" + _NOT_A_QUANTITY)
_ROOM_WHERE_LIVING = re.compile(
    r"(?:住在|家住|住|我家是|家是|家在|我家)\s*(?P<num>\d{3,4})" + _NOT_A_QUANTITY
)
_ROOM_LABELLED = re.compile(
    r"(?:房号|门牌号?|房间号|room|rm\.?|apt\.?|flat)\s*[:：#]?\s*(?P<num>\d{2,4}[a-z]?)(?![\d])",
    re.IGNORECASE,
)

# contact handles: an e-mail address (its name part), a WeChat or QQ id said with its label
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])(?P<name>[A-Za-z0-9._%+-]+)@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_IM_LABELLED = re.compile(
    r"(?<![A-Za-z])(?:微信号?|微信ID|wechat(?:\s*id)?|weixin|QQ号?|qq)\s*[:：]?\s*(?:是|为)?\s*"
    r"(?P<id>[A-Za-z0-9][A-Za-z0-9_-]{4,19})(?![A-Za-z0-9_-])",
    re.IGNORECASE,
)


def _mask_middle(keep_head: int, keep_tail: int) -> Callable[[str], str]:
    def mask(value: str) -> str:
        chars = [c for c in value if c.isalnum()]
        hidden = max(1, len(chars) - keep_head - keep_tail)
        return "".join(chars[:keep_head]) + "*" * hidden + "".join(chars[len(chars) - keep_tail :])

    return mask


def _mask_mobile(value: str) -> str:
    digits = re.sub(r"\D", "", value)[-11:]
    return digits[:3] + "****" + digits[-4:]


def _mask_landline(value: str) -> str:
    match = re.match(r"\(?(0\d{2,3})\)?[-\s]?(.*)", value)
    if not match:
        return "*" * len(value)
    area, rest = match.groups()
    return area + "-" + "*" * len(re.sub(r"\D", "", rest))


def _mask_all(value: str) -> str:
    return "*" * len(value)


# (pattern, masker, group masked): most specific first; later rules skip masked spans
_RULES: tuple[tuple[re.Pattern[str], Callable[[str], str], str | int], ...] = (
    (_EMAIL, _mask_middle(1, 0), "name"),
    (_ID_CARD, _mask_middle(3, 2), 0),
    (_MOBILE, _mask_mobile, 0),
    (_LANDLINE, _mask_landline, 0),
    (_LANDLINE_LABELLED, _mask_all, "num"),
    (_IM_LABELLED, _mask_middle(1, 0), "id"),
    (_PLATE, _mask_middle(2, 2), 0),
    (_ROOM_DASHED, _mask_all, "num"),
    (_ROOM_AFTER_UNIT, _mask_all, "num"),
    (_ROOM_LABELLED, _mask_all, "num"),
    (_ROOM_SUFFIX, _mask_all, "num"),
    (_ROOM_AFTER_BUILDING, _mask_all, "num"),
    (_ROOM_WHERE_LIVING, _mask_all, "num"),
)


def mask_pii(text: str) -> str:
    """The text with phone, landline, ID card, plate and room numbers, e-mail addresses and
    WeChat/QQ ids masked by asterisks."""
    probe = text.translate(_FULLWIDTH)
    spans: list[tuple[int, int, str]] = []
    taken = [False] * len(text)
    for pattern, masker, group in _RULES:
        for match in pattern.finditer(probe):
            start, end = match.span(group)
            if start < 0 or any(taken[start:end]):
                continue
            spans.append((start, end, masker(probe[start:end])))
            taken[start:end] = [True] * (end - start)
    out = text
    for start, end, replacement in sorted(spans, reverse=True):
        out = out[:start] + replacement + out[end:]
    return out


def contains_pii(text: str) -> bool:
    """Whether mask_pii would change the text."""
    return mask_pii(text) != text
