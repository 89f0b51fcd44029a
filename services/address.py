"""An address typed in words where the registration form shows buttons.

Older residents answer "请选择您所在的社区" by writing their address ("我住阳光社区1号楼302"). The
form should take what it can read from that — the community, the building, the room — and ask
only for the rest, not show the same buttons again. `read_address` finds community and building
names (a building '3号楼' also as '3栋', '3幢', '三号楼'), and a room number in what is left.
A community is also read by its English name, where it has one ('Sunshine community'). A name
found in two places (two communities with a '1号楼', and no community named) is not guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Building, Community
from services.errors import InvalidInput
from services.validation import room_number, spoken_digits, whole_number


@dataclass(frozen=True)
class AddressGuess:
    """What could be read: each part or None."""

    community: Community | None = None
    building: Building | None = None
    room: str | None = None


_CN_NUMBER = re.compile(r"[零一二两三四五六七八九十]+(?=号楼|号|栋|幢|座|单元|楼)")
_BUILDING_NO = re.compile(r"^(\d+)(?:号楼|号|栋|幢|座)$")
_BUILDING_SUFFIXES = ("号楼", "栋", "幢", "座", "号")
# and in English, before the number: 'Building 3', 'Bldg. 3', 'Block 3', 'Building No. 3'
_BUILDING_PREFIXES = ("building", "buildingno.", "buildingno", "bldg", "bldg.", "block", "blk")
_ROOM = re.compile(r"(?<!\d)(?:\d{1,2}单元\d{3,4}室?|\d{1,2}-\d{3,4}|\d{3,4}室?)(?!\d)")


def _normal(text: str) -> str:
    """Full-width to plain (NFKC), no spaces, lowercase, 三号楼 → 3号楼, 五零二 → 502."""
    text = spoken_digits(unicodedata.normalize("NFKC", text).lower())
    text = re.sub(r"\s+", "", text)

    def arabic(m: re.Match[str]) -> str:
        n = whole_number(m.group(0))
        return str(n) if n is not None else m.group(0)

    return _CN_NUMBER.sub(arabic, text)


def _building_forms(name: str) -> list[str]:
    """How residents write a building: '3号楼' also '3栋', '3幢', '3座', '3号'."""
    plain = _normal(name)
    match = _BUILDING_NO.match(plain)
    if match is None:
        return [plain]
    number = match.group(1)
    return [number + suffix for suffix in _BUILDING_SUFFIXES] + [
        prefix + number for prefix in _BUILDING_PREFIXES
    ]


def _community_forms(community: Community) -> list[str]:
    """阳光社区 also as 阳光; its English name, where set, with or without 'community'
    ('Sunshine Community', 'sunshine community', 'Sunshine')."""
    plain = _normal(community.name)
    short = plain.removesuffix("社区")
    forms = [plain, short] if short != plain and len(short) >= 2 else [plain]
    if community.name_en:
        english = _normal(community.name_en)
        bare = english.removesuffix("community")
        if len(bare) >= 3:
            forms += [english, bare, bare + "community"]
        else:
            forms.append(english)
    return list(dict.fromkeys(forms))


def _find(text: str, forms: list[str]) -> tuple[int, int] | None:
    """The first place (start, end) a form occurs as a whole number (not '1号楼' in '11号楼',
    nor 'building1' in 'building12')."""
    for form in sorted(forms, key=len, reverse=True):
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            cut_before = form[0].isdigit() and start > 0 and text[start - 1].isdigit()
            cut_after = form[-1].isdigit() and end < len(text) and text[end].isdigit()
            if not (cut_before or cut_after):
                return start, end
            start = text.find(form, start + 1)
    return None


def names_building(said: str, building: Building, community: Community) -> bool:
    """Whether the words name this building as a whole ('1号楼', '一号楼', '1栋', 'building 1'),
    or with its community before it ('阳光社区1号楼', '阳光的1号楼', 'sunshine building 1')."""
    plain = _normal(said)
    for form in _building_forms(building.name):
        if not plain.endswith(form):
            continue
        before = plain[: -len(form)].removesuffix("的")
        if not before or before in _community_forms(community):
            return True
    return False


async def read_address(
    session: AsyncSession,
    text: str,
    *,
    community_id: int | None = None,
    bare_number: bool = False,
) -> AddressGuess:
    """The community, building and room this text names (within `community_id` when the
    community is already known); parts that cannot be read for sure are None. `bare_number`:
    the building was asked for, so a number alone ('6') names the building of that number."""
    plain = _normal(text)
    if not plain:
        return AddressGuess()
    if bare_number and community_id is not None and re.fullmatch(r"\d{1,4}", plain):
        plain += "号楼"
    communities = list((await session.exec(select(Community))).all())
    community: Community | None = None
    if community_id is not None:
        community = next((c for c in communities if c.id == community_id), None)
    else:
        named = [(c, _find(plain, _community_forms(c))) for c in communities]
        found = [(c, span) for c, span in named if span is not None]
        if len(found) > 1:
            # '和谐社区 不对不对 是阳光的': the one named after the last correction word
            found = _after_correction(plain, found)
        if len(found) == 1:
            community, at = found[0]
            assert at is not None
            plain = plain[: at[0]] + " " + plain[at[1] :]
    stmt = select(Building)
    if community is not None:
        stmt = stmt.where(col(Building.community_id) == community.id)
    hits: list[tuple[Building, tuple[int, int]]] = []
    for candidate in (await session.exec(stmt)).all():
        where = _find(plain, _building_forms(candidate.name))
        if where is not None:
            hits.append((candidate, where))
    longest = max((end - start for _, (start, end) in hits), default=0)
    hits = [(b, s) for b, s in hits if s[1] - s[0] == longest]
    building: Building | None = None
    if len(hits) == 1:
        building, (start, end) = hits[0]
        if community is None:
            community = next((c for c in communities if c.id == building.community_id), None)
        plain = plain[:start] + " " + plain[end:]
    room: str | None = None
    if building is not None:
        match = _ROOM.search(plain)
        if match is not None:
            try:
                room = room_number(match.group(0))
            except InvalidInput:
                room = None
    return AddressGuess(community=community, building=building, room=room)


# words taking back what was said before them ('不对', '说错了', 'sorry, I mean'), as _normal
# writes them; not '不是' / 'not', which may deny what follows ('是和谐社区 不是阳光社区')
_CORRECTION = re.compile(r"不对|错了|说错|弄错|搞错|哦不|噢不|啊不|sorry|imean|actually")


def _after_correction(
    plain: str, found: list[tuple[Community, tuple[int, int]]]
) -> list[tuple[Community, tuple[int, int]]]:
    """Of the communities found, those named after the last correction word (none when
    there is no such word: two named with no correction are not guessed)."""
    last = max((m.end() for m in _CORRECTION.finditer(plain)), default=None)
    if last is None:
        return []
    return [(c, span) for c, span in found if span[0] >= last]


_SAYS_BUILDING = re.compile(r"\d+(?:号楼|栋|幢|座)|(?:building|bldg\.?|block|blk)(?:no\.?)?\d+")


def says_building(text: str) -> bool:
    """Whether the text names a building by its number ('4号楼', '三栋', 'building 4'), ours or
    not."""
    return bool(_SAYS_BUILDING.search(_normal(text)))


# the longest text read as telling where one lives; English says it in more letters ('I live in
# Sunshine Community, Building 2, room 302')
SAYS_HOME_CHARS = 40
SAYS_HOME_LATIN = 80
# how people start telling where they live: '我住…', '我家在…', '地址是…', 'I live at …'
_SAYS_HOME = re.compile(
    r"^(?:您好|你好)?[，,]?(?:(?:我|我们|俺)家?(?:住在|住|在)|家住|家在|住在|"
    r"(?:我的|我家的?)?(?:地址|住址)(?:是)?)[:：]?|^(?:i|we)live(?:at|in)"
)
# what may stand around a community, building and room said as a home ('小区', '3单元', '户')
_HOME_REST = re.compile(
    r"[0-9a-z#\-—()（）。，,.!！~]|小区|社区|单元|号|室|楼|层|户|那|的|这|里|边|儿"
)


async def says_home(session: AsyncSession, text: str) -> AddressGuess | None:
    """'我住阳光社区3号楼201': someone telling where they live — after the words that say so,
    a community or building of ours and a room, nothing else; or a whole address alone
    ('阳光社区3号楼201') — or None ('我在3号楼门口看到垃圾' names a building but is a matter)."""
    if len(text) > (SAYS_HOME_LATIN if text.isascii() else SAYS_HOME_CHARS):
        return None
    plain = _normal(text)
    lead = _SAYS_HOME.match(plain)
    rest = plain[lead.end() :] if lead is not None else plain
    guess = await read_address(session, rest)
    if guess.community is None:
        return None
    if lead is None and (guess.building is None or guess.room is None):
        return None  # a whole address needs no '我住'; a building alone is not one
    for forms in (
        _community_forms(guess.community),
        _building_forms(guess.building.name) if guess.building is not None else [],
    ):
        if forms and (at := _find(rest, forms)) is not None:
            rest = rest[: at[0]] + rest[at[1] :]
    if _HOME_REST.sub("", rest) or not _only_home_words(text, guess.community):
        return None
    return guess


# where about a building, said beside it ('2号楼门口'): a place, not yet a matter
_NEAR_WORDS = re.compile(r"门口|门前|附近|旁边|前面|后面|对面|楼下|楼上|楼道|下面|上面")
# a person named beside the building ('2号楼王奶奶'): who, not what
_PERSON_TITLE = re.compile(r"(?:奶奶|爷爷|阿姨|叔叔|大爷|大妈|先生|女士|师傅|老师|阿婆|阿公)$")


def says_more_than_address(text: str, guess: AddressGuess) -> bool:
    """Words beside the community, building and room read from `text` that say a matter
    ('2号楼的灯坏了', 'Building 2, the light is out'); not an address alone ('2号楼501',
    '阳光社区2栋501室'), a spot by it ('2号楼门口') or a person ('2号楼王奶奶')."""
    rest = _normal(text)
    for forms in (
        _community_forms(guess.community) if guess.community is not None else [],
        _building_forms(guess.building.name) if guess.building is not None else [],
    ):
        if forms and (at := _find(rest, forms)) is not None:
            rest = rest[: at[0]] + rest[at[1] :]
    words = _HOME_REST.sub("", _NEAR_WORDS.sub("", rest))
    if len(words) >= 2 and not (len(words) <= 5 and _PERSON_TITLE.search(words)):
        return True
    own = (guess.community.name_en or "") if guess.community is not None else ""
    latin = re.findall(r"[a-z]+", unicodedata.normalize("NFKC", text).lower())
    other = [w for w in latin if w not in _HOME_WORDS and w not in own.lower().split()]
    return len(other) >= 2


# what ends a clause of a sentence: words with one say something, a place name seldom does
_CLAUSE_MARKS = re.compile(r"[，。！？；,!?;]")
# a number, as a building is asked for ('10号楼', '三号楼', 'Building 12')
_A_NUMBER = re.compile(r"\d|[零一二两三四五六七八九十]+(?:号|栋|幢)")


def says_a_matter_alone(text: str, guess: AddressGuess) -> bool:
    """Words that name no building read as the matter itself ('灯坏了，老人打电话来说的', 'the
    light is out, she phoned'), not an address mistyped ('10号楼', '幸福花园', 'Building 12')
    nor a person ('王奶奶'): no number (a building asked for), and a sentence's worth of words
    beside the community named, if any."""
    if guess.building is not None or _A_NUMBER.search(text):
        return False
    rest = _normal(text)
    if guess.community is not None and (at := _find(rest, _community_forms(guess.community))):
        rest = rest[: at[0]] + rest[at[1] :]
    words = _HOME_REST.sub("", _NEAR_WORDS.sub("", rest))
    if _PERSON_TITLE.search(words) and len(words) <= 5:
        return False
    if len(words) >= 5 or (len(words) >= 3 and _CLAUSE_MARKS.search(text)):
        return True
    latin = re.findall(r"[a-z]+", unicodedata.normalize("NFKC", text).lower())
    return len([w for w in latin if w not in _HOME_WORDS]) >= 3


# what says a matter, not a place's name: something wrong or wanted, a sentence's particles
_MATTER_SIGNS = re.compile(
    r"坏|漏|堵|修|不|没|吵|噪|臭|停|断|掉|裂|塌|脏|乱|响|冒|积|堆|占|倒|请|帮|要|想|希望|投诉|"
    r"反映|问题|麻烦|求助|需要|怎么|了|吗|呢|说|打电话"
)
_LATIN_MATTER_SIGNS = frozenset(
    [
        "broken",
        "break",
        "leak",
        "leaking",
        "leaks",
        "noise",
        "noisy",
        "not",
        "no",
        "help",
        "please",
        "fix",
        "repair",
        "out",
        "blocked",
        "smell",
        "smells",
        "dirty",
        "need",
        "needs",
        "want",
        "wants",
        "phoned",
        "called",
        "says",
        "said",
        "stuck",
    ]
)


def is_clearly_a_matter(text: str) -> bool:
    """Words that say a matter (says_a_matter_alone) and cannot be a place's name mistyped:
    something wrong or wanted ('水管漏水了', 'the lift is broken'), or a sentence. Not
    '杨光社曲东苑' or 'Sunshin Gardens Estate', a community or estate misspelt, which staff
    are asked about rather than have it kept as what the resident reported."""
    if _CLAUSE_MARKS.search(text) or _MATTER_SIGNS.search(text):
        return True
    latin = re.findall(r"[a-z]+", unicodedata.normalize("NFKC", text).lower())
    return any(w in _LATIN_MATTER_SIGNS for w in latin)


# the English words that may stand around an address said as a home ('I live at …, room 302')
_HOME_WORDS = frozenset(
    [
        "i",
        "we",
        "live",
        "at",
        "in",
        "my",
        "our",
        "address",
        "is",
        "the",
        "of",
        "no",
        "number",
        "room",
        "flat",
        "apt",
        "apartment",
        "unit",
        "building",
        "bldg",
        "block",
        "blk",
        "floor",
        "community",
    ]
)


def _only_home_words(text: str, community: Community) -> bool:
    """The English words of a text are those of an address (and of the community's English
    name): 'I live in Sunshine Community, Building 2, room 302', not '… and the lift is
    broken' (its letters pass _HOME_REST, which reads the text without spaces)."""
    own = set(re.findall(r"[a-z]+", (community.name_en or "").lower()))
    words = re.findall(r"[a-z]+", unicodedata.normalize("NFKC", text).lower())
    return all(w in _HOME_WORDS or w in own for w in words)


@dataclass(frozen=True)
class NamedPlace:
    """Where a matter is, read from its description, when that is not the resident's home."""

    building_id: int
    grid_id: int
    name: str
    home: str | None  # the resident's own building, as the preview offers it back


# what marks a building in a description: '3号楼', '3栋', '3幢', '3座', '阳光苑3号院' …
_PLACE_MARK = re.compile(r"号楼|栋|幢|座|号院")
# the words estates are named with ('幸福里花园小区', '东苑', '梅林新村', '幸福里'): a text with
# none of them (and no building's mark) names no building, and costs no query. '里' ends an
# estate's name ('幸福里', '和平里') but is in most sentences as 'in' ('家里', '这里', '楼道里',
# '柜子里', '里面'): it counts only after a word that is no room, container, place or pronoun
# (the building's name still has to be found whole in the words: '里' alone matches nothing)
_IN_WORD_BEFORE_LI = (
    "家这那哪屋楼院心手眼嘴脑肚头梦夜日月年话信群网梯室房厅厨厕所间台库道管箱柜桶袋盒包"
    "瓶罐锅碗盆缸池井沟洞坑缝槽子车店厂区村镇城乡县市省国街巷田山水土窗门墙被窝公千万英"
    "海湖河林园场馆校班课机天位地会"
)
_ESTATE_WORD = re.compile(
    rf"小区|花园|家园|新村|公寓|大厦|公馆|[苑园村坊府湾庭阁]"
    rf"|(?<=[\u4e00-\u9fff])(?<![{_IN_WORD_BEFORE_LI}])里(?![面边头外])"
)


def may_name_estate(text: str) -> bool:
    """Whether the words have an estate's word or a building's mark at all (else no building
    can be named in them, and none is looked up): '幸福里的路灯坏了' yes, '家里漏水' no."""
    plain = _normal(text)
    return _PLACE_MARK.search(plain) is not None or _ESTATE_WORD.search(plain) is not None


def _place_forms(name: str) -> list[str]:
    """A building named as where something is: '3号楼' also '3栋', '3幢', '3座' — not '3号',
    which in a description is as often a day of the month ('上个月3号开始漏水'); an estate's
    whole name ('幸福里花园小区') also without its '小区'."""
    plain = _normal(name)
    match = _BUILDING_NO.match(plain)
    if match is None:
        bare = plain.removesuffix("小区")
        return [plain, bare] if bare != plain and len(bare) >= 3 else [plain]
    return [match.group(1) + suffix for suffix in ("号楼", "栋", "幢", "座")]


async def named_place(
    session: AsyncSession, text: str, *, community_id: int, home_building_id: int | None
) -> NamedPlace | None:
    """The one building of the community the text names ('3号楼楼道灯坏了', '三栋门口…') when
    it is not the resident's own; None when it names none, more than one (a matter between two
    buildings, or 'my building and the one opposite'), only the resident's own, or a building
    the community does not have. A building named without a mark ('幸福里花园小区', an estate)
    is read by its whole name (before, it was not found, and its '花园' read as a garden)."""
    plain = _normal(text)
    if not plain:
        return None
    marked = _PLACE_MARK.search(plain) is not None
    if not may_name_estate(plain):
        return None  # neither a building's mark nor an estate's word: no query
    stmt = select(Building).where(col(Building.community_id) == community_id)
    buildings = list((await session.exec(stmt)).all())
    named = [
        b
        for b in buildings
        if (marked or _BUILDING_NO.match(_normal(b.name)) is None)
        and _find(plain, _place_forms(b.name)) is not None
    ]
    if len(named) != 1 or named[0].id is None or named[0].id == home_building_id:
        return None
    place, place_id = named[0], named[0].id
    home = next((b.name for b in buildings if b.id == home_building_id), None)
    return NamedPlace(building_id=place_id, grid_id=place.grid_id, name=place.name, home=home)


# words that put a matter in a public area of the community, read only when nothing says it is
# indoors or in a building: a gate of the community ('东门外', '小区门口'; not '西门子'), a road,
# a square, a garden, a car park …
_PUBLIC_PLACE = re.compile(
    r"小区(?:[东南西北]|正|后|侧)?(?:大|小|侧)?门(?:口|外|前|旁边?)?"
    r"|(?<![我你他她家户楼])[东南西北](?:大|小|侧)?门(?![子诊])(?:口|外|前|旁边?)?"
    r"|马路|人行道|停车场|停车位|地下车库|车库|花园|广场|绿化带|草坪|健身器材|篮球场|"
    r"球场|游乐场|滑梯|凉亭|围墙|垃圾站|垃圾房|主干道|小区里的路|路面"
)
# the same words wherever they stand (the look-behind left out): a text without any cannot name
# a public area, whatever is read past in it (`may_name_public_place`)
_PUBLIC_WORDS = re.compile(_PUBLIC_PLACE.pattern.replace("(?<![我你他她家户楼])", "", 1))
# words that say the matter is at home or in a building: no public area is suggested then
_INDOORS = re.compile(
    r"我家|家里|屋里|室内|房间|厨房|卫生间|厕所|洗手间|阳台|客厅|卧室|楼道|楼梯|电梯|单元|"
    r"楼上|楼下|隔壁|邻居家|天花板|墙面|水管|马桶|下水道|门锁|窗户"
)


def may_name_public_place(text: str) -> bool:
    """False when `public_place` is None for this text whatever `names` it reads past: the text
    has no word of a public place at all (reading a name past only takes words out, or lets a
    word follow what stood before it), so the names need not be looked up."""
    return _PUBLIC_WORDS.search(_normal(text)) is not None


def public_place(text: str, *, names: tuple[str, ...] = ()) -> str | None:
    """The words of a description that put the matter in a public area of the community
    ('小区东门外马路上有个大坑' → '东门外马路'), or None when they do not or it is not sure:
    a word of home or a building ('楼道', '我家', '电梯') anywhere, or none of a public place.
    `names`: the community's own name and the like, read past ('阳光花园' is no garden).
    Adjacent words are taken together (at most one character between)."""
    plain = _normal(text)
    for name in sorted(names, key=len, reverse=True):  # '幸福里花园小区' before '幸福里花园'
        if name:
            plain = plain.replace(_normal(name), " ")
    if not plain or _INDOORS.search(plain) is not None:
        return None
    spans = [m.span() for m in _PUBLIC_PLACE.finditer(plain)]
    if not spans:
        return None
    start, end = spans[0]
    for s, e in spans[1:]:
        if s - end > 1:
            break
        end = e
    words = plain[start:end]
    if words.startswith("小区") and words[2:3] in tuple("东南西北正后侧"):
        words = words[2:]  # '东门外马路': the community goes without saying
    return words if len(words) <= 40 else None


async def public_place_in(
    session: AsyncSession, text: str, *, community_id: int | None
) -> str | None:
    """`public_place` in a community: its own name and its buildings' names read past, so an
    estate named '幸福里花园小区' is no garden ('花园')."""
    if community_id is None:
        return public_place(text)
    community = await session.get(Community, community_id)
    rows = await session.exec(
        select(Building.name).where(col(Building.community_id) == community_id)
    )
    names = [community.name] if community is not None else []
    names += [name for name in rows.all() if _BUILDING_NO.match(_normal(name)) is None]
    return public_place(text, names=tuple(names))
