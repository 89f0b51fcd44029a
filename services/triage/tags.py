"""Whether a segmented word can stand as a keyword (the tags staff read on a request's card):
a thing or a matter (楼道灯, 漏水, 噪音), not a piece of a clause that jieba cut out of the
middle (臭得 of 臭得不行, 灯坏 of 走廊灯坏了, 坏了, 太吵, 我妈, 几盏); an English word in its
singular (lights -> light)."""

from __future__ import annotations

import re

# the particles that close a verb or an adjective (臭得, 坏了, 开着, 修过): what follows is cut off
_PARTICLE_ENDS = frozenset("了着得过")
# a pronoun or demonstrative in front says whose or which (我妈, 那辆, 每周), not what
_PRONOUN_STARTS = frozenset("我你他她它那这哪每某")
# a degree adverb in front of one character says how much (太吵, 很脏, 挺大)
_DEGREE_STARTS = frozenset("很太挺蛮")
_NOT_DEGREES = frozenset({"太极", "太太", "太阳"})
# a number or 'a few' before a measure or a time (几盏, 两次, 三天, 九点半, 一个月)
_QUANTITY = re.compile(
    r"(?:[一二两三四五六七八九十百千几半]|好几)+多?"
    r"(?:[个次回遍年天日月周点分秒只辆家项页栋盏条截片块串根张排顿股滩窝位件层米斤元早晚倍]"
    r"|星期|小时|分钟)+半?"
)
# the characters jieba's guesses (words not in its dictionary) glue onto a neighbour: 全是,
# 往外, 一到, 装个, 要换, 被车
_FUNCTION_CHARS = frozenset(
    "一我你他她它那这哪每有没要想能还很太挺全都也又再就才只往在被把给让用来去请多总不里上下帮找完是得了着过个到"
)
# a guess of two characters that ends in what something does is a clause cut in two (车停,
# 线断, 顶裂, 灯喊): a thing of one character and its verb, neither of them a keyword
_PREDICATE_ENDS = frozenset("坏断裂掉停开压乱喊扣住漏堵臭吵亮响满破烂塌湿冒倒歪松跑叫养设放换快慢")


def is_chinese_fragment(word: str, *, known: bool, faults: frozenset[str]) -> bool:
    """Whether a Chinese word is a piece of a clause rather than a thing or a matter.

    known: the word is in jieba's dictionary or ours (else it is jieba's guess);
    faults: the lexicon's named faults (不亮, 不通, 漏水), which stand as keywords."""
    first, last = word[0], word[-1]
    # 睡不着, 打不着, 下不了: cannot do it, a whole clause; 坏了, 漏了, 臭得: cut off
    particle = last in _PARTICLE_ENDS and not (len(word) == 3 and word[1] == "不")
    if word in faults:
        return particle  # 坏了, 漏了, 堵了: the fault is named elsewhere
    if particle or first in _PRONOUN_STARTS:
        return True
    if len(word) == 2 and first in _DEGREE_STARTS and word not in _NOT_DEGREES:
        return True
    if _QUANTITY.fullmatch(word) or (len(word) == 2 and first == "一"):
        return True
    # not + verb (不动, 不让, 没修, 没人来), has + (有车, 有锈): what there is or not, unless
    # the lexicon names it as a fault
    if first in "不没有" and (len(word) == 2 or word.startswith("没人")):
        return True
    if not known and len(word) == 2:
        return bool({first, last} & _FUNCTION_CHARS) or last in _PREDICATE_ENDS
    return False


def split_fault(word: str, *, things: frozenset[str], faults: frozenset[str]) -> list[str]:
    """A word that is a thing and its fault as the lexicon names them (灯不亮) as the two:
    ['灯', '不亮']; any other word as itself: a fault (打不开, 出毛病), a verb and its fault
    (刷不开: cannot open it by card)."""
    if word in faults:
        return [word]
    for at in range(1, len(word) - 1):
        if word[:at] in things and word[at:] in faults:
            return [word[:at], word[at:]]
    return [word]


# plurals not to make singular: the word is not a plural, or its singular means something else
_NOT_PLURALS = frozenset(
    {
        "upstairs",
        "downstairs",
        "stairs",
        "news",
        "series",
        "species",
        "gas",
        "bus",
        "lens",
        "glasses",
        "always",
        "perhaps",
        "thanks",
        "has",
        "was",
        "does",
        "this",
        "its",
        "his",
        "yes",
        "christmas",
        "physics",
        "diabetes",
        "rabies",
        "clothes",
        "premises",
        "police",
        "mumps",
        "measles",
    }
)


def english_singular(word: str) -> str:
    """lights -> light, batteries -> battery, boxes -> box; words that are no plural stay."""
    if word in _NOT_PLURALS or len(word) < 4 or not word.endswith("s"):
        return word
    if word.endswith(("ss", "us", "is", "os")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("oes") and len(word) > 5:
        return word[:-2]
    return word[:-1]
