"""An English-speaking resident (Alex, 5002) types what he would say to a person, not only the
buttons' words: 'I want to register', 'my phone is 139 1234 5678', 'I propose: more benches',
'option 2', 'I'm in'. Each is read as the Chinese forms are; before, each was offered to be
filed as a request (or refused at the phone step), and 'I want to register' even became his
first request draft once he had registered."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from models import User
from models.consultations import Topic
from sandbox.driver import message_text
from tests.consult.published import published_meeting
from tests.consult.test_e2e_qa_polls import labels_of, make_poll
from tests.e2e.conftest import Harness

ALEX = 5002  # English, unregistered
STAFF = 2001  # 李社工, Chinese, staff of 阳光社区
LIU = 3001  # 刘师傅, member of 阳光社区

# Chinese UI words that must not reach him (place names such as 阳光社区 may)
CHINESE_UI = ("要把这件事报给社区", "没有看懂", "请点", "确认", "投「", "议题")


def _said(replies: list[dict[str, Any]]) -> str:
    return "\n".join(message_text(m) for m in replies)


async def _register(h: Harness, *, phone: str = "Skip") -> str:
    """Alex registers at Sunshine Community (阳光社区) 6号楼 1203, typing the room and the phone
    as he says them."""
    d = h.driver
    await d.say(ALEX, "🏠 Register address")
    await d.tap(ALEX, "Agree and continue")
    await d.expect(ALEX, "choose your community")
    await d.tap(ALEX, "Sunshine Community")
    await d.expect(ALEX, "grid")
    await d.tap(ALEX, "Not sure")
    await d.expect(ALEX, "choose your building")
    await d.tap(ALEX, "Building 6")
    await d.expect(ALEX, "room number")
    said = _said(await d.say(ALEX, "room 1203"))
    assert "phone" in said.lower(), said
    return _said(await d.say(ALEX, phone))


async def test_registering_as_said_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    # 'I want to register' is how to register, not a matter kept for his first request
    said = _said(await d.say(ALEX, "I want to register"))
    assert "Register address" in said, said
    assert "We have noted" not in said, said
    # a phone number said in a sentence at the phone step
    done = await _register(h, phone="my phone is 139 1234 5678")
    assert "Registration complete" in done, done
    assert "What you told us before registering" not in done, done
    async with h.sessionmaker() as session:
        alex = await session.get(User, ALEX)
        assert alex is not None and (alex.room, alex.phone) == ("1203", "13912345678")


async def test_a_phone_typed_at_the_menu_is_offered_as_his_phone(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _register(h)
    [offer] = await d.say(ALEX, "my number is 139 0000 0002")
    assert "Keep 13900000002 as your contact phone?" in message_text(offer), message_text(offer)
    await d.tap(ALEX, "✅ Keep it", offer["message_id"])
    await d.expect(ALEX, "Phone number updated: 13900000002", since=offer["message_id"])
    async with h.sessionmaker() as session:
        alex = await session.get(User, ALEX)
        assert alex is not None and alex.phone == "13900000002"


async def test_a_topic_proposed_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _register(h)
    [offer] = await d.say(ALEX, "I propose: more benches in the garden")
    assert '"more benches in the garden"' in message_text(offer), message_text(offer)
    assert labels_of(offer) == ["💡 Propose as a topic", "📝 Report it"], labels_of(offer)
    await d.tap(ALEX, "💡 Propose as a topic", offer["message_id"])
    await d.expect(ALEX, "explanation", since=offer["message_id"])
    done = _said(await d.say(ALEX, "Older people have nowhere to sit"))
    assert "Topic submitted: more benches in the garden" in done, done
    async with h.sessionmaker() as session:
        topic = (await session.exec(select(Topic))).one()
    assert (topic.title, topic.proposer_id) == ("more benches in the garden", ALEX)


async def test_a_vote_and_an_rsvp_typed_in_english(linli_sandbox: Harness) -> None:
    h = linli_sandbox
    d = h.driver
    await _register(h)
    await make_poll(h)
    await d.expect(ALEX, "Poll:")
    [vote] = await d.say(ALEX, "option 2")
    assert labels_of(vote)[0] == '✅ Vote "加装电梯"', labels_of(vote)
    assert not any(w in message_text(vote) for w in CHINESE_UI), message_text(vote)
    [same] = await d.say(ALEX, "I vote for 加装电梯")
    assert "加装电梯" in labels_of(same)[0], labels_of(same)
    await published_meeting(h, title="December residents' meeting")
    await d.expect(ALEX, "December residents' meeting")
    [going] = await d.say(ALEX, "I'm in")
    assert labels_of(going)[0] == "✅ Going", labels_of(going)
    [not_going] = await d.say(ALEX, "I won't be able to come")
    assert labels_of(not_going)[0] == "✅ Not going", labels_of(not_going)
    [score] = await d.say(ALEX, "not bad")  # nothing to rate: said so, not a matter to file
    assert "No request is waiting for your rating" in message_text(score), message_text(score)


async def test_what_alex_is_told_while_staff_handle_his_request(linli_sandbox: Harness) -> None:
    """李社工 (Chinese) issues Alex's request and 刘师傅 claims it: Alex reads each step in plain
    English ('passed to its Party members and volunteers', 'has taken on'), not 'an order was
    issued and people are being found' or 'A member has claimed'."""
    h = linli_sandbox
    d = h.driver
    await _register(h)
    [offer] = await d.say(ALEX, "The water pipe under my kitchen sink is leaking")
    await d.tap(ALEX, "📝 Report it", offer["message_id"])
    [*_, preview] = await d.say(ALEX, "that's all")
    await d.tap(ALEX, "✅ Submit", preview["message_id"])
    filed = await d.expect(ALEX, "Submitted, number", since=preview["message_id"] - 1)
    number = message_text(filed).split("number ")[1].split(".")[0]
    notice = await d.expect(STAFF, f"诉求 {number}")
    await d.tap(STAFF, "查看诉求", notice["message_id"])
    await d.expect(STAFF, f"诉求 {number} ·")
    await d.tap(STAFF, "派单")
    await d.tap(STAFF, "改为全社区")
    await d.expect(STAFF, "全社区的党员")
    await d.tap(STAFF, "发布工单")
    accepted = await d.expect(ALEX, f"Your request {number} has been accepted")
    assert "Party members and volunteers" in message_text(accepted), message_text(accepted)
    listed = _said(await d.say(ALEX, "📂 My requests"))
    assert f"{number} · passed to volunteers" in listed, listed
    order = await d.expect(LIU, "新工单")
    await d.click(LIU, order["message_id"], text="✋ 接单")
    claimed = await d.expect(ALEX, f"has taken on your request {number}")
    said = message_text(claimed)
    assert said.startswith("A Party member or volunteer"), said
    assert not any(w in said for w in CHINESE_UI), said


