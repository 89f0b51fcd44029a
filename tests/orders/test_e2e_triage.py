"""Staff triage end to end: transfer with its follow-up, merge, decline, withdraw, filing for a
resident, and the ledger numbers afterwards."""

from __future__ import annotations

from sqlmodel import select

from models.orders import Request, RequestStatus
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_cycle import HUANG, STAFF, WU, ZHENG, ZHOU, _file, _open_card


async def test_transfer_merge_decline_withdraw(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # transfer to an outside unit, then record its answer: the resident is asked to rate
    road = await _file(h, WU, "小区门口的路面塌陷了一个大坑，很危险")
    await _open_card(h, road)
    await d.tap(STAFF, "转办")
    await d.say(STAFF, "区市政工程管理处")
    await d.tap(STAFF, "跳过")
    await d.expect(STAFF, f"诉求 {road} 已转办")
    await d.expect(WU, "区市政工程管理处")
    await d.say(STAFF, "📋 待办诉求")  # the transferred one is no longer waiting
    await d.expect(STAFF, "目前没有待受理的诉求")
    # a duplicate from a neighbour is merged into it
    dup = await _file(h, HUANG, "门口路上有个大坑")
    await _open_card(h, dup)
    await d.tap(STAFF, "合并")
    await d.say(STAFF, road)
    await d.expect(STAFF, f"诉求 {dup} 已并入诉求 {road}")
    await d.expect(HUANG, f"和诉求 {road} 合并办理")
    # the unit answers; both residents hear it, the first is asked to rate
    await d.say(STAFF, "📋 待办诉求")
    await d.tap(STAFF, "办理中的事项")
    listing = await d.expect(STAFF, "共 1 件")
    assert road in message_text(listing)
    await d.tap(STAFF, f"查看 {road}")
    await d.expect(STAFF, f"诉求 {road} · 已转办")
    await d.tap(STAFF, "记录回复")
    await d.say(STAFF, "市政处已填平路面")
    await d.tap(STAFF, "已解决")
    await d.expect(STAFF, "已记录")
    await d.expect(WU, "市政处已填平路面")
    follower = await d.expect(HUANG, "市政处已填平路面")
    await d.tap(HUANG, "查看进度", follower["message_id"])
    await d.expect(HUANG, f"诉求 {dup} · 已合并")
    # decline with a reason
    odd = await _file(h, ZHENG, "想请社区帮忙买彩票")
    await _open_card(h, odd)
    await d.tap(STAFF, "不受理")
    await d.say(STAFF, "不属于社区服务范围")
    declined = await d.expect(ZHENG, "不属于社区服务范围")
    # where to ask why: the community office's phone from the org file
    assert "如有疑问，可以致电社区：021-55500101" in message_text(declined)
    # the resident withdraws a request staff have not handled yet
    mine = await _file(h, ZHOU, "想问问垃圾分类的时间")
    await d.say(ZHOU, "📂 我的诉求")
    await d.tap(ZHOU, f"查看 {mine}")
    await d.tap(ZHOU, "撤回")
    await d.tap(ZHOU, "确定撤回")
    await d.expect(ZHOU, f"诉求 {mine} 已撤回")
    async with h.sessionmaker() as s:
        statuses = {r.resident_id: r.status for r in (await s.exec(select(Request))).all()}
    assert statuses == {
        WU: RequestStatus.DONE,
        HUANG: RequestStatus.MERGED,
        ZHENG: RequestStatus.DECLINED,
        ZHOU: RequestStatus.WITHDRAWN,
    }


async def test_staff_file_for_a_resident_who_phoned(linli_sandbox: Harness) -> None:
    d = linli_sandbox.driver
    await d.say(STAFF, "☎️ 代居民登记")
    await d.tap(STAFF, "3号楼")
    await d.tap(STAFF, "电话")
    await d.say(STAFF, "101")
    await d.tap(STAFF, "跳过")
    await d.expect(STAFF, "怎么称呼")
    await d.tap(STAFF, "跳过")
    await d.say(STAFF, "独居老人在家摔倒了，起不来")
    filed = await d.expect(STAFF, "已代为登记")
    number = message_text(filed).split("编号")[1].strip().rstrip("。")
    card = await d.expect(STAFF, "渠道：电话")
    assert "紧急（摔倒）" in message_text(card) and number in message_text(card)
    async with linli_sandbox.sessionmaker() as s:
        req = (await s.exec(select(Request))).one()
        assert req.channel == "phone" and req.resident_id is None and req.urgent
