"""An order's default title from what the resident wrote: the matter in a few words
('楼道灯坏了', '楼上漏水，天花板湿了', 'The corridor light is out'), so a member's lists and
notices tell one order from another without opening each.

The title goes where the resident's room and phone must not: the community's public result
card (组织晒单) and the lists members read before claiming. So it never says where (the place
is shown beside it, building at most), how to reach anyone, or who: a clause with a number
left once a leading building/unit/floor is taken off, a phone, ID or plate number, a name
marker (我是…, 王阿姨, 老李, Mrs …, a capitalised word inside an English clause) or one of the
resident's own names or numbers is passed over; when no clause is left the caller falls back
to the category's name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from services.triage.pii import contains_pii

MAX_COLUMNS = 40  # 20 Chinese characters, about 40 Latin ones
_JOIN_BELOW = 16  # a first clause this short (8 Chinese characters) takes the next one along

# where one clause ends: Chinese and Latin punctuation, brackets, line breaks; a full stop
# only where a word ends (not 3.5)
_BREAK = re.compile(r"[，。！？；：,!?;:()（）【】\[\]「」《》\n…~～]+|\.(?=\s|$)|\s{2,}|——")
# a leading greeting or address to the community, taken off the start of a clause
_GREETING = re.compile(
    r"^(?:(?:你们?好|您好|大家好|喂|嗨|哈喽|打扰(?:一下|了)?|请问|社区(?:的)?(?:工作人员|同志|领导)?"
    r"(?:你们?好|您好)"
    # how older residents address the office ('同志你好', '老师您好', '师傅，…')
    r"|(?:社区(?:的)?)?(?:工作人员|同志|领导|老师|师傅)们?(?:你们?好|您好|(?=\s*$))|(?:有)?(?:居民|业主|住户|群众)?(?:反映|反馈|来电|报修)(?:说|称)?"
    r"|(?:(?:hello|hi|hey)(?:\s+(?:there|all|everyone))?|dear\s+\w+"
    r"|good\s+(?:morning|afternoon|evening)|excuse\s+me|sorry\s+to\s+bother(?:\s+you)?)\b"
    r")\s*)+",
    re.IGNORECASE,
)
# a clause that asks for help rather than saying what is wrong ('请尽快来修'): taken only when
# no other clause is left
_PLEA = re.compile(
    r"^(?:请|麻烦|希望|谢谢|感谢|帮忙|帮帮|能否|能不能|可否|可不可以|尽快|赶紧|赶快|急|求|拜托"
    r"|please|thanks?\b|could\s+you|can\s+you|would\s+you|asap|help)",
    re.IGNORECASE,
)
# a building, unit or floor number (three digits and more are rooms: 502楼道 is not a floor)
_NUMERAL = r"(?:\d{1,2}(?!\d)|[一二两三四五六七八九十]{1,3})"
# where, at the start of a clause: 3号楼, 2单元, 5楼, 三层 (shown beside the title already)
_PLACE_LEAD = re.compile(
    rf"^(?:我家|我们家|我们|我)?(?:住在|在)?"
    rf"(?:{_NUMERAL}\s*(?:号楼|号院|栋|幢|座|单元|楼(?![道梯])|层)\s*)+(?:的|里|这边|那边)?"
)
# whose, at the start of a clause ('我家厨房…', '我的电动车…', '我们楼道…'): the member reading
# the title is not the one at home, and the place is shown beside it
_OWN_LEAD = re.compile(
    r"^(?:我家里|我们家里|我家的|我们家的|我家|我们家|俺家|咱家|家里的|家里|我的|我们的|咱们的"
    r"|我们(?=楼|单元|小区|这栋|这边))"
)
# a building named in English anywhere in the text ('outside building 2', 'in Block 3'), with a
# plain 'in/at/of/on' before it: where, shown beside the title; taken out first, so its clause
# is not passed over for its number
_EN_BUILDING = re.compile(
    r"\s*\b(?:(?:in|at|of|on)\s+)?(?:the\s+)?(?:building|block|bldg\.?|tower)\s*"
    r"(?:no\.?\s*|#\s*)?\d{1,2}(?!\d)(?!\s*(?:st|nd|rd|th)\b)",
    re.IGNORECASE,
)
# what is left of an English clause once its building is out, too little to name a matter
_EN_LEFTOVER = re.compile(
    r"^(?:(?:in|at|of|on|near|by|outside|inside|behind|beside|next\s+to|opposite|from|the|our|my)"
    r"\b\s*)*$",
    re.IGNORECASE,
)
_CN_NUMBER_RUN = re.compile(r"[〇零一二三四五六七八九幺]{3,}")
# what tells how to reach someone, or who they are
_CONTACT = re.compile(
    r"电话|手机号|号码|微信|身份证|联系方式|联系人|房号|门牌|户号|@|https?:|www\.|\.com"
    r"|\b(?:tel|phone|mobile|wechat|e-?mail|room|flat|apt|apartment)\b",
    re.IGNORECASE,
)
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘"
    "祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟"
)
# the surnames one calls people by with 老/小 (老王, 小李), less those that start common
# words (小区, 小时, 老化, 小高层, 老楼, 小门 …)
_CALLED = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡余杜叶程苏"
    "魏吕丁沈姚卢姜崔钟谭陆汪范金廖贾夏韦邹孟熊秦邱江薛雷侯史陶黎贺顾郝龚邵钱严武戴孔汤温康"
)
_KIN = (
    "阿姨|大爷|大妈|大娘|大婶|奶奶|爷爷|姥姥|姥爷|外婆|外公|叔叔|伯伯|婶婶|姐姐|哥哥|大姐|大哥"
    "|先生|女士|小姐|太太|师傅|老师|医生|老人|老太|老伯|阿婆|阿公|主任|书记|经理|同志|叔|伯|婶|姐|哥|家|某"
)
_NAMED = re.compile(
    rf"我是|我叫|名叫|叫做|本人|户主|姓|[{_SURNAMES}](?:{_KIN})|(?:老|小|阿)[{_CALLED}]"
    rf"|[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}(?:反映|反馈|说|称|表示|来电|致电|打电话|报修|投诉|求助|家)"
    r"|\b(?:my\s+name|call\s+me|mr|mrs|ms|miss|mx|dr|madam|sir|uncle|aunt|auntie)\b"
    r"|\b(?:i\s+am|i'm|this\s+is)\s+(?-i:[A-Z])",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'’-]*")
_NOT_NAMES = frozenset(
    {"I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll"}
    | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
    | {"January", "February", "March", "April", "June", "July", "August", "September"}
    | {"October", "November", "December"}
)


def matter_title(
    text: str | None, *, known: Iterable[str | None] = (), max_columns: int = MAX_COLUMNS
) -> str | None:
    """A short title naming the matter from a request's text, else None (the caller then
    names the order by its category).

    `known` are the resident's own names, numbers and room: a clause naming one is passed
    over. The first clause that says what is wrong (not a greeting, not only a plea) is taken,
    with the next one when it is short and both fit; cut to `max_columns` (a Chinese character
    is two) with "…".
    """
    text = _EN_BUILDING.sub("", text or "")
    clauses = [c for c in (_clause(part) for part in _BREAK.split(text)) if c]
    if not clauses:
        return None
    personal = [k.strip().lower() for k in known if k and len(k.strip()) >= 2]
    safe = [_is_safe(c, personal) for c in clauses]
    pleas = [bool(_PLEA.match(c)) for c in clauses]
    first = next((i for i, c in enumerate(clauses) if safe[i] and not pleas[i]), None)
    if first is None:
        first = next((i for i in range(len(clauses)) if safe[i]), None)
    if first is None:
        return None
    title = clauses[first]
    after = first + 1
    if _columns(title) < _JOIN_BELOW and after < len(clauses) and safe[after] and not pleas[after]:
        joined = title + _separator(title) + clauses[after]
        if _columns(joined) <= max_columns:
            title = joined
    if title[0].isascii() and title[0].islower():
        title = title[0].upper() + title[1:]  # the lift is broken -> The lift is broken
    return _cut(title, max_columns)


def _clause(part: str) -> str:
    """One clause, its greeting and leading place taken off, on one line."""
    words = " ".join("".join(ch for ch in part if unicodedata.category(ch)[0] != "C").split())
    words = _GREETING.sub("", words).strip(" .-_*·'\"“”‘’")
    if words.isascii() and _EN_LEFTOVER.match(words):
        return ""  # 'In' of 'In block 3, …', its building taken out (matter_title)
    return _OWN_LEAD.sub("", _PLACE_LEAD.sub("", words).strip(" .-_*·")).strip(" .-_*·")


def _is_safe(clause: str, personal: list[str]) -> bool:
    """Whether a clause says nothing of where beyond the building, how to reach anyone or who."""
    if any(ch.isdigit() for ch in clause) or _CN_NUMBER_RUN.search(clause):
        return False
    if contains_pii(clause) or _CONTACT.search(clause) or _NAMED.search(clause):
        return False
    if any(k in clause.lower() for k in personal):
        return False
    # in English, a capitalised word past the first is most likely a name (or a place)
    words = _CAPITALISED.findall(clause)
    if words and clause.startswith(words[0]):
        if re.match(r"[A-Z][a-z]+['’]s\b", clause):  # Anna's window
            return False
        words = words[1:]
    return all(w in _NOT_NAMES for w in words)


def _separator(clause: str) -> str:
    return "，" if _columns(clause[-1]) == 2 else ", "


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, max_columns: int) -> str:
    """A line cut to `max_columns` (a Chinese character is two) with "…", at a word's end
    where it has spaces: 'The street light…', not 'The street light outsid…'."""
    return _cut(text, max_columns)


def _cut(title: str, max_columns: int) -> str:
    """The title cut to max_columns with "…", at a word's end where it has spaces."""
    if _columns(title) <= max_columns:
        return title
    kept, used = [], 1  # room for the "…"
    for ch in title:
        used += _columns(ch)
        if used > max_columns:
            break
        kept.append(ch)
    cut = "".join(kept)
    space = cut.rfind(" ")
    if space > len(cut) // 2 and not title[len(cut)].isspace():
        cut = cut[:space]
    return cut.rstrip(" ,，、·-") + "…"