async def test_not_sure_typed_at_the_grid_step(linli_sandbox: Harness) -> None:
    """'not sure' typed where the 'Not sure' button was meant goes on to the buildings, as the
    tap does; something unread there shows the grid question again, its buttons at hand."""
    d = linli_sandbox.driver
    await d.say(ALEX, "🏠 Register address")
    await d.tap(ALEX, "Agree and continue")
    await d.expect(ALEX, "choose your community")
    await d.tap(ALEX, "Sunshine Community")
    await d.expect(ALEX, "grid")
    [*_, again] = await d.say(ALEX, "the one by the gate")
    assert "grid" in message_text(again) and "Not sure" in labels_of(again), again
    [buildings] = await d.say(ALEX, "I'm not sure")
    assert "choose your building" in message_text(buildings), message_text(buildings)
    await d.tap(ALEX, "Building 6", buildings["message_id"])
    await d.expect(ALEX, "room number", since=buildings["message_id"])


async def test_volunteer_sign_up_typed_as_said(linli_sandbox: Harness) -> None:
    """'My name is Alex Smith', 'I work at Fudan University', 'my phone is …' and 'plumbing and
    tutoring' fill the sign-up as the buttons would: the name without 'My name is', the skills
    on the buttons ticked (not kept as 'other skills: plumbing and tutoring')."""
    h = linli_sandbox
    d = h.driver
    await d.say(ALEX, "🙋 Volunteer sign-up")
    await d.tap(ALEX, "Agree and continue")
    await d.expect(ALEX, "real name")
    await d.say(ALEX, "My name is Alex Smith")
    await d.say(ALEX, "I work at Fudan University")
    said = _said(await d.say(ALEX, "my phone is 139 1234 5678"))
    assert "skills" in said, said
    [ticked] = await d.say(ALEX, "plumbing and tutoring")
    assert "Ticked: Plumbing, Tutoring" in message_text(ticked), message_text(ticked)
    assert {"✅ Plumbing", "✅ Tutoring"} <= set(labels_of(ticked)), labels_of(ticked)
    await d.tap(ALEX, "✅ Done", ticked["message_id"])
    await d.tap(ALEX, "Sunshine Community")
    await d.tap(ALEX, "Any grid")
    await d.tap(ALEX, "Show my name")
    confirm = await d.expect(ALEX, "Please confirm your sign-up")
    text = message_text(confirm)
    assert "Name: Alex Smith\nUnit: Fudan University\nPhone: 13912345678" in text, text
    assert "Skills: Plumbing, Tutoring\n" in text, text
