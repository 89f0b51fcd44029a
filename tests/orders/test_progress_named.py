"""A progress question naming a matter ('我那个水管的事怎么样了'): what it names
(services.smalltalk.progress_subject), how well a matter's words hold it (names_matter), and
which of the asker's own matters it is (services.requests.own_about, SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import Request, RequestStatus
from services import requests as req_svc
from services.smalltalk import Kind, classify, names_matter, progress_subject, says_again
from services.triage.english import EnglishLexicon
from tests.orders.conftest import T0, World, draft


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("我那个水管的事怎么样了", "水管"),
        ("楼道灯什么时候来修", "楼道灯"),
        ("我家水管漏水的事，处理了吗", "水管漏水"),
        ("请问上次说的路灯的事情，解决了吗？", "路灯"),
        ("下水道堵了的事有人管吗", "下水道堵"),
        ("電梯那個事辦得怎麼樣", "电梯"),  # Traditional characters read as Simplified
        ("any news about the elevator", "elevator"),
        ("elevator status?", "elevator"),
        # English names a thing in words: two or three are still a name
        ("any news about the stairwell light?", "stairwell light"),
        ("any update on the kitchen water pipe?", "kitchen water pipe"),
        ("any news about the broken light in the stairwell on the fourth floor?", None),
        # not a question after a matter's progress, or one naming nothing
        ("水管坏了怎么办", None),
        ("谢谢，楼道灯还是不亮", None),
        ("我反映的事怎么样了", None),
        ("怎么样了", None),
        ("楼道灯", None),
        ("我家楼上那户人家天天晚上装修吵得我睡不着觉到底有没有人管一管啊怎么样了", None),
    ],
)
def test_the_matter_a_progress_question_names(text: str, subject: str | None) -> None:
    assert progress_subject(text) == subject


def test_progress_questions_without_a_matter_are_read_whole() -> None:
    for text in ("我的诉求到哪一步了", "修好了吗", "解决了没有"):
        assert classify(text) == Kind.PROGRESS, text
        assert progress_subject(text) is None, text


def test_how_much_of_the_name_a_matter_holds() -> None:
    assert names_matter("水管", "你好，我家厨房水管漏水了") == 1.0
    assert names_matter("水管漏水", "厨房水管一直漏水") == pytest.approx(2 / 3)  # 水管, 漏水
    assert names_matter("楼道灯", "楼上漏水，天花板都湿了") == 0.0
    assert names_matter("灯", "3号楼楼道灯坏了") == 1.0
    assert names_matter("elevator", "The elevators in my building are stuck") == 1.0
    assert names_matter("lift door", "the lift is broken") == 0.5


def test_words_saying_it_happened_again() -> None:
    assert says_again("水管又坏了，赶紧来修")
    assert says_again("楼道灯还是不亮，什么时候来修")
    assert not says_again("楼道灯什么时候来修")


async def _filed(session: AsyncSession, w: World, text: str, minutes: int) -> Request:
    filed = await req_svc.file_request(
        session,
        user=w.resident,
        draft=draft(text),
        suggestion=None,
        now=T0 + timedelta(minutes=minutes),
    )
    return filed.request


async def test_the_asker_s_own_matter_that_names_it(session: AsyncSession, world: World) -> None:
    w = world
    pipe = await _filed(session, w, "家里厨房水管漏水了", 0)
    light = await _filed(session, w, "3号楼楼道灯坏了，晚上很黑", 1)
    now = T0 + timedelta(hours=1)
    found = await req_svc.own_about(session, user=w.resident, subject="水管", now=now)
    assert found is not None and found.id == pipe.id
    found = await req_svc.own_about(session, user=w.resident, subject="楼道灯", now=now)
    assert found is not None and found.id == light.id
    assert await req_svc.own_about(session, user=w.resident, subject="下水道", now=now) is None
    # a neighbour asking after the same words: none of theirs
    assert await req_svc.own_about(session, user=w.resident2, subject="楼道灯", now=now) is None


async def test_an_open_matter_before_an_ended_one_and_old_ones_left_out(
    session: AsyncSession, world: World
) -> None:
    w = world
    old = await _filed(session, w, "楼道灯坏了", 0)
    newer = await _filed(session, w, "楼道灯又坏了", 2)
    newer.status = RequestStatus.RESOLVED
    newer.updated_at = T0 + timedelta(days=3)
    session.add(newer)
    await session.commit()
    soon = T0 + timedelta(days=4)
    # the open one, though older, is what "怎么样了" asks after
    found = await req_svc.own_about(session, user=w.resident, subject="楼道灯", now=soon)
    assert found is not None and found.id == old.id
    old.status = RequestStatus.CLOSED
    old.updated_at = T0 + timedelta(days=1)
    session.add(old)
    await session.commit()
    # both ended: the newest of them, while lately ended
    found = await req_svc.own_about(session, user=w.resident, subject="楼道灯", now=soon)
    assert found is not None and found.id == newer.id
    # "又坏了": not one that already ended; a month on, neither is what is asked after
    assert (
        await req_svc.own_about(
            session, user=w.resident, subject="楼道灯", now=soon, ended_too=False
        )
        is None
    )
    later = T0 + timedelta(days=40)
    assert await req_svc.own_about(session, user=w.resident, subject="楼道灯", now=later) is None


def test_a_matter_named_in_the_other_language() -> None:
    """Before, matched only by shared characters or words: 0 across languages."""
    lexicon = EnglishLexicon.load()
    assert names_matter("elevator", "电梯坏了，困在里面", lexicon=lexicon) == 1.0
    assert names_matter("lift door", "3号楼电梯门关不上", lexicon=lexicon) == 1.0
    assert names_matter("电梯", "the lift is broken again", lexicon=lexicon) == 1.0
    assert names_matter("elevator", "the lift is broken", lexicon=lexicon) == 1.0
    assert names_matter("升降梯", "电梯坏了", lexicon=lexicon) == 1.0
    assert names_matter("elevator", "厨房水管漏水", lexicon=lexicon) == 0.0
    assert names_matter("水管", "the lift is broken", lexicon=lexicon) == 0.0
    # without the lexicon, as before
    assert names_matter("elevator", "电梯坏了") == 0.0


async def test_a_question_in_english_finds_a_matter_filed_in_chinese(
    session: AsyncSession, world: World
) -> None:
    w = world
    lexicon = EnglishLexicon.load()
    pipe = await _filed(session, w, "家里厨房水管漏水了", 0)
    lift = await _filed(session, w, "电梯坏了，老人下不了楼", 1)
    now = T0 + timedelta(hours=1)

    async def about(subject: str) -> Request | None:
        return await req_svc.own_about(
            session, user=w.resident, subject=subject, now=now, lexicon=lexicon
        )

    assert (found := await about("elevator")) is not None and found.id == lift.id
    assert (found := await about("lift")) is not None and found.id == lift.id
    assert (found := await about("water pipe")) is not None and found.id == pipe.id
    assert await about("street light") is None
