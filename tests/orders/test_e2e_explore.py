"""Found by using the order cycle by hand: a double tap on 确认提交, an urgent order at night."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlmodel import select

from models.orders import Order, OrderStatus, Request
from sandbox.driver import message_text
from tests.e2e.conftest import Harness
from tests.orders.test_e2e_staff_cards_live import unremembered
from tests.orders.test_e2e_stale_card_redrawn import _reads
from tests.support import expect_any, reply_to

STAFF = 2001  # 李社工, 阳光社区
LIU = 3001  # 刘师傅, plumbing
ZHAO = 3002  # 赵医生, health (same community)
ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302


async def _preview(h: Harness, text: str) -> dict:
    d = h.driver
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, text)
    preview = await reply_to(d, ZHOU, "✅ 说完了", "分类：")
    assert "确认提交" in str(preview.get("reply_markup"))
    return preview


async def _queue(h: Harness) -> dict:
    """Staff's queue (not an alert that happens to arrive just after it)."""
    sent = await h.driver.send(STAFF, "📋 待办诉求")
    return await expect_any(h.driver, STAFF, ("待办诉求（共", "没有待受理"), sent["message_id"])


async def test_double_tap_on_submit_files_one_request(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _preview(h, "3号楼门口的路灯坏了好几天了")
    taps = await asyncio.gather(
        *(d.click(ZHOU, preview["message_id"], data="oc:fsubmit:0:0") for _ in range(2))
    )
    await d.expect(ZHOU, "已提交，编号")
    async with h.sessionmaker() as session:
        filed = (await session.exec(select(Request))).all()
    assert len(filed) == 1, [r.number for r in filed]
    # the second tap is told the button is spent (not a silent second filing)
    answers = [tap["answer"] for tap in taps]
    assert any(a and a.get("show_alert") for a in answers), answers


async def test_order_for_urgent_request_reaches_members_in_quiet_hours(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    h.clock.set(datetime(2026, 11, 23, 17, 0, tzinfo=UTC))  # 01:00 in Shanghai
    preview = await _preview(h, "厨房水管爆了，水漏到楼下了")
    assert "紧急" in message_text(preview)
    await d.tap(ZHOU, "确认提交")
    filed = await d.expect(ZHOU, "已提交，编号")
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    alert = await d.expect(STAFF, f"紧急诉求 {number}")  # urgent: not held for the night
    await d.tap(STAFF, "查看诉求", alert["message_id"])
    await d.expect(STAFF, f"诉求 {number} ·")
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    # the plumber hears of it now, not at 07:00
    await d.expect(LIU, f"新工单 {order_no}", timeout=10)


async def test_double_tap_on_claim_is_one_claim_without_an_apology(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.tap(ZHOU, "确认提交", (await _preview(h, "楼道的灯不亮了，晚上看不见"))["message_id"])
    filed = await d.expect(ZHOU, "已提交，编号")
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    await d.say(STAFF, "📋 待办诉求")
    await d.tap(STAFF, f"{number}")
    await d.expect(STAFF, f"诉求 {number} ·")
    await d.tap(STAFF, "派单")
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "👥 2")
    await d.expect(STAFF, "需要人数：2")
    await d.tap(STAFF, "发布工单")
    issued = await d.expect(STAFF, "已发布")
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    listing = await reply_to(d, LIU, "🛠 可接工单", "可接工单（共")
    assert order_no in message_text(listing)
    button = f"oc:claim:{int(order_no[1:])}:0"
    taps = await asyncio.gather(
        *(d.click(LIU, listing["message_id"], data=button) for _ in range(2))
    )
    answers = sorted(str((tap["answer"] or {}).get("text")) for tap in taps)
    assert answers == ["您已经接过这张工单了。", "接单成功！"], answers
    async with h.sessionmaker() as session:
        order = (await session.exec(select(Order))).one()
    assert order.claimed_count == 1 and order.status == OrderStatus.OPEN


async def test_old_card_buttons_after_the_request_was_handled(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.tap(ZHOU, "确认提交", (await _preview(h, "小区门口的垃圾好几天没人收"))["message_id"])
    filed = await d.expect(ZHOU, "已提交，编号")
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    [*_, queue] = await d.say(STAFF, "📋 待办诉求")
    await d.tap(STAFF, f"{number}", queue["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} · 待受理", since=queue["message_id"])
    # opened twice (from the queue again): the card 直接办理 is tapped on reads as it now is,
    # the other one was drawn before (before its cards were remembered: else it is taken away)
    await unremembered(h)
    await d.tap(STAFF, f"{number}", queue["message_id"])
    again = await d.expect(STAFF, f"诉求 {number} · 待受理", since=card["message_id"])
    await d.tap(STAFF, "直接办理", again["message_id"])
    handling = await d.expect(STAFF, f"诉求 {number} · 社区办理中", since=card["message_id"])
    assert handling["message_id"] == again["message_id"]
    # the first card still shows 不受理 and 派单: a tap says it changed and redraws that very
    # card as it now is (before, it kept its old buttons and a third card came below), and
    # asks for no reason (before: the reason was asked, then refused)
    tap = await d.tap(STAFF, "不受理", card["message_id"])
    assert tap["answer"]["text"] == "这件事刚刚已经有人处理过了，卡片已更新为最新状态。"
    assert tap["answer"]["show_alert"]
    redrawn = await _reads(h, card, f"诉求 {number} · 社区办理中")
    labels = [b["text"] for row in redrawn["reply_markup"]["inline_keyboard"] for b in row]
    assert "📝 填写结果" in labels and not {"❌ 不受理", "📤 派单", "↗️ 转办"} & set(labels)
    texts = [message_text(m) for m in await d.messages(STAFF, handling["message_id"])]
    assert not [t for t in texts if "原因" in t or "为诉求" in t or "哪个单位" in t], texts
    assert not [t for t in texts if t.startswith(f"诉求 {number} ·")], texts  # no card below
    assert await d.errors() == []


async def test_unsatisfied_reason_reaches_staff_once(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.tap(ZHOU, "确认提交", (await _preview(h, "楼下的下水道堵了，有臭味"))["message_id"])
    filed = await d.expect(ZHOU, "已提交，编号")
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    await d.say(STAFF, "📋 待办诉求")
    await d.tap(STAFF, f"{number}")
    card = await d.expect(STAFF, f"诉求 {number} · 待受理")
    await d.tap(STAFF, "直接办理", card["message_id"])
    handling = await d.expect(STAFF, f"诉求 {number} · 社区办理中")
    await d.tap(STAFF, "填写结果", handling["message_id"])
    await d.expect(STAFF, "办理结果")
    await d.say(STAFF, "已请物业疏通")
    rate = await d.expect(ZHOU, f"您的诉求 {number} 已办好")
    await d.tap(ZHOU, "不满意", rate["message_id"])
    ask = await d.expect(ZHOU, "哪里还不好")
    await d.send(ZHOU, "还是有臭味")
    await d.expect(ZHOU, "已记下", since=ask["message_id"])
    reason = await d.expect(STAFF, "说明了不满意的原因：还是有臭味", since=handling["message_id"])
    later = await d.wait(STAFF, reason["message_id"], 2)  # a second copy would follow at once
    chat = await d.messages(STAFF, card["message_id"])
    copies = [m for m in chat if "说明了" in message_text(m)]
    assert len(copies) == 1, [message_text(m) for m in [*copies, *later]]


async def test_transfer_says_when_it_is_followed_up(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    for text, urgent, when in (
        ("5号楼电梯坏了，老人被困在家里下不了楼", True, "11月23日（周一）22:00"),  # urgent: 12 h
        ("小区东门的路面坑坑洼洼", False, "11月26日（周四）10:00"),  # 3 days
    ):
        preview = await _preview(h, text)
        if urgent and "🚨" not in message_text(preview):  # not read as urgent: marked
            await d.tap(ZHOU, "改为紧急", preview["message_id"])
            await d.expect(ZHOU, "改为不紧急")
        await d.tap(ZHOU, "确认提交", preview["message_id"])
        filed = await d.expect(ZHOU, "已提交，编号", since=preview["message_id"] - 1)
        number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
        queue = await _queue(h)
        await d.tap(STAFF, f"{number}", queue["message_id"])
        card = await d.expect(STAFF, f"诉求 {number} · 待受理", since=queue["message_id"])
        await d.tap(STAFF, "转办", card["message_id"])
        await d.expect(STAFF, "转办给哪个单位", since=card["message_id"])
        ask = await reply_to(d, STAFF, "区住建局", "有什么需要说明的吗")
        await d.tap(STAFF, "跳过", ask["message_id"])
        done = await d.expect(STAFF, f"诉求 {number} 已转办", since=ask["message_id"])
        assert f"{when} 会提醒您跟进" in message_text(done), message_text(done)


async def test_unit_answer_typed_twice_is_shown_before_it_is_recorded(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _preview(h, "小区东门的路面坑坑洼洼")
    await d.tap(ZHOU, "确认提交", preview["message_id"])
    filed = await d.expect(ZHOU, "已提交，编号")
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    queue = await _queue(h)
    await d.tap(STAFF, f"{number}", queue["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} · 待受理")
    await d.tap(STAFF, "转办", card["message_id"])
    await d.expect(STAFF, "转办给哪个单位")
    ask = await reply_to(d, STAFF, "区市政所", "有什么需要说明的吗")
    await d.tap(STAFF, "跳过", ask["message_id"])
    transferred = await d.expect(STAFF, f"诉求 {number} 已转办")
    queue = await _queue(h)
    await d.tap(STAFF, "办理中的事项", queue["message_id"])
    await d.expect(STAFF, "办理中的事项", since=transferred["message_id"])
    await d.tap(STAFF, f"查看 {number}", queue["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} · 已转办", since=queue["message_id"])
    await d.tap(STAFF, "记录回复", card["message_id"])
    await d.expect(STAFF, "答复", since=card["message_id"])
    first = await reply_to(d, STAFF, "下周一施工 <b>修补</b> & 铺平", "问题解决了吗")
    assert "下周一施工 <b>修补</b> & 铺平" in message_text(first)
    # typed again (a correction): the prompt shows what the resident will be told
    second = await reply_to(d, STAFF, "下周二施工", "问题解决了吗")
    assert "答复：下周二施工" in message_text(second) and "问题解决了吗" in message_text(second)
    await d.tap(STAFF, "已解决", second["message_id"])
    told = await d.expect(ZHOU, "下周二施工", since=filed["message_id"])
    assert "下周一" not in message_text(told)


async def test_release_when_nobody_else_fits_offers_staff_the_whole_community(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _preview(h, "家里灯不亮了，开关好像坏了")
    await d.tap(ZHOU, "确认提交", preview["message_id"])
    filed = await d.expect(ZHOU, "已提交，编号")
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    queue = await _queue(h)
    await d.tap(STAFF, f"{number}", queue["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} · 待受理")
    await d.tap(STAFF, "派单", card["message_id"])
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "发布工单", card["message_id"])
    issued = await d.expect(STAFF, "已通知 1 位")  # only 刘师傅 fits (plumbing, 第一网格)
    order_no = message_text(issued).split("工单 ")[1].split(" ")[0]
    offer = await d.expect(LIU, f"新工单 {order_no}")
    await d.tap(LIU, "接单", offer["message_id"])
    # the offer itself becomes the claimed card
    mine = await d.expect(LIU, "接单人", since=offer["message_id"] - 1)
    await d.tap(LIU, "放弃工单", mine["message_id"])
    await d.expect(LIU, "原因", since=mine["message_id"])
    await d.say(LIU, "临时要出差")
    # staff are not told '已重新派单' when nobody else can see it: who, why, and the way out
    notice = await d.expect(STAFF, f"工单 {order_no}：刘", since=issued["message_id"])
    assert "临时要出差" in message_text(notice) and "没有其他" in message_text(notice)
    await d.tap(STAFF, "发给全社区", notice["message_id"])
    await d.expect(STAFF, f"工单 {order_no} 已不限技能和网格", since=issued["message_id"])
    await d.expect(ZHAO, f"新工单 {order_no}")


async def test_merged_notice_names_the_residents_own_request(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    numbers = []
    for text in ("3号楼门口的路灯坏了", "3号楼门口路灯不亮，晚上很黑"):
        preview = await _preview(h, text)
        await d.tap(ZHOU, "确认提交", preview["message_id"])
        filed = await d.expect(ZHOU, "已提交，编号", since=preview["message_id"] - 1)
        numbers.append(message_text(filed).split("编号")[1].strip().split("。")[0].strip())
    first, second = numbers
    await _queue(h)
    await d.tap(STAFF, second)
    card = await d.expect(STAFF, f"诉求 {second} · 待受理")
    await d.tap(STAFF, "合并", card["message_id"])
    await d.expect(STAFF, "要合并到哪件诉求", since=card["message_id"])
    await d.say(STAFF, first)
    await d.expect(STAFF, f"诉求 {second} 已并入诉求 {first}", since=card["message_id"])
    # the resident has two requests: the notice says which one follows which
    await d.expect(ZHOU, f"您的诉求 {second} 已和诉求 {first} 合并办理")


async def test_typed_order_title_gives_the_menu_back_and_says_it_was_cut(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _preview(h, "家里灯不亮了，开关好像坏了")
    await d.tap(ZHOU, "确认提交", preview["message_id"])
    filed = await d.expect(ZHOU, "已提交，编号")
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    queue = await _queue(h)
    await d.tap(STAFF, number, queue["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} · 待受理")
    await d.tap(STAFF, "派单", card["message_id"])
    await d.expect(STAFF, f"为诉求 {number} 派单")
    await d.tap(STAFF, "改标题", card["message_id"])
    asked = await d.expect(STAFF, "工单标题")
    assert "✖️ 取消" in str(asked["reply_markup"])
    title = "换客厅开关" + "并检查线路" * 13  # 70 characters
    replies = await d.say(STAFF, title)
    said = next(m for m in replies if "标题已更新" in message_text(m))
    assert "超过 60 字" in message_text(said)
    keys = [b["text"] for row in said["reply_markup"]["keyboard"] for b in row]
    assert "📋 待办诉求" in keys and "✖️ 取消" not in keys  # not left with the step's cancel
    form = replies[-1]
    assert f"标题：{title[:60]}\n" in message_text(form)
    await d.tap(STAFF, "发布工单", form["message_id"])
    await d.expect(STAFF, "已发布", since=form["message_id"] - 1)


async def test_filing_on_behalf_asks_again_for_a_room_or_phone_that_is_not_one(
    linli_sandbox: Harness,
) -> None:
    h = linli_sandbox
    d = h.driver
    [ask] = await d.say(STAFF, "☎️ 代居民登记")
    await d.tap(STAFF, "1号楼", ask["message_id"])
    await d.expect(STAFF, "怎么反映的")
    await d.tap(STAFF, "电话", ask["message_id"])
    await d.expect(STAFF, "房号是多少")
    [again] = await d.say(STAFF, "楼上那家!!!")
    assert "房号格式不对" in message_text(again)
    await d.say(STAFF, "602")
    await d.expect(STAFF, "联系电话")
    # before: taken as the phone, then every matter typed was refused with the resident's
    # 'tap 📱 发送我的手机号', and staff could only start again
    [again] = await d.say(STAFF, "abc电话")
    assert "电话号码格式不对" in message_text(again) and "跳过" in str(again["reply_markup"])
    [ask_name] = await d.say(STAFF, "138 0000 1234")
    assert "怎么称呼" in message_text(ask_name)
    # a name is letters: a second phone number typed there is asked again
    [again] = await d.say(STAFF, "13900000002")
    assert "称呼只能是文字" in message_text(again) and "跳过" in str(again["reply_markup"])
    [ask_text] = await d.say(STAFF, "王奶奶")
    assert "反映的事情" in message_text(ask_text)
    sent = await d.send(STAFF, "老人独居，家里水管漏水")
    await d.expect(STAFF, "已代为登记", since=sent["message_id"])
    # the card says whom to ask for when calling back (it goes through the outbox: a moment
    # after the answer on a loaded machine)
    await d.expect(STAFF, "联系人：王奶奶 · 电话：13800001234", since=sent["message_id"])
    async with h.sessionmaker() as session:
        req = (await session.exec(select(Request))).one()
    assert (req.room, req.contact_phone, req.contact_name) == ("602", "13800001234", "王奶奶")


async def test_withdrawn_request_old_buttons_say_it_is_withdrawn(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    preview = await _preview(h, "我家楼下的垃圾桶满了没人清理")
    await d.tap(ZHOU, "确认提交", preview["message_id"])
    filed = await d.expect(ZHOU, "已提交，编号")
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    await d.say(ZHOU, "📂 我的诉求")
    await d.tap(ZHOU, f"查看 {number}")
    view = await d.expect(ZHOU, f"诉求 {number} · 待受理")
    await d.tap(ZHOU, "撤回", view["message_id"])
    ask = await d.expect(ZHOU, f"确定要撤回诉求 {number}", since=view["message_id"])
    confirm = f"oc:rwdok:{int(number)}:0"
    await d.click(ZHOU, ask["message_id"], data=confirm)
    await d.expect(ZHOU, f"诉求 {number} 已撤回", since=view["message_id"] - 1)
    # the view's old 撤回 button: not asked again, and not told staff are handling it
    tap = await d.tap(ZHOU, "撤回", view["message_id"])
    assert tap["answer"]["text"] == "这件诉求已经撤回了。", tap
    again = await d.click(ZHOU, ask["message_id"], data=confirm)
    assert again["answer"]["text"] == "这件诉求已经撤回了。", again


async def test_card_counts_the_location_among_the_files(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await d.say(ZHOU, "📝 我要点单")
    await d.say(ZHOU, "这里的井盖不见了，很危险")
    await d.send(ZHOU, location=(31.23, 121.47))
    await d.expect(ZHOU, "收到位置")
    preview = await reply_to(d, ZHOU, "✅ 说完了", "分类：")
    await d.tap(ZHOU, "确认提交", preview["message_id"])
    filed = await d.expect(ZHOU, "已提交，编号")
    number = message_text(filed).split("编号")[1].strip().split("。")[0].strip()
    queue = await _queue(h)
    await d.tap(STAFF, number, queue["message_id"])
    card = await d.expect(STAFF, f"诉求 {number} · 待受理")
    # before: '📎 附件（0）' for a request whose one file is its location
    await d.tap(STAFF, "附件（1）", card["message_id"])
    sent: list[dict] = []
    for _ in range(5):  # the location follows the tap's answer
        sent = await d.messages(STAFF, card["message_id"])
        if any(m.get("location") for m in sent):
            break
        await d.wait(STAFF, sent[-1]["message_id"] if sent else card["message_id"], 2)
    assert any(m.get("location") for m in sent), sent
