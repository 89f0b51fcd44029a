"""Keywords read as the tags a community worker would write for the matter: things and
matters (楼道灯, 下水道, 漏水), not pieces of a clause jieba cut out of the middle (臭得 of
臭得不行, 灯坏 of 走廊灯坏了, 又坏了, 太吵), quantities (几盏, 两次) or, in English, words that
say when or how (off, week, outside); English nouns in the singular."""

from __future__ import annotations

import pytest

from services.triage import Triage
from services.triage.tags import english_singular, is_chinese_fragment
from services.triage.text import normalize


@pytest.mark.parametrize(
    ("said", "keywords"),
    [
        # 臭得 (of 臭得不行) was the third keyword, 不行 the fourth
        ("五号楼门口的下水道堵了，臭得不行", ["下水道", "门口"]),
        # 灯坏 and 一到 were keywords
        ("4号楼走廊灯坏了，一到晚上就黑", ["楼道灯", "走廊"]),
        # 又坏了
        ("电梯又坏了，老人下不了楼", ["电梯", "老人"]),
        # 灯不亮 is the lamp and its fault: 路灯 and 不亮, not 路灯 and 灯不亮
        ("小区门口路灯不亮了", ["路灯", "门口", "不亮"]),
        # but 刷不开 is no thing and its fault (刷: by card): it stays whole, not 不开
        ("门禁卡刷不开单元门", ["门禁", "单元门", "刷不开"]),
        # 吵得 (of 吵得睡不着)
        ("楼上装修吵得睡不着", ["装修", "楼上", "睡不着"]),
        # 臭得 again, and 满了 stays out
        ("垃圾桶满了好几天没人清，臭得很", ["垃圾", "没人清"]),
        # 我妈 (whose) out; 起不来 (cannot get up) is a whole clause and stays
        ("我妈在卫生间摔倒了起不来", ["厕所", "卫生间", "起不来", "摔倒"]),
        # a good case as it was: our dictionary's 煤气味 is not cut into 煤 and 气味
        ("楼道里闻到煤气味", ["燃气", "楼道", "闻到", "煤气味"]),
        # a fault as the community names it (our dictionary): 飞线充电 and 乱停车 were 充电, 乱停
        ("楼下有人飞线充电，电动车停在楼道里", ["电动车", "楼道", "飞线充电", "楼下"]),
        ("小区门口总有人乱停车", ["门口", "乱停车"]),
    ],
)
def test_chinese_keywords_are_tags(triage: Triage, said: str, keywords: list[str]) -> None:
    assert triage.keywords(said) == keywords


def test_traditional_keywords_are_written_in_simplified(triage: Triage) -> None:
    # 失靈, 冰涼, 師傅 and 異地 were shown as typed, beside Simplified keywords
    assert "失灵" in triage.keywords("電梯按鍵失靈，按了幾次都不動")
    assert "冰凉" in triage.keywords("暖氣片冰涼，一直沒人來")
    assert "师傅" in triage.keywords("維修師傅說下午來")
    assert "异地" in triage.keywords("異地就醫怎麼備案")


@pytest.mark.parametrize(
    ("said", "fragments"),
    [
        ("楼道的声控灯坏了好几盏，晚上上楼要打手电", {"灯坏", "几盏", "好几盏"}),
        ("3号楼的电梯这周坏了两次，每次都要等一天", {"周坏", "两次", "坏了"}),
        ("消防通道上天天停着一辆白色越野车", {"停着", "一辆"}),
        ("小区广场舞太吵了，音乐每天放到九点半", {"太吵", "九点半", "每天"}),
        ("我妈腿脚不好，家里那辆轮椅坏了", {"我妈", "那辆", "不好"}),
        ("充电桩扫码以后不通电，钱扣了", {"钱扣", "扣了"}),
    ],
)
def test_no_fragments_quantities_or_pronouns(
    triage: Triage, said: str, fragments: set[str]
) -> None:
    words = triage.keywords(said)
    assert words and not fragments & set(words), words


