"""Checks for what people type: names, rooms, phone numbers, free text."""

from __future__ import annotations

import re
import unicodedata

from services.errors import InvalidInput

_MOBILE = re.compile(r"1[3-9]\d{9}")
# area code: 010 and 020–029 have three digits, the others four; the number 7–8 digits
_LANDLINE = re.compile(r"(010|02\d|0[3-9]\d{2})([1-9]\d{6,7})")
_INTERNATIONAL = re.compile(r"[1-9]\d{7,14}")  # +86 is taken out before
_PHONE_CHARS = re.compile(r"\+?[\d\s\-.()]+")
# what a phone number is called in Chinese
_PHONE_NOUN = "(?:手机号码|手机号|手机|电话号码|电话|联系电话|联系方式|号码)"
# words said before the number ("my phone is 139…", "Tel: 021-…", "我的手机号是139…"): dropped
_PHONE_LEAD = re.compile(
    r"^(?:(?:it\s*'?s|it\s+is|my|mine|our)\s+)?"
    r"(?:(?:mobile|cell|phone|telephone|contact)(?:\s*phone)?(?:\s*(?:number|no\.?|#))?"
    r"|number|tel\.?)"
    r"(?:\s+is\b|\s*'s\b)?\s*[:：]?\s*"
    r"|^(?:it\s*'?s|it\s+is)\s*[:：]?\s*(?=[+(\d])"
    # a number changed, said as older residents say it: '我换手机号了，新号码139…', '我的电话
    # 改成139…', '手机号换了：139…', '新号码是139…'
    r"|^(?:请|麻烦)?(?:帮我)?把?(?:我的|我|本人)?(?:已经)?"
    rf"(?:(?:换|改|变)了?(?:个|一个)?新?的?{_PHONE_NOUN}了?"
    rf"|{_PHONE_NOUN}(?:换成|改成|改为|换了|改了|变了|换|改|变)(?:一下)?了?)"
    rf"[\s,，。:：]*(?:新的?|现在的?)?(?:{_PHONE_NOUN}|号)?(?:是|为)?\s*[:：]?\s*"
    rf"|^(?:我的)?(?:新的?|现在的?){_PHONE_NOUN}(?:是|为)?\s*[:：]?\s*"
    r"|^(?:我的|我|本人)?(?:手机号码|手机号|手机|电话号码|电话|联系电话|号码)(?:是|为)?\s*[:：]?\s*",
    re.IGNORECASE,
)
# a number read out digit by digit, as older people write it ('五零二', '幺三九'): three and more
# such characters in a row (三楼, 十一 and 二三十 are not read digit by digit)
_SPOKEN_RUN = re.compile(r"[零〇○一幺二三四五六七八九]{3,}")
# the words around a phone number said in a sentence: '我的电话是…', '手机号：…', '…，谢谢'
_PHONE_SAID = re.compile(
    r"^(?:我的|我|俺的|俺)?(?:手机号码|手机号|手机|电话号码|电话|号码|联系电话)?(?:是|为)?[:：]?"
    r"|[,，.。!！]*(?:谢谢|多谢|谢谢你们|谢谢了)?[,，.。!！]*$"
)
_SPOKEN_DIGIT = str.maketrans("零〇○一幺二三四五六七八九", "0001123456789")


def spoken_digits(text: str) -> str:
    """Numbers written out digit by digit in Chinese as digits: '一号楼五零二' → '一号楼502',
    '幺三九 零零零零 零零零一' → '139 0000 0001'; the rest of the text as it was."""
    return _SPOKEN_RUN.sub(lambda m: m.group(0).translate(_SPOKEN_DIGIT), text)


