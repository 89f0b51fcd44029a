"""Two matters told in one message ('楼道灯坏了，还有电梯也不动了', '1号楼门口垃圾没人收，另外
路灯也不亮'): older residents say all that is wrong at once, and it was filed as one request,
so one of the two waited on the other's staff. `two_matters` finds such a message so the
preview can offer to file it as two; it is kept conservative: a wrong split costs the resident
a matter torn in half, a missed one only what happened before.

Read as two only when all of these hold:
- the words are joined by one word that starts another matter (还有, 另外, 此外, 再有, 顺便 …)
  right after a break between clauses (，。；! ? or a space) — '电梯和楼道灯都坏了' and
  '电梯还有异响' stay one;
- each side names a thing of its own and what is wrong with it (data/matters.txt), and neither
  thing is the other or a kind of it (灯 and 楼道灯 are one);
- triage is sure of each side's category (an after-effect such as '地板也泡了' is not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from services.triage.text import normalize

# words that begin another matter, longest first (so '另外还有' is taken whole)
_STARTERS = (
    "另外还有",
    "还有就是",
    "还有一件事",
    "还有个事",
    "还有一个事",
    "另一件事",
    "另外",
    "此外",
    "再有",
    "再就是",
    "顺便说一下",
    "顺便说下",
    "顺便",
    "还有",
)
_SPLIT = re.compile(
    r"[\s,.!?;，。！？；、]+(?:" + "|".join(_STARTERS) + r")(?:[\s,，:：]+|(?=\S))"
)
# each side says something: a few characters at least
_MIN_CHARS = 3


@dataclass(frozen=True)
class TwoMatters:
    """The words of each matter, as the resident wrote them (the joining word left out)."""

    first: str
    second: str


def two_matters(text: str, *, triage: Any) -> TwoMatters | None:
    """The two matters a request's words plainly hold, or None (one matter, or not sure)."""
    if triage is None or not text.strip():
        return None
    joins = list(_SPLIT.finditer(text))
    if len(joins) != 1:
        return None
    join = joins[0]
    first, second = text[: join.start()].strip(), text[join.end() :].strip()
    if len(first) < _MIN_CHARS or len(second) < _MIN_CHARS:
        return None
    a = triage.matters.read(normalize(first))
    b = triage.matters.read(normalize(second))
    if not (a.objects and a.faults and b.objects and b.faults) or a.meets(b):
        return None
    if any(bool(triage.analyze(side).unsure) for side in (first, second)):
        return None
    return TwoMatters(first=first, second=second)
