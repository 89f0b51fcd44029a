"""An order's default title says what the matter is, in the resident's words, and never where
they live, how to reach them or who they are (services/order_titles.py, issue_order)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel.ext.asyncio.session import AsyncSession

from models.orders import Channel
from services import orders as svc
from services import requests as req_svc
from services.order_common import category
from services.order_titles import from_words, matter_title, says_more
from services.triage.deployment import load_triage
from tests.orders.conftest import T0, World, draft
from tests.orders.test_similar_reads import _neighbour

# (what the resident wrote, the title; None: the order keeps its category's name)
TITLES = [
    # the matter, as written
    ("楼道灯坏了", "楼道灯坏了"),
    ("楼上漏水，天花板湿了", "楼上漏水，天花板湿了"),
    ("电梯坏了。", "电梯坏了"),
    # a short first clause takes the next one along; a plea is left out
    ("楼道灯坏了，请尽快来修", "楼道灯坏了"),
    ("你好，电梯又坏了，困了人", "电梯又坏了，困了人"),
    ("麻烦处理一下，楼道灯坏了", "楼道灯坏了"),
    ("居民反映楼道灯坏了", "楼道灯坏了"),
    # how older residents address the office: not the matter ('同志' was a whole title)
    ("同志你好，我家厨房的灯坏了", "厨房的灯坏了"),
    ("同志，你好，我是一号楼五零二的老吴，卫生间的水管漏水好几天了", "卫生间的水管漏水好几天了"),
    ("老师您好！楼道灯坏了", "楼道灯坏了"),
    ("师傅，门锁坏了", "门锁坏了"),
    ("老师家门口的灯坏了", "老师家门口的灯坏了"),
    # the building, unit or floor is taken off the front (the place is shown beside the title)
    ("3号楼楼道灯坏了，晚上很黑", "楼道灯坏了，晚上很黑"),
    ("三楼楼梯扶手松了", "楼梯扶手松了"),
    ("2单元5楼的声控灯不亮", "声控灯不亮"),
    # whose is taken off too: the member reading it is not the one at home
    ("我家厨房下水道堵了，水排不下去", "厨房下水道堵了，水排不下去"),
    ("我的电动车被偷了", "电动车被偷了"),
    ("我们楼道灯坏了", "楼道灯坏了"),
    ("家里停电了", "停电了"),
    ("我们要求加装电梯", "我们要求加装电梯"),
    # a room number: that clause is passed over, else the category's name
    ("我是3单元502的住户，楼道灯坏了", "楼道灯坏了"),
    ("3单元502室卫生间漏水", None),
    ("502室漏水严重", None),
    ("1号楼502漏水", None),
    ("3-2-502厨房下水道堵了", None),
    ("五零二卫生间漏水", None),
    ("101号楼电梯坏了", None),
    ("卫生间漏水，在502", "卫生间漏水"),
    # a phone or ID number
    ("电话13800138000楼道灯坏了", None),
    ("水管爆了，请联系13912345678", "水管爆了"),
    ("门禁坏了，身份证号110101199003074514", "门禁坏了"),
    ("燃气灶打不着火，我的微信是abc_def", "燃气灶打不着火"),
    # a person's name
    ("王阿姨家水管爆了", None),
    ("老李家门口堆满杂物", None),
    ("张三反映：小区东门路灯不亮", "小区东门路灯不亮"),
    ("王小明家漏水了", None),
    ("我叫刘芳，楼道里堆了很多杂物", "楼道里堆了很多杂物"),
    # English: its own first clause
    ("The corridor light is broken, it is dark at night", "The corridor light is broken"),
    ("Hello, the lift has been broken since Monday.", "The lift has been broken since Monday"),
    ("My name is John, the lift is broken", "The lift is broken"),
    ("his tap leaks", "His tap leaks"),
    ("Hi there, the heating is off", "The heating is off"),
    ("Mrs Smith's tap is leaking", None),
    ("The tap of Anna is leaking", None),
    ("Room 502: the tap is leaking", "The tap is leaking"),
    # a building named in English, anywhere in the clause, is taken out (shown beside it)
    (
        "The street light outside building 2 has been off for a week, it's very dark at night",
        "The street light outside has been off…",
    ),
    ("In Block 3, the lift is broken", "The lift is broken"),
    ("The lift in bldg. 5 is stuck again", "The lift is stuck again"),
    ("Tower 3 lift broken", "Lift broken"),
    ("Building 12: water leaking from the roof", "Water leaking from the roof"),
    ("The 2nd building's gate is broken", None),
    # a long clause is cut with "…", at a word's end in English
    (
        "小区东门的路灯已经连续三个晚上都不亮了，居民晚上出行很不方便",
        "小区东门的路灯已经连续三个晚上都不亮了",
    ),
    ("小区东门口的那盏路灯已经连续三个晚上都不亮了", "小区东门口的那盏路灯已经连续三个晚上都…"),
    (
        "The stairwell light on the fifth floor of our building has not worked for a week",
        "The stairwell light on the fifth floor…",
    ),
    # nothing to go by
    ("", None),
    ("，。！", None),
    ("请尽快派人来修", "请尽快派人来修"),  # a plea alone is still the resident's words
]


@pytest.fixture(scope="module")
def triage(tmp_path_factory: pytest.TempPathFactory) -> object:
    return load_triage(data_dir=Path(tmp_path_factory.mktemp("triage")))


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_matter_title(text: str, title: str | None) -> None:
    assert matter_title(text) == title


def test_a_title_fits_twenty_chinese_characters() -> None:
    for text, _title in TITLES:
        made = matter_title(text)
        assert made is None or len(made) <= 40
        assert made is None or not any(ch.isdigit() for ch in made)


def test_the_residents_own_names_keep_a_clause_out() -> None:
    assert matter_title("楼道灯坏了，晓梅门口很黑") == "楼道灯坏了，晓梅门口很黑"
    assert matter_title("楼道灯坏了，晓梅门口很黑", known=["晓梅", None, ""]) == "楼道灯坏了"
    assert matter_title("anna: the sink is blocked", known=["Anna"]) == "The sink is blocked"
    assert matter_title("晓梅家的下水道堵了", known=["晓梅"]) is None


async def test_an_order_is_called_by_the_matter_and_staff_can_still_name_it(
    session: AsyncSession, world: World
) -> None:
    """Staff who type no title issue '楼道灯坏了', not '公共设施(…)'; a typed title wins; a text
    that names only a room gives the category's name; the ledger's note has the title."""
    titles = []
    for text, typed in [
        ("楼道灯坏了，晚上很黑", None),
        ("电梯坏了，困了人", None),
        ("路灯不亮了", "东门路灯维修"),
        ("3单元502门口漏水", None),
    ]:
        filed = await req_svc.file_request(
            session, user=world.resident, draft=draft(text), suggestion=None, now=T0
        )
        out = await svc.issue_order(
            session,
            user=world.staff,
            roles=world.roles(world.staff),
            request_id=filed.request.id or 0,
            spec=svc.OrderSpec(title=typed),
            now=T0,
        )
        assert out.order is not None
        titles.append(out.order.title)
    assert titles == [
        "楼道灯坏了，晚上很黑",
        "电梯坏了，困了人",
        "东门路灯维修",
        category("facilities").name(),
    ]


async def test_a_name_staff_wrote_down_stays_out_of_the_title(
    session: AsyncSession, world: World
) -> None:
    """Filed on behalf of a caller: their name and room, as staff wrote them, are known."""
    filed = await req_svc.file_on_behalf(
        session,
        staff=world.staff,
        roles=world.roles(world.staff),
        building_id=world.building.id or 0,
        room="502",
        contact_name="晓梅",
        contact_phone=None,
        channel=Channel.PHONE,
        draft=draft("晓梅门口的灯坏了，下水道也堵了"),
        suggestion=None,
        now=T0,
    )
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=filed.request.id or 0,
        spec=svc.OrderSpec(),
        now=T0,
    )
    assert out.order is not None and out.order.title == "下水道也堵了"


async def test_the_residents_telegram_name_stays_out_of_the_title(
    session: AsyncSession, world: World
) -> None:
    world.resident.first_name = "晓梅"
    session.add(world.resident)
    await session.flush()
    filed = await req_svc.file_request(
        session,
        user=world.resident,
        draft=draft("晓梅门口的灯坏了"),
        suggestion=None,
        now=T0,
    )
    out = await svc.issue_order(
        session,
        user=world.staff,
        roles=world.roles(world.staff),
        request_id=filed.request.id or 0,
        spec=svc.OrderSpec(),
        now=T0,
    )
    assert out.order is not None and out.order.title == category("facilities").name()


def test_a_default_title_is_told_from_a_typed_one() -> None:
    for text, title in TITLES:
        if title is not None:
            assert from_words(title, text), (title, text)
    assert not from_words("东门路灯维修", "东门的路灯不亮了")
    assert not from_words("路灯", "")


async def test_a_neighbour_never_reads_her_words_in_the_similar_matter(
    session: AsyncSession, world: World, triage: object
) -> None:
    """同一件事: the matter's order reads by its category, not by the title taken from the
    first resident's words; a title staff typed is shown as before."""
    typed = {990: None, 991: "更换楼道灯泡"}
    by_request = {}
    for uid, title in typed.items():
        filed = await req_svc.file_request(
            session,
            user=await _neighbour(session, world, uid),
            draft=draft("3号楼楼道的灯坏了，晚上很黑"),
            suggestion=None,
            now=T0,
        )
        out = await svc.issue_order(
            session,
            user=world.staff,
            roles=world.roles(world.staff),
            request_id=filed.request.id or 0,
            spec=svc.OrderSpec(title=title),
            now=T0,
        )
        assert out.order is not None
        assert out.order.title == (title or "楼道的灯坏了，晚上很黑")
        by_request[filed.request.id] = title
    similar = await req_svc.similar_for_resident(
        session, triage, user=world.resident, text="3号楼楼道灯坏了", now=T0, limit=5
    )
    assert {s.request.id: s.title for s in similar} == by_request


@pytest.mark.parametrize(
    ("text", "more"),
    [
        # the title is all she wrote: a member reads it once (greeting, stops, case aside)
        ("楼道灯坏了，晚上很黑", False),
        ("您好，楼道灯坏了，晚上很黑！", False),
        ("the lift is broken.", False),
        # she wrote more: the quote of her words stays
        ("楼道灯坏了，请尽快来修", True),
        ("3号楼楼道灯坏了", True),
        ("楼上漏水，天花板湿了，墙皮都掉了，地板也泡了，家里没法住人了", True),
        ("hello, the lift on the east side is broken and nobody comes", True),
    ],
)
def test_says_more_than_its_title(text: str, more: bool) -> None:
    title = matter_title(text)
    assert title is not None
    assert says_more(text, title) is more
    assert says_more(text, "公共设施(电梯/路灯/道路/门禁)")  # a category's name says little