_ROOM = re.compile(r"^[0-9A-Za-z\u4e00-\u9fff\-—#/ ]{1,20}$")
# a room names a number somewhere: 302, 2单元301, 三楼东户 (not "我不知道房号", not a sentence)
_ROOM_NUMERAL = re.compile(r"[0-9零〇一二三四五六七八九十百两]")
# said instead of a room: told how to give one they are unsure of
_ROOM_UNKNOWN = re.compile(
    r"不知道|不清楚|不确定|不记得|记不清|忘了|don'?t know|not sure|no idea|dunno", re.I
)
# a unit (单元) and room said in English ('Unit 2, 301', 'unit 2 room 301'): kept as 2单元301, the
# form staff and the rest of the address read
_UNIT_EN = re.compile(
    r"^(?:unit|entrance|entry)\s*(\d{1,2})\s*[,，]?\s*(?:(?:room|rm\.?|apt\.?|flat|no\.?)\s*)?"
    r"#?\s*(\d{1,5}[A-Za-z]?)$",
    re.IGNORECASE,
)
# a word for "room" typed before the number (not "unit": 2 单元 is part of the room)
# the number or bullet someone types before each line of a list ("1. ", "2、", "（3）", "①",
# "A. ", "• "): not part of the item. A number that is the item's own ("1号楼", "2026年",
# "1.5小时") has no such mark after it.
_LIST_MARKER = re.compile(
    r"^\s*(?:"
    r"[(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[A-Za-z])\s*[)）]"
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[A-Za-z])\s*(?:[、)）]|[.．:：](?!\d))"
    r"|[\u2460-\u2473]"  # ① … ⑳
    r"|[•·●▪]"
    r"|[-–—*](?=\s)"
    r")\s*"
)
_ROOM_WORD = re.compile(
    r"^(?:room|rm\.?|apt\.?|apartment|flat|房号|房间号|房间|门牌号)\s*[:：]?\s*(?=\S)",
    re.IGNORECASE,
)


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in {"Cc", "Cf", "Co", "Cs"} for ch in text)


def _has_symbol_emoji(text: str) -> bool:
    return any(unicodedata.category(ch) in {"So", "Sk"} for ch in text)


# the longest text message Telegram lets anyone send: free text a person typed (an explanation, a
# reason, a note, a comment) is kept whole up to this, never refused for being shorter than that
TYPED_MAX = 4096


def clean_text(text: str | None, *, max_len: int, key: str = "err-text-too-long") -> str:
    """Free text: trimmed, control characters dropped (newlines kept), length-checked."""
    if text is None or not text.strip():
        raise InvalidInput("err-text-empty")
    kept = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    kept = kept.strip()
    if len(kept) > max_len:
        raise InvalidInput(key, limit=max_len, length=len(kept))
    return kept


# said before a name ('My name is Alex Smith', "I'm Alex", '我叫张三'): dropped
_NAME_LEAD = re.compile(
    r"^(?:(?:hi|hello)[,!.]?\s+)?(?:my\s+(?:real\s+|full\s+)?name\s+is|my\s+name\s*[:：]|"
    r"name\s*[:：]|i\s*'m|i\s+am|this\s+is|it\s*'s|call\s+me)\s+"
    r"|^(?:我叫|我的名字是|我的名字叫|名字是|本人|姓名\s*[:：]|名字\s*[:：])\s*",
    re.IGNORECASE,
)
# said before a work unit ('I work at Fudan University', "I'm retired"): dropped
_UNIT_LEAD = re.compile(
    r"^(?:i\s+(?:work|am\s+working|teach|study)\s+(?:at|for|in|with)|"
    r"my\s+(?:work\s+unit|employer|workplace|company)\s+is|i\s*'m|i\s+am)\s+"
    r"|^(?:我在|我的单位是|单位是|工作单位是|单位\s*[:：]|工作单位\s*[:：])\s*",
    re.IGNORECASE,
)


def person_name(text: str | None, *, max_len: int = 30) -> str:
    """A real name: letters only (Chinese or Latin, with · and spaces), no emoji or controls;
    the words said before it dropped ('My name is Alex Smith' → 'Alex Smith', '我叫张三')."""
    if text is None or not text.strip():
        raise InvalidInput("err-name-invalid")
    name = " ".join(text.split()).rstrip(".。!！")
    name = _NAME_LEAD.sub("", name, count=1).strip() or name
    if len(name) > max_len:
        raise InvalidInput("err-name-too-long", limit=max_len)
    if _has_control(name) or _has_symbol_emoji(name):
        raise InvalidInput("err-name-invalid")
    if not all(ch.isalpha() or ch in " ·.-'" for ch in name):
        raise InvalidInput("err-name-invalid")
    return name


def short_label(text: str | None, *, max_len: int = 60) -> str:
    """A short one-line label (work unit, unit name): no control characters or emoji."""
    if text is None or not text.strip():
        raise InvalidInput("err-text-empty")
    label = " ".join(text.split())
    if len(label) > max_len:
        raise InvalidInput("err-text-too-long", limit=max_len, length=len(label))
    if _has_control(label) or _has_symbol_emoji(label):
        raise InvalidInput("err-label-invalid")
    return label