def from_words(title: str, text: str) -> bool:
    """Whether a title is made of the text's own words, as `matter_title` makes one (the
    resident's words: not for other residents' eyes); a title staff typed is not."""
    said = " ".join(text.split()).lower()
    # as matter_title reads it too: an English building taken out ('outside building 2')
    unplaced = " ".join(_EN_BUILDING.sub("", text).split()).lower()
    parts = [p.strip() for p in re.split(r"，|, ", title.removesuffix("…").lower())]
    if unplaced != said:
        return bool(said) and all(p in said or p in unplaced for p in parts if p)
    return bool(said) and all(p in said for p in parts if p)


def says_more(text: str, title: str) -> bool:
    """Whether what the resident wrote says more than the order's title: not when the title is
    all of it (a greeting, punctuation, spacing and case aside), so a member is not shown the
    same words twice ('楼道灯坏了，晚上很黑' as the title and quoted again); a title that was cut
    ('…'), typed by staff or the category's name leaves the text something to say."""
    if not text.strip():
        return False
    said = "".join(_GREETING.sub("", " ".join(part.split())) for part in _BREAK.split(text))
    return title.endswith("…") or _bare(said) != _bare(title)


def _bare(text: str) -> str:
    """The text's letters and digits only, in lower case."""
    return "".join(ch for ch in text.lower() if unicodedata.category(ch)[0] in "LNM")
