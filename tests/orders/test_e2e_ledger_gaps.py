"""Staff cards and ledger lines walked as 李社工 with 周阿姨 (phone 13900000001) and
吴大爷 (no phone): a rating line reads '11月23日（周一）10:00 居民评价：…' (before,
'居民评价（11月23日（周一）10:00）'); 吴大爷's follow-up offers no call that cannot be made
('电话：-' before): it says 未留电话, his room and that he can tap the rating himself, and is
recorded as 代为记录, not 电话回访; a card opened by typing its number shows its likely
duplicates as the one from the queue does; at night 派单, 结案, a call settled and a result
accepted say the resident hears at 07:00; an estate named '幸福里' is where the matter is."""

from __future__ import annotations

from datetime import UTC, datetime

from models import Building
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_called_back import _asked
from tests.orders.test_e2e_card_after_step import _labels
from tests.orders.test_e2e_cycle import STAFF, WU, ZHOU, _file
from tests.orders.test_e2e_night_issue import _issue
from tests.orders.test_e2e_phone_rating import _done
from tests.orders.test_e2e_verify_card_after import _verify_card
from tests.orders.test_ledger_gaps import _nests

NIGHT = datetime(2026, 11, 23, 20, 30, tzinfo=UTC)  # 04:30 in Shanghai: quiet hours
MORNING = "11月24日（周二）07:00"


async def _card(h: Harness, typed: str, number: str) -> dict[str, object]:
    """Staff open the matter's card by typing its number (as '00003' or '诉求3')."""
    sent = await h.driver.send(STAFF, typed)
    return await h.driver.expect(STAFF, f"诉求 {number} ·", since=sent["message_id"])


