"""📞 已回电 on the staff card of a matter asked with 📞 请社区回电: staff note what came of the
call, then close it as settled on the phone (the resident told kindly) or keep it as a real
matter with its words and category set (it stays in the queue, triaged as any request). The
ledger keeps the call. Before, staff had only 🙋 直接办理 and a result to write."""

from __future__ import annotations

from sqlmodel import col, select

from models.orders import LedgerEvent, Request, RequestStatus
from models.users import AuditEvent
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import GRID_WORKER, STAFF, WU, ZHOU
from tests.support import inline_labels

OTHER_STAFF = 2003  # 陈社工, 和谐社区
CALLED = "📞 已回电"


async def _asked(h: Harness, resident: int, phone: str | None = None) -> str:
    """The resident asks to be called back: the matter's number."""
    d = h.driver
    [answer] = await d.say(resident, "你们能不能打个电话给我，我不会打字")
    await d.tap(resident, "请社区回电", answer["message_id"])
    if phone is not None:
        await d.expect(resident, "请留一个能接电话的号码", since=answer["message_id"])
        await d.say(resident, phone)
    filed = await d.expect(resident, "已请社区给您回电话", since=answer["message_id"])
    return message_text(filed).split("编号")[1].split("。")[0].strip()


async def _card(h: Harness, number: str) -> dict:
    d = h.driver
    sent = await d.send(STAFF, number)
    return await d.expect(STAFF, f"诉求 {number} · 待受理", since=sent["message_id"])


async def _ledger(h: Harness, number: str) -> tuple[Request, list[LedgerEvent]]:
    async with h.sessionmaker() as session:
        req = await session.get(Request, int(number))
        assert req is not None
        rows = await session.exec(
            select(LedgerEvent)
            .where(col(LedgerEvent.request_id) == req.id)
            .order_by(col(LedgerEvent.id))
        )
        return req, list(rows.all())