def work_unit(text: str | None) -> str:
    """A member's work unit as `short_label` takes it, the words said before it dropped ('I
    work at Fudan University' → 'Fudan University', "I'm retired" → 'retired')."""
    said = " ".join((text or "").split()).rstrip(".。")
    said = _UNIT_LEAD.sub("", said, count=1).strip() or said
    if said.endswith("工作") and text and text.strip().startswith("我在"):
        said = said.removesuffix("工作").strip() or said  # '我在区教育局工作'
    return short_label(said, max_len=60)


def strip_list_marker(line: str) -> str:
    """A list item without the number or bullet typed before it ("1. 介绍方案" → "介绍方案",
    "①同意" → "同意"); "1号楼加装电梯" and "2026年预算" stay whole. A line that is only a
    marker stays as it is."""
    return _LIST_MARKER.sub("", line, count=1).strip() or line.strip()


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2}
_CN_DIGITS |= {"三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000}


def whole_number(text: str) -> int | None:
    """A whole number written in digits or in Chinese numerals, as people write a count: "50",
    "五十", "十五", "一百", "两百", "一百二十", "一百零五", "两千", "一万", "零"; the spoken
    short forms "一百五" (150) and "两千五" (2500) too. None for anything else ("五五", "百十");
    零 only stands alone or after 百, 千 or 万 ("零五", "十零五" are none), and 两 is not a
    last digit ("二十两": 二十二 is written).

    The one reader of Chinese numerals: services.when (times, and digit by digit a year
    such as 二零二六), services.polls (shares, an option's place), services.address (building
    numbers), the meeting and order forms' counts."""
    if text.isascii() and text.isdigit():
        return int(text)
    if not text or any(c not in _CN_DIGITS and c not in _CN_UNITS for c in text):
        return None
    if len(text) > 1 and text[-1] in "两俩":
        return None
    total = 0  # what came before 万
    section = 0  # the part after it
    digit: int | None = None  # a digit waiting for its unit
    unit_before: int | None = (
        None  # the unit last used (units only go down: 一千二百, not 二百一千)
    )
    zero = False  # 零 since that unit: 一百零五 is 105, 一百五 is 150
    for char in text:
        if char in _CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row
            if _CN_DIGITS[char] == 0:
                if len(text) > 1 and (unit_before is None or unit_before < 100):
                    return None  # a 零 in front, or after 十: not how a number is written
                zero = True
            else:
                digit = _CN_DIGITS[char]
            continue
        unit = _CN_UNITS[char]
        if unit_before is not None and unit >= unit_before and unit != 10_000:
            return None
        if digit is None:
            if unit != 10 or section or total or zero:
                return None  # only 十 stands alone in front ("十五")
            digit = 1
        if unit == 10_000:
            if total:
                return None
            total, section = (section + digit) * unit, 0
        else:
            section += digit * unit
        digit, unit_before, zero = None, unit, False
    if digit is not None:
        # a last digit without its unit: one step below the unit before ("一百五" = 150), unless
        # a 零 came between ("一百零五" = 105) or the unit before was 十 ("二十五")
        step = unit_before // 10 if unit_before and unit_before > 10 and not zero else 1
        section += digit * step
    return total + section


def room_number(text: str | None, *, building: str | None = None) -> str:
    """A room such as 302, 3-502 or 2单元301室, as people type it at the room step: full-width
    digits made plain, a leading word for 'room' dropped ('Room 1204', '房号：302' → '1204',
    '302'), a unit said in English written as staff write it ('Unit 2, 301' → '2单元301'),
    and the building already chosen (`building`, e.g. '2号楼') dropped when typed again in front
    ('2号楼1204' → '1204'), so the address does not read '2号楼 2号楼1204'.
    A room has a number in it (digits or Chinese numerals: '三楼东户' is one); words alone
    ('我不知道房号', '楼道的灯坏了') are not taken for a room."""
    if text is None:
        raise InvalidInput("err-room-invalid")
    room = spoken_digits(unicodedata.normalize("NFKC", text).strip())
    room = _ROOM_WORD.sub("", room, count=1).strip() or room
    if unit := _UNIT_EN.match(room):
        room = f"{unit.group(1)}单元{unit.group(2)}"
    if building and room.startswith(building) and room[len(building) :].strip():
        room = room[len(building) :].strip()
    if len(room) > 20:
        raise InvalidInput("err-room-too-long", limit=20)
    if _ROOM_UNKNOWN.search(room) and not re.search(r"\d", room):
        raise InvalidInput("err-room-unknown")
    if not room or not _ROOM.match(room) or not _ROOM_NUMERAL.search(room):
        raise InvalidInput("err-room-invalid")
    return room


# said around 'not sure' without making it more
_UNSURE_FILLERS = frozenset(
    {"i", "m", "am", "really", "sorry", "我", "也", "呢", "啊", "吧", "了", "的"}
)


def says_unsure(text: str | None) -> bool:
    """A short message saying only that they do not know ('not sure', "I don't know", '不清楚',
    '不知道'), typed where a 'Not sure' button was meant; a number or more words are more."""
    said = unicodedata.normalize("NFKC", text or "").strip().lower()
    if not said or len(said) > 20 or re.search(r"\d", said):
        return False
    rest = _ROOM_UNKNOWN.sub("", said.replace("’", "'"), count=1)
    others = re.findall(r"[a-z]+|[\u4e00-\u9fff]", rest)
    return rest != said and all(word in _UNSURE_FILLERS for word in others)


def phone_number(text: str | None) -> str:
    """A phone number people in mainland China would give, normalised; else `err-phone-invalid`.

    - a mobile, 1[3-9] and 9 more digits, with or without +86 / 0086 → "13900000001";
    - a landline with its area code (010, 02x: 3 digits; others 4) and a 7–8 digit number not
      starting with 0, with or without +86 (then without the 0) → "021-12345678";
    - a number in international form, "+" and a country code other than 86 (a shared Telegram
      contact of someone with a foreign SIM), 8–15 digits → "+447700900123".

    Words said before the number are dropped ("my phone is 139…", "Tel: 021-…", "手机号：139…").
    Spaces, dashes, dots, brackets around the area code, full-width digits and digits written
    out one by one ('幺三九 零零零零 零零零一') are allowed. Short
    numbers (12345, 7 digits without an area code) and other digit runs are refused.
    """
    if text is None:
        raise InvalidInput("err-phone-invalid")
    raw = spoken_digits(unicodedata.normalize("NFKC", text).strip())
    raw = _PHONE_LEAD.sub("", raw, count=1).strip().rstrip(".。") or raw
    raw = _PHONE_SAID.sub("", raw).strip() or raw  # '我的电话是 139…，谢谢'
    if len(raw) > 32 or not _PHONE_CHARS.fullmatch(raw):
        raise InvalidInput("err-phone-invalid")
    plus = raw.startswith("+")
    digits = re.sub(r"\D", "", raw)
    national = digits
    if plus or digits.startswith("0086"):
        national = digits.removeprefix("00")
        if not national.startswith("86"):
            if plus and _INTERNATIONAL.fullmatch(national):
                return "+" + national
            raise InvalidInput("err-phone-invalid")
        national = national.removeprefix("86")
        if not national.startswith("1"):
            national = "0" + national  # +86 21 1234 5678: the area code without its 0
    elif len(digits) == 13 and digits.startswith("861"):
        national = digits.removeprefix("86")  # a contact's 8613900000001
    if _MOBILE.fullmatch(national):
        return national
    landline = _LANDLINE.fullmatch(national)
    if landline:
        return f"{landline.group(1)}-{landline.group(2)}"
    raise InvalidInput("err-phone-invalid")


# a company's or office's service number: 400 / 800 and 7 more digits ('400-820-1234')
_SERVICE_NUMBER = re.compile(r"([48]00)(\d{3})(\d{4})")


def office_phone_number(text: str | None) -> str:
    """An office's phone: as `phone_number` reads it, or a 400 / 800 service number
    ('400-820-1234', '4008201234', '400 820 1234' → '400-820-1234'); else `err-phone-invalid`."""
    try:
        return phone_number(text)
    except InvalidInput:
        raw = _PHONE_LEAD.sub("", unicodedata.normalize("NFKC", text or "").strip(), count=1)
        if len(raw) <= 32 and _PHONE_CHARS.fullmatch(raw.strip().rstrip(".。")):
            found = _SERVICE_NUMBER.fullmatch(re.sub(r"\D", "", raw))
            if found:
                return "-".join(found.groups())
        raise


def contact_phone(text: str) -> str:
    """The number of a shared Telegram contact, which is international even without its "+"
    (e.g. "8613900000001", "447700900123"), normalised as `phone_number` does."""
    raw = text.strip()
    return phone_number(raw if raw.startswith("+") else "+" + raw)
