"""Small talk: what people type to a bot as they would to a person at the community office.

Older residents greet before they speak ("在吗？", "您好"), thank ("谢谢你们啦！"),
acknowledge ("好的", "收到") and ask how it works ("怎么用"). None of that is a matter to file,
and "没有看懂您的意思" is the wrong answer to it. `classify` says which kind a message is when the
whole message is small talk (words of these kinds and fillers such as 啊/呀/您/大家/社区,
punctuation and emoji); anything with other words in it ("谢谢，楼道灯还是不亮") is not small
talk, so it can still be filed.

They also ask how to do one thing with the bot ("怎么投票", "在哪里报名参加议事会", "积分怎么算",
"how do I vote"). `how_to` says which feature (`Topic`) such a question is about, and whether it
was asked how or the feature named bare ("投票", "我要撤回"); `how_to_answer` which text answers a
question for this person (registered or not, a member or not), and `opens` which feature a bare
name opens for them, as tapping its button would. One feature, a question word or none, and
nothing but fillers: "水管坏了怎么办" and "楼道灯不亮怎么报修啊 已经三天了" say more than that, so
they stay matters to file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from models import Role
from models.consultations import RsvpAnswer
from services.triage.text import normalize, to_simplified

if TYPE_CHECKING:
    from services.triage.english import EnglishLexicon


class Kind(StrEnum):
    GREETING = "greeting"  # 你好 / 在吗
    THANKS = "thanks"  # 谢谢 / 辛苦了
    ACK = "ack"  # 好的 / 收到
    BYE = "bye"  # 再见
    HELP = "help"  # 怎么用 / 字太小了 / 太复杂了
    WHO = "who"  # 你是谁 / 你是机器人吗: the bot says what it is (not a person)
    PROGRESS = "progress"  # 我反映的事怎么样了
    CALL_ME = "call_me"  # 打个电话给我 / 我不会打字: ways without typing, 📞 请社区回电
    MENU = "menu"  # 主菜单 / 返回: the main menu
    LEAD_IN = "lead-in"  # 我想问一下 / 有个事: the matter comes next
    UNDO = "undo"  # 点错了 / 不要了 / 算了: nothing to do, and no matter to file
    CHAT = "chat"  # 今天天气怎么样 / 吃了吗 / 讲个笑话: a chat, answered kindly, no matter to file


# the phrases of each kind, "|"-separated (lowercase; Latin ones match as whole words)
_PHRASES: dict[Kind, str] = {
    Kind.GREETING: "你好|您好|你们好|大家好|早上好|上午好|中午好|下午好|晚上好|早安|早|在吗|"
    "在不在|有人吗|有人在吗|在么|嗨|哈喽|哈罗|喂|hello|hi|hey|good morning|"
    "good afternoon|good evening|how are you|anyone there|is anyone there|are you there|"
    "anyone|anybody|anyone here|anybody here|anybody there|someone there|is someone there|"
    "you there|still there|you still there|are you still there|"
    # a newcomer saying hello: the greeting's answer is the menu (in a group, the private chat)
    "我是新来的|新来的|我刚搬来|刚搬来|刚搬来的|我刚搬来的|初来乍到|请多关照|多多关照|"
    "i m new here|i am new here|new here|i just moved in",
    Kind.THANKS: "谢谢|多谢|感谢|谢了|谢啦|辛苦了|辛苦|也辛苦了|辛苦啦|大家辛苦了|麻烦了|"
    "麻烦你们了|劳驾|thanks|thank you|"
    "thx|many thanks|cheers|thanks a lot|much appreciated|thank you for your help|"
    "thanks for your help|thanks for the help|thank you for helping",
    Kind.ACK: "好的|好滴|好哒|好嘞|好|嗯嗯|嗯|哦哦|哦|噢|知道了|晓得了|收到|明白了|明白|懂了|行|"
    "可以|没问题|是的|是啊|对|对的|对对|没错|要的|"
    "哈哈|呵呵|呃|额|ok|okay|got it|sure|fine|hmm|hm|um|umm|good|great|perfect|"
    "alright|all right|cool|nice|no problem|no worries",
    Kind.BYE: "再见|拜拜|回头见|晚安|bye|goodbye|see you|good night|goodnight|bye bye",
    Kind.HELP: "怎么用|怎么弄|怎么操作|怎么办理|不会用|不会弄|看不懂|帮助|菜单|功能|help|menu|"
    "how does this work|what can you do|"
    # finding it hard: the help (big buttons, the office's phone) is the answer
    "字太小|看不清|太复杂|复杂|太难|好难|难用|不好用|搞不懂|弄不懂|不懂|不明白|教教我|教我|"
    "你能干什么|你能做什么|能做什么|能干什么|有什么功能|有什么用|干什么用的|"
    "too complicated|too hard|i don t understand|i dont understand|confusing|help me|"
    "what is this|what s this|i m lost|i am lost|"
    "i need help|need help|can you help|can you help me|how do i use this|how does it work",
    # typing is hard for them: a voice note, the office's phone, or a call back
    Kind.CALL_ME: "能不能打个电话给我|能不能给我打电话|能不能给我打个电话|可以打个电话给我吗|"
    "能打个电话给我吗|能给我打个电话吗|请给我回个电话|请给我回电话|请给我打个电话|请打电话给我|"
    "麻烦打个电话给我|麻烦给我打个电话|麻烦给我回个电话|打个电话给我|打电话给我|给我打电话|给我打个电话|给我回电话|给我回个电话|回个电话|"
    "回电话|能打电话吗|能不能打电话|能不能打个电话|可以打电话吗|打电话说|电话里说|电话联系我|"
    "我不会打字|不会打字|打字太慢|打字慢|打不了字|打字不方便|不方便打字|不认字|不识字|"
    "眼睛不好|眼神不好|眼睛看不清|眼花|老花眼|看不见|看不清字|字看不清|看不清楚字|"
    "call me|please call me|can you call me|call me back|can someone call me|i can t type|"
    "i cannot type|i can t see well|typing is hard",
    Kind.WHO: "你是谁|您是谁|你是哪位|您是哪位|你是机器人吗|你是机器人|是机器人吗|机器人吗|"
    "机器人|你是真人吗|是真人吗|真人吗|你是人吗|是人吗|你是什么|你叫什么|你叫什么名字|"
    "who are you|are you a bot|are you a robot|are you human|are you a person|"
    "are you real|is this a bot",
    Kind.MENU: "主菜单|回主菜单|回到主菜单|返回主菜单|返回菜单|返回|回去|首页|开始|main menu|home|"
    "go back|back to menu",
    Kind.LEAD_IN: "请问|我想问一下|想问一下|问一下|请问一下|我想问个事|想问个事|问个事|我想问|"
    "想问|"
    "我有个问题|有个问题|我有个事|有个事|我有件事|有件事|有点事|有个事情|有件事情|我想咨询一下|"
    "想咨询一下|咨询一下|我想咨询|想咨询|咨询个事|我想说个事|想说个事|说个事|跟你说个事|"
    "跟你们说个事|有事想请教|请教一下|想请教一下|can i ask something|i have a question|"
    "quick question|a question",
    Kind.UNDO: "点错了|按错了|点错|按错|弄错了|搞错了|发错了|发错|不小心|不小心点的|点错地方|"
    "算了|不报了|不用报了|不用了|不要了|不需要了|没事了|不弄了|"
    "wrong button|by mistake|my mistake|never mind|nevermind|forget it",
    Kind.CHAT: "今天天气怎么样|天气怎么样|今天天气如何|明天天气怎么样|明天会下雨吗|今天会下雨吗|"
    "今天天气真好|今天天气不错|天气真好|天气不错|吃了吗|吃饭了吗|你吃饭了吗|你吃了吗|在干嘛|"
    "你在干嘛|干嘛呢|在干什么|你在干什么|好无聊|无聊|陪我聊聊|陪我聊天|聊聊天|聊聊|聊天|"
    "讲个笑话|给我讲个笑话|说个笑话|你几岁了|你几岁|你多大了|你真好|你真聪明|你好可爱|"
    "how is the weather|what s the weather like|what s the weather|is it going to rain|"
    "tell me a joke|let s chat|i m bored|i am bored|how old are you",
    Kind.PROGRESS: "怎么样了|进度|进展|办得怎么样|办好了吗|办了吗|办了没|处理了吗|处理了没|"
    "处理得怎么样|到哪一步了|到哪一步|到哪了|怎么样啦|咋样了|怎样了|修好了吗|修好了没|修好了没有|"
    "弄好了吗|弄好了没|解决了吗|解决了没|解决了没有|有人管吗|有结果了吗|有结果吗|什么时候来|什么时候修|还没人来|还没有人来|"
    "我的诉求|反映的事|反映的问题|报的事|报修的事|说的事|说的事情|讲的事|反映的事情|报的事情|"
    # nobody seen yet: their requests' state answers who has it
    "没人管|怎么没人管|没有人管|没人理|怎么没人理|没人理我|没人回|没人回复|怎么没人回|没消息|"
    "怎么没消息|没动静|怎么没动静|有消息吗|my request|my requests|status|progress|"
    # asked after with 呢 ('我家的事呢', '楼道灯的事呢'), or no word back yet
    "事呢|事情呢|我的事|我的事情|我家的事|我家的事情|我那事|我家那事|我报的|没下文|怎么没下文|有下文吗|有回音吗|没回音|"
    # when someone comes, and hurrying it along: their requests' state answers (催办 is there)
    "什么时候来人修|什么时候来人修理|什么时候派人|什么时候派人来|什么时候上门|什么时候有人来|"
    "啥时候来|啥时候来修|啥时候来人|啥时候来人修|啥时候修|啥时候能修好|啥时候能好|啥时候上门|"
    "几时来|几时来修|几点来|几点来人|哪天来|哪天来修|哪天能来|今天能来吗|今天来吗|明天能来吗|"
    "什么时候来修|什么时候来人|什么时候能修|什么时候能修好|什么时候能好|什么时候处理|"
    "什么时候能处理|什么时候办|多久能修好|多久能好|多久能处理|要等多久|还要等多久|等多久|"
    "怎么还没来|怎么还没人来|怎么还没修|怎么还没处理|怎么还没好|还没修|还没处理|还没修好|"
    "能不能快点|能快点吗|可以快点吗|快点来|快点|快一点|快些|尽快|赶紧|抓紧|等了好久|等好久|"
    "when will you come|when will it be fixed|how long|any news|any update|hurry up|hurry|"
    "when will someone come|when is someone coming|is anyone coming|any progress",
}
# asked whether it was done, as people ask it ('修了没有', '有人管没', '处理了么'): each doing
# with each way of asking, not only the few written above
_DONE_VERBS = "修|修好|弄|弄好|处理|处理好|办|办好|解决|搞|搞好|管|来|来人|派人|上门|安排"
_DONE_ASKED = "了吗|了没|了没有|了么|了嘛|了不|没有|没"
_SOMEONE = "有人管|有人来|有人修|有人处理|有人弄|有人看|有人办|来人"
_SOMEONE_ASKED = "吗|么|没|没有|不|了吗|了没|了没有"
_PHRASES[Kind.PROGRESS] += "".join(
    f"|{verb}{asked}"
    for verbs, asks in ((_DONE_VERBS, _DONE_ASKED), (_SOMEONE, _SOMEONE_ASKED))
    for verb in verbs.split("|")
    for asked in asks.split("|")
)
# words around small talk that do not make it a matter
_FILLERS = (
    "你们|你|您|大家|社区|工作人员|同志|老师|师傅|领导|小伙子|姑娘|非常|十分|太|真|很|多|一下|下|了|"
    "啊|呀|啦|哈|呢|吧|哟|喔|嘛|的|我|那|这个|那个|是|都|so|much|very|a|lot|you|all|guys|"
    "there|please|上次|之前|前几天|昨天|前天|事情|事|问题|帮我|看看|查|查一下|what|is|the|of|about|"
    "麻烦|刚才|刚刚"
)
MAX_CHARS = 40  # longer messages say something more than small talk
_T = TypeVar("_T")


def _tokens(words: dict[_T, str], fillers: str) -> list[tuple[str, _T | None]]:
    """The words of each meaning ("|"-separated) and the fillers, longest first: the order
    `_read` tries them in (Latin tokens must be whole words; CJK ones match where they start)."""
    return sorted(
        [(w, meaning) for meaning, ws in words.items() for w in ws.split("|")]
        + [(w, None) for w in fillers.split("|")],
        key=lambda wt: -len(wt[0]),
    )


_TOKENS: list[tuple[str, Kind | None]] = _tokens(_PHRASES, _FILLERS)


def _clean(text: str) -> str:
    """Lowercase, with punctuation, symbols (emoji) and spaces between CJK words dropped; Latin
    words keep one space between them. Full-width letters and digits ('ＯＫ', as some phones
    type them) read as their ASCII selves."""
    kept = []
    for ch in unicodedata.normalize("NFKC", text).lower():
        cat = unicodedata.category(ch)
        if cat[0] in "PSCZ" or ch in "\ufe0f\u200d":
            kept.append(" ")
        else:
            kept.append(ch)
    said = re.sub(r"\s+", " ", "".join(kept)).strip()
    return re.sub(r"(?<![a-z0-9])[a-z]+(?![a-z0-9])", _spelled_out, said)


# chat shorthand, as people type on a phone ('who r u', 'thx', 'pls'): read as the words
_SHORTHAND = {
    "u": "you",
    "r": "are",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "thnx": "thanks",
    "tnx": "thanks",
    "ty": "thank you",
    "k": "ok",
    "kk": "ok",
    "okey": "okay",
    "im": "i m",
    "wat": "what",
    "wut": "what",
    "cya": "see you",
}


def _spelled_out(word: re.Match[str]) -> str:
    return _SHORTHAND.get(word.group(0), word.group(0))


# a message of emoji alone, as many older phones' users answer ('👍', '🙏🙏', '👌😊'): what it
# says; any other emoji in it leaves it unread, as a word that is not small talk would
_EMOJI: dict[str, Kind | None] = {
    "👍": Kind.ACK,
    "👌": Kind.ACK,
    "✅": Kind.ACK,
    "🆗": Kind.ACK,
    "😊": Kind.ACK,
    "🙂": Kind.ACK,
    "😀": Kind.ACK,
    "😄": Kind.ACK,
    "😁": Kind.ACK,
    "🙏": Kind.THANKS,
    "🤝": Kind.THANKS,
    "👏": Kind.THANKS,
    "💐": Kind.THANKS,
    "🌹": Kind.THANKS,
    "❤": Kind.THANKS,
    "👋": Kind.GREETING,
    # skin tones, the emoji presentation selector and joiners: part of the emoji before them
    **{chr(c): None for c in range(0x1F3FB, 0x1F400)},
    "\ufe0f": None,
    "\u200d": None,
}


def _emoji_kind(text: str) -> Kind | None:
    """The small talk a message of known emoji alone says (the strongest of them), or None."""
    chars = [ch for ch in text if not ch.isspace()]
    if not chars or not all(ch in _EMOJI for ch in chars):
        return None
    kinds = [kind for ch in chars if (kind := _EMOJI[ch]) is not None]
    for kind in (Kind.THANKS, Kind.GREETING, Kind.ACK):
        if kind in kinds:
            return kind
    return None


class Mood(StrEnum):
    """What a message of emoji alone that small talk does not read says (`emoji_mood`)."""

    SAD = "sad"  # '😭' / '😢': someone upset, maybe in trouble: asked what happened
    ALARM = "alarm"  # '🔥' / '🆘' / '🚑': maybe danger: what happened, and the numbers to call
    OTHER = "other"  # '🌸', '😂', '🐶': a friendly short answer, not '没有看懂'


# tears and frowns: an older resident sending these alone may be in trouble
_SAD_EMOJI = frozenset("😭😢😿😞😔😟🙁☹😣😖😫😩🥺💔😥😰😓😪🤕🤒😷")
# fire, water, help, an ambulance: not to be answered with a smile
_ALARM_EMOJI = frozenset("🔥🆘🚨🚒🚑🚓💥⚡🌊💧🩸😱🤮⚠")


def _is_emoji(ch: str) -> bool:
    """A pictograph, or a part of one (skin tone, presentation selector, joiner)."""
    code = ord(ch)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or ch in "\ufe0f\u200d\u2764\u2763"
    )


def emoji_mood(text: str | None) -> Mood | None:
    """A message of emoji alone that `classify` does not read ('👍' is an ack, '🙏' thanks):
    ALARM when any of them may mean danger ('🔥', '🆘'), SAD when any is tears or a frown
    ('😭', '😢😢'), else OTHER; None for anything with a word, a digit or a mark in it."""
    chars = [ch for ch in (text or "") if not ch.isspace()]
    if not chars or len(chars) > MAX_CHARS or not all(_is_emoji(ch) for ch in chars):
        return None
    if _emoji_kind("".join(chars)) is not None:
        return None
    if any(ch in _ALARM_EMOJI for ch in chars):
        return Mood.ALARM
    return Mood.SAD if any(ch in _SAD_EMOJI for ch in chars) else Mood.OTHER


def classify(text: str | None) -> Kind | None:
    """The kind of small talk this whole message is, or None (it says something else).

    A message mixing kinds is read by the strongest: who it is, help, progress, menu, undo,
    then thanks, greeting, bye, a chat, ack ("好的，谢谢" thanks; "你好，我上次反映的事怎么样了"
    asks for progress; "你好，你是机器人吗" who it is). Known emoji alone are read too ('👍'
    ack, '🙏' thanks, '👋' a greeting).
    """
    if text and (kind := _emoji_kind(text)) is not None:
        return kind
    found = _read_whole(text, _TOKENS)
    if found is None:
        return None  # a word that is not small talk
    for kind in (
        Kind.WHO,
        Kind.CALL_ME,
        Kind.HELP,
        Kind.PROGRESS,
        Kind.MENU,
        Kind.UNDO,
        Kind.LEAD_IN,
        Kind.THANKS,
        Kind.GREETING,
        Kind.BYE,
        Kind.CHAT,
        Kind.ACK,
    ):
        if kind in found:
            return kind
    return None  # fillers alone ("那个…") are not small talk either


def _read_whole(text: str | None, tokens: list[tuple[str, _T | None]]) -> list[_T] | None:
    """`_read` of a whole short message (Traditional characters read as Simplified); None for
    an empty or long one."""
    if not text or len(text) > MAX_CHARS:
        return None
    rest = _clean(to_simplified(text))
    return _read(rest, tokens) if rest else None


def _read(rest: str, tokens: list[tuple[str, _T | None]]) -> list[_T] | None:
    """What the tokens (longest first) found in a cleaned message, in order (fillers, None, left
    out); None when a word is none of them."""
    found: list[_T] = []
    while rest:
        rest = rest.lstrip()
        if not rest:
            break
        for token, what in tokens:
            if not rest.startswith(token):
                continue
            after = rest[len(token) :]
            if token.isascii() and after and after[0].isascii() and after[0].isalnum():
                continue  # 'hi' in 'him'
            if what is not None:
                found.append(what)
            rest = after
            break
        else:
            return None
    return found


# ------------------------------------------------------------------ how do I … ?


class Topic(StrEnum):
    """A feature of the bot someone asks how to use (its answer: the text howto-<value>)."""

    VOTE = "vote"  # 投票
    MEETING = "meeting"  # 报名 / 参加 / 签到 议事会
    TOPIC = "topic"  # 提议题
    FILE = "file"  # 点单 / 反映 / 报修
    FOLLOW = "follow"  # 看进度 / 催一下
    WITHDRAW = "withdraw"  # 撤回诉求
    ADD_INFO = "add-info"  # 补充情况 / 补照片
    RATE = "rate"  # 评价
    POINTS = "points"  # 积分 / 服务时长
    CLAIM = "claim"  # 接单
    JOIN = "join"  # 党员/志愿者报到
    ADDRESS = "address"  # 登记 / 改住址
    PHONE = "phone"  # 改手机号
    QUIET = "quiet"  # 夜间免打扰
    FORGET = "forget"  # 删除我的信息
    LANGUAGE = "language"  # 换语言
    OFFICE = "office"  # 社区电话 / 社区在哪 / 办公时间: the community office itself


# the words of following a matter that hurry it along (催办), not only ask how it stands
_URGE_WORDS = "催|催一下|催一催|催催|催办|催促|urge|hurry|chase"
_URGE = re.compile("|".join(rf"\b{w}\b" if w.isascii() else w for w in _URGE_WORDS.split("|")))
# the words naming each feature, "|"-separated (lowercase; Latin ones match as whole words)
_TOPIC_WORDS: dict[Topic, str] = {
    Topic.VOTE: "投票|投个票|投一票|改票|表决|vote|voting|votes|poll|polls|ballot",
    Topic.MEETING: "参加议事会|参会|开会|签到|签到码|居民议事会|楼栋夜话|听证会|协调会|"
    "什么会|有会|开什么会|"
    "meeting|meetings|rsvp|check in|checkin|attend",
    Topic.TOPIC: "议题|提议题|提个议题|议题征集|附议|提建议|提议|topic|topics|propose|proposal|"
    "suggest a topic|agenda",
    Topic.FILE: "点单|我要点单|反映|反映问题|反应问题|报修|报事|报事情|报问题|提诉求|报给社区|"
    "投诉|求助|找社区帮忙|report|report a problem|complain|complaint",
    Topic.FOLLOW: "进度|进展|看进度|查进度|办到哪|办到哪了|办到哪一步|progress|status|follow up|"
    + _URGE_WORDS,
    Topic.ADD_INFO: "补充|补充一下|补充信息|补充情况|补充说明|补充材料|加照片|补照片|补发照片|"
    "再补充|add information|add more|add a photo|add photos|add more information|"
    "add more info|add info|add details|add more details|add a picture|send a photo",
    Topic.WITHDRAW: "撤回|撤销|撤诉|撤掉|撤|收回|取消诉求|取消我的诉求|删除诉求|删掉诉求|"
    "不想办了|withdraw|retract|take back|cancel my request|cancel a request",
    Topic.RATE: "评价|打分|评分|评星|好评|差评|回访|rate|rating|review|feedback",
    Topic.POINTS: "积分|积分榜|服务时长|时长|服务时间|时间银行|排行|排行榜|排名|"
    # the figure or the place asked as members say it: '我有多少分了', '这个月我排第几'
    "分|分数|得分|多少分|排第几|排第几名|排在第几|排在第几名|排名第几|第几名|排几名|名次|"
    # the orders done counted ('我这周接了几单', '这个月做了多少单')
    "接了几单|接了多少单|做了几单|做了多少单|完成了几单|完成几单|办了几单|办了多少单|"
    "几单|多少单|"
    "points|point|service hours|hours|leaderboard|ranking|rank|my rank|score|my score",
    Topic.CLAIM: "接单|接工单|接活|领单|抢单|可接工单|活|干活|有活|接个活|派活|任务|接任务|领任务|"
    "单子|接单子|需要帮忙的|可以帮忙的|能帮忙的|帮什么忙|能做什么|可以做什么|"
    "claim|claim an order|take an order|take orders|open orders|any work|any tasks|tasks",
    Topic.JOIN: "报到|双报到|党员报到|志愿者报到|当志愿者|做志愿者|成为志愿者|当义工|做义工|"
    "加入志愿者|注册志愿者",
    Topic.ADDRESS: "改地址|改住址|修改住址|修改地址|换地址|换住址|登记住址|登记地址|搬家|"
    "地址|住址|房号|address|move|moved|moving",
    Topic.PHONE: "改手机号|换手机号|改电话|换电话|手机号|手机号码|电话号码|电话|联系电话|"
    "phone|phone number|mobile",
    Topic.QUIET: "免打扰|勿扰|夜间免打扰|晚上别发|晚上不要发|夜里别发|夜里不要发|半夜别发|"
    "晚上|夜里|夜间|半夜|quiet|quiet hours|do not disturb|dnd|at night|night",
    Topic.FORGET: "删除信息|删除我的信息|删除个人信息|删除资料|删除我的资料|删掉信息|注销|销户|"
    "删号|删除账号|删除|删掉|delete|forget|erase|delete my data|delete my account",
    Topic.OFFICE: "社区地址|社区的地址|社区电话|社区的电话|社区电话号码|办公地址|服务中心|"
    "社区服务中心|居委会|办公时间|上班时间|上班|下班|开门|联系社区|联系你们|找社区|"
    "社区在|办公室|社区办公室|打电话|打个电话|联系方式|社区的人|找社区的人|找人|找个人|"
    "人工|转人工|人工服务|人工客服|客服|真人|找真人|"
    "office|office hours|opening hours|contact the community|contact you|a person|"
    "community office|community centre|community center|service centre|service center|"
    "a real person|a human|speak to someone|talk to someone|talk to a person|"
    "talk to a real person|speak to a person|speak to a real person|speak to a human|"
    "talk to a human|a real human|community phone|community phone number|"
    "phone number of the community|community s phone number|when are you open|"
    "opening times|open hours",
    Topic.LANGUAGE: "换语言|语言|切换语言|改语言|英文|英语|繁体|繁体字|简体|简体字|中文|"
    "language|languages|english|chinese|traditional|simplified",
}
# words that could be about several features: the feature is the one all the words of the
# question share ("志愿者怎么接单" claiming, "怎么当志愿者" signing up), the first when alone
_SHARED_WORDS: dict[str, tuple[Topic, ...]] = {
    "报名": (Topic.MEETING, Topic.JOIN),
    "参加": (Topic.MEETING, Topic.VOTE, Topic.JOIN),
    "议事会": (Topic.MEETING, Topic.TOPIC, Topic.VOTE),
    "议事": (Topic.MEETING, Topic.TOPIC, Topic.VOTE),
    "会议": (Topic.MEETING, Topic.TOPIC),
    "诉求": (Topic.FILE, Topic.FOLLOW, Topic.WITHDRAW, Topic.RATE),
    "我的诉求": (Topic.FOLLOW, Topic.WITHDRAW, Topic.RATE, Topic.FILE),
    "反映的事": (Topic.FOLLOW, Topic.WITHDRAW, Topic.RATE),
    "报的事": (Topic.FOLLOW, Topic.WITHDRAW, Topic.RATE),
    "我的事": (Topic.FOLLOW, Topic.WITHDRAW, Topic.RATE),
    "满意": (Topic.RATE,),
    "志愿者": (Topic.JOIN, Topic.CLAIM, Topic.POINTS),
    "党员": (Topic.JOIN, Topic.CLAIM, Topic.POINTS),
    "义工": (Topic.JOIN, Topic.CLAIM, Topic.POINTS),
    "工单": (Topic.CLAIM, Topic.POINTS),
    "登记": (Topic.ADDRESS, Topic.PHONE, Topic.JOIN, Topic.FILE),
    "注册": (Topic.ADDRESS, Topic.JOIN),
    "通知": (Topic.QUIET,),
    "request": (Topic.FILE, Topic.FOLLOW, Topic.WITHDRAW, Topic.RATE, Topic.ADD_INFO),
    "requests": (Topic.FOLLOW, Topic.WITHDRAW, Topic.RATE, Topic.FILE, Topic.ADD_INFO),
    "my request": (Topic.FOLLOW, Topic.WITHDRAW, Topic.RATE, Topic.FILE, Topic.ADD_INFO),
    "my requests": (Topic.FOLLOW, Topic.WITHDRAW, Topic.RATE, Topic.FILE, Topic.ADD_INFO),
    "sign up": (Topic.ADDRESS, Topic.MEETING, Topic.JOIN),
    "register": (Topic.ADDRESS, Topic.JOIN),
    "registration": (Topic.ADDRESS, Topic.JOIN),
    "join": (Topic.JOIN, Topic.MEETING),
    "cancel": (Topic.WITHDRAW, Topic.MEETING),
    "volunteer": (Topic.JOIN, Topic.CLAIM, Topic.POINTS),
    "volunteers": (Topic.JOIN, Topic.CLAIM, Topic.POINTS),
    "member": (Topic.JOIN, Topic.CLAIM, Topic.POINTS),
    "orders": (Topic.CLAIM, Topic.POINTS),
    "order": (Topic.CLAIM, Topic.POINTS),
    "file": (Topic.FILE,),
}
# asking how or where: any of these makes a question; 可以 / 能 only with 吗 ("可以撤回吗")
_QUESTION = (
    "怎么|怎样|怎么样才能|如何|咋|咋样|要怎么|该怎么|应该怎么|怎么才能|怎么用|怎么弄|怎么操作|"
    "怎么设置|怎么算|在哪|在哪里|在哪儿|哪里|哪儿|哪|哪个|能不能|可不可以|能否|"
    "how|where|how do i|how can i|how to|can i|could i|may i|where do i|where can i|what|"
    "what s|where s|how s"
)
# asking when or how many ("什么时候开会" asks what is on, "我的积分多少" the figure itself): a
# question, but not how to do it
_WHEN = (
    "什么时候|啥时候|几点|几号|哪天|哪一天|多少|有多少|是多少|几分|几个|when|what time|when s|"
    "how many|how much|"
    # what one's own figure is ('what is my rank', "what's my score"): the figure, not how
    "what is my|what s my|what are my|what was my"
)
_MAYBE = "可以|能|能够"
# words that look like a feature but ask about something else (the property company's phone
# is not ours to give)
_ELSEWHERE = "物业|物业电话|物业公司"
_ASKING = "吗|么|嘛"
_HOWTO_FILLERS = (
    # whom and how it is asked
    "请问|问一下|问下|问问|想问|想问一下|打听一下|你好|您好|你们好|在吗|老师|同志|师傅|社区|工作人员|"
    "帮我|帮忙|替我|给我|麻烦|麻烦你|请|"
    "我|我们|咱|咱们|俺|您|你|你们|自己|我家|家里|我的|"
    "想|想要|要|需要|得|该|应该|会|才|就|还|也|又|再|都|先|"
    "一下|下|呢|啊|呀|吧|哦|噢|哈|啦|了|的|地|是|在|到|从|跟|和|给|把|对|用|个|一个|次|"
    "这里|这儿|那里|这|那|这个|那个|什么|按钮|菜单|上面|上|里面|里|中|去|来|"
    "有|有没有|现在|今天|最近|这几天|这周|干|近期|接下来|下一个|下周|本周|这个月|下个月|明天|"
    "机器人|这个机器人|手机上|网上|线上|在线|直接|"
    # the doing itself, named loosely
    "查|看|查看|看看|找|改|修改|更改|变更|换|更换|设置|设|开|关|打开|关掉|关闭|开启|提|提交|"
    "发|发送|填|填写|写|弄|操作|办|办理|算|计算|攒|赚|挣|拿|得到|获得|成|成为|做|加入|"
    "进行|完成|申请|报|交|留|输入|别|不要|消息|信息|资料|事|事情|问题|一件事|"
    # English
    "i|me|my|we|our|you|your|do|does|can|could|would|should|will|to|a|an|the|in|on|at|for|"
    "of|with|here|there|this|that|it|bot|please|pls|hi|hello|is|are|be|get|set|see|check|"
    "find|change|update|make|use|turn|off|up|now|one|some|tell|know|want|need|am|about|"
    "notifications|notification|messages|problem|issue|matter|data|account|number|out|"
    "send|give|fill|submit|put|new|show|look|become|like|as|i d|id|don t|dont|do not|no|"
    "stop|any|more|have|has|next|upcoming|coming|latest|recent|soon|there s|there is|are there"
)
# what a word of a how-to question is: the features it may name, or a mark ("question" …)
_Reading = tuple[Topic, ...] | str


class _Shared(tuple[Topic, ...]):
    """The features a word shared by several may name (it alone names none: '通知')."""


class _SharedFirstAlone(_Shared):
    """A shared word that alone names its first feature ('register', '注册': registering an
    address; with '志愿者' beside it, signing up as a volunteer)."""


# shared words that alone name their first feature: "I want to register" is not a matter, "I
# want to volunteer" is signing up
_FIRST_ALONE = {"注册", "register", "registration", "volunteer"}


_HOWTO_TOKENS: list[tuple[str, _Reading | None]] = sorted(
    [(w, (topic,)) for topic, ws in _TOPIC_WORDS.items() for w in ws.split("|")]
    + [
        (w, _SharedFirstAlone(topics) if w in _FIRST_ALONE else _Shared(topics))
        for w, topics in _SHARED_WORDS.items()
    ]
    + [(w, "question") for w in _QUESTION.split("|")]
    + [(w, "when") for w in _WHEN.split("|")]
    + [(w, "maybe") for w in _MAYBE.split("|")]
    + [(w, "asking") for w in _ASKING.split("|")]
    + [(w, "elsewhere") for w in _ELSEWHERE.split("|")]
    + [(w, None) for w in _HOWTO_FILLERS.split("|")],
    key=lambda wt: -len(wt[0]),
)


@dataclass(frozen=True)
class Named:
    """A feature named in a short message, and whether it was asked how (a question word:
    "怎么投票", "可以撤回吗") or named bare, to be done ("投票", "我要撤回")."""

    topic: Topic
    asked: bool
    # asked with a word of how or where ("怎么", "在哪"), not only "…吗" ("今天有活吗")
    how: bool = False


def how_to(text: str | None) -> Named | None:
    """The feature a short question asks how to use ("怎么投票" VOTE, asked) or a short message
    names bare ("投票", "我要撤回": not asked), or None: no feature or two ("怎么投票和报名"),
    or other words in it (a matter asked about: "水管坏了怎么办", "楼道灯不亮怎么报修啊
    已经三天了")."""
    found: list[_Reading] | None = _read_whole(text, _HOWTO_TOKENS)
    if not found:
        return None
    marks = {f for f in found if isinstance(f, str)}
    # no question word: a feature named bare ("撤回", "我要撤回", "积分") — never a matter to
    # file — by a word of its own, not one several share ("发通知"); "可以" alone ("可以撤回")
    # still needs its 吗
    asked = bool(marks & {"question", "asking", "when"})
    own_word = any(
        isinstance(f, tuple) and (not isinstance(f, _Shared) or isinstance(f, _SharedFirstAlone))
        for f in found
    )
    if not asked and ("maybe" in marks or not own_word):
        return None
    if "elsewhere" in marks:
        return None
    named = [f for f in found if isinstance(f, tuple)]
    if not named:
        return None
    shared = set(named[0]).intersection(*named[1:])
    # the first word's first reading among those all the words share
    topic = next((topic for topic in named[0] if topic in shared), None)
    how = "question" in marks
    return Named(topic=topic, asked=asked, how=how) if topic is not None else None


@dataclass(frozen=True)
class HowTo:
    """The text answering a how-to question, and its arguments."""

    key: str
    args: dict[str, str] = field(default_factory=dict)


def how_to_answer(topic: Topic, *, registered: bool, roles: Collection[Role]) -> HowTo:
    """How to do it, as it is for this person: an address first where the feature needs one
    (voting, meetings, topics, filing), signing up as a member first for claiming and points."""
    return HowTo(
        key=f"howto-{topic.value}",
        args={
            "registered": "yes" if registered else "no",
            "member": "yes" if Role.MEMBER in roles else "no",
        },
    )


class Feature(StrEnum):
    """What a feature named bare opens: the main-menu button (or command) that does it."""

    NEW_REQUEST = "new-request"  # 📝 我要点单
    MY_REQUESTS = "my-requests"  # 📂 我的诉求: each request's 催一下 / 补充 / 撤回 / 评价
    CONSULT = "consult"  # 🗳 近期议事: meetings, polls, topics
    OPEN_ORDERS = "open-orders"  # 🛠 可接工单 (members)
    POINTS = "points"  # 🏅 我的积分 (members)
    JOIN = "join"  # 🙋 党员/志愿者报到 (not members yet)
    PROFILE = "profile"  # 👤 我的资料: address, phone
    QUIET = "quiet"  # 我的资料's night-time line alone, with its button
    LANGUAGE = "language"  # /lang


# the feature each topic opens; a topic not here (deleting one's data, the office) is answered
# how, as asked or not ("删除" alone is too little to delete anything on)
_OPENS: dict[Topic, Feature] = {
    Topic.FILE: Feature.NEW_REQUEST,
    Topic.FOLLOW: Feature.MY_REQUESTS,
    Topic.WITHDRAW: Feature.MY_REQUESTS,
    Topic.ADD_INFO: Feature.MY_REQUESTS,
    Topic.RATE: Feature.MY_REQUESTS,
    Topic.VOTE: Feature.CONSULT,
    Topic.MEETING: Feature.CONSULT,
    Topic.TOPIC: Feature.CONSULT,
    Topic.CLAIM: Feature.OPEN_ORDERS,
    Topic.POINTS: Feature.POINTS,
    Topic.JOIN: Feature.JOIN,
    Topic.ADDRESS: Feature.PROFILE,
    Topic.PHONE: Feature.PROFILE,
    Topic.QUIET: Feature.QUIET,
    Topic.LANGUAGE: Feature.LANGUAGE,
}


def opens(named: Named, *, registered: bool, roles: Collection[Role]) -> Feature | None:
    """The feature to open for someone who named it bare ("投票", "我的积分"), as its button
    would; None where how is the answer: a question ("怎么投票"), someone not registered yet
    (the answer says what comes first; signing up as a member needs no address), a feature
    not theirs (claiming and points before signing up as a member; signing up again once a
    member). Filing opens when asked how too ("怎么反映问题"): its first step says how."""
    feature = _OPENS.get(named.topic)
    member = Role.MEMBER in roles
    # a member's own features need no home address: many members serve a community they do
    # not live in (赵医生 asking '有什么活可以干吗' gets the orders, not how to find them)
    members_own = member and feature in (Feature.OPEN_ORDERS, Feature.POINTS)
    # nor does signing up as one: the sign-up asks which community they will serve ('我想当
    # 志愿者' from someone with no address here begins it, as its button does)
    signing_up = feature is Feature.JOIN and not member
    if feature is None or not (registered or members_own or signing_up):
        return None
    # "今天有活吗" asks for the open orders themselves, "什么时候开会" / "最近有投票吗" for the
    # meetings and polls on, "我的积分多少" for the points; "怎么接单" / "怎么投票" /
    # "积分怎么算" ask how
    lists_asked = not named.how and (
        feature in (Feature.OPEN_ORDERS, Feature.POINTS)
        or named.topic in (Topic.MEETING, Topic.VOTE)
    )
    if named.asked and feature is not Feature.NEW_REQUEST and not lists_asked:
        return None
    if feature in (Feature.OPEN_ORDERS, Feature.POINTS) and not member:
        return None
    if feature is Feature.JOIN and member:
        return None
    return feature


# ------------------------------------------------------------------ quiet hours and moving, said


class QuietWish(StrEnum):
    """What a short message about notices at night asks: quiet hours on ('晚上别给我发消息'),
    off ('夜里也通知我'), or the setting named, no way said ('免打扰')."""

    ON = "on"
    OFF = "off"
    SHOW = "show"


_QUIET_WORDS: dict[str, str] = {
    "night": "晚上|夜里|夜间|半夜|夜晚|深夜|夜里头|睡觉的时候|睡觉时|十点以后|10点以后|"
    "晚上十点以后|at night|during the night|overnight|nighttime|night time|nights|in the night",
    "not": "别|不要|不用|不想|勿|甭|莫|别再|不要再|不想要|don t|dont|do not|no|stop|never|not",
    "told": "发消息|发信息|发通知|发|通知|消息|信息|提醒|打扰|打搅|吵|吵醒|推送|联系|"
    "message|messages|messaging|notify|notifications|notification|notices|disturb|bother|"
    "text|texts|send|sending|wake|ping|contact",
    "too": "也|也要|照样|照常|照发|too|as well|also|still",
    "quiet": "免打扰|勿扰|夜间免打扰|夜间勿扰|quiet hours|quiet time|quiet mode|do not disturb|"
    "dnd",
    "on": "开|打开|开启|开开|设置|设|开通|turn on|switch on|enable|set|put on",
    "off": "关|关闭|关掉|取消|turn off|switch off|disable",
}
_QUIET_FILLERS = (
    "我|给我|给|我的|了|吧|啊|呀|哦|请|麻烦|都|的|时候|以后|之后|你们|您|你|就|再|一下|帮我|把|"
    "me|my|please|the|to|i|want|would|like|any|a|you|at|in|on|for|mode|it"
)
_QUIET_TOKENS: list[tuple[str, str | None]] = _tokens(_QUIET_WORDS, _QUIET_FILLERS)


def quiet_wish(text: str | None) -> QuietWish | None:
    """What a short message asks of notices at night, as a whole: quiet hours on ('晚上别给我
    发消息', '晚上不要打扰我', "don't message me at night", '开启免打扰'), off ('夜里也通知我',
    '关闭免打扰', 'notify me at night too'), or the setting named ('免打扰': shown); None when
    it says something else ('楼上晚上太吵了' is a matter) or no way at all ('晚上')."""
    found = _read_whole(text, _QUIET_TOKENS)
    if not found:
        return None
    said = set(found)
    if "quiet" in said:
        if "off" in said or "not" in said:
            return QuietWish.OFF
        return QuietWish.ON if "on" in said else QuietWish.SHOW
    if "night" not in said or "told" not in said:
        return None
    if "not" in said:
        return QuietWish.ON
    return QuietWish.OFF if "too" in said else QuietWish.SHOW


_MOVED = re.compile(
    r"(?:我|我们|我家|俺|俺家|咱家)?(?:家)?(?:已经|刚|刚刚|最近)?"
    r"(?:搬家了|搬家啦|搬家|搬了家|搬走了|搬了|搬到了|搬到|搬去了|搬去|搬进了|搬进|迁到了|迁到|"
    r"换了地址|换了住址|换地址|换住址|(?:地址|住址)(?:变了|换了|改了)|"
    r"(?:要|想|得)?(?:修改|更改|变更|改|换)(?:一下)?(?:地址|住址)|新地址是|新住址是|新家在|新家是)"
    r"(?P<rest>.*)",
)
_MOVED_EN = re.compile(
    r"(?:(?:i|we) (?:have |ve )?moved(?: house| home| flat)?(?: to)?|(?:my|our) new address is|"
    r"(?:i want to |i d like to |please )?change my address(?: to)?)(?P<rest>.*)"
)
# what may lead the new address once the move is said ('我搬家了，新地址是…')
_MOVED_LEAD = re.compile(r"^(?:新地址是|新住址是|新家在|现在住在|现在住|住在|住到|到|去|是|to|at)")
_MOVED_TAIL = "了啦啊呀吧哈。.!！~～ "
# the new address looks like one: a number, or a word of places (a community's name comes
# with 社区 or 小区)
_PLACE_WORD = re.compile(r"\d|社区|小区|号楼|楼|栋|幢|单元|室|building|room|block|flat")
# more than an address: the move is how a matter began ('我搬家的时候楼道弄脏了')
_NOT_PLACE = re.compile(r"的时候|时候|把|被|坏|脏|漏|吵|堵|没|不|吗|怎么|如何|[?？]|how")
MOVED_MAX_CHARS = 40
MOVED_MAX_LATIN = 80  # English says it in more letters


def moved_to(text: str | None) -> str | None:
    """A short message saying the resident moved or wants to change their address ('我搬家了',
    '我搬到3号楼了', '搬到阳光社区2号楼101', '改地址', 'I moved to building 3'): the new address
    said ('3号楼'; '' when none), to start the address change with; None for anything else
    (a question how, or a matter that began with a move)."""
    if not text:
        return None
    said = to_simplified(unicodedata.normalize("NFKC", text)).strip().lower()
    if len(said) > (MOVED_MAX_LATIN if said.isascii() else MOVED_MAX_CHARS):
        return None
    if said.isascii():
        found = _MOVED_EN.fullmatch(" ".join(_clean(said).split()))
    else:
        found = _MOVED.fullmatch(re.sub(r"\s+", "", said))
    if found is None:
        return None
    rest = found.group("rest").strip(" ，,：:;；。.!！")
    rest = _MOVED_LEAD.sub("", rest).strip(" ，,：:").rstrip(_MOVED_TAIL)
    if not rest:
        return ""
    if _NOT_PLACE.search(rest) or not _PLACE_WORD.search(rest):
        return None
    return rest


def matter_action(text: str | None) -> Topic | None:
    """What a resident's matter's card offers, named bare at the menu ('补充', '催一下',
    '撤回', '我要撤回'): ADD_INFO, FOLLOW (hurrying it along, 催一下; not '进度', which asks
    how it stands) or WITHDRAW; None for anything else, or asked how ('怎么撤回')."""
    named = how_to(text)
    if named is None or named.asked:
        return None
    if named.topic in (Topic.ADD_INFO, Topic.WITHDRAW):
        return named.topic
    said = _clean(to_simplified(text or ""))
    return Topic.FOLLOW if named.topic == Topic.FOLLOW and _URGE.search(said) else None


# ------------------------------------------------------------------ a rating typed


class Rating(StrEnum):
    """A score said in words where the rating buttons were meant ('满意', '还行', '不满意')."""

    SATISFIED = "satisfied"
    BASIC = "basic"
    UNSATISFIED = "unsatisfied"


_RATING_WORDS: dict[Rating, str] = {
    Rating.SATISFIED: "满意|很满意|非常满意|挺满意|十分满意|特别满意|满意的|好评|五星好评|"
    "点赞|给个赞|赞|satisfied|very satisfied|good job|great job|excellent|very good|"
    "well done|very happy|fantastic|wonderful",
    Rating.BASIC: "基本满意|还算满意|比较满意|还行|还可以|还好|一般|一般般|凑合|马马虎虎|过得去|"
    "ok ish|so so|so-so|okay-ish|fairly satisfied|not bad|average|it was ok|it s ok|"
    "mostly satisfied|could be better|more or less",
    Rating.UNSATISFIED: "不满意|不太满意|很不满意|非常不满意|不怎么满意|差评|不行|太差|很差|"
    "太差了|不好|不太好|不怎么好|unsatisfied|dissatisfied|not satisfied|bad|poor|terrible|"
    "awful|not happy|very bad|not good",
}
# the result said not to be there: under the rating question, as plain as 不满意
_NOT_FIXED_WORDS = (
    "没修好|没有修好|还没修好|没修|没弄好|没有弄好|还没弄好|没办好|没有办好|没解决|没有解决|"
    "还没解决|还是坏的|还是坏了|又坏了|还是不行|还是老样子|not fixed|still broken|"
    "not fixed yet|still not fixed|still not working|not working"
)
_RATING_WORDS[Rating.UNSATISFIED] += "|" + _NOT_FIXED_WORDS
# plainly pleased, though no 满意 is said ('挺好的', '不错'): the bare '好' stays an 'OK'
_RATING_WORDS[Rating.SATISFIED] += (
    "|挺好|很好|真好|蛮好|太好了|好极了|非常好|不错|挺不错|很不错|真不错|棒|很棒|真棒|太棒了"
)
# said around a score without changing it
_RATING_FILLERS = (
    "谢谢|谢谢你们|谢谢了|谢了|多谢|感谢|辛苦了|辛苦|我|我们|觉得|感觉|挺|很|非常|还|都|的|了|啊|"
    "呀|吧|哈|呢|嗯|是|这次|服务|办得|处理得|修得|结果|对|i|am|we|are|was|it|the|very|thanks|"
    "thank you|quite|really|is|so|也|又|但|但是|and|but|"
    # '给个好评', '打个差评': the score given
    "给|给个|打|打个|一个|给你们|给您"
)
_RATING_TOKENS: list[tuple[str, Rating | None]] = _tokens(_RATING_WORDS, _RATING_FILLERS)


def rating_of(text: str | None) -> Rating | None:
    """The score a short message gives as a whole ('满意，谢谢' satisfied, '挺好的' satisfied,
    '还行吧' basic, '不太满意' or '没修好' unsatisfied), or None: no score in it, two different
    ones, or other words (a complaint about the result is more than a score: '灯还是不亮，不满
    意')."""
    found = _read_whole(text, _RATING_TOKENS)
    if not found or len(set(found)) != 1:
        return None
    return found[0]


# where a score said first (or last) ends and the words about the service begin: a mark
# ('五星，师傅很好', '4 stars, quick and friendly'), else a space as well ('满意 师傅很好')
_CLAUSE_MARKS = re.compile(r"[，,。.!！；;～~]+")
_CLAUSE = re.compile(r"[，,。.!！；;～~\s]+")


def _score_and_rest(text: str | None, read: Callable[[str], _T | None]) -> tuple[_T, str] | None:
    """The score `read` finds in the first (or last) clause of a message alone, and the rest:
    its comment (at least two letters or characters). None when no end is a score alone."""
    if not text:
        return None
    said = text.strip()
    for clauses in (_CLAUSE_MARKS, _CLAUSE):
        parts = [p for p in clauses.split(said) if p.strip()]
        if len(parts) < 2:
            continue
        for score_part, rest in (
            (parts[0], said[said.index(parts[0]) + len(parts[0]) :]),
            (parts[-1], said[: said.rindex(parts[-1])]),
        ):
            score = read(score_part.strip())
            comment = rest.strip(" ，,。.!！；;～~")
            if score is not None and sum(ch.isalnum() for ch in comment) >= 2:
                return score, comment
    return None


def rating_and_comment(text: str | None) -> tuple[Rating, str] | None:
    """A score said with words about the service, in one message, as older residents answer
    the rating question: the score first or last, the rest its comment ('很满意，师傅很负责'
    → satisfied, '师傅很负责'; '师傅很负责，很满意'; '不满意，灯还是不亮' → unsatisfied, '灯还是
    不亮'). None when no clause at either end is a score alone, the rest is too short to be a
    comment, or the rest gives another score ('满意，不过不太满意')."""
    found = _score_and_rest(text, rating_of)
    if found is None:
        return None
    score, comment = found
    other = rating_of(comment)
    if (other is not None and other != score) or points_of(comment) is not None:
        return None  # '满意，打五分': the points are read back (points_and_comment)
    return score, comment


@dataclass(frozen=True)
class Points:
    """Stars or points given where the three scores were asked ('打五分', '五星', '给5分',
    '打一分', '5 stars', '打十分', '8分'): how many, out of how many, and the score they stand
    for. Out of five, as apps and shops ask: 4 or 5 satisfied, 3 basic, 0 to 2 unsatisfied.
    Out of ten (more than five points, or '9/10'), as a school mark: 8 to 10 satisfied, 5 to
    7 basic, 4 or fewer unsatisfied."""

    points: int
    stars: bool
    rating: Rating
    out_of: int = 5


_DIGITS = {
    **{"零": 0, "〇": 0, "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5},
    **{"六": 6, "七": 7, "八": 8, "九": 9, "十": 10},
}
_DIGITS_EN = {
    **{"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5},
    **{"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10},
}
_POINTS_ZH = re.compile(
    r"(?:我|我们)?(?:就|要|想)?(?:给|打|评)?(?:你们|您|师傅|他|他们|这次|个)?(?:打|给|评)?"
    r"(?:(?P<n>10|[0-9]|[零〇一二两三四五六七八九十])(?:颗|个)?(?P<unit>星|分)|(?P<full>满分))"
    r"(?:好评|吧|了|啊|呀|哦|的|哈|谢谢)*"
)
_POINTS_EN = re.compile(
    r"(?:i (?:d |ll |would |will )?)?(?:give |rate )?(?:it |you |them |this )?(?:a )?"
    r"(?P<n>10|[0-9]|zero|one|two|three|four|five|six|seven|eight|nine|ten) ?"
    r"(?:(?P<unit>stars?|points?)(?: out of (?P<of>5|five|10|ten))?"
    r"|(?:out of )?(?P<scale>5|five|10|ten))(?: thanks| thank you)?"
)


def points_of(text: str | None) -> Points | None:
    """The stars or points a short message gives as a whole ('打五分', '五星', '给5分',
    '三颗星', '满分', 'I'd give it 4 stars', '5/5'; out of ten: '打十分', '8分', '给9分',
    '9/10', '7 out of 10'), or None: no number of them, more stars than five, more than ten
    points, or other words."""
    if not text or len(text) > MAX_CHARS:
        return None
    said = _clean(to_simplified(text))
    plain = said.replace(" ", "") if not said.isascii() else said
    found = _POINTS_ZH.fullmatch(plain) or _POINTS_EN.fullmatch(said)
    if found is None:
        return None
    groups = found.groupdict()
    if groups.get("full"):
        return Points(points=5, stars=False, rating=Rating.SATISFIED)
    n = found.group("n")
    points = int(n) if n.isdigit() else {**_DIGITS, **_DIGITS_EN}[n]
    stars = (groups.get("unit") or "").startswith(("星", "star"))
    scale = groups.get("of") or groups.get("scale")
    out_of = (10 if scale in ("10", "ten") else 5) if scale else (10 if points > 5 else 5)
    if points > out_of or (stars and out_of != 5):
        return None  # '6 out of 5', 'eight stars': not a score read for sure
    satisfied, basic = (8, 5) if out_of == 10 else (4, 3)  # the lowest of each
    if points >= satisfied:
        rating = Rating.SATISFIED
    elif points >= basic:
        rating = Rating.BASIC
    else:
        rating = Rating.UNSATISFIED
    return Points(points=points, stars=stars, rating=rating, out_of=out_of)


def points_and_comment(text: str | None) -> tuple[Points, str] | None:
    """Stars or points said with words about the service ('五星，师傅很好', '4 stars, quick
    and friendly', '师傅很好，打十分'): the points and the words, their comment. None when no
    clause at either end is points alone, or the rest gives a score of its own that differs
    ('打一分，很满意': which is it?). The rest the same score alone ('五星，很满意'): no comment
    ('')."""
    found = _score_and_rest(text, points_of)
    if found is None:
        return None
    points, comment = found
    other = rating_of(comment)
    if (other is not None and other != points.rating) or points_of(comment) is not None:
        return None
    return points, "" if other is not None else comment


_NOT_FIXED_TOKENS: list[tuple[str, bool | None]] = _tokens(
    {True: _NOT_FIXED_WORDS}, _RATING_FILLERS
)


def says_not_fixed(text: str | None) -> bool:
    """'没修好', '还是坏的': a score only where a result awaits one (else it is a matter, or a
    question how it stands)."""
    return bool(_read_whole(text, _NOT_FIXED_TOKENS))


def rating_unclear(text: str | None) -> bool:
    """Said under the rating question, no score can be read from it for sure: an 'OK'
    ('好的', '嗯', '可以', 'ok') may answer the question or just say it was read; two scores at
    once ('满意也不满意') are both and neither."""
    found = _read_whole(text, _RATING_TOKENS)
    if found:
        return len(set(found)) > 1
    return classify(text) == Kind.ACK


# ------------------------------------------------------------------ an order taken in words

_TAKE_WORDS: dict[bool, str] = {
    True: "我来|我接|我去|我做|我修|我帮|我来做|我来修|我去修|我去做|我来帮|我去帮|我可以去|"
    "我可以做|我可以接|我能去|我能做|我能接|交给我|包在我身上|让我来|算我一个|我接单|我来接|我去接|"
    # the bare word as a busy worker types it on a phone (接了, 接, 接单了)
    "接|接单了|"
    "i will take it|i ll take it|i can do it|i can go|count me in|i m on it|im on it|"
    "i will do it|i ll do it|i can take it|leave it to me"
}
_TAKE_FILLERS = "这个|这|那个|单|单子|工单|活|活儿|任务|了|吧|啊|呀|的|好|好的|行|嗯|一下|吧|这次"
_TAKE_TOKENS: list[tuple[str, bool | None]] = _tokens(_TAKE_WORDS, _TAKE_FILLERS)


def offers_to_take(text: str | None) -> bool:
    """A short message offering to do the work ('我来接这个单', '这单我接了', '我去修', 'I'll take
    it'): from a member, 接单 said rather than tapped; nothing else in it."""
    return bool(_read_whole(text, _TAKE_TOKENS))


# ------------------------------------------------------------------ an order asked about


class OrderAsk(StrEnum):
    """What a member asks about an order in words: where it is, by when, how to reach the
    resident."""

    WHERE = "where"  # '这个单在哪', '他家住几楼'
    WHEN = "when"  # '几点之前要做完', '这单什么时候截止'
    CONTACT = "contact"  # '居民电话多少', '怎么联系他'


_ABOUT = "about"  # the order or its resident named ('这个单', '居民'), or the work ('做完')
_DUE = "due"  # by when, and of an order
_ORDER_ASK_WORDS: dict[OrderAsk | str, str] = {
    OrderAsk.WHERE: "在哪|在哪里|在哪儿|在什么地方|什么地方|哪里|哪儿|地址|地点|位置|哪栋|哪栋楼|"
    "哪个楼|哪一栋|几号楼|几栋|门牌|门牌号|房号|房间号|几楼|几零几|哪家|几单元|哪个单元|"
    "where|address|which building|which room|what room",
    OrderAsk.WHEN: "几点|什么时候|啥时候|几号|哪天|最晚|最迟|when|by when|what time",
    # words of an order's time limit alone: they name the order too ('什么时候截止', 'when is
    # it due')
    _DUE: "截止|截止时间|截至|时限|期限|deadline|due",
    OrderAsk.CONTACT: "电话|电话号码|手机|手机号|手机号码|号码|联系方式|联系电话|怎么联系|联系|"
    "phone|phone number|number|contact|call|reach",
    _ABOUT: "这个单|这单|单|单子|这个单子|工单|这个工单|这个活|活|活儿|任务|这个任务|居民|住户|"
    "业主|老人|老人家|阿姨|大爷|奶奶|爷爷|人家|他家|她家|他|她|对方|做完|办完|干完|弄完|完成|"
    "the order|this order|order|the job|this job|job|task|the resident|resident|they|them|"
    "their|him|her|his|finish|finished|done",
}
_ORDER_ASK_FILLERS = (
    "请问|问一下|想问|想问一下|我|要|得|需要|应该|在|是|多少|的|了|呢|啊|呀|吧|之前|以前|前|"
    "去|到|给|打|有|吗|么|这个|那个|住|家|最|好|可以|能|怎么|上门|过去|"
    "it|is|the|what|s|do|i|to|need|by|have|has|of|for|please|can|get|should|will|be|"
    "live|lives|does|at|how"
)
_ORDER_ASK_TOKENS: list[tuple[str, OrderAsk | str | None]] = _tokens(
    _ORDER_ASK_WORDS, _ORDER_ASK_FILLERS
)


def order_asked(text: str | None) -> OrderAsk | None:
    """What a short message asks about an order as a member says it ('这个单在哪' where,
    '几点之前要做完' by when, '居民电话多少' the resident's phone, "what's the resident's
    phone"), or None: not that alone, or no order, resident or work named in it ('电话多少' may
    be the office's; '在哪' anything)."""
    found = _read_whole(text, _ORDER_ASK_TOKENS)
    if not found or not {_ABOUT, _DUE} & set(found):
        return None
    asked = [OrderAsk.WHEN if f == _DUE else f for f in found if f != _ABOUT]
    return OrderAsk(asked[0]) if asked else None


# ------------------------------------------------------------------ a member away for a while

# asking not to be sent work for a while ('我这周出差，先别派给我', '暂停接单', "don't send me
# orders this week"): said anywhere in a short message
_PAUSE = re.compile(
    r"(?:别|不要|不用|甭)(?:再)?(?:给我|跟我)(?:派|发|推|通知)"
    r"|(?:别|不要|不用|甭)(?:再)?(?:派|发|推|通知)(?:单|工单|活|任务|消息|通知)?(?:给我|我)"
    r"|(?:暂停|停止|暂时不|先不|不再)(?:接单|接工单|接活|派单|派活|派工单)"
    r"|这(?:周|几天|段时间|个月)(?:不|没法|没空|接不了|不能)(?:接单|接活|接工单)"
    r"|\b(?:don ?t|do not|stop|no need to) send me\b|\bpause\b"
    r"|\bno (?:orders|tasks|jobs) for me\b"
    r"|\b(?:can ?t|cannot|won ?t) take (?:any )?(?:orders|tasks|jobs)\b"
)


def asks_pause(text: str | None) -> bool:
    """A member asking not to be sent work for a while ('我这周出差，先别派给我', '暂停接单', "I'm
    away this week, don't send me orders"), in a short message."""
    if not text or len(text) > 2 * MAX_CHARS:  # a reason may come with it
        return False
    said = to_simplified(unicodedata.normalize("NFKC", text)).lower().replace("'", " ")
    said = said.replace("’", " ")
    return bool(_PAUSE.search(said))


# ------------------------------------------------------------------ an optional step passed over

_SKIP_WORDS: dict[bool, str] = {
    True: "跳过|略过|跳过吧|不需要|不用|不必|没有|没|无|不设|不设置|不设了|不限|不填|不写|不留|"
    "不想留|不想填|不想写|暂不|暂时不|先不|先不填|先不写|免了|省了|空着|留空|不要|skip|none|no|nope|"
    "nothing|n/a|n a|na|not needed|no need|no thanks|pass|无所谓"
}
_SKIP_FILLERS = "了|吧|啊|呀|呢|哈|先|这个|这项|这一项|这一步|就|谢谢|thanks|it|this|for now"
_SKIP_TOKENS: list[tuple[str, bool | None]] = _tokens(_SKIP_WORDS, _SKIP_FILLERS)


def says_skip(text: str | None) -> bool:
    """Typed at an optional step, the words pass it over as 跳过 does ('不需要', '没有', '不用了',
    '先不填', '无', 'no', 'none', 'n/a'); nothing else in them."""
    if text is not None and text.strip() in ("-", "—", "/", "／", "无。"):
        return True
    return bool(_read_whole(text, _SKIP_TOKENS))


# ------------------------------------------------------------------ work reported done in words

_DONE_WORDS: dict[bool, str] = {
    True: "修好了|修好啦|修完了|弄好了|弄好啦|弄完了|搞定了|搞定|办好了|办完了|做完了|干完了|"
    "处理好了|处理完了|完成了|已完成|完工了|完事了|好了|结束了|done|finished|fixed|"
    "all done|job done|completed|it is done|it is fixed"
}
# said around "done" without changing it
_DONE_FILLERS = (
    "已经|都|我|我们|这边|那边|工单|活|活儿|事|事情|问题|东西|水管|灯|门|锁|的|了|啦|啊|呀|吧|哈|"
    "嗯|报告|汇报|社区|领导|师傅|老师|刚刚|刚才|刚|终于|总算|全部|全都|i|we|have|it|is|the|"
    "job|work|now|just|all|already|been|has"
)
_DONE_TOKENS: list[tuple[str, bool | None]] = _tokens(_DONE_WORDS, _DONE_FILLERS)


# the thing named, then the work done to it: '路灯换好了', '下水道已经疏通好了', '垃圾清理完了',
# 'the light is replaced', 'drain unblocked'
_DONE_THING = re.compile(
    r"^[\u4e00-\u9fff]{1,8}?(?:已经|都|也)?"
    r"(?:修理|维修|更换|安装|清理|打扫|疏通|处理|收拾|检查|调试|修|弄|搞|办|做|干|换|装|清|扫|通|"
    r"接|补|粘|贴|送|剪|刷|擦|调|整|拆|搬)(?:好|完)(?:了|啦)$"
    r"|^(?:the |my |our )?[a-z]+(?: [a-z]+){0,3}? (?:is |are |has been |have been |was )?"
    r"(?:fixed|repaired|replaced|cleaned|cleared|unblocked|installed|sorted|done|finished)"
    r"(?: now)?$"
)
# the work said in the past without 好/完: '换了新灯泡', '灯泡已经换了', '下水道疏通了', '已经修了'
_WORK_VERB = r"(?:更换|安装|维修|修理|清理|打扫|疏通|修|换|装|通|补)"
_DONE_PAST = re.compile(
    rf"^(?:已经|都|也)?{_WORK_VERB}(?:上|掉|过)?了[\u4e00-\u9fff]{{0,4}}$"
    rf"|^[\u4e00-\u9fff]{{1,6}}?(?:已经|都|也)?{_WORK_VERB}(?:上|掉|过)?了$"
)
# a thing done, yet not: '路灯没换好了', '水管修好了又漏了', 'is it fixed'
_NOT_DONE = re.compile(
    r"没|不|未|但|又|还|再|吗|么|呢|[?？]|\b(?:not|no|isn't|never|still|is it|it is not)\b"
)


def reports_done(text: str | None) -> bool:
    """A short message saying the work is done ('修好了', '已经弄好了', '搞定', 'done'), or
    that it was done to a thing named ('路灯换好了', '下水道疏通好了', 'the light is replaced',
    '换了新灯泡', '灯泡已经换了'),
    nothing else: from a member holding a claim it means 完成上报, typed instead of tapped.
    A matter said with it ('修好了但是又漏了') or a question ('路灯修好了吗') is more than that."""
    if not text or len(text) > MAX_CHARS:
        return False
    said = to_simplified(unicodedata.normalize("NFKC", text)).strip().lower()
    if _NOT_DONE.search(said):
        return False
    cleaned = _clean(said)
    return bool(
        _read_whole(said, _DONE_TOKENS) or _DONE_THING.match(cleaned) or _DONE_PAST.match(cleaned)
    )


# ------------------------------------------------------------------ work told done at length

# a clause saying the work is done, anywhere in a longer message: '陪吴大爷复查完了，已送回家',
# '水管已经修好了，换了一个新阀门', 'I fixed the tap, it works now'
_TOLD_DONE = re.compile(
    r"(?:修理|维修|更换|安装|清理|打扫|疏通|处理|收拾|检查|复查|调试|办理|陪同|"
    r"修|弄|搞|办|做|干|换|装|清|扫|通|补|送|剪|刷|擦|调|拆|搬|查|看|陪|理)(?:好|完)了"
    r"|已(?:经)?(?:修好|换好|弄好|办好|做好|处理好|完成|办完|送回|送到|送达|恢复|解决|修复|疏通|更换|安装)"
    r"|完成了|完工了|搞定了|解决了|恢复正常|✓"
    # the work said in the past with what was put in: '换了新的', '换了一个新阀门'
    r"|(?:更换|安装|维修|修理|疏通|换|装|修|补)(?:上|掉)?了(?:一|个|新|两|几)"
    r"|\b(?:i|we) (?:have |'ve |just )?(?:fixed|repaired|replaced|cleaned|cleared|unblocked|"
    r"installed|sorted|finished|completed|delivered)\b"
    r"|\b(?:is|are|was|has been|have been) (?:now )?(?:fixed|repaired|replaced|cleaned|cleared|"
    r"unblocked|installed|sorted|done|finished|completed)\b"
    r"|\b(?:works|working) (?:now|again|fine)\b|\ball done\b|\bjob done\b"
)
# a leak or noise said to be over: the work done, not a matter still open ('已经不漏了')
_TOLD_OVER = re.compile(r"(?:已经|现在|再也)?不(?:再)?(?:漏|滴|堵|响|冒|渗|臭)(?:水)?了")
# a matter still open, a question or work still ahead said with it: '修好了又漏了', '换完了但是还不
# 亮', 'is it fixed?', '我看好了时间明天去'
_TOLD_NOT = re.compile(
    r"没|不|未|但|又|还|再|吗|么|呢|请|帮|麻烦|能否|可以|[?？]"
    r"|明天|后天|待会|一会|等会|回头|准备|打算|要去|将要"
    # one's own details changed ('我换了个手机号'), not work done
    r"|手机号|电话号|号码|住址|地址|搬家|搬到"
    r"|\b(?:not|no|isn't|aren't|never|still|again|but|please|can|could|is it|was it|will|"
    r"tomorrow|later|going to)\b"
)
TOLD_DONE_MAX = 1000  # characters: a report told at length, not an essay pasted in


def tells_done(text: str | None) -> bool:
    """A message telling at length that the work is done ('陪吴大爷复查完了，已送回家',
    '水管已经修好了，换了一个新阀门', 'I fixed the tap, it works now'): from a member holding an
    order, its 完成上报 with the words as the note. `reports_done` reads the short ones; this
    reads a done clause said with what was done. A matter still open or a request said with it
    ('修好了又漏了', '换完了但是还不亮', '能帮忙看看吗') is not."""
    if not text or len(text) > TOLD_DONE_MAX:
        return False
    said = to_simplified(unicodedata.normalize("NFKC", text)).strip().lower()
    said = _TOLD_OVER.sub("✓", said.replace("’", "'"))  # over: said done, not a '不' of a matter
    if _TOLD_NOT.search(said):
        return False
    return bool(_TOLD_DONE.search(said))


# ------------------------------------------------------------------ said while describing a matter


class Compose(StrEnum):
    """A whole message, typed while describing a matter, that is about the describing itself."""

    DONE = "done"  # 就这些 / 好了: 说完了
    CANCEL = "cancel"  # 算了 / 不报了: they would rather not file


_COMPOSE_WORDS: dict[Compose, str] = {
    Compose.DONE: "就这些|就这样|就这么多|就这点事|没了|没有了|没别的了|说完了|说完|讲完了|"
    "好了|可以了|行了|that is all|that s all|thats all|nothing else|done|"
    # nothing more to add: no photo to send is not the matter's words
    "没有照片|没照片|没有图片|没图片|没有图|没图|照片没有|不拍照了|拍不了照片|拍不了|不会拍照|"
    "没有要补充的|没什么要补充的|没什么补充的|不用补充了|不用补充|不补充了|没有别的了|没别的|"
    "no photo|no photos|no pictures|no picture|nothing to add|nothing more",
    Compose.CANCEL: "算了|不报了|不用报了|不用了|不要了|不弄了|不想报了|不想弄了|没事了|不需要了|"
    "不提交了|不反映了|不找你们了|never mind|nevermind|forget it|"
    # the matter taken back before it is filed, as they say it of one filed
    "不要报了|不要报|别报了|别报|不报|不想要了|撤了|撤回|撤销|撤掉|取消|删了|删掉|"
    "don t file it|do not file it|don t send it|do not send it|cancel it|cancel|"
    # wanting out, or a slip: the way out is offered, the words are not the matter's
    "返回|回去|退出|返回主菜单|回主菜单|主菜单|回到主菜单|点错了|按错了|点错|按错|不小心点的|"
    "不小心点错了|go back|wrong button|by mistake",
}
_COMPOSE_FILLERS = (
    "吧|了|啊|呀|哈|我|就|的|嗯|那|那就|先|还是|其实|刚才|刚刚|i|guess|ok|okay|"
    "帮我|给我|麻烦|你|你们|把|这个|那个|这事|这件事|please|just"
)
_COMPOSE_TOKENS: list[tuple[str, Compose | None]] = _tokens(_COMPOSE_WORDS, _COMPOSE_FILLERS)


def compose_intent(text: str | None) -> Compose | None:
    """'就这些' (done describing) or '算了' (would rather not file) said as a whole message
    while describing a matter, or None: words of the matter itself ('门口的灯又不亮了')."""
    found = _read_whole(text, _COMPOSE_TOKENS)
    if not found or len(set(found)) != 1:
        return None
    return found[0]


# ------------------------------------------------------------------ yes or no to "报给社区吗？"

_OFFER_WORDS: dict[bool, str] = {
    True: "是|是的|是啊|对|对的|对对|对对对|没错|要|要的|要报|需要|好|好的|好啊|好滴|好嘞|行|可以|"
    "嗯|嗯嗯|报|报吧|报一下|报上去|报给社区|帮我报|帮我报一下|请帮我报|麻烦报一下|帮忙|"
    "麻烦你们|麻烦你们了|麻烦了|拜托了|谢谢|谢谢你们|yes|yeah|yep|ok|okay|sure|please|"
    "yes please",
    False: "不|不要|不要了|不用|不用了|不报|不报了|不用报了|算了|没事了|不需要|不需要了|先不报|"
    "先不用|点错了|按错了|no|no thanks|not now|never mind|nevermind|forget it",
}
_OFFER_FILLERS = (
    "吧|了|啊|呀|哈|啦|呢|的|我|就|那|那就|您|你|你们|社区|同志|一下|先|还是|刚才|刚刚"
)
_OFFER_TOKENS: list[tuple[str, bool | None]] = _tokens(_OFFER_WORDS, _OFFER_FILLERS)


def offer_answer(text: str | None) -> bool | None:
    """A whole message answering "要把这件事报给社区吗？" in words, as older residents answer a
    question: True for yes ('好的', '是的', '要', '帮我报一下，谢谢'), False for no ('不要了',
    '算了', '点错了'), None when it says something else (the matter itself, said again or
    added to) or is other small talk ('你好' is a greeting, not 好). Emoji alone answer as
    their words would: '🙏🙏🙏' (folded hands: please, thank you) is yes, as '谢谢' is, and so
    is '👍' as '好的' is."""
    if _emoji_kind((text or "").strip()) in (Kind.ACK, Kind.THANKS):
        return True
    if classify(text) not in (None, Kind.ACK, Kind.THANKS, Kind.UNDO):
        return None
    found = _read_whole(text, _OFFER_TOKENS)
    if not found or len(set(found)) != 1:
        return None
    return found[0]


_NOT_THAT_TOKENS: list[tuple[str, bool | None]] = _tokens(
    {
        True: "不是|不是的|不对|不对的|不是这个|不是这样|错了|弄错了|搞错了|说错了|看错了|"
        "no|nope|not that|wrong|that s wrong|that is wrong|not right"
    },
    _OFFER_FILLERS + "|啊|哦|噢|嗯|呃|诶",
)


def says_not_that(text: str | None) -> bool:
    """A whole message saying what was read back is not what was meant ('不是', '不对',
    '不是的，不对', 'no', 'nope', 'wrong'), or a plain no ('不要', '算了'): 'not that'."""
    if offer_answer(text) is False:
        return True
    found = _read_whole(text, _NOT_THAT_TOKENS)
    return bool(found)


class TopicOffer(StrEnum):
    """A whole message typed right under "您想提的议题：…" (💡 作为议题提交 / 📝 报给社区)."""

    TOPIC = "topic"  # '提交' / '作为议题' / '就当议题吧': meant 💡 作为议题提交
    FILE = "file"  # '报给社区' / '让社区办': meant 📝 报给社区
    EITHER = "either"  # '好的' / '是的': yes, but to which of the two
    DROP = "drop"  # '不要了' / '算了'


_TOPIC_OFFER_WORDS: dict[TopicOffer, str] = {
    TopicOffer.TOPIC: "作为议题提交|作为议题|当议题|当作议题|当成议题|议题|提议题|提交议题|提交|"
    "交上去|大家商量|上会|propose as a topic|propose it as a topic|propose it|as a topic|"
    "topic|propose|submit|submit it",
    TopicOffer.FILE: "报给社区|报社区|报上去|让社区办|社区去办|社区办|反映|报修|report it|report|"
    "file it",
}
_TOPIC_OFFER_TOKENS: list[tuple[str, TopicOffer | None]] = _tokens(
    _TOPIC_OFFER_WORDS,
    _OFFER_FILLERS + "|好的|好|对|是的|是|嗯|请|帮我|麻烦|可以|就当|当|ok|okay|yes|please|it|as|a",
)


def topic_offer_answer(text: str | None) -> TopicOffer | None:
    """What a whole message typed under the topic offer means (`TopicOffer`), or None: more
    words, not an answer."""
    found = _read_whole(text, _TOPIC_OFFER_TOKENS)
    if found and len(set(found)) == 1:
        return found[0]
    said = offer_answer(text)
    if said is None:
        return None
    return TopicOffer.EITHER if said else TopicOffer.DROP


# ------------------------------------------------------------------ a topic backed in words

# '附议' / '我也附议' under a topic; '我支持电动车那个议题' / '支持加装电梯的议题' / '附议加装电梯'
_BACKS_BARE = re.compile(
    r"^(?:我|我们)?(?:也|都)?(?:附议|\+1)(?:一下|一个|一票)?(?:这个|那个|这个议题|那个议题)?$"
    r"|^(?:i|we)?(?:also)?(?:second|back)(?:it|this|that)(?:one|topic)?(?:too)?$"
)
_BACKS_NAMED = re.compile(
    r"^(?:我|我们)?(?:也|都)?(?:附议|支持|赞成|同意)(?:一下)?(?P<subject>.+?)"
    r"(?:那个|这个|的)?(?:议题|提议)$"
    r"|^(?:我|我们)?(?:也|都)?附议(?:一下)?(?P<bare>.+)$"
    r"|^(?:i|we)?(?:also)?(?:second|back|support)(?:the)?(?P<en>.+?)topic$"
)
_BACKS_TAIL = re.compile(r"(?:吧|了|啊|呀|哈|呢|哦|too|please)+$")


def backs_topic(text: str | None) -> str | None:
    """A short message backing a topic (附议) in words: the topic's name as said ('电动车',
    '加装电梯'), '' when none is named ('附议', '我也附议', 'I second this'); None when it does
    not back one."""
    if not text or len(text) > MAX_CHARS:
        return None
    said = _BACKS_TAIL.sub("", _clean(to_simplified(text)).replace(" ", ""))
    if not said:
        return None
    if _BACKS_BARE.fullmatch(said):
        return ""
    m = _BACKS_NAMED.fullmatch(said)
    if m is None:
        return None
    subject = m.group("subject") or m.group("bare") or m.group("en") or ""
    subject = re.sub(r"(?:那个|这个|的)+$", "", subject)
    return subject if subject else None


# ------------------------------------------------------------------ a button's words typed

# a word saying not ('不匿名', 'not live'): only a button's words whole are read then
_NEGATION = re.compile(r"[不非别没]|\b(?:not|no|don t|dont|never)\b")


def label_typed(text: str | None, labels: Sequence[str]) -> int | None:
    """Which of a question's buttons words typed name ('单选', '匿名投票', '截止后公开',
    'Anonymous', '已登记的'): the one whose words are the text's (emoji and marks aside), else
    the only one whose words hold it or are held in it, else the only one holding its words in
    order with others between; None for none or several ('选', '公开')."""
    said = _clean(to_simplified(text or "")).replace(" ", "")
    said = re.sub(r"(?<=.)[的吧了呀啊呢哦]+$", "", said)  # '实时的', '单选吧'
    if not said:
        return None
    words = [_clean(to_simplified(label)).replace(" ", "") for label in labels]
    exact = [i for i, w in enumerate(words) if w and w == said]
    if len(exact) == 1:
        return exact[0]
    if exact or _NEGATION.search(_clean(to_simplified(text or ""))):
        return None
    near = [i for i, w in enumerate(words) if w and (said in w or w in said)]
    if len(near) == 1:
        return near[0]
    if near or len(said) < 2:
        return None
    # its words in order with others between ('已登记的' for 已登记住址的居民)
    spread = [i for i, w in enumerate(words) if _spread_in(said, w)]
    return spread[0] if len(spread) == 1 else None


# the audience picker's 全社区 said in other words ('所有居民', '整个社区', 'everyone')
_WHOLE_COMMUNITY_WORDS: dict[bool, str] = {
    True: "全社区|整个社区|全体居民|所有居民|全部居民|社区所有人|社区全体|所有人|全部人|全体|"
    "whole community|the whole community|entire community|all residents|everyone|everybody",
}
_WHOLE_COMMUNITY_TOKENS: list[tuple[str, bool | None]] = _tokens(
    _WHOLE_COMMUNITY_WORDS,
    "的|吧|了|啊|呀|就|是|给|发给|面向|对|我们|本|社区的|都|to|for|the|all|of|it|s|please",
)


def whole_community(text: str | None) -> bool:
    """Whether a whole short message names the whole community as who something is for
    ('全社区', '所有居民', '整个社区吧', 'everyone'): the audience picker's 全社区 button."""
    found = _read_whole(text, _WHOLE_COMMUNITY_TOKENS)
    return bool(found)


def _spread_in(said: str, words: str) -> bool:
    """Whether the characters of `said` come in `words` in this order, others between."""
    rest = iter(words)
    return all(ch in rest for ch in said)


# ------------------------------------------------------------------ typed at the preview


class AtPreview(StrEnum):
    """A whole message typed at a request's preview ("您要反映的事情" and its buttons) that is
    not more of the matter."""

    SEND = "send"  # 好的 / 提交吧 / 可以了: meant ✅ 确认提交
    LEAVE = "leave"  # 算了 / 不要了 / 返回: meant ✖️ 取消
    TALK = "talk"  # other small talk: 你好 / 我不会弄 / 谢谢


_SUBMIT_WORDS: dict[bool, str] = {
    True: "提交|提交吧|确认|确认提交|确定|确定提交|发送|发出去|发吧|报上去|交上去|就这样|没问题|"
    "submit|send|send it|confirm"
}
_SUBMIT_TOKENS: list[tuple[str, bool | None]] = _tokens(
    _SUBMIT_WORDS, _OFFER_FILLERS + "|好的|好|可以|可以了|行|对|是的|嗯|帮我|请|麻烦|ok|okay|yes"
)


def at_preview(text: str | None) -> AtPreview | None:
    """What a whole message typed at the preview means (`AtPreview`), or None: more words of
    the matter ('对了，楼下邻居家也一样'), to be added to it."""
    if compose_intent(text) == Compose.CANCEL or offer_answer(text) is False:
        return AtPreview.LEAVE
    if offer_answer(text) or compose_intent(text) == Compose.DONE:
        return AtPreview.SEND
    if _read_whole(text, _SUBMIT_TOKENS):
        return AtPreview.SEND
    if classify(text) is not None:
        return AtPreview.TALK
    return None


# ------------------------------------------------------------------ urgency said at the preview

_URGENT_WORDS: dict[bool, str] = {
    True: "急|很急|挺急|蛮急|好急|太急|比较急|有点急|非常急|特别急|真急|急得很|急死了|着急|很着急|"
    "挺着急|急事|紧急|很紧急|挺紧急|比较紧急|非常紧急|特别紧急|十万火急|火烧眉毛|急急急|"
    "标为紧急|标紧急|算紧急|算急的|urgent|it s urgent|very urgent|really urgent|quite urgent|"
    "it is urgent|this is urgent|emergency|it s an emergency|mark it urgent|mark as urgent",
    False: "不急|不着急|不紧急|不是很急|不太急|不算急|不怎么急|不用急|不用着急|慢慢来|不赶|"
    "不赶时间|不是急事|没那么急|也不急|不算紧急|不是紧急|不是很紧急|取消紧急|改为不紧急|"
    "not urgent|no rush|no hurry|not in a hurry|it s not urgent|it is not urgent|"
    "not an emergency",
}
_URGENT_FILLERS = (
    "这个|这件事|这事|这个事|这事儿|事情|事|的|了|啊|呀|哦|吧|呢|哈|嘛|是|我|我们|家里|其实|"
    "还是|真的|确实|挺|很|有点|有些|比较|可能|请|帮我|麻烦|it|this|is|really|quite|please|"
    "very|a bit|kind of"
)
_URGENT_TOKENS: list[tuple[str, bool | None]] = _tokens(_URGENT_WORDS, _URGENT_FILLERS)


def urgency_said(text: str | None) -> bool | None:
    """How urgent a whole short message says the matter is, typed at its preview where 🚨 标为紧急
    / 改为不紧急 were meant: True ('很急', '这个挺急的', '紧急！', "it's urgent"), False ('不急',
    '不着急，慢慢来', 'no rush'), None when it says something else (more of the matter:
    '水一直在流，很急' tells what is happening) or both."""
    found = _read_whole(text, _URGENT_TOKENS)
    if not found or len(set(found)) != 1:
        return None
    return found[0]


# ------------------------------------------------------------------ more said of a matter filed

# '我想补充一下，…', '再补充一句：…', '补充说明：…', 'to add to my request: …': what follows is
# more of a matter already told, not a new one
_ADDS_TO = re.compile(
    r"^(?:我|我们)?(?:还|再|想|要|得|需要|另外|顺便)*"
    r"(?:(?:补充|追加)(?:说明|一下|一点|一句|几句|两句|个|一个)*|(?:补|加)(?:一句|几句|两句|一点))"
    r"(?:情况|内容|说明)?"
    r"(?:哈|啊|呀|吧|呢)?[\s,，.。:：;；!！~～、-]+"
    r"|^(?:i(?: would| d)? (?:like|want) to add|i have something to add|to add to my request|"
    r"adding to my request|more about my request)[\s,.:;!-]*",
)


def adds_to(text: str | None) -> str | None:
    """The words after a lead-in saying they are more of a matter already told ('我想补充一下，
    水已经流到楼下了' → '水已经流到楼下了', 'I want to add: it leaks at night'), or None: no such
    lead-in, or nothing after it ('补充一下' alone opens 我的诉求, as 补充 does)."""
    if not text:
        return None
    written = text.strip()
    said = unicodedata.normalize("NFKC", written)
    read = to_simplified(said).lower()
    head = _ADDS_TO.match(read)
    if head is None:
        return None
    # in the writer's own characters (their '，' and '：' too) where they line up with those
    # read: the words are added to the matter as they were typed
    own = written if len(written) == len(read) else said if len(said) == len(read) else read
    rest = own[head.end() :].strip()
    return rest if sum(ch.isalnum() for ch in rest) >= 2 else None


# ------------------------------------------------------------------ an RSVP typed


_RSVP_WORDS: dict[RsvpAnswer, str] = {
    RsvpAnswer.YES: "去|我去|要去|我要去|会去|我会去|能去|可以去|一定去|肯定去|准时去|也去|我也去|"
    "参加|我参加|要参加|我要参加|会参加|我会参加|能参加|一定参加|报名|我报名|我要报名|报个名|"
    "帮我报名|报名参加|我来|会来|我会来|一定来|准时来|算我一个|"
    # coming said as being there, as older residents answer an invitation
    "一定到|准时到|按时到|我会到|会到|我一定到|我准时到|肯定到|能到|我能到|到时候到|准时参加|"
    "按时参加|going|i m going|i am going|"
    "i will go|i ll go|i ll come|i will come|count me in|sign me up|i will attend|i ll attend|"
    "attend|i ll be there|i will be there|i m in|i m coming|i am coming|i can come|i can make it|"
    "we ll come|we will come|we re coming|we are coming|we ll be there|we will be there|"
    "see you there|i d like to come|i want to come|i would like to come|yes please",
    RsvpAnswer.MAYBE: "不确定|不一定|不一定去|不一定能去|说不定|不好说|看情况|看情况吧|到时候看|"
    "到时候再说|可能去|可能会去|可能参加|也许去|也许会去|还不知道|不知道能不能去|maybe|not sure|"
    "perhaps|i might come|i might go|might come|might go|i ll try to come|i will try to come|"
    "i ll try|i don t know yet|not sure yet|probably",
    RsvpAnswer.NO: "不去|不去了|我不去|我不去了|去不了|去不成|不能去|不参加|不参加了|我不参加|"
    "参加不了|不能参加|来不了|不来|不来了|到不了|去不到|来不到|没空去|没时间去|有事去不了|有事来不了|有事不去了|"
    "不报名了|取消报名|not going|i m not going|i am not going|can t come|can t go|cannot come|"
    "cannot go|can t make it|won t come|i won t come|i can t come|i can t make it|"
    "i m not coming|i am not coming|not coming|i won t be able to come|i won t be there|"
    "we can t come|we won t come|we re not coming|i m not going|i can t attend|"
    "i cannot attend|i won t make it|no thanks|unable to come",
}
# said around an answer without changing it
_RSVP_FILLERS = (
    "了|啦|吧|呀|啊|哈|的|嗯|好|好的|那天|那天晚上|到时候|这次|这个会|议事会|开会|一下|我|有事|没空|"
    "sorry|yes|ok|okay|i|the|meeting|will|then|too"
)
_RSVP_TOKENS: list[tuple[str, RsvpAnswer | None]] = _tokens(_RSVP_WORDS, _RSVP_FILLERS)


def rsvp_of(text: str | None) -> RsvpAnswer | None:
    """The answer to a meeting a short message gives as a whole ('我去', '参加', '报名',
    '不去了', '看情况吧'), typed where the 去 / 不确定 / 不去 buttons were meant; None: no answer
    in it, two different ones, or other words ('去哪里开会')."""
    found = _read_whole(text, _RSVP_TOKENS)
    if not found or len(set(found)) != 1:
        return None
    return found[0]


@dataclass(frozen=True)
class Company:
    """An answer to a meeting said with someone coming along ('我和老伴一起去', '带我孙子一起
    去', "I'll come with my wife"): the answer, and who (as said: '老伴', 'wife'; None for '我们
    两口子', 'both of us')."""

    answer: RsvpAnswer
    who: str | None


_KIN_ZH = (
    "老伴儿|老伴|老头子|老头儿|老头|老太婆|老婆子|老太太|爱人|老公|老婆|丈夫|妻子|媳妇儿|媳妇|先生|"
    "太太|外孙女|外孙子|外孙|孙子|孙女|孙儿|儿子|女儿|闺女|儿媳妇|儿媳|女婿|孩子|小孩|家人|家里人|"
    "邻居|朋友|老姐妹|老伙伴|老伙计|同事|老妈|老爸|母亲|父亲|妈妈|爸爸"
)
_COMPANY_ZH = re.compile(
    rf"(?:我们|咱们|咱|我)?(?:和|跟|同|带上|带着|领着|带)(?:我的|我家的|我家|我)?"
    rf"(?P<who>{_KIN_ZH})(?:一起|一块儿|一块|一道)?(?:都|也)?"
    r"|(?:我们|咱们|咱|我)?(?:两口子|老两口|俩人|俩|两个人|两个|全家|一家人|一家)"
    r"(?:一起|一块儿|一块)?(?:都|也)?"
)
_KIN_EN = (
    "wife|husband|partner|grandson|granddaughter|grandchildren|grandchild|grandkids|son|"
    "daughter|kids|kid|children|child|neighbour|neighbor|friend|mother|father|mum|mom|dad"
)
_COMPANY_EN = re.compile(
    rf"\b(?:with|and|bringing|bring) (?:my |our )?(?P<who>{_KIN_EN})\b(?: too| as well)?"
)
_PAIR_EN = re.compile(
    rf"\b(?:my (?:{_KIN_EN}) and i|both of us|the two of us|we (?:ll|will) both|we both)\b"
)


_WE_WILL_BOTH = ("we ll both", "we will both")
# who may be named coming along, each once: a short code for one ('12') where a message is
# remembered with it (services.meeting_messages: a kind is 16 characters at most)
_KIN = tuple(dict.fromkeys([*_KIN_ZH.split("|"), *_KIN_EN.split("|")]))


def kin_code(who: str | None) -> str:
    """A short code for who comes along ('老伴' → its place in the list); '' for none named."""
    return str(_KIN.index(who)) if who in _KIN else ""


def kin_named(code: str) -> str | None:
    """Who a `kin_code` stands for; None for none named (or a code not known)."""
    return _KIN[int(code)] if code.isdigit() and int(code) < len(_KIN) else None


def rsvp_company(text: str | None) -> Company | None:
    """The answer to a meeting a short message gives with someone coming along ('我和老伴一起
    去', '我们两口子都去', '带我孙子一起去', "I'll come with my wife", 'we will both come'):
    `rsvp_of` of the rest, and who; None when no one else is named, or the rest is no answer."""
    if not text or len(text) > MAX_CHARS:
        return None
    said = _clean(to_simplified(text))
    if said.isascii():
        found = _COMPANY_EN.search(said)
        # 'we will both come' is 'i will come' said for two
        rest = (
            _COMPANY_EN.sub(" ", said)
            if found
            else _PAIR_EN.sub(lambda m: "i will" if m[0] in _WE_WILL_BOTH else "i", said)
        )
        if found is None and rest == said:
            return None
    else:
        plain = said.replace(" ", "")
        found = _COMPANY_ZH.search(plain)
        if found is None:
            return None
        rest = plain[: found.start()] + plain[found.end() :]
    answer = rsvp_of(" ".join(rest.split()))
    if answer is None:
        return None
    who = found.groupdict().get("who") if found is not None else None
    return Company(answer=answer, who=who or None)


# ------------------------------------------------------------------ a topic proposed in words

# how a message proposing a topic for the residents' meetings begins ('我想提个议题：…',
# '提议：…', '我建议…'); what follows is the topic. "建议" alone also begins requests for
# the office to do something, so the offer made of it lets the resident choose.
_PROPOSAL_LEAD = re.compile(
    r"^\s*(?:请问|你好|您好|社区)?[，,、\s]*"
    r"(?:我|我们|咱们|大家)?(?:想|要|还想|再)?"
    r"(?:提|提出|提交|提一个|提个|说一个|说个|有一个|有个)?(?:一个|个)?"
    r"(?P<noun>议题|提议|建议|倡议|议事题目|proposal|suggestion|topic)"
    r"(?:给社区|给大家|一下|下)?(?P<sep>\s*[：:，,。.\-—、!！\s]*)",
    re.IGNORECASE,
)
# the same said in English ('I propose: more benches', 'I'd like to suggest a topic - …', 'My
# suggestion is …'); what follows is the topic
_PROPOSAL_LEAD_EN = re.compile(
    r"^\s*(?:(?:hi|hello|dear\s+\w+)[,!.]?\s+)?(?:please\s+)?"
    r"(?:(?:i|we)\s*(?:'d|would)\s+like\s+to|(?:i|we)\s+(?:want|wish)\s+to|(?:i|we))?\s*"
    r"(?:propose|suggest)(?:\s+(?:a|the|this|one|another)\s+(?:topic|proposal|idea))?"
    r"(?:\s+(?:that|for\s+(?:the\s+)?(?:meeting|agenda|discussion)))?"
    r"(?P<sep>\s*[:：,，\-—]\s*|\s+)"
    r"|^\s*(?:(?:i|we)\s+have\s+(?:a|an|one)\s+|here\s*'?s\s+(?:a|an|my|one)\s+"
    r"|(?:my|our|a|one)\s+)?"
    r"(?:proposal|suggestion|topic|idea)(?:\s+for\s+(?:the\s+)?(?:meeting|agenda))?"
    r"(?:\s+is)?(?P<sep2>\s*[:：\-—]\s*|\s+is\s+)",
    re.IGNORECASE,
)
PROPOSAL_MIN_CHARS = 4  # '装个路灯' is a topic; '一下' or '吗' is not


def proposal_of(text: str | None) -> str | None:
    """The topic a message proposes ('我想提个议题：电梯费用低层能不能少出一点' →
    '电梯费用低层能不能少出一点'), or None: no proposal lead, or too little after it for a topic
    (the bare '我想提个议题' is a question how, answered as such)."""
    typed = (text or "").strip()
    english = _PROPOSAL_LEAD_EN.match(typed)
    if english is not None:
        rest = typed[english.end() :].strip()
        if sum(ch.isalnum() for ch in rest) < PROPOSAL_MIN_CHARS or how_to(rest) is not None:
            return None  # 'I propose a topic', 'suggest a topic: how do I': not the topic
        return rest
    said = to_simplified(typed)
    lead = _PROPOSAL_LEAD.match(said)
    if lead is None or len(said) != len(typed):
        return None
    rest = said[lead.end() :].strip()
    if sum(ch.isalnum() for ch in rest) < PROPOSAL_MIN_CHARS:
        return None
    if len(rest) <= 10 and re.search(r"怎么|如何|在哪|哪里|哪儿|可以吗|行吗|能不能提", rest):
        return None  # '议题征集在哪里', '建议一下怎么提': a question, not the topic
    if lead["noun"] in ("建议", "提议", "倡议") and not lead["sep"]:
        # '建议在小区里加装健身器材' reads as a topic whole
        return typed[lead.start("noun") :].strip()
    return typed[lead.end() :].strip()


# ------------------------------------------------------------------ a question asked

_QUESTION_WORDS = re.compile(
    r"[？?]|吗|呢|能不能|能否|可不可以|可以|行不行|几点|几号|在哪|哪里|哪儿|什么时候|要不要|"
    r"需不需要|是否|怎么去|\b(?:can|could|may|should|when|where|what|how|is|are|do|does)\b",
    re.IGNORECASE,
)


def asks_question(text: str | None) -> bool:
    """The words read as a question ('我能带老伴一起去吗', '几点开始', '在哪个会议室？'), e.g.
    one for a meeting's organizer."""
    return bool(_QUESTION_WORDS.search(to_simplified((text or "").strip())))


# ------------------------------------------------------------------ the office asked about

# a question about the community office's phone, hours or address, however long it is said
# ('请问社区办公室的电话是多少啊我想打过去问问', 'what is the phone number of the community'):
# who is asked about, what about it, and a word that makes it a question
_OFFICE_WHO = re.compile(
    r"社区|居委会?|办公室|服务中心|community|office|service cent(?:re|er)", re.I
)
_OFFICE_WHAT = re.compile(
    r"电话|号码|联系方式|几点|办公时间|上班|下班|开门|关门|地址|在哪|怎么走|"
    r"phone|number|hours|open|close|address|where|located|contact",
    re.I,
)
_OFFICE_ASKED = re.compile(
    r"吗|么|多少|几点|哪|什么时候|什么|请问|想问|问一下|问问|告诉我|[?？]|"
    r"\b(?:what|when|where|how|which|could|can|may|tell me|please)\b",
    re.I,
)
# a matter about the office ('社区电话一直打不通', 'nobody answers the office phone') is one
# to file, not a question
_OFFICE_MATTER = re.compile(
    r"打不通|没人接|不接|不开门|坏|漏|投诉|举报|态度|"
    r"nobody answer|no one answer|never answer|doesn'?t answer|complain|broken",
    re.I,
)
OFFICE_MAX_CHARS = 200


def asks_office(text: str | None) -> bool:
    """True when a message asks the community office's phone, hours or address, in any
    length ('请问社区办公室的电话是多少啊我想打过去问问'); False for a matter about the office
    ('社区电话一直打不通') or words not asking it."""
    said = to_simplified((text or "").strip())
    if not said or len(said) > OFFICE_MAX_CHARS or _OFFICE_MATTER.search(said):
        return False
    return all(p.search(said) for p in (_OFFICE_WHO, _OFFICE_WHAT, _OFFICE_ASKED))


# ------------------------------------------------------------------ registering, said

_REGISTER_WORDS: dict[bool, str] = {
    True: "登记|注册|登记住址|登记地址|登记一下|注册一下|登个记|先登记|register|registration|"
    "sign up|signup|sign me up|register me"
}
_REGISTER_TOKENS: list[tuple[str, bool | None]] = _tokens(
    _REGISTER_WORDS,
    _OFFER_FILLERS + "|我要|要|想|我想|想要|帮我|怎么|怎么样|如何|开始|现在|在哪|在哪里|去|"
    "please|i|want|to|let|me|can|how|do|where|d|like|now|here|want to|i d like to",
)


def asks_to_register(text: str | None) -> bool:
    """Whether a whole message asks to register, or how ('登记', '我要登记', '怎么注册',
    'I want to register'): for someone not registered, the registration itself."""
    found = _read_whole(text, _REGISTER_TOKENS)
    return found is not None and bool(found) and all(found)


# ------------------------------------------------------------------ a neighbour asked after

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋余于杜叶程"
    "魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严武戴莫孔汤"
)
# someone else, named as neighbours name each other ('周阿姨', '老王', '隔壁', '楼上那家')
_NEIGHBOUR = re.compile(
    rf"阿姨|大爷|大妈|大娘|奶奶|爷爷|叔叔|婶婶|阿婆|阿公|伯伯|老太太|老爷子|[老小][{_SURNAMES}]|"
    r"邻居|隔壁|对门|楼上|楼下|他家|她家|(?<![我你])[他她](?!们)|"
    # a home by its door number ('302的电话多少', '502室住的谁')
    r"(?<![\d-])\d{3,4}(?:室|号|房)?(?:的|住的|家)|"
    r"\bneighbou?rs?\b|\bmrs?\b|\bms\b|\bmiss\b|\bmadam\b|\bupstairs\b|\bdownstairs\b|"
    r"\bnext door\b|\bin \d{3,4}\b",
    re.I,
)
# what is asked of them: how to reach them, or where they live
_NEIGHBOUR_ASKED = re.compile(
    r"电话|手机|号码|联系方式|微信|住哪|住在哪|住几楼|住几号|住几层|住几单元|哪一户|哪户|门牌|"
    r"房号|住址|地址|\bphone\b|\bnumber\b|\baddress\b|\bwhere (?:does|do|did) .{1,30} live\b|"
    r"\bcontact\b|\bwhich (?:flat|room|apartment)\b|"
    # who lives there, asked as the whole question ('楼上是谁家'; not '楼上是谁家在装修 太吵了')
    r"(?:是谁|是谁家|谁家|住的谁|住的是谁|住着谁|住的哪家|姓什么)[?？吗呀啊呢的]*$|"
    r"\bwho (?:lives|is living) (?:upstairs|downstairs|next door|in \d+)\b",
    re.I,
)
# about the office, the property company or oneself ('社区电话', '物业电话', '我的电话'): not
_NOT_NEIGHBOUR = re.compile(
    r"社区|居委|物业|我的(?:电话|手机|号码|地址|住址|房号)|我家的?(?:地址|住址|电话)|我电话|我手机|"
    r"\bmy (?:phone|number|address|contact)|\bcommunity\b",
    re.I,
)


def asks_neighbour(text: str | None) -> bool:
    """Whether a short message asks for another resident's phone or where they live ('周阿姨住
    几楼 她电话多少', '老王住哪', "what's my neighbour's number"): theirs is not ours to give."""
    said = to_simplified((text or "").strip())
    if not said or len(said) > MAX_CHARS or _NOT_NEIGHBOUR.search(said):
        return False
    return bool(_NEIGHBOUR.search(said) and _NEIGHBOUR_ASKED.search(said))


# ------------------------------------------------------------------ consent typed

_CONSENT_WORDS: dict[bool, str] = {
    True: "同意|我同意|同意了|都同意|同意并继续|同意继续|接受|我接受|可以|没问题|好|好的|行|"
    "是|是的|嗯|嗯嗯|yes|yeah|yep|ok|okay|sure|agree|i agree|agreed|i accept|accept|"
    "agree and continue|fine|that s fine|of course",
    False: "不同意|我不同意|不接受|我不接受|不要|不行|不用了|算了|no|nope|disagree|i disagree|"
    "i do not agree|i don t agree|don t agree|do not agree|i decline|decline|no thanks",
}
_CONSENT_FILLERS = "了|吧|啊|呀|的|我|那|那就|就|继续|please|i|then|thanks|thank you"
_CONSENT_TOKENS: list[tuple[str, bool | None]] = _tokens(_CONSENT_WORDS, _CONSENT_FILLERS)


def consent_of(text: str | None) -> bool | None:
    """The answer a whole message gives to the privacy consent, typed where its buttons were
    meant: True ('同意', 'yes, I agree', 'ok'), False ('不同意', 'no'), None for anything else
    or both at once."""
    found = _read_whole(text, _CONSENT_TOKENS)
    if not found or len(set(found)) != 1:
        return None
    return found[0]


# ------------------------------------------------------------------ a category typed

_CATEGORY_LEAD = re.compile(
    r"^(?:(?:it|this|that)\s*(?:'s|is)\s+(?:about|for|an?|the)?\s*|about\s+|category\s*(?:is|:)?\s*"
    r"|(?:分类|类别)?(?:是|选|改成|改为|换成|属于|算)?)",
    re.I,
)
_CATEGORY_TAIL = re.compile(
    r"(?:\s*(?:的问题|问题|方面|类的|类|的|吧|issue|problem|please))+$", re.I
)


def category_named(text: str | None, names: dict[str, list[str]]) -> str | None:
    """The category a whole short message names ('维修', '环境卫生', "it's about repairs") among
    `names` (code → its names in each language), or None: no name, or a word several share."""
    said = to_simplified((text or "").strip()).strip(" .。!！")
    if not said or len(said) > MAX_CHARS:
        return None
    term = _CATEGORY_TAIL.sub("", _CATEGORY_LEAD.sub("", said, count=1)).strip()
    latin = term.isascii()
    if len(term) < (4 if latin else 2):
        return None
    pattern = re.compile(rf"\b{re.escape(term)}" if latin else re.escape(term), re.I)
    found = {code for code, each in names.items() if any(pattern.search(n) for n in each)}
    return found.pop() if len(found) == 1 else None


# ------------------------------------------------------------------ a matter asked after

# words around the matter named in a progress question that are not the matter ('我家', '那个',
# '的事', '反映过的'): taken off either end of what is left once the question words are out
_SUBJECT_EDGES = (
    "我|你们|您|请问|麻烦|那个|这个|那|这|的|了|啊|呀|呢|吧|嘛|哈|上次|之前|前几天|昨天|前天|"
    "事情|事|问题|一下|帮我|看看|查一下|查|我家|我们家|家里|家|我们|我们楼|咱们|咱家|反映的|反映过的|报的|报过的|报修的|说的|说过的|"
    "提的|上回|那件|这件|那次|的事情|的事|那个事|这个事|件|个|还|又|到底|究竟|一直|现在|"
    "把|给我|帮忙|请|就|先|"
    "my|our|the|a|an|about|of|for|on|with|request|report|issue|problem|matter|what|s|is|"
    "any|news|update|on|it"
)
# what is left breaks where the question words were, and between CJK and Latin words
_PIECES = re.compile(r"\s{2,}|(?<=[^\x00-\x7f])\s|\s(?=[^\x00-\x7f])")
SUBJECT_MAX = 12  # '楼道灯', '厨房水管漏水': longer words after a progress question say more
SUBJECT_MAX_WORDS = 3  # 'stairwell light', 'water pipe in the kitchen' is more
_ASKED = sorted(_PHRASES[Kind.PROGRESS].split("|"), key=len, reverse=True)
_EDGES = sorted(set(_SUBJECT_EDGES.split("|")), key=len, reverse=True)


def _strip_edges(piece: str) -> str:
    """A piece of text without the filler words at either end ('我那个水管的事' → '水管')."""
    latin = piece.isascii()
    changed = True
    while piece and changed:
        changed = False
        for word in _EDGES:
            if latin != word.isascii() or not word:
                continue
            if latin:
                words = piece.split()
                if words and words[0] == word:
                    piece, changed = " ".join(words[1:]), True
                elif words and words[-1] == word:
                    piece, changed = " ".join(words[:-1]), True
            elif piece.startswith(word):
                piece, changed = piece[len(word) :], True
            elif piece.endswith(word):
                piece, changed = piece[: -len(word)], True
            if changed:
                break
    return piece.strip()


# a poll's outcome asked ('投票结果怎么样了', '电梯的投票通过了吗', 'what did the poll decide'):
# a word of voting and a word asking how it came out, in a short message
_RESULT_VOTE = re.compile(r"投票|表决|选票|票数|\bpolls?\b|\bvot(?:e|es|ing)\b|\bballots?\b")
_RESULT_ASKED = re.compile(
    r"结果|结论|通过|定了|定下|决定|谁赢|哪个赢|赢了|多少票|几票|怎么样|咋样|结束了|完了吗|出来了|"
    r"\bresults?\b|\boutcome\b|\bdecid\w*|\bdecision\b|\bwon\b|\bwins?\b|\bwinner\b|"
    r"\bpass(?:ed)?\b|\bclosed\b|\bover\b|\bhow did\b"
)
# longer, it is a matter told that mentions a vote ('投票结果出来都一个月了物业还是没动静…')
_RESULT_MAX_CJK = 30
_RESULT_MAX_LATIN = 80


def asks_poll_result(text: str | None) -> bool:
    """Whether a short message asks how a poll came out ('投票结果怎么样了', '电梯的投票通过了吗',
    'what did the poll decide?', 'poll results') rather than how to vote or a matter to file."""
    said = to_simplified(normalize(text or "")).lower()
    most = _RESULT_MAX_CJK if re.search(r"[\u4e00-\u9fff]", said) else _RESULT_MAX_LATIN
    if not said or len(said) > most:
        return False
    return bool(_RESULT_VOTE.search(said) and _RESULT_ASKED.search(said))


def progress_subject(text: str | None) -> str | None:
    """The matter a short progress question names ('我那个水管的事怎么样了' → '水管',
    '楼道灯什么时候来修' → '楼道灯', 'any news about the elevator' → 'elevator'), or None: not
    a progress question, or one that names nothing ('我反映的事怎么样了': `classify` reads it)
    or more than a matter's name."""
    if not text or len(text) > MAX_CHARS:
        return None
    rest = f" {_clean(to_simplified(text))} "
    asked = False
    for words in _ASKED:
        if words.isascii():
            found = re.sub(rf"(?<![a-z0-9]){re.escape(words)}(?![a-z0-9])", " ", rest)
        else:
            found = rest.replace(words, " ")
        if found != rest:
            rest, asked = found, True
    if not asked:
        return None
    pieces = [_strip_edges(piece) for piece in _PIECES.split(rest)]
    subject = " ".join(piece for piece in pieces if piece)
    if not subject:
        return None
    if subject.isascii():  # 'stairwell light': English names a thing in words, not characters
        return subject if len(subject.split()) <= SUBJECT_MAX_WORDS else None
    return subject if len(subject.replace(" ", "")) <= SUBJECT_MAX else None


# a matter of theirs taken back or hurried along by name ('水管那个不要了 帮我撤了吧',
# '电梯的事催一下')
_TAKEN_BACK = (
    "撤回|撤了|撤销|撤掉|撤|不要了|不用了|不办了|不用办了|不用修了|不修了|不用来了|不报了|取消|"
    "收回|withdraw|cancel|take back"
)
# how long they have waited, said with it ('都好几天了', '等了一个星期了', 'for days')
_WAITED = re.compile(
    r"(?:都|已经|等了|快)*(?:好几|十几|几|一|两|三|四|五|半|[0-9]+)?(?:个)?(?:天|星期|礼拜|周|月)(?:了)?|"
    r"(?:都|已经|等了)*(?:好久|很久|半天|这么久)(?:了)?|\bfor (?:days|weeks|ages|a week|so long)\b"
)
_HOW_ASKED = re.compile(r"怎么|怎样|如何|咋|\bhow\b")
_MATTER_ACTS = sorted(
    [(w, Topic.WITHDRAW) for w in _TAKEN_BACK.split("|")]
    + [(w, Topic.FOLLOW) for w in _URGE_WORDS.split("|")],
    key=lambda wt: -len(wt[0]),
)


def matter_action_about(text: str | None) -> tuple[Topic, str] | None:
    """What is to be done with which matter of theirs, said in one short message: WITHDRAW
    ('我报的水管那个不要了 帮我撤了吧' → '水管') or FOLLOW, hurried along ('电梯的事催一下');
    the subject "" when none is named ('帮我催一下 都好几天了': their only matter open); None
    when it asks how ('怎么撤回'), says both or neither, or names more than a matter."""
    if not text or len(text) > MAX_CHARS or _HOW_ASKED.search(text.lower()):
        return None
    rest = f" {_clean(to_simplified(text))} "
    acts: set[Topic] = set()
    for words, act in _MATTER_ACTS:
        if words.isascii():
            found = re.sub(rf"(?<![a-z0-9]){re.escape(words)}(?![a-z0-9])", "  ", rest)
        else:
            found = rest.replace(words, "  ")
        if found != rest:
            rest = found
            acts.add(act)
    if len(acts) != 1:
        return None
    rest = _WAITED.sub("  ", rest)  # '都好几天了': how long they have waited, no matter's name
    pieces = [_strip_edges(piece) for piece in _PIECES.split(rest)]
    subject = " ".join(piece for piece in pieces if piece)
    if not subject:
        return acts.pop(), ""  # '帮我催一下 都好几天了': the matter is the only one open
    if how_to(subject) is not None:
        return None
    if subject.isascii():
        return (acts.pop(), subject) if len(subject.split()) <= SUBJECT_MAX_WORDS else None
    return (acts.pop(), subject) if len(subject.replace(" ", "")) <= SUBJECT_MAX else None


# words for the same thing, read as one where a progress question is matched with a matter
# ('升降梯的事怎么样了' after '电梯坏了'); lift and elevator are both 电梯 in the English lexicon
SAME_THING = {"升降梯": "电梯", "升降机": "电梯", "垂直梯": "电梯"}


def _same_things(text: str) -> str:
    for word, same in SAME_THING.items():
        text = text.replace(word, same)
    return text


def names_matter(subject: str, said: str, *, lexicon: EnglishLexicon | None = None) -> float:
    """How much of a matter's name (`progress_subject`) a matter's words hold, 0–1: the share
    of its pairs of characters found in them (a single character: found or not), or for Latin
    words the share of its words. With the triage's English `lexicon`, across languages too:
    the English words of either read as their Chinese ('elevator' holds in '电梯坏了', '电梯'
    in 'the lift is broken')."""
    said = _same_things(_clean(to_simplified(said)))
    subject = _same_things(subject)
    across = 0.0
    if lexicon is not None:
        said = " ".join([said, *dict.fromkeys(lexicon.chinese(normalize(said)))])
        if subject.isascii():
            wanted = list(dict.fromkeys(lexicon.chinese(normalize(subject))))
            if wanted:
                across = sum(word in said for word in wanted) / len(wanted)
    return max(across, _names(subject, said))


def _names(subject: str, said: str) -> float:
    if subject.isascii():
        words = {w.rstrip("s") for w in subject.split() if len(w) > 1}
        if not words:
            return 0.0
        have = {w.rstrip("s") for w in said.split()}
        return sum(w in have for w in words) / len(words)
    name = subject.replace(" ", "")
    if len(name) == 1:
        return 1.0 if name in said else 0.0
    pairs = {name[i : i + 2] for i in range(len(name) - 1)}
    return sum(pair in said for pair in pairs) / len(pairs)


_AGAIN = re.compile(r"又|再次|再一次|还是|重新|\bagain\b", re.IGNORECASE)


def says_again(text: str | None) -> bool:
    """The words say the matter is back ('水管又坏了，赶紧来修'): not one that already ended."""
    return bool(_AGAIN.search(to_simplified(text or "")))


# ------------------------------------------------------------------ a card's button said in words


class CardAction(StrEnum):
    """A staff button of a request's card said in words ('这个转给物业', '派单', '不受理'); the
    value is the button's text key."""

    ISSUE = "order-btn-issue"  # 📤 派单
    HANDLE = "order-btn-handle"  # 🙋 直接办理
    TRANSFER = "order-btn-transfer"  # ↗️ 转办
    MERGE = "order-btn-merge"  # 🔗 合并
    DECLINE = "order-btn-decline"  # ❌ 不受理
    CATEGORY = "order-btn-category"  # 🏷 改分类
    PLACE = "order-btn-staff-place"  # 📍 改地点
    URGENT = "order-btn-mark-urgent"  # 🚨 标为紧急


_CARD_ACTION_WORDS: dict[CardAction, str] = {
    CardAction.ISSUE: "派单|派个单|派工单|派给|派出去|发工单|下工单|issue an order|issue order",
    CardAction.HANDLE: "直接办理|直接办|我来办|我来处理|我自己办|自己办理|handle it myself",
    CardAction.TRANSFER: "转办|转给|转交|转到|移交|转派|transfer|hand over",
    CardAction.MERGE: "合并|并到|merge",
    CardAction.DECLINE: "不受理|不予受理|驳回|decline",
    CardAction.CATEGORY: "改分类|换分类|改个分类|分类错了|change category|change the category",
    CardAction.PLACE: "改地点|改个地点|地点错了|改位置|change place|change the place",
    CardAction.URGENT: "标为紧急|标成紧急|标紧急|加急|mark urgent|mark it urgent",
}


def _card_words(words: str) -> str:
    """The alternatives, Latin ones as whole words ('merge', not in 'emergency')."""
    return "|".join(
        rf"\b{re.escape(word)}\b" if word.isascii() else re.escape(word)
        for word in words.split("|")
    )


_CARD_ACTION = re.compile(
    "|".join(
        f"(?P<{action.name}>{_card_words(words)})" for action, words in _CARD_ACTION_WORDS.items()
    ),
    re.IGNORECASE,
)
# what may come around the action: 'this one', a unit it goes to ('给物业', '到街道'), 'please'
_CARD_ACTION_MAX = 16


def card_action(text: str | None) -> CardAction | None:
    """The request card's button a short message from staff names ('这个转给物业', '派单吧',
    '这件不受理', 'transfer it'), with no number in it (a number opens that card), or None:
    no action, two of them, or a long message (a matter of their own, told at length)."""
    said = " ".join((text or "").split()).strip(" 。.!！~～?？,，")
    if not said or len(said) > _CARD_ACTION_MAX or any(ch.isdigit() for ch in said):
        return None
    found = {m.lastgroup for m in _CARD_ACTION.finditer(said)}
    if len(found) != 1:
        return None
    return CardAction[found.pop() or ""]


# ------------------------------------------------------------------ an order given back in words

# '这个我干不了，家里有事', '不接了', '去不了了', 'I can't do it': the member cannot do the work
_GIVE_UP = re.compile(
    r"干不了|做不了|修不了|弄不了|搞不了|办不了|处理不了|去不了|来不了|接不了|去不成|顾不上|"
    r"不干了|不做了|不接了|不修了|不弄了|放弃|没空去|没时间去|没法去|"
    r"\bcan'?t do it\b|\bcannot do it\b|\bgive (?:it )?up\b|\bgive it back\b|\bcan'?t make it\b",
    re.IGNORECASE,
)
_GIVE_UP_NOT = re.compile(r"吗|么|[?？]|谁|怎么|为什么|\bwhy\b|\bwho\b")
_GIVE_UP_MAX = 20


def gives_up(text: str | None) -> bool:
    """A short message from a member holding an order saying they cannot do it ('这个我干不了，
    家里有事', '不接了', '去不了了', "I can't do it"): ↩️ 放弃工单 said rather than tapped (it is
    offered, never done on the words alone). A question ('谁修不了？') or a long message (a
    matter told) is not."""
    if not text:
        return False
    said = to_simplified(unicodedata.normalize("NFKC", text)).strip().lower()
    if len(said) > _GIVE_UP_MAX or _GIVE_UP_NOT.search(said):
        return False
    return bool(_GIVE_UP.search(said))


# ------------------------------------------------------------------ a staff screen named in words


class Screen(StrEnum):
    """A staff or admin screen named in words ('看看待办', '邀请网格员', '发个通知'): the key of
    the button that opens it (a main-menu button's, or one of the admin menu's)."""

    QUEUE = "menu-order-queue"
    IN_PROGRESS = "order-btn-queue-active"  # under 📋 待办诉求: the matters in progress
    TO_VERIFY = "order-btn-queue-verify"  # and the results to check
    OVERDUE = "order-btn-queue-overdue"  # and those past their deadline
    ON_BEHALF = "menu-order-on-behalf"
    CONSULT_STAFF = "menu-consult-staff"
    REVIEW = "menu-members"
    MEMBER_LIST = "member-list-btn"  # under 🧾 报到审核: the members approved
    BROADCAST = "menu-broadcast"
    ADMIN = "menu-admin"
    INVITE_STAFF = "admin-invite"
    INVITE_GRID = "admin-invite-grid"
    STAFF_LIST = "admin-staff-list"
    INVITE_ADMIN = "admin-invite-admin"
    ADMIN_LIST = "admin-admin-list"
    ORG = "admin-org"
    CATEGORIES = "admin-categories"


# the admin menu's pages: an admin's alone
ADMIN_SCREENS = frozenset(
    {
        Screen.ADMIN,
        Screen.INVITE_STAFF,
        Screen.INVITE_GRID,
        Screen.STAFF_LIST,
        Screen.INVITE_ADMIN,
        Screen.ADMIN_LIST,
        Screen.ORG,
        Screen.CATEGORIES,
    }
)

_SCREEN_WORDS: dict[Screen, str] = {
    Screen.QUEUE: "待办|待办诉求|待办事项|待处理|待处理诉求|待处理的诉求|待分派|待派单|新诉求|"
    "新的诉求|诉求队列|还没处理的诉求|没处理的诉求|pending|pending requests|queue|the queue|"
    "new requests|to do|to do list|todo|"
    # asked as a question at the start of the day
    "有什么要处理的|有什么要办的|有啥要处理的|有啥要办的|有什么事要处理|有什么事要办|要处理的|"
    "有新诉求吗|有没有新诉求|有新的诉求吗|有没有新的诉求|今天的任务|今天要办的|今天要处理的|"
    "网格里有什么事|我网格里有什么事|我的网格有什么事|网格有什么事|社区里有什么事|有什么事吗|有啥事吗|"
    "网格里有啥事|片区里有什么事|"
    # asked who or which are left ('谁还没处理诉求', '还有哪些诉求没处理'): those not yet triaged
    "谁还没处理诉求|谁还没处理|还有谁没处理|还有哪些诉求没处理|哪些诉求没处理|哪些诉求还没处理|"
    "有哪些诉求没处理|有哪些诉求还没处理|还有哪些没处理|还有哪些没处理的|还有没处理的诉求|"
    "还有诉求没处理|还有没处理的|"
    "which requests are not handled yet|which requests are unhandled|unhandled requests|"
    "requests not handled yet|what hasn t been handled|what has not been handled|"
    "what do i have to do|what needs doing|anything to do|any new requests|what is on my plate|"
    "what s on my plate|on my plate",
    Screen.IN_PROGRESS: "办理中|办理中的|办理中的事项|在办的|正在办的|在办工单|进行中的|"
    "进行中的工单|正在处理的|处理中的|有哪些在办的|in progress|matters in progress|"
    "orders in progress",
    Screen.TO_VERIFY: "待验收|待验收的|要验收的|需要验收的|待验收的结果|验收|有哪些要验收的|"
    "有要验收的吗|results to check|to verify|awaiting verification",
    Screen.OVERDUE: "超期|超期的|超期的事项|超期的工单|超期的诉求|超时|超时的|超时的工单|"
    "逾期|逾期的|逾期的工单|过期的工单|有没有超期的|有没有超时的|有没有超时的工单|"
    "有没有超期的工单|有超期的吗|哪些超期了|哪些超时了|overdue|overdue matters|overdue orders|"
    "what s overdue|anything overdue",
    Screen.ON_BEHALF: "代居民登记|代登记|代居民点单|代点单|代报|代报修|帮居民登记|替居民登记|"
    "帮居民点单|替居民点单|帮居民报|替居民报|帮居民报修|替居民报修|帮老人登记|替老人登记|"
    "电话登记|上门登记|file for a resident|file on behalf of a resident|on behalf of a resident",
    Screen.CONSULT_STAFF: "议事管理|管理议事|发起投票|新建投票|建个投票|建一个投票|搞个投票|"
    "新建议事会|新建会议|发起议事|召开议事会|组织议事会|new poll|create a poll|start a poll|"
    "new meeting|create a meeting|set up a meeting|organise a meeting|organize a meeting",
    Screen.REVIEW: "报到审核|审核|审核报到|审核申请|报到申请|志愿者审核|党员审核|志愿者报到审核|"
    "review|review sign ups|sign ups|applications|volunteer applications",
    Screen.MEMBER_LIST: "已通过的党员|已通过的志愿者|已通过的党员志愿者|党员名单|志愿者名单|"
    "党员志愿者名单|党员列表|志愿者列表|有哪些志愿者|有哪些党员|志愿者有哪些|党员有哪些|"
    "有几个志愿者|有几个党员|志愿者有几个|党员有几个|报到的党员|报到的志愿者|所有志愿者|所有党员|"
    "who are the volunteers|list of volunteers|volunteer list|the volunteers|members list|"
    "list of members|approved members",
    Screen.BROADCAST: "发通知|发个通知|发一个通知|发布通知|群发|群发通知|发公告|发个公告|"
    "发布公告|通知大家|通知居民|给居民发通知|broadcast|send a notice|send a broadcast|"
    "notify everyone|send an announcement",
    Screen.ADMIN: "管理|管理菜单|后台|admin|admin menu",
    Screen.INVITE_STAFF: "邀请社区工作人员|邀请工作人员|邀请社工|加社工|加个社工|添加社工|"
    "添加工作人员|新增工作人员|新增社工|加工作人员|新来了一个社工|新来了个社工|来了个新社工|"
    "新来的社工|新社工|社工怎么加|怎么加社工|怎么添加社工|怎么邀请社工|新来了一个工作人员|"
    "新来的工作人员|invite staff|add staff|invite a staff member|a new staff member|"
    "add a staff member",
    Screen.INVITE_GRID: "邀请网格员|加网格员|加个网格员|添加网格员|新增网格员|"
    "invite a grid worker|add a grid worker|invite grid workers",
    Screen.STAFF_LIST: "工作人员列表|工作人员名单|社工名单|社工列表|网格员名单|网格员列表|"
    "有哪些工作人员|所有工作人员|有几个社工|社工有几个|有哪些社工|社工有哪些|有几个工作人员|"
    "工作人员有几个|工作人员有哪些|有几个网格员|有哪些网格员|网格员有哪些|都有谁|社工都有谁|"
    "工作人员都有谁|"
    "staff list|list of staff|all staff|the staff|how many staff|who is on the staff",
    Screen.INVITE_ADMIN: "邀请管理员|邀请街道管理员|加管理员|添加管理员|新增管理员|"
    "invite an admin|add an admin",
    Screen.ADMIN_LIST: "管理员列表|管理员名单|有哪些管理员|所有管理员|"
    "admin list|list of admins|all admins",
    Screen.ORG: "组织架构|社区架构|社区和网格|楼栋管理|网格管理|楼栋|加楼|加一栋楼|添加楼栋|"
    "新建网格|加网格|加个网格|改社区名|网格怎么划分的|网格怎么分的|网格划分|怎么划分网格|"
    "有哪些网格|有几个网格|有哪些社区|有几个社区|楼栋怎么分的|哪些楼归哪个网格|"
    "organisation|organization|org structure|"
    "buildings and grids",
    Screen.CATEGORIES: "诉求分类|分类管理|管理分类|加分类|加个分类|添加分类|新增分类|"
    "诉求分类有哪些|有哪些分类|分类有哪些|有哪些诉求分类|有几个分类|有什么分类|都有哪些分类|"
    "request categories|categories",
}
_SCREEN_FILLERS = (
    "看看|看一下|看下|打开|我要|我想|想|要|帮我|请|一下|去|查看|显示|进入|给我|的|吧|了|呢|啊|呀|"
    "一个|个|我|今天|现在|吗|怎么加进来|加进来|怎么弄|怎么办|怎么|给所有社区|给各社区|给全街道|"
    "给全社区|给大家|所有社区|各社区|全街道|全社区|社区|咱们|我们|show|open|me|the|please|"
    "i want to|i d like to|let me|see|go to|want|to|a|an|i|today|how do i|how to|all communities|"
    "every community"
)
_SCREEN_TOKENS: list[tuple[str, Screen | None]] = _tokens(_SCREEN_WORDS, _SCREEN_FILLERS)


# a building or grid to add, named ('加一栋7号楼', '新建第三网格', '添加东3栋'): the structure
# page, where its grid (or community) is chosen first
# a notice to someone ('给1号楼发个通知', '通知一下3号楼的居民明天停水' is the notice itself: not
# this; 'send a notice to building 1'): the notice form, where its audience is chosen
_NOTICE_TO = re.compile(
    r"^(?:请|帮我|麻烦|我要|我想)?(?:给|向|对)(?!我)[^，。,!！？?]{1,12}?(?:的居民|居民|大家)?"
    r"(?:发个|发一个|发一条|发条|发|群发)(?:通知|公告|消息)(?:吧)?$"
    r"|^(?:please )?send (?:a |an )?(?:notice|announcement|message) to [a-z0-9 ]{1,30}$"
)
_ORG_ADDED = re.compile(
    r"^(?:请|帮我|麻烦)?(?:加|添加|新增|新建|增加)(?:一栋|一个|一幢|个)?"
    r"第?[0-9a-z一二三四五六七八九十东西南北甲乙丙丁]{1,4}(?:号楼|号|栋|幢|座|网格)(?:吧)?$"
)


def screen_named(text: str | None) -> Screen | None:
    """The staff or admin screen a short message names as a whole ('看看待办', '邀请网格员',
    '发个通知', 'show the queue'), or None: none, two, or other words in it (a matter told)."""
    found = _read_whole(text, _SCREEN_TOKENS)
    if not found or len(set(found)) != 1:
        said = _staff_words(text)
        if said and _ORG_ADDED.match(said):
            return Screen.ORG
        return Screen.BROADCAST if said and _NOTICE_TO.match(said) else None
    return found[0]


# '撤销李社工', '把张网格员的权限取消了', '取消李社工的工作人员身份', 'revoke Li'
_REVOKE_VERB = r"(?:撤销|取消|撤掉|撤了|去掉|删除|删掉|移除|收回|停用)"
_REVOKE_NAME = r"(?P<name>[^\s，。,！!？?把]{1,16})"
_REVOKES = (
    re.compile(rf"^(?:请|帮我|麻烦)?{_REVOKE_VERB}(?:掉)?{_REVOKE_NAME}$"),
    re.compile(rf"^(?:请|帮我|麻烦)?把{_REVOKE_NAME}{_REVOKE_VERB}(?:掉)?(?:吧|了)*$"),
    re.compile(r"^(?:please )?(?:revoke|remove) (?P<name>\S.{0,24}?)(?:'s (?:access|role))?$"),
)
# what may follow the name: '的权限', '的工作人员身份', '吧'
_AFTER_NAME = re.compile(
    r"(?:的)?(?:工作人员|社工|网格员|管理员)?(?:的)?(?:权限|身份|资格|账号)?(?:吧|了)*$"
)
_AFTER_NAME_ROLE = re.compile(r"(?:的)?(?:权限|身份|资格|账号)?(?:吧|了)*$")
# '李社工调到和谐社区了', '把张网格员调去第二网格', 'move Li to Harmony'
_MOVES = (
    re.compile(
        r"^(?:请|帮我|麻烦)?(?:把)?(?P<name>[^\s，。,！!？?把]{1,12}?)"
        r"(?:调到|调去|调往|调动到|转到|换到|挪到)"
        r"(?P<place>[^\s，。,！!？?]{1,16}?)(?:去|了|吧|工作)*$"
    ),
    re.compile(r"^(?:please )?move (?P<name>.{1,24}?) to (?P<place>.{1,32})$"),
)
_STAFF_WORDS_MAX = 30


def _staff_words(text: str | None, most: int = _STAFF_WORDS_MAX) -> str:
    said = to_simplified(unicodedata.normalize("NFKC", text or "")).strip(" 。.!！~～").lower()
    return " ".join(said.split()) if len(said) <= most else ""


def revoke_named(text: str | None) -> tuple[str, ...]:
    """The ways to read the person whose staff access a short message asks to take away
    ('撤销李社工的权限': '李社工', then '李'; 'revoke Li': 'li'), most whole first; () when it
    asks no such thing. The caller keeps the first that names someone on the staff."""
    said = _staff_words(text)
    for pattern in _REVOKES:
        found = pattern.match(said)
        if not found:
            continue
        name = found.group("name").strip()
        readings = [_AFTER_NAME_ROLE.sub("", name), _AFTER_NAME.sub("", name)]
        return tuple(dict.fromkeys(r for r in readings if r))
    return ()


def move_named(text: str | None) -> tuple[str, str] | None:
    """(person, place) a short message asks to move a staff member to ('把李社工调到和谐社区',
    'move Li to Harmony'), as written (lowercased), or None."""
    said = _staff_words(text)
    for pattern in _MOVES:
        found = pattern.match(said)
        if found:
            return found.group("name").strip(), found.group("place").strip()
    return None


# ------------------------------------------------------------------ a staff member's own area

# '我负责哪几栋楼', '我管哪些楼', '我的网格有哪些楼', '我是哪个网格的', 'which buildings are mine'
_WORK_AREA = re.compile(
    r"^(?:请问)?(?:我|我们)(?:负责|管|分管|包|联系)?(?:的)?(?:是)?(?:哪几栋|哪些|哪几个|哪个|几栋|几个)"
    r"(?:楼|楼栋|网格|小区|片区|区域)(?:啊|呀|呢|来着|的)?$"
    r"|^(?:请问)?(?:我|我们)的?(?:网格|片区|责任区)(?:里|内)?(?:有|包括|管)(?:哪些|哪几栋|几栋)"
    r"(?:楼|楼栋)(?:啊|呀|呢)?$"
    r"|^(?:请问)?我是哪个(?:网格|社区)的(?:啊|呀|呢|来着)?$"
    r"|^(?:请问)?我(?:负责|管)(?:的)?(?:范围|区域|片区)(?:是什么|是哪里|是哪些|有哪些)?(?:啊|呀|呢)?$"
    r"|^which (?:buildings|grids?) (?:are|is) mine$"
    r"|^which (?:buildings|grids?) do i (?:cover|serve|look after)$"
    r"|^what (?:is|s) my (?:area|grid|patch)$"
)


def asks_work_area(text: str | None) -> bool:
    """A staff member asking where they work ('我负责哪几栋楼', '我是哪个网格的', 'which
    buildings do I cover')."""
    said = _staff_words(text).rstrip("？?").replace("'", " ")
    return bool(said and _WORK_AREA.match(said))


# ------------------------------------------------------------------ a staff search said in words

# '帮我查一下周阿姨的诉求', '找一下漏水的', '查查1号楼302', '周阿姨的诉求', 'find Zhou's requests':
# what staff look for among the matters (/find's words)
_SEARCH_VERB = (
    r"^(?:请|麻烦)?(?:你)?(?:帮我|给我|帮忙)?(?:查询一下|查询|查一下|查一查|查查|查找|查下|查|找一下|找找|找下|找|"
    r"搜一下|搜索|搜下|搜)(?:一下)?"
)
_SEARCH_THING = r"(?:的)?(?:诉求|事情|事儿|事|单子|工单|报修|那件事|那个事|那单|记录)?"
_SEARCHES = (
    re.compile(rf"{_SEARCH_VERB}(?P<term>.{{1,16}}?){_SEARCH_THING}(?:吧|呢|啊)?$"),
    re.compile(
        r"^(?P<term>[^\s，。,？?！!]{1,12}?)的(?:诉求|事情|单子|报修|工单)(?:呢|吗|有哪些|都有哪些)?$"
    ),
    re.compile(
        r"^(?:please )?(?:find|search(?: for)?|look up|look for)\s+(?P<term>.{1,24}?)"
        r"(?:'s)?(?:\s+(?:requests?|matters?|orders?))?$"
    ),
)
# whose or what: not a person or a thing to look for ('我的诉求' is the resident's own list)
_NOT_SEARCHED = re.compile(
    r"^(?:我|我们|咱|咱们|自己|他|她|它|他们|大家|居民|别人|新|新的|所有|全部|今天|这|那|一下|"
    r"看|看看|me|my|mine|it|them|all|new|the|a|an)$"
)


def search_said(text: str | None) -> str | None:
    """The words a staff member asks to look for among the matters ('帮我查一下周阿姨的诉求'
    '周阿姨', '找一下漏水的' '漏水', 'find Zhou's requests' 'zhou'), or None."""
    said = _staff_words(text).rstrip("？?")
    if not said:
        return None
    for pattern in _SEARCHES:
        found = pattern.match(said)
        if not found:
            continue
        term = found.group("term").strip(" 的")
        # one Chinese character is a verb's own ('查询': not '询')
        if term and not _NOT_SEARCHED.match(term) and (len(term) > 1 or term.isascii()):
            return term
        return None
    return None


# ------------------------------------------------------------ a decline's reason saying duplicate

# '重复了', '和00003是一回事', '跟上一单一样', '同上', 'duplicate of 3': the matter repeats another
_REPEATS = re.compile(
    r"重复|重了|一回事|同一件事|同一个事|同一件|同一个问题|一样|相同|同上|报过了|已经报过|已报过|"
    r"\bduplicates?\b|\bsame as\b|\bsame (?:thing|matter|request)\b|\brepeats?\b",
    re.IGNORECASE,
)
_REPEATS_NOT = re.compile(r"不重复|不是重复|没有重复|不一样|不是一回事|不相同|\bnot (?:a )?dup")
# the one before it: '上一单', '前一个', '刚才那件', 'the last one', 'the previous one'
_PREVIOUS = re.compile(
    r"上一[单个件条]|前一[单个件条]|上[单条]|刚才那|刚刚那|前面那|\bthe (?:last|previous) one\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"(?<!\d)\d{1,6}(?!\d)")


@dataclass(frozen=True)
class Repeats:
    """What a reason saying the matter repeats another names: request numbers ('00003'), and
    whether 'the one before' ('上一单') was meant."""

    numbers: tuple[int, ...]
    previous: bool


def repeats_of(text: str | None) -> Repeats | None:
    """A reason typed to decline a matter that says it repeats another ('重复了', '和00003是一回
    事', '跟上一单一样', 'duplicate of 00003'): merging is what staff mean, so it is offered.
    None when it says no such thing, or says it is not one ('不是重复的')."""
    said = to_simplified(unicodedata.normalize("NFKC", text or "")).strip().lower()
    if not said or _REPEATS_NOT.search(said) or not _REPEATS.search(said):
        return None
    numbers = tuple(dict.fromkeys(int(n) for n in _NUMBER.findall(said) if int(n) > 0))
    return Repeats(numbers=numbers, previous=bool(_PREVIOUS.search(said)))


# ------------------------------------------------------------------ praise for who served them

_PRAISE = re.compile(
    r"表扬|点赞|点个赞|夸一夸|夸夸|夸一下|要夸|送锦旗|锦旗|感谢信|"
    r"(?:感谢|谢谢|多谢|感激)[^，,。.!！?？]{0,6}(?:师傅|医生|大夫|律师|老师|志愿者|党员|社工|网格员)|"
    r"\bpraise\b|\bcompliment\b|\bkudos\b|"
    r"\bthank(?:s| you)?\b[^,.!?]{0,30}\b(?:volunteer|for fixing|for helping|for coming)\b",
    re.IGNORECASE,
)
_PRAISE_NOT = re.compile(r"不表扬|不点赞|批评|投诉|差评|不满意|complain", re.IGNORECASE)


def praises(text: str | None) -> bool:
    """Words praising someone who served them ('我想表扬一下刘师傅，修水管特别认真', '谢谢赵医生
    上门看病', 'I want to praise the volunteer'): passed on to that member (services.praise),
    not offered to be filed as a matter. A complaint in the same words ('投诉') is not one."""
    said = to_simplified(unicodedata.normalize("NFKC", text or "")).strip()
    return bool(said) and not _PRAISE_NOT.search(said) and bool(_PRAISE.search(said))


# ------------------------------------------------------------ complaint about who served them

_COMPLAINT = re.compile(
    r"投诉|举报|差评|不满意|批评|"
    r"态度(?:很|太|特别|非常|极其|真)?(?:差|恶劣|不好|不行)|不负责|敷衍|不耐烦|来了就走|"
    r"\bcomplain(?:t|ts|ed|ing)?\b|\brude\b",
    re.IGNORECASE,
)
_COMPLAINT_NOT = re.compile(r"不投诉|不是投诉|不用投诉|没有投诉|不想投诉|不是差评", re.IGNORECASE)
# whom or what it is about: someone who served them, or the service itself — a complaint about
# a neighbour or a place ('我要投诉楼上噪音') is a matter to file
_COMPLAINED_OF = re.compile(
    r"师傅|医生|大夫|律师|老师|志愿者|党员|社工|网格员|工作人员|服务|态度|上门|来的人|"
    r"\bvolunteers?\b|\bmembers?\b|\bservice\b|\btechnician\b|\brepair ?man\b|\bworker\b",
    re.IGNORECASE,
)


def complains(text: str | None) -> bool:
    """Words complaining about a member who served them or the service ('我要投诉刘师傅，来了
    就走，根本没修好', '那个志愿者态度很差', 'I want to complain about the volunteer', and, with
    no result awaiting a score, a bare '差评' / '不满意'): passed on to the matter's staff, never
    to the member (services.complaint), not offered to be filed as a new matter. A complaint
    about a neighbour or a place ('我要投诉楼上噪音') is not one: that is a matter to file."""
    said = to_simplified(unicodedata.normalize("NFKC", text or "")).strip()
    if not said or _COMPLAINT_NOT.search(said) or not _COMPLAINT.search(said):
        return False
    return bool(_COMPLAINED_OF.search(said)) or rating_of(said) is Rating.UNSATISFIED


# ------------------------------------------------------------- staff assigning an order in words


@dataclass(frozen=True)
class AssignSaid:
    """'00001 派给刘师傅' / '把G00002指派给赵医生' / 'assign G00002 to 赵敏': the number typed (an
    order's when it had its G, else a request's) and the member named."""

    order: bool
    number: int
    name: str


_ASSIGN_ZH = re.compile(
    r"^(?:请|麻烦)?(?:把|将)?\s*(?:(?:工单|工單)\s*(?P<g1>g)?|(?P<g2>g)|诉求|訴求|编号)?\s*"
    r"(?P<n>\d{1,9})\s*号?\s*(?:这个|这)?(?:工单|工單|单|诉求|訴求)?\s*"
    r"(?:指派给|派给|分给|分配给|安排给|交给)\s*(?P<name>[^\s，,。.!！?？]{1,20}?)\s*"
    r"(?:吧|了|来办|去办|办理|处理)?\s*[。.!！]?$",
    re.IGNORECASE,
)
_ASSIGN_EN = re.compile(
    r"^(?:please\s+)?assign\s+(?:(?:order|request)\s+)?(?P<g>g)?\s*(?P<n>\d{1,9})\s+to\s+"
    r"(?P<name>[^,.!?]{1,30}?)\s*[.!]?$",
    re.IGNORECASE,
)


# a unit, not a member: handed over (转办), not assigned ('00001 派给物业')
_ASSIGN_NOT_MEMBER = re.compile(r"物业|公司|街道|社区|居委|城管|派出所|中心|办公室|局$|所$|站$")


def assign_said(text: str | None) -> AssignSaid | None:
    """Staff giving an order's place to a member in words ('00001 派给刘师傅', '把G00002指派
    给赵医生', 'assign G00002 to 赵敏'): the number and the name, or None."""
    said = to_simplified(unicodedata.normalize("NFKC", text or "")).strip()
    if found := _ASSIGN_ZH.match(said):
        order = bool(found.group("g1") or found.group("g2"))
    elif found := _ASSIGN_EN.match(said):
        order = bool(found.group("g"))
    else:
        return None
    name = found.group("name").strip()
    if not name or int(found.group("n")) == 0 or _ASSIGN_NOT_MEMBER.search(name):
        return None
    return AssignSaid(order=order, number=int(found.group("n")), name=name)


# ------------------------------------------------------------------ how the work in hand goes

# a member telling the office how the work goes, as workers text from the job: on the way or
# there ('到了', '在路上了', '明天上午去'), at it ('正在修'), stuck ('修不好，要换零件',
# '零件要业主自己买吗'), or the resident not reached ('居民不在家', '电话打不通')
_TIME_SAID = (
    r"(?:今天|明天|后天|今晚|明早|明晚|早上|上午|中午|下午|傍晚|晚上|等会儿?|待会儿?|一会儿?|"
    r"马上|周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|\d{1,2}(?:点|:\d\d))"
)
_WORK_NEWS = re.compile(
    # there, or on the way
    r"^(?:我|我们)?(?:已经|刚|刚刚)?(?:到了|到啦|到门口|到楼下|到现场|上门了|进门了)"
    r"|在路上|马上到|快到了|已出发|出发了|这就过去|马上过去|正在过去|正过去"
    # at it
    r"|正在(?:修|弄|处理|干|做|换|装|清理|打扫|疏通|检查|看)|在修|修着|弄着|还在弄|还在修"
    # stuck: parts, tools, not fixable this time
    r"|(?:修|弄|搞|处理)不(?:好|了)|零件|配件|材料|工具"
    r"|(?:要|需要|得)换(?:个|一个)?(?:新的)?(?:阀门|水龙头|灯泡|开关|锁芯|管子)"
    # the resident not reached
    r"|不在家|没人在家|家里没人|没人开门|敲门没人|没人应|不开门"
    r"|打不通|没人接|不接电话|联系不上|联系不到|关机|占线"
    # when they will go: the time, then the going, and nothing after but a word or two
    rf"|^(?:我|我们)?{_TIME_SAID}[^，,。!！?？]{{0,6}}?(?:去|过去|上门|到|来)(?:看看|看一下|一趟|处理|修)?"
    r"(?:吧|了|哈|啊)?$",
    re.IGNORECASE,
)
WORK_NEWS_MAX = 40  # characters: longer words tell a matter, not how the job goes


def work_news(text: str | None) -> bool:
    """A short message from a member telling how the work in hand goes ('到了', '正在修',
    '修不好，要换零件', '零件要业主自己买吗', '居民不在家', '电话打不通', '明天上午去'): for the
    order's staff (💬 告诉社区), not a matter of their own to file."""
    if not text or len(text) > WORK_NEWS_MAX:
        return False
    said = to_simplified(unicodedata.normalize("NFKC", text)).strip().lower()
    return bool(_WORK_NEWS.search(said))


# ------------------------------------------------------------------ an order handed to a colleague

# '我想跟赵医生换一下单', '这单能不能换给别人', '让刘师傅替我去': claims are not passed between
# members in the bot; the office reassigns, told by a note or a release with its reason
_HAND_OVER = re.compile(
    r"换(?:一)?下(?:单|工单)?|换单|换给|换个人|换人|调换|对调|互换|转给(?:别人|其他人|同事|[^\s，,。]{1,4}(?:师傅|医生|律师|老师))"
    r"|让给|交给别人|给别人做|别人(?:去|做|接)|替我|帮我去|代我去"
    r"|\bswap\b|\btrade\b|\bhand (?:it )?over\b|\bsomeone else\b",
    re.IGNORECASE,
)
_HAND_OVER_MAX = 30


def hands_over(text: str | None) -> bool:
    """A short message from a member asking to pass an order in hand to a colleague ('我想跟
    赵医生换一下单', '这单能不能换给别人', '让刘师傅替我去', 'can I swap with Dr Zhao')."""
    if not text or len(text) > _HAND_OVER_MAX:
        return False
    said = to_simplified(unicodedata.normalize("NFKC", text)).strip().lower()
    return bool(_HAND_OVER.search(said))


# ------------------------------------------------------------------ staff following up an order

# '刘师傅那单怎么样了', '催一下赵医生', '这单退回去重做': staff asking after work in progress, or
# sending a result back; the screen with those matters (their cards carry the claimant, 催办 and
# 退回) answers, not an offer to keep it as a matter of their own
_SENT_BACK = re.compile(r"退回|打回|重做|返工|重新做|重新修|\bsend (?:it )?back\b|\bredo\b")
_FOLLOWED = re.compile(
    r"催|怎么样了|咋样了|怎样了|进度|进展|到哪一步|办得怎么样|做完了吗|做完没|修好了吗|修好没|"
    r"弄好了吗|去了吗|去了没|\bhow is\b|\bchase\b|\bhurry\b"
)
_ORDER_OR_WORKER = re.compile(
    r"单|工单|活|师傅|医生|律师|老师|志愿者|党员|接单人|[\u4e00-\u9fff]{1,3}(?:哥|姐|叔|姨)"
    r"|\border\b|\bjob\b|\bvolunteer\b|\bmember\b"
)
_FOLLOW_UP_MAX = 30


def staff_follow_up(text: str | None) -> Screen | None:
    """The staff screen that answers a short follow-up typed by staff: a result sent back ('这单
    退回去重做'): the results to check; an order or its worker asked after or hurried ('刘师傅那单
    怎么样了', '催一下赵医生'): the matters in progress. None: neither."""
    if not text or len(text) > _FOLLOW_UP_MAX:
        return None
    said = to_simplified(unicodedata.normalize("NFKC", text)).strip().lower()
    if _SENT_BACK.search(said):
        return Screen.TO_VERIFY
    if _FOLLOWED.search(said) and _ORDER_OR_WORKER.search(said):
        return Screen.IN_PROGRESS
    return None


# ------------------------------------------------------------------ an office's contact, changed

# '社区电话改成021-55500199', '阳光社区的电话改成…', '把和谐社区办公时间改成周一到周五9点到5点',
# '阳光社区的地址改一下', '改一下和谐社区的电话', 'change Sunshine's phone to 021-…': an admin
# changing a community office's phone, address or opening hours (🏘 组织架构's ☎️/📍/🕘)
_CONTACT_FIELD = {
    "电话号码": "phone",
    "联系电话": "phone",
    "办公电话": "phone",
    "座机": "phone",
    "电话": "phone",
    "办公地址": "address",
    "地址": "address",
    "办公时间": "office_hours",
    "上班时间": "office_hours",
    "开放时间": "office_hours",
    "工作时间": "office_hours",
    "服务时间": "office_hours",
    "phone number": "phone",
    "telephone": "phone",
    "phone": "phone",
    "address": "address",
    "opening hours": "office_hours",
    "office hours": "office_hours",
    "hours": "office_hours",
}
_CONTACT_ZH_FIELD = "|".join(k for k in _CONTACT_FIELD if not k.isascii())
_CONTACT_EN_FIELD = "|".join(k for k in _CONTACT_FIELD if k.isascii())
_CONTACT_LEAD = r"^(?:请|麻烦|麻烦你)?(?:帮我|帮忙|给)?(?:把|将)?"
_CONTACT_PLACE = r"(?P<place>[^\s，。,！!？?：:]{1,20}?)(?:的)?(?:办公室|服务中心|居委会)?(?:的)?"
_CONTACT_TO = (
    r"(?:要|需要)?(?:改成|改为|换成|更新为|更新成|变成|变更为|设为|设置为|设成|修改为|改到)"
    r"\s*[:：]?\s*(?P<value>\S.*)$"
)
_CONTACT_VERB = r"(?:修改一下|更新一下|改一下|换一下|改改|改下|修改|更新|改)"
_CONTACT_SAYS = (
    re.compile(rf"{_CONTACT_LEAD}{_CONTACT_PLACE}(?P<field>{_CONTACT_ZH_FIELD}){_CONTACT_TO}"),
    re.compile(
        rf"{_CONTACT_LEAD}{_CONTACT_PLACE}(?P<field>{_CONTACT_ZH_FIELD})"
        rf"(?:要|需要|得|想)?{_CONTACT_VERB}(?:吧|了|啊|呀)?$"
    ),
    re.compile(
        rf"^(?:请|麻烦)?(?:帮我|我想|我要)?{_CONTACT_VERB}{_CONTACT_PLACE}"
        rf"(?P<field>{_CONTACT_ZH_FIELD})(?:吧|啊|呀)?$"
    ),
    re.compile(
        rf"^(?:please )?(?:change|set|update) (?:the )?(?P<place>\S.{{0,40}}?)(?:'s)? ?"
        rf"(?:office )?(?P<field>{_CONTACT_EN_FIELD})(?: to (?P<value>\S.*))?$",
        re.IGNORECASE,
    ),
)
CONTACT_MAX_CHARS = 150


@dataclass(frozen=True)
class ContactSaid:
    """A community office's detail an admin asks in words to change: `field` ("phone",
    "address", "office_hours"), `place` the community as written ('阳光社区', '社区', 'sunshine
    community'), `value` the new one where said (else None: it is asked)."""

    field: str
    place: str
    value: str | None


def contact_change_said(text: str | None) -> ContactSaid | None:
    """Words asking to change a community office's phone, address or opening hours, or None.
    Whose office the place names (a community, or just '社区') is for the caller to read."""
    said = to_simplified(unicodedata.normalize("NFKC", text or "")).strip(" 。.!！~～")
    said = " ".join(said.split())
    if not said or len(said) > CONTACT_MAX_CHARS:
        return None
    for pattern in _CONTACT_SAYS:
        found = pattern.match(said)
        if found is None:
            continue
        value = found.groupdict().get("value")
        field_ = _CONTACT_FIELD[found.group("field").lower()]
        place = found.group("place").strip().lower()
        return ContactSaid(field=field_, place=place, value=value.strip() if value else None)
    return None


# ------------------------------------------------------------ staff asking about their community

_ASKED_MAX = 60  # English says these in more letters than _STAFF_WORDS_MAX

# '今天谁值班', '谁在值班', '值班的是谁', 'who is on duty today': who to reach at the office. Linli
# keeps no duty roster: the answer is the office's contact and hours, and the staff listed there
_ON_DUTY = re.compile(
    r"^(?:请问)?(?:今天|今儿|今日|现在|明天|这周|本周|周末)?(?:是)?(?:谁|哪位|哪个)(?:在)?值班"
    r"(?:啊|呀|呢|来着)?$"
    r"|^(?:请问)?(?:今天|今儿|今日|现在|明天)?(?:的)?值班(?:的)?(?:人|人员)?是(?:谁|哪位)"
    r"(?:啊|呀|呢)?$"
    r"|^(?:请问)?(?:今天|现在)?(?:的)?值班(?:表|安排|人员)(?:呢|是什么|是怎样的)?$"
    r"|^who (?:is|s) on duty(?: today| now| tomorrow)?$"
    r"|^who (?:is|s) (?:working|in the office) (?:today|now)$"
    r"|^(?:the )?duty (?:roster|rota)$"
)


def asks_on_duty(text: str | None) -> bool:
    """Staff asking who is on duty ('今天谁值班', '值班的是谁', 'who is on duty today')."""
    said = _staff_words(text, _ASKED_MAX).rstrip("？?").replace("'", " ")
    return bool(said and _ON_DUTY.match(said))


# '1号楼有几户', '1号楼住了多少人', '阳光社区3栋有多少居民', 'how many households in building 1':
# the building as written (the caller finds it among those the asker works for)
_BUILDING_COUNT = (
    re.compile(
        r"^(?:请问)?(?P<place>[^\s，。,！!？?]{1,16}?(?:号楼|栋|幢|座|号)) ?"
        r"(?:里|里面|一共|总共|现在|目前)*"
        r"(?:有|住了|住着|住|登记了|登记的|登记)(?:有)?(?:几|多少)(?:个|位)?"
        r"(?:户人家|户|家|人|居民|住户|口人)(?:人家|居民)?(?:啊|呀|呢|来着)?$"
    ),
    re.compile(
        r"^how many (?:households|homes|people|residents|families)"
        r"(?: are there| live| are| are living)?"
        r" in (?P<place>(?:building|bldg|block) ?[0-9a-z]{1,4})$"
    ),
    re.compile(
        r"^how many (?:households|homes|people|residents|families) (?:does|has) "
        r"(?P<place>(?:building|bldg|block) ?[0-9a-z]{1,4})(?: have| got)?$"
    ),
)


def building_count_asked(text: str | None) -> str | None:
    """The building a staff member asks how many live in ('1号楼有几户' '1号楼', '阳光社区3栋住了
    多少人' '阳光社区3栋', 'how many residents in building 1' 'building 1'), as written
    (lowercased), or None."""
    said = _staff_words(text, _ASKED_MAX).rstrip("？?")
    for pattern in _BUILDING_COUNT:
        found = pattern.match(said)
        if found:
            return found.group("place").strip()
    return None


# '给所有社区发个通知', '给全街道发通知', 'send a notice to all communities': an admin's notice to
# every resident of every community (the notice form's 所有社区的所有居民)
_NOTICE_TO_ALL = re.compile(
    r"^(?:请|帮我|麻烦|我要|我想)?(?:给|向|对)(?:所有社区|所有的社区|全部社区|各社区|各个社区|每个社区|"
    r"全街道|整个街道|街道所有居民|所有居民|全体居民)(?:的)?(?:居民|所有居民|大家)?"
    r"(?:都)?(?:发个|发一个|发一条|发条|发|群发)(?:通知|公告|消息)(?:吧)?$"
    r"|^(?:please )?(?:send|post) (?:a |an )?(?:notice|announcement|broadcast) to "
    r"(?:all|every|each) (?:communities|community|residents)(?: in all communities)?$"
    r"|^(?:please )?notify (?:all communities|every community|everyone in all communities)$"
)


def notice_to_every_community(text: str | None) -> bool:
    """An admin asking for a notice to all the communities ('给所有社区发个通知')."""
    said = _staff_words(text, _ASKED_MAX)
    return bool(said and _NOTICE_TO_ALL.match(said))
