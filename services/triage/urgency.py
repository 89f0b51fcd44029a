"""Urgency: danger to people or property, in any category, with negation and past tense.

Recall matters more than precision: a false alarm costs a grid worker a look, a missed fall or
gas leak can cost a life. So a hit is dropped only when its own clause clearly says it is not
happening (negated, hypothetical, or over and done with).
"""

from __future__ import annotations

import re

from services.triage.text import normalize

# reason code -> patterns on normalised (Simplified, lower-case) text
_RULES: dict[str, tuple[str, ...]] = {
    "fall": (
        r"(?<!差点)(?<!差一点)(?<!防)摔倒",
        r"跌倒",
        r"摔了一?跤",
        r"(老人|大爷|奶奶|爷爷|姥姥|老太|老头|人|他|她|妈|爸).{0,4}摔(了|伤|下)",
        r"倒在(地|家|门|楼|路|卫生间|厕所|床)",
        r"(爬|站|坐)不起来",
        r"起不来",
        r"\b(fell|fallen|has fallen)\b",
        r"\b(can't|cannot|can not|unable to|couldn't) (get|stand|sit) up\b",
    ),
    "unconscious": (
        r"晕倒",
        r"昏倒",
        r"昏迷",
        r"叫不醒",
        r"不省人事",
        r"(没有|没了|失去)(意识|知觉|呼吸)",
        r"没呼吸",
        r"(叫|喊|拍)(他|她|人)?(也|都)?没(有)?(反应|动静)",
        r"(躺|倒|地上|叫|喊).{0,6}不动了",
        r"抽搐",
        r"口吐白沫",
        r"迷迷糊糊",
        r"昏昏沉沉",
        r"休克",
        r"(晕|昏)过去",
        r"抽风",
        r"头晕.{0,2}(恶心|想吐)",
        r"\bunconscious\b",
        r"\bcollapsed\b",
        r"not breathing",
        r"\bpassed out\b",
        r"\b(fainted|not responding|unresponsive)\b",
        r"\b(can't|cannot|couldn't) wake (him|her|them)\b",
    ),
    "medical": (
        r"心脏病(发作|犯了)",
        r"胸口(剧痛|疼|痛)",
        r"喘不(上|过)气",
        r"呼吸困难",
        r"大出血",
        r"流了?很多血",
        r"头破血流",
        r"中风",
        r"说不(出|了)话.{0,10}(动不了|不能动)|(半边|半身|一边)(身子|身体)?.{0,4}(动不了|不能动|麻)",
        r"血压(突然)?(很|特别|非常|太|超|飙)(高|低|升)",
        r"高烧(?!已经|已|退)",
        r"(咬|夹|割|划|扎)伤",
        r"(手|脚|腿|头|人|孩子|小孩|老人).{0,6}被?夹住",
        r"脑梗",
        r"(打|叫)(了)?120",
        r"(叫|打|喊)(了)?救护车",
        r"噎住",
        r"窒息",
        r"(烫|烧|摔|撞)伤",
        r"骨折",
        r"溺水",
        # someone fallen into water; a pipe or a roof that '落水' (drips: 漏水 as some say it)
        # is a repair, not a drowning
        r"(人|孩子|小孩|老人|娃|儿子|女儿|孙子|孙女|老伴|他|她)(掉|跌|失足)?(进|到)?(河|湖|池塘|水)?(里)?落水(?!管|口|槽)",
        r"落水(者|的人)",
        r"车祸",
        r"(被车|车子?)撞(了|倒|到人)",
        r"撞(倒|到)(了)?(人|老人|孩子|小孩)",
        r"救命",
        r"求救",
        r"\bsos\b",
        r"help me",
        r"\bheart attack\b",
        r"\bbleeding\b",
        r"\bambulance\b",
        r"\bchest pains?\b",
        r"\b(having|had|has) a stroke\b",
        r"\b(can't|cannot|can not|struggling to|hard to) breathe\b|\bdifficulty breathing\b",
        r"\b(badly|seriously|very) (hurt|injured)\b|\bhead injury\b",
        r"\bbroken (leg|arm|hip|wrist|ankle)\b",
        r"\boverdose\b",
        r"\b(bitten|bit) by a (dog|snake)\b",
    ),
    "poisoning": (
        r"中毒",
        r"误(吃|服|食|喝)",
        r"(燃气|煤气|热水器|炉子|炭).{0,12}(头晕|恶心|头疼|头痛)",
        r"\bpoison",
    ),
    "gas": (
        r"(煤气|燃气|天然气|液化气|瓦斯)(的)?(味|气味|泄漏|泄露|漏了)",
        r"漏气",
        r"(燃气|煤气|天然气|液化气)(灶|阀门?|开关|管道?)?.{0,4}(关不(掉|上|了|住))",
        r"臭鸡蛋(的)?味",
        r"燃气报警器.{0,6}(响|叫|报警)",
        r"\bgas (smell|leak)",
        r"smell(s|ing)? (of |like )?gas",
        r"\bgas\b.{0,15}\bleak(s|ing|ed)?\b",
        r"\bleaking gas\b",
        r"\b(gas|carbon monoxide|co) (alarm|detector)s?\b.{0,15}"
        r"\b(going off|went off|ringing|beeping|sounding)\b",
    ),
    "fire": (
        r"(?<!不)着火",
        r"起火",
        r"失火",
        r"火灾",
        r"(冒|浓|黑)烟",
        r"(?<!油)烟(很|太|特别)大",
        r"明火",
        r"火苗",
        r"烧(起来|着了)",
        r"烧焦",
        r"火花",
        r"爆炸",
        r"(电池|电瓶|充电).{0,6}(爆|炸)",
        r"烟(感|雾报警器).{0,4}(一直)?响",
        # not a fire escape, lane, door or extinguisher, nor a fire drill or hazard
        r"\bfire\b(?!\s*(escapes?|exits?|lanes?|doors?|extinguishers?|hydrants?|hoses?|"
        r"drills?|safety|hazards?|risks?|alarms?|inspections?|engines?|brigade|station|"
        r"department|services?|regulations?|codes?|routes?|equipment|blankets?|fighters?|"
        r"prevention|access|passage|corridor|stairs?)\b)",
        r"\b(flames?|ablaze)\b",
        r"\bon fire\b",
        r"(?<!people )(?<!they )(?<!who )(?<!to )\bsmoke\b(?!\s*(detectors?|alarms?)\b)",
        r"\b(smoke|fire) (alarm|detector)s?\b.{0,15}"
        r"\b(going off|went off|ringing|beeping|sounding)\b",
        r"\bburning\b",
        r"\bspark(s|ing)\b",
    ),
    "electric": (
        r"触电",
        r"(被|给)电到",
        r"电到(我|他|她|人|手)",
        r"被电(了|一下)",
        r"漏电(?!保护|开关)",
        r"麻手",
        r"电线(裸露|掉|断了|垂)",
        r"电线杆.{0,4}(倒|断)",
        r"\belectric shock\b",
        r"\belectrocut",
        r"\b(exposed|bare|live|hanging) (electric(al)? )?wires?\b",
    ),
    "flooding": (
        r"(水管|管子|管道|进水管)(爆|破|裂)",
        r"爆管",
        r"水(管)?爆了",
        r"(家|屋|房间|屋里|楼道|地下室).{0,6}淹",
        r"淹了",
        r"水漫",
        r"倒灌",
        r"哗哗",
        r"往外(喷|涌)",
        r"水(喷|流)得到处",
        r"\bflood",
        r"\bburst pipe\b",
        r"\bpipe (has )?burst\b",
        r"\bwater (is )?(pouring|gushing|spraying|streaming)\b",
        r"\b(pouring|gushing) (in|out|down|through)\b",
    ),
    "alone_unreachable": (
        r"\b(lives|living|live) (alone|by (herself|himself)|on (her|his) own)\b.{0,50}"
        r"\b(hasn't|has not|haven't|not|no one has|nobody has) (answered|been seen|seen|"
        r"picked up|opened|been out|answering|replied)",
        r"\b(no answer|not answering|can't reach|cannot reach|can't contact|nobody has seen|"
        r"no one has seen)\b.{0,50}\b(lives|living|live) (alone|by (herself|himself))",
        r"(独居|一个人住|孤寡|空巢).{0,20}(联系不上|没见|没动静|没人应|没人接|打不通|没回)",
        r"(联系不上|没见|没动静|没人应|没人接|打不通).{0,20}(独居|一个人住|孤寡|空巢)",
        r"(老人|大爷|奶奶|爷爷|老太|老头).{0,12}(联系不上|敲门没人应|打不通|没人接)",
        r"(几|好几|两|三)天没(见|看到|出门)",
    ),
    "missing": (
        r"走丢",
        r"走失",
        r"找不到(人|孩子|老人)",
        r"(老人|孩子|小孩|爷爷|奶奶|爸|妈).{0,10}找不到",
        r"(出门|出去).{0,10}(没回来|没回家)",
        r"\b(child|children|kid|son|daughter|boy|girl|father|mother|dad|mum|mom|grandma|"
        r"grandmother|grandfather|grandpa|granny|man|woman|lady|neighbou?r|husband|wife|he|"
        r"she|person)\b.{0,25}\b(is|are|has gone|have gone|went|gone|been) missing\b",
        r"\bmissing (child|kid|person|boy|girl|old (man|woman|lady))\b",
        r"\b(can't|cannot|can not|couldn't) find (my |our |his |her )?(son|daughter|child|kid|"
        r"father|mother|dad|mum|mom|grandma|grandmother|grandfather|grandpa|granny)\b",
        r"\bwandered off\b",
    ),
    "trapped": (
        r"困在",
        r"被困",
        r"困人",
        r"关在(里面|电梯)",
        r"困(了|住|着)(一个|一位|两个|几个|个|一)?(人|老人|孩子|小孩|住户|居民)",
        r"(人|老人|孩子|小孩|他|她|妈|爸|奶奶|爷爷|外婆|姥姥).{0,4}(困住|被关住|出不来)",
        r"电梯卡(在|住)",
        r"(人|孩子|小孩|老人|大爷|奶奶|爷爷).{0,8}(掉|跌|摔|落)(进|到|下)(了)?(井|下水道|窨井|坑|沟|河)",
        r"(人|孩子|小孩|老人).{0,8}掉(进去|下去)了",
        r"电梯.{0,4}(下坠|坠落|溜梯|冲顶)",
        r"\btrapped\b",
        r"stuck in (the|a|an) (lift|elevator)",
    ),
    "violence": (
        r"打架",
        r"打人",
        r"打起来",
        r"动手",
        r"殴打",
        r"被打",
        r"家暴",
        r"持刀",
        r"(吵|打|闹).{0,6}动刀",
        r"拿(着)?(刀|棍子|棍|砖头)",
        r"砍人",
        r"打孩子",
        r"\b(fight|fighting|attacked|attacking|violence|stabbed|knife)\b",
        r"\b(beating|hitting) (him|her|them|his|a|the|my)\b",
    ),
    "self_harm": (
        r"跳楼",
        r"轻生",
        r"自杀",
        r"想不开",
        r"割腕",
        r"\bsuicide\b",
        r"\b(threatening|going|wants|want) to jump\b",
        r"\bkill (himself|herself|myself|themselves)\b",
    ),
    "falling_object": (
        r"砸(到|伤|中)(了)?(人|头|孩子|小孩|老人|行人)",
        r"差点砸",
        r"高空(抛|坠)物.{0,10}(砸|伤)",
        r"(瓷砖|玻璃|墙皮|空调外机|窗户).{0,6}(掉下来|往下掉|坠落)",
    ),
    "collapse": (r"坍塌", r"倒塌", r"塌下来", r"要塌"),
}
# rules whose parts may sit in different clauses of one sentence ("热水器开着，人头晕想吐")
_SENTENCE_RULES: dict[str, tuple[str, ...]] = {
    "poisoning": (r"(燃气|煤气|热水器|炉子|炭火|炭盆|取暖器).{0,20}(头晕|恶心|头疼|头痛|想吐)",),
    # 'the lift stopped, someone is still inside' across two clauses
    "trapped": (r"电梯.{0,20}(里面|里头|里边)(还|还是)?有(人|老人|孩子|小孩)",),
}
_COMPILED = {reason: [re.compile(p) for p in patterns] for reason, patterns in _RULES.items()}
_SENTENCE_COMPILED = {
    reason: [re.compile(p) for p in patterns] for reason, patterns in _SENTENCE_RULES.items()
}
# one pass over a clause tells whether any rule can match it at all (most clauses: none)
_ANY = re.compile("|".join(f"(?:{p})" for patterns in _RULES.values() for p in patterns))