async def test_a_follow_up_without_a_phone_offers_no_call(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _file(h, WU, "楼道的灯坏了，晚上很黑")
    card = await _done(h)
    labels = _labels(card)
    assert "📝 记录回访" in labels and "📞 电话回访" not in labels, labels
    await d.tap(STAFF, "记录回访", card["message_id"])
    ask = message_text(await d.expect(STAFF, "回访诉求", since=card["message_id"]))
    assert "联系人：吴大爷 · 未留电话 · 房号：502" in ask, ask
    assert "电话：" not in ask and "打电话" not in ask, ask
    assert "上门问问" in ask and "居民可以自己点" in ask, ask
    asked = await d.expect(STAFF, "回访诉求", since=card["message_id"])
    await d.tap(STAFF, "不满意", asked["message_id"])
    await d.expect(STAFF, "不满意的地方", since=asked["message_id"])
    sent = await d.send(STAFF, "灯还是一闪一闪的")
    done = message_text(await d.expect(STAFF, "已记录诉求", since=sent["message_id"]))
    assert "的回访：😞 不满意" in done and "电话回访" not in done, done
    now = await d.expect(STAFF, "代为记录", since=card["message_id"] - 1)
    assert now["message_id"] == card["message_id"], message_text(now)
    [line] = [x for x in message_text(now).splitlines() if "居民评价：" in x]
    assert line.endswith("居民评价：😞 不满意 · 灯还是一闪一闪的（李社工代为记录）"), line
    assert not _nests(line), line
    assert await d.errors() == []


async def test_a_card_opened_by_its_number_shows_likely_duplicates(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    first = await _file(h, WU, "楼道的灯坏了，晚上很黑")
    second = await _file(h, ZHOU, "楼道的灯不亮了，晚上黑乎乎的")
    typed = message_text(await _card(h, second, second))
    assert f"⚠️ 可能与 {first}（很像）是同一件事" in typed, typed
    typed = message_text(await _card(h, f"诉求{int(first)}", first))
    assert f"⚠️ 可能与 {second}（很像）是同一件事" in typed, typed
    assert await d.errors() == []


async def test_at_night_issue_and_close_say_when_the_resident_hears(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))  # Mon 10:00 in Shanghai
    by_day = await _issue(h, "家里厨房的水管漏水了，地上都是水")
    assert "居民会在" not in by_day, by_day

    # a matter 周阿姨 was not satisfied with, back with staff (by day)
    number = await _file(h, ZHOU, "楼道里的扶手松了")
    card = await _done(h)
    await d.tap(STAFF, "电话回访", card["message_id"])
    ask = await d.expect(STAFF, "电话回访诉求", since=card["message_id"])
    await d.tap(STAFF, "不满意", ask["message_id"])
    comment = await d.expect(STAFF, "不满意的地方", since=ask["message_id"])
    await d.tap(STAFF, "跳过", comment["message_id"])
    await d.expect(STAFF, "诉求已重新打开", since=comment["message_id"])

    h.clock.set(NIGHT)
    at_night = await _issue(h, "小区门口的路灯不亮了，晚上很黑")
    assert "已通知" in at_night and f"居民会在 {MORNING} 收到已派单的消息" in at_night, at_night

    reopened = await _card(h, number, number)
    await d.tap(STAFF, "结案", reopened["message_id"])
    closed = message_text(await d.expect(STAFF, "已结案", since=reopened["message_id"]))
    assert f"居民会在 {MORNING} 收到" in closed, closed
    assert await d.errors() == []


async def test_an_estate_named_x_li_is_where_the_matter_is(linli_sandbox: Harness) -> None:
    """吴大爷 names an estate of his community called only '幸福里': the preview puts the
    matter there (before, '里' was never read as an estate's word, and nothing was found)."""
    h = linli_sandbox
    d = h.driver
    async with h.sessionmaker() as session:
        session.add(Building(community_id=1, grid_id=2, name="幸福里", households=0))
        await session.commit()
    await d.say(WU, "📝 我要点单")
    await d.say(WU, "幸福里门口的路灯坏了，晚上很黑")
    [*_, preview] = await d.say(WU, "✅ 说完了")
    text = message_text(preview)
    assert "📍 地点：幸福里（按您说的" in text, text
    await d.say(WU, "✖️ 取消")
    await d.say(WU, "📝 我要点单")
    await d.say(WU, "家里的灯坏了，晚上很黑")
    [*_, preview] = await d.say(WU, "✅ 说完了")
    assert "幸福里" not in message_text(preview), message_text(preview)
    assert await d.errors() == []


async def test_at_night_a_call_settled_says_when_the_resident_hears(
    linli_sandbox: Harness,
) -> None:
    """吴大爷 asked to be called back; 李社工 called him at night and settled it: the matter is
    closed, and his notice waits for 07:00 (before, '居民会收到通知', as if at once)."""
    h = linli_sandbox
    d = h.driver
    number = await _asked(h, WU, "13912345678")
    h.clock.set(NIGHT)
    card = await _card(h, number, number)
    await d.tap(STAFF, "已回电", card["message_id"])
    asked = await d.expect(STAFF, "电话里说了什么", since=card["message_id"])
    await d.say(STAFF, "水管是物业的事，已帮他约了物业明天上门")
    outcome = await d.expect(STAFF, "电话里说好了，还是有事要办", since=asked["message_id"])
    await d.tap(STAFF, "电话里已解决", outcome["message_id"])
    said = message_text(await d.expect(STAFF, "已结案", since=outcome["message_id"]))
    assert f"居民会在 {MORNING} 收到通知" in said, said
    assert await d.errors() == []


async def test_at_night_a_result_accepted_says_when_the_resident_hears(
    linli_sandbox: Harness,
) -> None:
    """A member's result accepted at night: the resident is asked to rate at 07:00 (before,
    '结果已请居民评价', as if asked now)."""
    h = linli_sandbox
    d = h.driver
    verify, _ = await _verify_card(h)
    h.clock.set(NIGHT)
    await d.tap(STAFF, "验收通过", verify["message_id"])
    said = message_text(await d.expect(STAFF, "已验收", since=verify["message_id"] - 1))
    assert f"居民会在 {MORNING} 收到结果并评价" in said, said
    assert "已请居民评价" not in said, said
    assert await d.errors() == []