async def test_called_back_and_settled_on_the_phone(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _asked(h, WU, "13912345678")
    card = await _card(h, number)
    assert CALLED in inline_labels(card), inline_labels(card)
    data = f"oc:scall:{int(number)}:0"
    # a forged tap: the resident, and staff of another community, are refused and logged
    [mine] = await d.say(WU, "📂 我的诉求")
    forged = await d.click(WU, mine["message_id"], data=data)
    assert "没有权限" in forged["answer"]["text"], forged
    [other] = await d.say(OTHER_STAFF, "你好")
    forged = await d.click(OTHER_STAFF, other["message_id"], data=data)
    assert "没有权限" in forged["answer"]["text"], forged
    async with h.sessionmaker() as session:
        refused = await session.exec(
            select(AuditEvent.actor_id).where(
                col(AuditEvent.action) == "refused", col(AuditEvent.detail) == "called_back"
            )
        )
        assert sorted(refused.all()) == [OTHER_STAFF, WU]
    # staff: what came of the call, then settled
    await d.tap(STAFF, CALLED, card["message_id"])
    asked = await d.expect(STAFF, "电话里说了什么", since=card["message_id"])
    await d.say(STAFF, "水管是物业的事，已帮他约了物业下午上门")
    outcome = await d.expect(STAFF, "电话里说好了，还是有事要办", since=asked["message_id"])
    resident_seen = (await d.messages(WU))[-1]["message_id"]
    await d.tap(STAFF, "电话里已解决", outcome["message_id"])
    await d.expect(STAFF, "在电话里已解决，已结案", since=outcome["message_id"])
    told = await d.expect(WU, "已经给您回过电话了", since=resident_seen)
    assert number in message_text(told) and "办完了" in message_text(told)
    req, events = await _ledger(h, number)
    assert req.status == RequestStatus.CLOSED and "物业下午上门" in (req.result_note or "")
    actions = [e.action for e in events]
    assert actions == ["file", "call_back", "called_back", "handle", "result", "close"], actions
    assert "物业下午上门" in events[2].note
    # the card tapped reads closed, without 已回电; the old button is refused as out of date
    redrawn = (await d.messages(STAFF, card["message_id"] - 1))[0]
    assert CALLED not in inline_labels(redrawn), inline_labels(redrawn)
    again = await d.click(STAFF, outcome["message_id"], data=f"oc:scbok:{int(number)}:0")
    assert "失效" in again["answer"]["text"] or "处理过" in again["answer"]["text"], again
    assert await d.errors() == []


async def test_called_back_and_kept_as_a_matter(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    number = await _asked(h, ZHOU)  # her phone on file
    card = await _card(h, number)
    await d.tap(STAFF, CALLED, card["message_id"])
    asked = await d.expect(STAFF, "电话里说了什么", since=card["message_id"])
    await d.tap(STAFF, "跳过", asked["message_id"])
    outcome = await d.expect(STAFF, "还是有事要办", since=asked["message_id"])
    await d.tap(STAFF, "有事要办", outcome["message_id"])
    words = await d.expect(STAFF, "请写下要办的事", since=outcome["message_id"])
    assert "不会打字" in message_text(words), message_text(words)  # what it says now
    await d.say(STAFF, "3号楼东侧路灯不亮，晚上看不见路")
    cats = await d.expect(STAFF, "属于哪一类", since=words["message_id"])
    assert "公共设施" in message_text(cats), message_text(cats)  # triage's suggestion
    resident_seen = (await d.messages(ZHOU))[-1]["message_id"]
    await d.tap(STAFF, "公共设施", cats["message_id"])
    await d.expect(STAFF, "内容和分类已更新", since=cats["message_id"])
    new_card = await d.expect(STAFF, f"诉求 {number} · 待受理", since=cats["message_id"])
    assert "路灯不亮" in message_text(new_card), message_text(new_card)
    labels = inline_labels(new_card)
    assert CALLED not in labels and "🙋 直接办理" in labels, labels  # triaged as any request
    told = await d.expect(ZHOU, "您说的事已经记下", since=resident_seen)
    assert number in message_text(told)
    req, events = await _ledger(h, number)
    assert (req.status, req.category) == (RequestStatus.NEW, "facilities")
    assert req.text == "3号楼东侧路灯不亮，晚上看不见路"
    actions = [e.action for e in events]
    assert actions == ["file", "call_back", "called_back", "call_back_words", "category"], actions
    assert "不会打字" in events[3].note  # the words before are kept
    assert await d.errors() == []


async def test_an_urgent_call_back_alerts_the_grid(linli_sandbox: Harness) -> None:
    """What staff heard on the call is urgent ('老人在家摔倒了，起不来'): the outcome question
    says so, and kept as a matter it is an urgent request — the grid's staff get the urgent
    alert at once, as for one filed urgent. Before, it stayed an ordinary matter, nobody
    alerted."""
    h = linli_sandbox
    d = h.driver
    number = await _asked(h, ZHOU)
    card = await _card(h, number)
    await d.tap(STAFF, CALLED, card["message_id"])
    asked = await d.expect(STAFF, "电话里说了什么", since=card["message_id"])
    await d.say(STAFF, "她说家里老人摔倒了，起不来，需要人马上过去")
    outcome = await d.expect(STAFF, "还是有事要办", since=asked["message_id"])
    assert "听起来紧急" in message_text(outcome), message_text(outcome)
    grid_seen = (await d.messages(GRID_WORKER))[-1]["message_id"]
    await d.tap(STAFF, "有事要办", outcome["message_id"])
    words = await d.expect(STAFF, "请写下要办的事", since=outcome["message_id"])
    await d.tap(STAFF, "跳过", words["message_id"])
    cats = await d.expect(STAFF, "属于哪一类", since=words["message_id"])
    await d.tap(STAFF, "其他", cats["message_id"])
    kept = await d.expect(STAFF, "内容和分类已更新", since=cats["message_id"])
    assert "已按紧急诉求处理" in message_text(kept), message_text(kept)
    alert = await d.expect(GRID_WORKER, f"紧急诉求 {number}", since=grid_seen)
    assert "🚨" in message_text(alert)
    assert not [
        m
        for m in await d.messages(STAFF, cats["message_id"])
        if "紧急诉求 " + number + " ·" in message_text(m) and "请立即处理" in message_text(m)
    ]
    req, events = await _ledger(h, number)
    assert req.urgent and req.status == RequestStatus.NEW
    assert "mark_urgent" in [e.action for e in events]
    assert await d.errors() == []


async def test_an_ordinary_call_back_alerts_nobody(linli_sandbox: Harness) -> None:
    """Nothing urgent heard: no word of urgency, nobody alerted (the matter as it was)."""
    h = linli_sandbox
    d = h.driver
    number = await _asked(h, ZHOU)
    card = await _card(h, number)
    await d.tap(STAFF, CALLED, card["message_id"])
    asked = await d.expect(STAFF, "电话里说了什么", since=card["message_id"])
    await d.say(STAFF, "想问问垃圾分类的时间")
    outcome = await d.expect(STAFF, "还是有事要办", since=asked["message_id"])
    assert "紧急" not in message_text(outcome)
    await d.tap(STAFF, "有事要办", outcome["message_id"])
    words = await d.expect(STAFF, "请写下要办的事", since=outcome["message_id"])
    await d.tap(STAFF, "跳过", words["message_id"])
    cats = await d.expect(STAFF, "属于哪一类", since=words["message_id"])
    await d.tap(STAFF, "其他", cats["message_id"])
    kept = await d.expect(STAFF, "内容和分类已更新", since=cats["message_id"])
    assert "紧急" not in message_text(kept)
    req, _ = await _ledger(h, number)
    assert not req.urgent
    assert await d.errors() == []


async def _settled_with(h: Harness, number: str, note: str) -> dict:
    """📞 已回电 with this note, then ✅ 电话里已解决 tapped: what came next."""
    d = h.driver
    card = await _card(h, number)
    await d.tap(STAFF, CALLED, card["message_id"])
    asked = await d.expect(STAFF, "电话里说了什么", since=card["message_id"])
    await d.say(STAFF, note)
    outcome = await d.expect(STAFF, "还是有事要办", since=asked["message_id"])
    await d.tap(STAFF, "电话里已解决", outcome["message_id"])
    return await d.expect(STAFF, "真的在电话里解决了吗", since=outcome["message_id"])


async def test_an_urgent_note_settled_is_asked_and_kept_open(linli_sandbox: Harness) -> None:
    """✅ 电话里已解决 with an urgent note ('家里有煤气味'): closing is asked first (closed,
    nobody would be alerted); 🚨 不结案，提醒网格 keeps the matter as an urgent request and
    the grid's staff get the urgent alert. Before, it closed at the tap, nobody alerted."""
    h = linli_sandbox
    d = h.driver
    number = await _asked(h, ZHOU)
    asked = await _settled_with(h, number, "她说家里有煤气味，老人摔倒了")
    assert "听起来紧急" in message_text(asked), message_text(asked)
    labels = inline_labels(asked)
    assert labels == ["🚨 不结案，提醒网格", "✅ 确实已解决，结案"], labels
    req, _ = await _ledger(h, number)
    assert req.status == RequestStatus.NEW  # nothing closed before the answer
    await d.say(STAFF, "好的")  # words where a button is to be tapped: the buttons above
    grid_seen = (await d.messages(GRID_WORKER))[-1]["message_id"]
    await d.tap(STAFF, "不结案", asked["message_id"])
    kept = await d.expect(STAFF, "没有结案，已按紧急诉求处理", since=asked["message_id"])
    assert number in message_text(kept)
    alert = await d.expect(GRID_WORKER, f"紧急诉求 {number}", since=grid_seen)
    assert "🚨" in message_text(alert)
    req, events = await _ledger(h, number)
    assert req.urgent and req.status == RequestStatus.NEW
    actions = [e.action for e in events]
    assert "mark_urgent" in actions and "close" not in actions, actions
    assert await d.errors() == []


async def test_an_urgent_note_settled_when_confirmed(linli_sandbox: Harness) -> None:
    """✅ 确实已解决，结案 after the question: closed as before, the resident told, and the
    ledger keeps that staff confirmed closing an urgent-sounding call."""
    h = linli_sandbox
    d = h.driver
    number = await _asked(h, ZHOU)
    resident_seen = (await d.messages(ZHOU))[-1]["message_id"]
    asked = await _settled_with(h, number, "说家里漏电，已让她拉下总闸，电工已经修好了")
    await d.tap(STAFF, "确实已解决", asked["message_id"])
    await d.expect(STAFF, "在电话里已解决，已结案", since=asked["message_id"])
    await d.expect(ZHOU, "已经给您回过电话了", since=resident_seen)
    req, events = await _ledger(h, number)
    assert req.status == RequestStatus.CLOSED and not req.urgent
    actions = [e.action for e in events]
    assert actions[:4] == ["file", "call_back", "called_back", "call_settled_urgent"], actions
    assert actions[-1] == "close", actions
    assert await d.errors() == []