_SENTENCE_SPLIT = re.compile(r"[。！？!?；;\n]+")
_CLAUSE_SPLIT = re.compile(r"[，,、：:]+|\s{2,}")
# negation right before the hit ("没有闻到煤气味", "不是着火")
_NEGATION = re.compile(r"(没有|没|不是|并非|无|未|不像|别|不用|no|not|never)[^，,]{0,3}$")
# not happening: a fear, a precaution, a lesson ("怕着火", "火灾隐患", "防止摔倒", "消防演练")
_HYPOTHETICAL = re.compile(
    r"(怕|担心|防止|预防|以防|防范|防火|防滑|万一|隐患|容易|可能会|演练|培训|讲座|知识|宣传|"
    r"避免|如果|假如|要是|in case|prevent|worried|afraid|scared|could cause|might|what if)"
)
_HYPOTHETICAL_AFTER = re.compile(r"^.{0,3}(隐患|演练|讲座|知识|宣传|预案|风险|hazard|risk|drill)")
# over and done with ("已经修好了", "火灭了") or back in the past ("上次", "去年")
_RESOLVED = re.compile(
    r"(修好|已修|已经修|解决了|已解决|处理好|已处理|处理完|没事了|灭了|扑灭|恢复正常|已经好了|"
    r"现在好了|已经没事|已经出院|fixed|resolved|put out|extinguished)"
)
_PAST = re.compile(r"(上次|上回|去年|前年|以前|之前|曾经|那次|前几年|上个月|last (time|year))")
# in English the time mostly follows what happened ("we had a gas leak last year")
_PAST_AFTER = re.compile(
    r"\b(last (time|week|month|year|winter|summer|spring|autumn)"
    r"|(days?|weeks?|months?|years?) ago)\b"
)
_ONGOING = re.compile(r"(现在|又|还在|一直|正在|今天|刚刚|刚才|马上|快|again|now)")
_RENEWED = re.compile(r"(又|还在|一直|正在|仍然|还是|again|still)")
_STRIP_QUESTION = re.compile(r"是不是|是否|不知道|不确定|会不会")


