"""The work behind a resident's filing, end to end (我要点单, the words, 说完了, 确认提交): how
many SQL statements the bot runs and how many Bot API calls it makes. Every statement and every
call costs the event loop the whole bot shares (bench/order_cycle.py measures it under load);
these bounds keep what was cut from creeping back. What the resident sees is checked too."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import event

from sandbox.driver import message_text
from services.address import may_name_public_place, public_place
from tests.e2e.conftest import Harness

ZHOU = 4001  # 周阿姨, 阳光社区 1号楼 302


async def _file(h: Harness, text: str) -> None:
    """One filing as a resident makes it; returns once the bot has said where to follow it."""
    d = h.driver
    await d.expect(ZHOU, "请说说", since=(await d.send(ZHOU, "📝 我要点单"))["message_id"])
    await d.expect(ZHOU, "收到文字", since=(await d.send(ZHOU, text))["message_id"])
    sent = await d.send(ZHOU, "✅ 说完了")
    preview = await d.expect(ZHOU, "分类：", since=sent["message_id"])
    await d.tap(ZHOU, "确认提交", preview["message_id"])
    filed = await d.expect(ZHOU, "已提交，编号", since=preview["message_id"] - 1)
    assert filed["message_id"] == preview["message_id"]  # the preview became the confirmation
    await d.expect(ZHOU, "我的诉求", since=preview["message_id"])


async def test_a_filing_runs_few_statements_and_calls(linli_sandbox: Harness) -> None:
    h, d = linli_sandbox, linli_sandbox.driver
    # a first filing (of another matter): what a first contact reads or writes once is done
    await _file(h, "想咨询一下低保怎么申请")
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(" ".join(statement.split()))

    engine = h.sandbox.app.engine.sync_engine
    first_call = max((c["id"] for c in await d.calls()), default=0)
    event.listen(engine, "before_cursor_execute", count)
    try:
        await _file(h, "楼上漏水，天花板都湿了，麻烦看看")
    finally:
        event.remove(engine, "before_cursor_execute", count)
    # 4 updates: the user each (roles may change meanwhile); 说完了: the open matters nearby;
    # 确认提交: the filing limits, the request, its ledger line, the staff to tell, their two
    # cards and the request's follow-up job. Words with no public place's word in them read
    # no community (there is no name of it to read past): before, 说完了 read it (13).
    assert len(statements) <= 12, "\n".join(statements)
    assert not [s for s in statements if "FROM communities WHERE communities.id" in s]
    # the resident's own chat: three answers, the tap answered, the preview edited into the
    # confirmation and the main menu back: 6 calls (the staff cards go through the outbox)
    calls = [
        c
        for c in await d.calls()
        if c["id"] > first_call
        and c["method"] != "getUpdates"
        and str(c["params"].get("chat_id", ZHOU)) == str(ZHOU)
    ]
    assert Counter(c["method"] for c in calls) == {
        "sendMessage": 4,
        "answerCallbackQuery": 1,
        "editMessageText": 1,
    }, calls
    assert await d.errors() == []


async def test_public_words_still_read_past_the_communitys_name(linli_sandbox: Harness) -> None:
    """A description with a public place's word still gets its one-tap hint (the community's
    name read, so '阳光社区门口' is the gate and not a garden of the name)."""
    d = linli_sandbox.driver
    await d.expect(ZHOU, "请说说", since=(await d.send(ZHOU, "📝 我要点单"))["message_id"])
    said = "东门外马路上有个大坑，晚上看不清"
    await d.expect(ZHOU, "收到文字", since=(await d.send(ZHOU, said))["message_id"])
    sent = await d.send(ZHOU, "✅ 说完了")
    preview = await d.expect(ZHOU, "分类：", since=sent["message_id"])
    assert "东门外马路" in message_text(preview)
    assert await d.errors() == []


def test_no_public_word_no_public_place_whatever_the_name() -> None:
    """may_name_public_place False ⇒ public_place None for any name read past; a name ending
    where the look-behind stops a word ('…楼' before '东门') is no exception."""
    names = ("", "阳光社区", "阳光楼", "幸福家", "楼上漏水", "东门", "花园小区")
    texts = (
        "楼上漏水，天花板都湿了",
        "想咨询一下低保怎么申请",
        "阳光楼东门外有个坑",
        "小区门口电动车乱停",
        "楼下广场舞太吵了",
        "花园小区的花园里有蛇",
    )
    for text in texts:
        for name in names:
            if not may_name_public_place(text):
                assert public_place(text, names=(name,)) is None, (text, name)
    assert not may_name_public_place("楼上漏水，天花板都湿了")
    assert may_name_public_place("阳光楼东门外有个坑")
    assert public_place("阳光楼东门外有个坑") is None
    assert public_place("阳光楼东门外有个坑", names=("阳光楼",)) == "东门外"
