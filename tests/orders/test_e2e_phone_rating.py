"""电话回访: a matter filed for a resident who phoned (☎️ 代居民登记) had no chat to be asked for
its rating, so it closed unrated and the satisfaction rate never heard them. 📞 电话回访 on the
done request's card records what the resident said on the phone, as their own rating would be
(不满意 reopens the matter), and the card says it was by phone and who recorded it."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models.orders import Rating, Request, RequestStatus
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_card_after_step import _labels
from tests.orders.test_e2e_cycle import STAFF, ZHOU, _file
from tests.support import reply_to


async def _phoned_in_and_done(h: Harness, matter: str) -> dict[str, Any]:
    """李社工 files a phoned-in matter for 王奶奶 (no chat), handles it and writes the result;
    the card as it then reads."""
    d = h.driver
    [ask] = await d.say(STAFF, "☎️ 代居民登记")
    await d.tap(STAFF, "1号楼", ask["message_id"])
    await d.expect(STAFF, "怎么反映的", since=ask["message_id"] - 1)
    await d.tap(STAFF, "电话", ask["message_id"])
    await d.expect(STAFF, "房号是多少", since=ask["message_id"] - 1)
    await reply_to(d, STAFF, "602", "联系电话")
    await reply_to(d, STAFF, "13700000009", "怎么称呼")
    await reply_to(d, STAFF, "王奶奶", "反映的事情")
    await reply_to(d, STAFF, matter, "已代为登记")
    return await _done(h)


async def _done(h: Harness) -> dict[str, Any]:
    d = h.driver
    [queue] = await d.say(STAFF, "📋 待办诉求")
    await d.tap(STAFF, "查看", queue["message_id"])
    card = await d.expect(STAFF, "· 待受理", since=queue["message_id"])
    await d.tap(STAFF, "直接办理", card["message_id"])
    handling = await d.expect(STAFF, "· 社区办理中", since=card["message_id"] - 1)
    await d.tap(STAFF, "填写结果", handling["message_id"])
    await d.expect(STAFF, "办理结果", since=handling["message_id"])
    sent = await d.send(STAFF, "已请物业修好")
    await d.expect(STAFF, "已发给居民评价", since=sent["message_id"])
    return await d.expect(STAFF, "已办结待评价", since=handling["message_id"] - 1)


async def test_a_phoned_in_matter_is_rated_by_phone(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    card = await _phoned_in_and_done(h, "1号楼门口的井盖松了，踩上去会晃")
    assert "📞 电话回访" in _labels(card), _labels(card)
    await d.tap(STAFF, "电话回访", card["message_id"])
    ask = await d.expect(STAFF, "电话回访诉求", since=card["message_id"])
    assert "王奶奶" in message_text(ask) and "13700000009" in message_text(ask)
    await d.tap(STAFF, "基本满意", ask["message_id"])
    comment = await d.expect(STAFF, "居民还说了什么", since=ask["message_id"])
    sent = await d.send(STAFF, "修得挺快，就是井盖有点响")
    done = await d.expect(STAFF, "电话回访：🙂 基本满意", since=sent["message_id"])
    assert "重新打开" not in message_text(done)
    now = await d.expect(STAFF, "电话回访，李社工记录", since=card["message_id"] - 1)
    assert now["message_id"] == card["message_id"], message_text(now)
    assert "· 已解决" in message_text(now) and "井盖有点响" in message_text(now)
    assert "📞 电话回访" not in _labels(now), _labels(now)
    assert "跳过" not in str(_labels(await _message(h, comment["message_id"])))
    async with h.sessionmaker() as session:
        [request] = (await session.exec(select(Request))).all()
        [rating] = (await session.exec(select(Rating))).all()
    assert request.status == RequestStatus.RESOLVED and rating.rater_id == STAFF


async def test_unsatisfied_by_phone_reopens_and_the_resident_question_goes(
    linli_sandbox: Harness,
) -> None:
    """A resident with a chat who never taps: staff call and record 不满意; the matter is
    reopened, and her rating question no longer asks."""
    h = linli_sandbox
    d = h.driver
    await _file(h, ZHOU, "楼道里的扶手松了")
    card = await _done(h)
    question = await d.expect(ZHOU, "请给这次服务打个分")
    await d.tap(STAFF, "电话回访", card["message_id"])
    ask = await d.expect(STAFF, "电话回访诉求", since=card["message_id"])
    assert "周阿姨" in message_text(ask) and "13900000001" in message_text(ask)
    await d.tap(STAFF, "不满意", ask["message_id"])
    comment = await d.expect(STAFF, "不满意的地方", since=ask["message_id"])
    await d.tap(STAFF, "跳过", comment["message_id"])
    await d.expect(STAFF, "诉求已重新打开", since=comment["message_id"])
    now = await d.expect(STAFF, "· 重新办理", since=card["message_id"] - 1)
    assert "📤 派单" in _labels(now), _labels(now)
    # her rating question says how it was rated, without its buttons
    redrawn = await d.expect(ZHOU, "不满意", since=question["message_id"] - 1)
    assert redrawn["message_id"] == question["message_id"], message_text(redrawn)
    assert not _labels(redrawn), _labels(redrawn)


async def _message(h: Harness, message_id: int, chat: int = STAFF) -> dict[str, Any]:
    [message] = [m for m in await h.driver.messages(chat) if m["message_id"] == message_id]
    return message
