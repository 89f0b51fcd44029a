"""Small talk: what people type to a bot as they would to a person at the community office.

Older residents greet before they speak ("在吗？", "您好"), thank ("谢谢你们啦！"),
acknowledge ("好的", "收到") and ask how it works ("怎么用"). None of that is a matter to file,
and "没有看懂您的意思" is the wrong answer to it. `classify` says which kind a message is when the
whole message is small talk (words of these kinds and fillers such as 啊/呀/您/大家/社区,
punctuation and emoji); anything with other words in it ("谢谢，楼道灯还是不亮") is not small
talk, so it can still be filed.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class Kind(StrEnum):
    GREETING = "greeting"  # 你好 / 在吗
    THANKS = "thanks"  # 谢谢 / 辛苦了
    ACK = "ack"  # 好的 / 收到
    BYE = "bye"  # 再见
    HELP = "help"  # 怎么用
    PROGRESS = "progress"  # 我反映的事怎么样了


# the phrases of each kind, "|"-separated (lowercase; Latin ones match as whole words)
_PHRASES: dict[Kind, str] = {
    Kind.GREETING: "你好|您好|你们好|大家好|早上好|上午好|中午好|下午好|晚上好|早安|早|在吗|"
    "在不在|有人吗|有人在吗|在么|嗨|哈喽|哈罗|喂|hello|hi|hey|good morning|"
    "good afternoon|good evening",
    Kind.THANKS: "谢谢|多谢|感谢|谢了|谢啦|辛苦了|辛苦|麻烦了|麻烦你们了|劳驾|thanks|thank you|"
    "thx|many thanks",
    Kind.ACK: "好的|好滴|好哒|好嘞|好|嗯嗯|嗯|哦哦|哦|噢|知道了|晓得了|收到|明白了|明白|懂了|行|"
    "可以|没问题|哈哈|呵呵|呃|额|ok|okay|got it|sure|fine|hmm|hm|um|umm",
    Kind.BYE: "再见|拜拜|回头见|晚安|bye|goodbye|see you",
    Kind.HELP: "怎么用|怎么弄|怎么操作|怎么办理|不会用|不会弄|看不懂|帮助|菜单|功能|help|menu|"
    "how does this work|what can you do",
    Kind.PROGRESS: "怎么样了|进度|进展|办得怎么样|办好了吗|办了吗|办了没|处理了吗|处理了没|"
    "处理得怎么样|有人管吗|有结果了吗|有结果吗|什么时候来|什么时候修|还没人来|还没有人来|"
    "我的诉求|反映的事|反映的问题|报的事|报修的事|my request|my requests|status|progress",
}
# words around small talk that do not make it a matter
_FILLERS = (
    "你们|你|您|大家|社区|工作人员|同志|老师|师傅|领导|小伙子|姑娘|非常|十分|太|真|很|多|一下|下|了|"
    "啊|呀|啦|哈|呢|吧|哟|喔|嘛|的|我|请问|那|这个|那个|是|都|so|much|very|a|lot|you|all|guys|"
    "there|please|上次|之前|前几天|昨天|前天|事情|事|问题|帮我|看看|查|查一下|what|is|the|of"
)
# Latin tokens must be whole words; CJK ones are matched anywhere they start
_TOKENS: list[tuple[str, Kind | None]] = sorted(
    [(p, k) for k, ps in _PHRASES.items() for p in ps.split("|")]
    + [(f, None) for f in _FILLERS.split("|")],
    key=lambda pk: -len(pk[0]),
)
MAX_CHARS = 40  # longer messages say something more than small talk


def _clean(text: str) -> str:
    """Lowercase, with punctuation, symbols (emoji) and spaces between CJK words dropped; Latin
    words keep one space between them."""
    kept = []
    for ch in text.lower():
        cat = unicodedata.category(ch)
        if cat[0] in "PSCZ" or ch in "\ufe0f\u200d":
            kept.append(" ")
        else:
            kept.append(ch)
    return re.sub(r"\s+", " ", "".join(kept)).strip()


def classify(text: str | None) -> Kind | None:
    """The kind of small talk this whole message is, or None (it says something else).

    A message mixing kinds is read by the strongest: help, progress, then thanks, greeting,
    bye, ack ("好的，谢谢" thanks; "你好，我上次反映的事怎么样了" asks for progress).
    """
    if not text or len(text) > MAX_CHARS:
        return None
    rest = _clean(text)
    if not rest:
        return None
    found: set[Kind] = set()
    while rest:
        rest = rest.lstrip()
        if not rest:
            break
        for token, kind in _TOKENS:
            if not rest.startswith(token):
                continue
            after = rest[len(token) :]
            if token.isascii() and after and after[0].isascii() and after[0].isalnum():
                continue  # 'hi' in 'him'
            if kind is not None:
                found.add(kind)
            rest = after
            break
        else:
            return None  # a word that is not small talk
    for kind in (Kind.HELP, Kind.PROGRESS, Kind.THANKS, Kind.GREETING, Kind.BYE, Kind.ACK):
        if kind in found:
            return kind
    return None  # fillers alone ("那个…") are not small talk either