@pytest.mark.parametrize(
    ("said", "keywords"),
    [
        # 'outside', 'off' and 'week' were keywords
        ("The street lights outside have been off for a week", ["street", "light"]),
        # 'since', 'last', 'send' and 'week'
        (
            "Water is leaking from the ceiling since last week, please send someone",
            ["water", "leaking", "ceiling"],
        ),
        ("Mosquitoes everywhere near the bins, please spray", ["mosquito", "bin", "spray"]),
        # 'working' says what is wrong, as 'broken' does: it was a stop word, and a lamp or a
        # lift 'not working' (the commonest way to say so) had no fault among its keywords;
        # shown with its negation, as 'working' alone says the opposite
        ("The corridor lights are not working again", ["light", "corridor", "not working"]),
        ("The lift isn't working", ["lift", "isn't working"]),
        ("The lift in our building has been broken for a week", ["broken", "lift"]),
    ],
)
def test_english_keywords_leave_out_function_words(
    triage: Triage, said: str, keywords: list[str]
) -> None:
    assert triage.keywords(said) == keywords


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("lights", "light"),
        ("batteries", "battery"),
        ("boxes", "box"),
        ("bushes", "bush"),
        ("mosquitoes", "mosquito"),
        ("shoes", "shoe"),
        ("neighbours", "neighbour"),
        # no plurals, or a plural whose singular says something else
        ("gas", "gas"),
        ("bus", "bus"),
        ("glass", "glass"),
        ("upstairs", "upstairs"),
        ("lift", "lift"),
    ],
)
def test_english_singular(plural: str, singular: str) -> None:
    assert english_singular(plural) == singular


FAULTS = frozenset({"不亮", "不通", "坏了", "打不着"})


@pytest.mark.parametrize(
    ("word", "known", "fragment"),
    [
        # cut off after a particle, but 'cannot do it' is whole, and so is a fault named so
        ("臭得", False, True),
        ("又坏了", True, True),
        ("坏了", True, True),
        ("停着", False, True),
        ("睡不着", True, False),
        ("打不着", True, False),
        # whose, how much, how many, when
        ("我妈", False, True),
        ("那辆", False, True),
        ("太吵", False, True),
        ("太极", True, False),
        ("几盏", True, True),
        ("两个星期", False, True),
        ("三小时", False, True),
        ("九价", False, False),
        ("一到", False, True),
        # not, has: only as the lexicon names a fault
        ("不动", True, True),
        ("不亮", False, False),
        ("有车", False, True),
        # jieba's guesses: a thing and its verb is a clause; a verb and its object is a matter
        ("灯坏", False, True),
        ("车停", False, True),
        ("往外", False, True),
        ("消杀", False, False),
        ("扫码", False, False),
        ("盲道", False, False),
        # words as they are
        ("楼道灯", True, False),
        ("漏水", True, False),
        ("噪音", True, False),
    ],
)
def test_chinese_fragments(word: str, known: bool, fragment: bool) -> None:
    assert is_chinese_fragment(word, known=known, faults=FAULTS) is fragment


@pytest.mark.parametrize(
    ("said", "keywords"),
    [
        # 'amp' was a keyword: a resident pasted '&amp;' (from a web page, say)
        ("楼道灯 &amp; 电梯都坏了", ["楼道灯", "电梯"]),
        ("Lift &amp; lights broken", ["broken", "light", "lift"]),
        # 'quot' and 'nbsp'; doubly escaped text is taken out in one go, not unescaped twice
        ("Lift &lt;broken&gt; &quot;now&quot;&nbsp;", ["broken", "lift"]),
        ("Lift &amp;quot;broken&amp;quot;", ["broken", "lift"]),
    ],
)
def test_character_references_typed_are_no_keywords(
    triage: Triage, said: str, keywords: list[str]
) -> None:
    assert triage.keywords(said) == keywords


def test_character_references_out_of_the_normal_text() -> None:
    assert normalize("楼道灯&amp;电梯 &#38; &#x26; &AMP; &amp;amp;") == "楼道灯 电梯"
    # an '&' that starts no character reference stays as typed
    assert normalize("AT&T, a & b, &unknown; &amp") == "at&t, a & b, &unknown; &amp"
