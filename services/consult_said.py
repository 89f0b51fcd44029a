"""A meeting or a poll staff describe in one message ('下周三晚上7点开个议事会，讨论加装电梯',
'投票：小区停车费要不要涨 选项 同意 不同意 弃权', 'new poll: should we add a lift? yes/no'):
the pieces said, for the form to start with them filled. Framework-free: words in, pieces out;
the handlers check each piece as its step does, and ask at its step what cannot be used.

Nothing said is dropped: what fits no step comes back as `rest`, for the form to say so."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from services.triage.text import to_simplified
from services.when import part_said_in, time_said_in

MAX_CHARS = 160

# the kinds of meeting (models.MeetingKind values) by the words staff use for them, longest
# first within each; '议事会' alone is the residents' one, as typed at the form's kind step
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("重大事项听证会", "hearing"),
    ("小区事务协调会", "estate"),
    ("居民议事会", "residents"),
    ("党群议事会", "party_masses"),
    ("楼栋夜话", "building_night"),
    ("听证会", "hearing"),
    ("协调会", "estate"),
    ("议事会", "residents"),
    ("夜话", "building_night"),
    ("residents' meeting", "residents"),
    ("residents meeting", "residents"),
    ("party-masses meeting", "party_masses"),
    ("estate meeting", "estate"),
    ("building night", "building_night"),
    ("public hearing", "hearing"),
    ("hearing", "hearing"),
)
_GENERIC = re.compile(r"开(?:个|一个|一次|次|场|一场)?会|会议|\bmeeting\b", re.I)
_PLAN = re.compile(
    r"开|召开|组织|举行|举办|安排|约|\b(?:hold|have|schedule|set up|new|let'?s|call)\b", re.I
)
# a meeting being set up, not one they are at or have ('下午开个会', 'hold a meeting in the
# afternoon', not '我下午开会' / '下午要开会'): where a part of the day is all of its time
_SET_UP = re.compile(
    r"开(?:个|一个|一次|次|场|一场)会|召开|组织|举行|举办|安排"
    r"|\b(?:hold|schedule|set up|let'?s|call)\b",
    re.I,
)
_ASKS = re.compile(
    r"[?？]$|吗|什么|哪|怎么|怎样|有没有|多少|几点|几号|\b(?:how|what|when|which|where|did|is|are)\b",
    re.I,
)
_PLACE = (
    re.compile(r"在\s*([^\s，,。；;在]{1,15}?)\s*(?=开|召开|举行|举办|组织|搞|进行)"),
    re.compile(r"地点\s*[:：是在]?\s*([^\s，,。；;]{1,20})"),
)
# English places: a numbered room or hall ('room 203', 'in meeting room 2', 'at Building 3
# lobby'); 'in/at the X' ('at 7pm in the hall'); a place said as a clause of its own ('…, the
# community centre, about parking'). Never a time ('in the evening', 'at night') or an ordinary
# phrase ('in time', 'at least'); a place word inside other words ('the room rates') is none.
_EN_PLACE_NOUN = (
    r"(?:room|rm|hall|centre|center|office|lobby|courtyard|square|garden|library|clubhouse"
    r"|canteen|plaza|yard|gym|auditorium|theatre|theater|building|block|park|cafe|club"
    r"|station|school|church|basement|rooftop|kitchen|studio)"
)
# words a place said as a clause does not begin with: a subject's ('about the garden')
_EN_NOT_LEAD = r"(?:about|regarding|discuss|to|re|for|of|with|on|and|or)\b"
_EN_END = r"(?=\s+(?:about|regarding|to discuss|re|on|next|this|tomorrow|from)\b|\s*[,.;!]|\s*$)"
_EN_PLACE = (
    re.compile(
        rf"(?:\b(?:in|at)\s+)?\b((?:the\s+)?(?:(?!{_EN_NOT_LEAD})[a-z]+\s+)?"
        r"(?:room|rm|hall|building|bldg|block|unit|floor|level)\s*(?:no\.?\s*)?#?\d+[a-z]?"
        rf"(?:\s+{_EN_PLACE_NOUN})?)\b",
        re.I,
    ),
    re.compile(rf"\b(?:in|at)\s+(?!\d)((?:the\s+)?[a-z][a-z' -]{{1,30}}?){_EN_END}", re.I),
    re.compile(
        rf"(?:^|[,;])\s*((?:the\s+)?(?:(?!{_EN_NOT_LEAD})[a-z'-]+\s+){{0,3}}{_EN_PLACE_NOUN})"
        rf"{_EN_END}",
        re.I,
    ),
)
# what follows 'in' / 'at' that is no place: times of day and ordinary phrases
_EN_NOT_PLACE = frozenset(
    [
        "morning",
        "afternoon",
        "evening",
        "night",
        "noon",
        "midnight",
        "dawn",
        "dusk",
        "weekend",
        "weekends",
        "moment",
        "time",
        "times",
        "once",
        "least",
        "last",
        "first",
        "all",
        "general",
        "advance",
        "person",
        "future",
        "end",
        "beginning",
        "meantime",
        "week",
        "month",
        "day",
        "today",
        "tonight",
        "tomorrow",
        "meeting",
        "touch",
        "charge",
        "favour",
        "favor",
        "mind",
        "fact",
        "case",
        "order",
        "detail",
        "total",
        "public",
        "private",
        "turn",
        "full",
        "short",
        "most",
        "best",
        "large",
        "hand",
        "progress",
        "hour",
        "hours",
        "minutes",
        "person",
    ]
)


# … nor begins with ('at least an hour', 'at once', 'at all times')
_EN_NOT_FIRST = frozenset({"least", "once", "all", "first", "last", "most", "best", "times"})


def _english_place(rest: str) -> tuple[str, tuple[int, int]] | None:
    """The English place said in `rest`, and the span to cut, or None."""
    for pattern in _EN_PLACE:
        for found in pattern.finditer(rest):
            place = found.group(1).strip(" '-")
            words = place.casefold().split()
            head = words[1:] if words[:1] in (["the"], ["a"], ["an"]) else words
            if not head or words[-1] in _EN_NOT_PLACE or head[0] in _EN_NOT_FIRST:
                continue
            return place, found.span()
    return None


_SUBJECT = (
    re.compile(
        r"(?:讨论|商量|商议|研究|议题|主题|关于)\s*[:：是]?\s*(?:一下)?\s*([^，,。；;！!]+)"
    ),
    re.compile(r"\b(?:about|regarding|to discuss|discuss|re:)\s+([^,.;!]+)", re.I),
)
_SUBJECT_TAIL = re.compile(r"(?:的(?:事情|事|问题)?|事宜|问题)$")
# words that carry no piece of the form ('开个', '我们', "let's", 'the'): left out of `rest`
_FILLER = re.compile(
    r"召开|开一个|开一次|开个|开|组织|举行|举办|安排|搞|进行|一下|一个|一次|一场|个|我们|咱们|我|大家"
    r"|要|想|准备|打算|计划|帮我|请|新建|吧|啊|呀|哦|了|的|在|会"
    r"|\b(?:let'?s|we|we'll|will|i|want|to|hold|have|schedule|set|up|a|an|the|new|please"
    r"|on|at|for|call)\b",
    re.I,
)
_CLAUSES = re.compile(r"[，,。；;！!]")
_BUSY = re.compile(
    r"在开会|正在开会|开会中|开着会|开完会|开会去了|去开会|开会呢|\bin a meeting\b", re.I
)


@dataclass(frozen=True)
class MeetingSaid:
    """The pieces of a meeting said in one message (each None when not said)."""

    kind: str | None  # a models.MeetingKind value
    title: str | None
    when: str | None  # the words of the time, as said
    place: str | None
    rest: str | None  # words that fit none of the form's steps


@dataclass(frozen=True)
class PollSaid:
    """A poll said in one message: its question, and its options when given."""

    question: str
    options: tuple[str, ...] | None
    options_said: str | None  # the options' words as said (checked at the options step)


def _norm(text: str) -> str:
    text = to_simplified(unicodedata.normalize("NFKC", text or "")).strip()
    return re.sub(r"\s+", " ", text)


def _cut(text: str, start: int, end: int) -> str:
    return f"{text[:start]} , {text[end:]}"


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans with overlapping ones joined ('residents meeting' holds 'meeting'), the last
    first, so that cutting one leaves the others where they were."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out[::-1]


def meeting_said(text: str) -> MeetingSaid | None:
    """The meeting a staff member describes ('周五下午3点在活动室开楼栋夜话'), or None when the
    words are no new meeting (a question about one, a screen's name, a poll)."""
    said = _norm(text)
    if not said or len(said) > MAX_CHARS or _ASKS.search(said) or poll_said(said) is not None:
        return None
    if _BUSY.search(said):  # '我在开会', '刚开完会': where they are, not a meeting to set up
        return None
    folded = said.casefold()
    kind = None
    span: tuple[int, int] | None = None
    for word, value in _KIND_WORDS:
        at = folded.find(word)
        if at >= 0:
            kind, span = value, (at, at + len(word))
            break
    generic = _GENERIC.search(said)
    if span is None and generic is None:
        return None
    timed = time_said_in(said)
    # a part of the day said without its clock ('下午开个会', 'in the afternoon', 'tomorrow
    # afternoon'): the time as said, its hour asked at the time step (before: left unread,
    # and the words were no meeting at all); beside a day read, joined to it
    part = part_said_in(said)
    part_only = False
    if part is not None and (timed is None or part[1] <= timed[0] or part[0] >= timed[1]):
        if timed is None:
            part_only = kind is not None or _SET_UP.search(said) is not None
            timed = part if part_only else None
        elif not said[min(timed[1], part[1]) : max(timed[0], part[0])].strip(" 的"):
            timed = (min(timed[0], part[0]), max(timed[1], part[1]))
    rest = said
    when = None
    if timed is not None:
        when = said[timed[0] : timed[1]].strip()
    if when is None and not _PLAN.search(said):
        return None  # '议事会' alone: a screen or a word, no meeting to set up
    # cut from the end first, so that the spans found stay where they were
    for start, end in _merged(
        [s for s in (timed, span, generic.span() if generic else None) if s]
    ):
        rest = _cut(rest, start, end)
    place = None
    for pattern in _PLACE:
        found = pattern.search(rest)
        if found is not None:
            place = found.group(1).strip()
            rest = _cut(rest, *found.span())
            break
    english = _english_place(rest) if place is None else None
    if english is not None:
        place, (start, end) = english
        rest = _cut(rest, start, end)
    title = None
    for pattern in _SUBJECT:
        found = pattern.search(rest)
        if found is not None:
            title = _SUBJECT_TAIL.sub("", found.group(1).strip()).strip() or None
            rest = _cut(rest, *found.span())
            break
    left = [c.strip() for c in _CLAUSES.split(rest) if _FILLER.sub("", c).strip(" '-:：")]
    if kind is None and title is None and (when is None or part_only) and place is None and left:
        return None  # '下午要开会，晚点回复': a meeting mentioned, nothing of one to set up
    return MeetingSaid(
        kind=kind, title=title, when=when, place=place, rest="，".join(left) or None
    )


_POLL = re.compile(
    r"^(?:(?:请|帮我)?(?:发起|新建|发|开|建|搞|做)?\s*(?:一个|个|一次)?\s*(?:投票|表决)"
    r"|(?:new|create|start)\s+(?:a\s+)?poll|poll)\s*[:：,，]\s*(?P<rest>.+)$",
    re.I | re.S,
)
_OPTIONS = re.compile(r"\s*(?:选项|options?)\s*[:：]?\s*(?P<options>.+)$", re.I | re.S)
_YES_NO = re.compile(r"(?<=[?？])\s*(?P<options>[^?？]+)$")


def poll_said(text: str) -> PollSaid | None:
    """The poll a staff member describes ('发起一个投票：是否同意加装电梯'), or None."""
    said = _norm(text)
    if not said or len(said) > MAX_CHARS:
        return None
    found = _POLL.match(said)
    if found is None:
        return None
    body = found.group("rest").strip()
    options_said = None
    marked = _OPTIONS.search(body)
    if marked is None:
        marked = _YES_NO.search(body)  # 'should we add a lift? yes/no'
    if marked is not None and marked.start() > 0:
        options_said = marked.group("options").strip() or None
        body = body[: marked.start()].strip()
    question = body.strip(" ,，")
    if len(question) < 2:
        return None
    options = None
    if options_said is not None:
        parts = [p for p in re.split(r"[\s/、,，;；|]+", options_said) if p]
        options = tuple(parts) if parts else None
    return PollSaid(question=question, options=options, options_said=options_said)