def _hit_is_live(clause: str, start: int, end: int, next_clause: str) -> bool:
    """Whether the hit at clause[start:end] describes something happening now."""
    before = _STRIP_QUESTION.sub("", clause[:start])
    if _NEGATION.search(before):
        return False
    if _HYPOTHETICAL.search(before) or _HYPOTHETICAL_AFTER.search(clause[end:]):
        return False
    ongoing = bool(_ONGOING.search(clause))
    resolved_here = _resolved(clause[end:])
    if resolved_here or (_resolved(next_clause) and not _RENEWED.search(next_clause)):
        return ongoing and not resolved_here
    past = _PAST.search(clause[:end]) or _PAST_AFTER.search(clause[end:])
    return not (past and not ongoing)


def _resolved(text: str) -> bool:
    """Whether a text says the matter is over ("修好了"), not that it is not ("没修好")."""
    return any(
        not re.search(r"(没|未|不)$", text[max(0, m.start() - 2) : m.start()].replace("还", ""))
        for m in _RESOLVED.finditer(text)
    )


def urgent_reasons(text: str) -> list[str]:
    """Reason codes (e.g. "gas", "fall") for danger now described in a text; [] when none."""
    norm = normalize(text)
    found: list[str] = []
    for sentence in _SENTENCE_SPLIT.split(norm):
        for reason, patterns in _SENTENCE_COMPILED.items():
            if reason not in found and any(
                _hit_is_live(sentence, m.start(), m.end(), "")
                for pattern in patterns
                for m in pattern.finditer(sentence)
            ):
                found.append(reason)
        clauses = [c for c in _CLAUSE_SPLIT.split(sentence) if c.strip()]
        for i, clause in enumerate(clauses):
            if not _ANY.search(clause):
                continue
            next_clause = clauses[i + 1] if i + 1 < len(clauses) else ""
            for reason, patterns in _COMPILED.items():
                if reason in found:
                    continue
                for pattern in patterns:
                    if any(
                        _hit_is_live(clause, m.start(), m.end(), next_clause)
                        for m in pattern.finditer(clause)
                    ):
                        found.append(reason)
                        break
    return found


def is_urgent(text: str) -> bool:
    """Whether a text describes danger to people or property happening now."""
    return bool(urgent_reasons(text))
