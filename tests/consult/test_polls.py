"""Polls: creation rules, who may vote, households, vote change, proxy votes, quorum and close."""

from __future__ import annotations

import io
from datetime import timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import AuditEvent
from models.consultations import (
    AudienceKind,
    Eligibility,
    Poll,
    PollOption,
    PollStatus,
    QuorumBasis,
    Vote,
)
from models.scheduling import Delivery, JobState, ScheduledJob
from services import polls
from services.consult_common import Notifier
from services.errors import Conflict, DomainError, InvalidInput, PermissionDenied
from tests.consult.conftest import NOW, RESIDENT, World


def draft(world: World, **changes: object) -> polls.PollDraft:
    """A valid poll draft for the test community, changed as asked."""
    assert world.community.id is not None
    base = polls.PollDraft(
        community_id=world.community.id,
        question="1号楼是否加装电梯？",
        options=["同意", "反对", "弃权"],
        closes_at=NOW + timedelta(days=3),
    )
    for key, value in changes.items():
        setattr(base, key, value)
    return base


async def open_poll(
    session: AsyncSession, world: World, notifier: Notifier, **changes: object
) -> Poll:
    """Create and publish a poll."""
    poll = await polls.create_poll(
        session, user=world.staff, roles=world.staff_roles, draft=draft(world, **changes), now=NOW
    )
    assert poll.id is not None
    return await polls.publish_poll(
        session,
        user=world.staff,
        roles=world.staff_roles,
        poll_id=poll.id,
        now=NOW,
        notifier=notifier,
    )


async def option_ids(session: AsyncSession, poll: Poll) -> list[int]:
    """The poll's option ids in order."""
    return [o.id for o in await polls.poll_options(session, poll_id=poll.id or 0) if o.id]


async def poll_count(session: AsyncSession) -> int:
    """How many polls exist."""
    return len((await session.exec(select(Poll))).all())


async def vote_rows(session: AsyncSession, poll: Poll) -> list[Vote]:
    """The stored ballots of a poll."""
    stmt = select(Vote).where(Vote.poll_id == poll.id).execution_options(populate_existing=True)
    return list((await session.exec(stmt)).all())


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"options": ["只有一个"]}, "poll-err-option-count"),
        ({"options": [f"选项{i}" for i in range(13)]}, "poll-err-option-count"),
        ({"options": ["同意", "同意"]}, "poll-err-option-duplicate"),
        ({"closes_at": NOW - timedelta(minutes=1)}, "poll-err-close-past"),
        ({"closes_at": NOW}, "poll-err-close-past"),
        ({"opens_at": NOW + timedelta(days=4)}, "poll-err-close-before-open"),
        ({"question": "问" * 301}, "err-text-too-long"),
        ({"question": "   "}, "err-text-empty"),
        ({"multiple": True, "max_choices": 4}, "poll-err-max-choices"),
        ({"multiple": True, "max_choices": 0}, "poll-err-max-choices"),
        ({"audience_kind": AudienceKind.GRIDS, "audience_ids": ()}, "consult-err-audience-empty"),
        (
            {"audience_kind": AudienceKind.BUILDINGS, "audience_ids": (9999,)},
            "consult-err-audience-invalid",
        ),
        (
            {"audience_kind": AudienceKind.MEMBERS, "per_household": True},
            "poll-err-household-members",
        ),
        ({"closes_at": NOW + timedelta(days=61)}, "poll-err-too-long"),
    ],
)
async def test_bad_poll_is_refused_and_nothing_saved(
    session: AsyncSession, world: World, changes: dict[str, object], key: str
) -> None:
    with pytest.raises(InvalidInput) as info:
        await polls.create_poll(
            session,
            user=world.staff,
            roles=world.staff_roles,
            draft=draft(world, **changes),
            now=NOW,
        )
    assert info.value.key == key
    assert await poll_count(session) == 0


async def test_building_of_another_community_is_refused(
    session: AsyncSession, world: World
) -> None:
    other = draft(world, audience_kind=AudienceKind.BUILDINGS, audience_ids=(world.b1.id, 4))
    with pytest.raises(InvalidInput) as info:
        await polls.create_poll(
            session, user=world.staff, roles=world.staff_roles, draft=other, now=NOW
        )
    assert info.value.key == "consult-err-audience-invalid"


async def test_only_staff_of_the_community_create_polls(
    session: AsyncSession, world: World
) -> None:
    with pytest.raises(PermissionDenied):
        await polls.create_poll(
            session, user=world["a1"], roles=RESIDENT, draft=draft(world), now=NOW
        )
    assert await poll_count(session) == 0


@pytest.mark.parametrize(
    ("text", "value", "strict"),
    [
        ("2/3", Fraction(2, 3), False),
        ("75%", Fraction(3, 4), False),
        ("0.5", Fraction(1, 2), False),
        ("三分之二", Fraction(2, 3), False),
        ("四分之三", Fraction(3, 4), False),
        # 过半 / 超过: more than half, never exactly half (as 超过 reads in law)
        ("过半", Fraction(1, 2), True),
        ("过半数", Fraction(1, 2), True),
        ("超过一半", Fraction(1, 2), True),
        ("超过半数", Fraction(1, 2), True),
        ("超过2/3", Fraction(2, 3), True),
        ("more than half", Fraction(1, 2), True),
        ("majority", Fraction(1, 2), True),
        # 一半 / 半数 / 以上 / 达到: met at the share itself
        ("一半", Fraction(1, 2), False),  # as staff say it
        ("半数以上", Fraction(1, 2), False),
        ("达到一半", Fraction(1, 2), False),
        ("三分之二以上", Fraction(2, 3), False),
        ("百分之六十", Fraction(3, 5), False),
        ("百分之五十五", Fraction(11, 20), False),
        ("百分之80", Fraction(4, 5), False),
        ("１００％", None, False),
        ("100%", Fraction(1), False),
        ("1", Fraction(1), False),
    ],
)
def test_parse_share(text: str, value: Fraction | None, strict: bool) -> None:
    if value is None:
        text = text.replace("１００", "100")
        value = Fraction(1)
    assert polls.parse_share(text) == polls.Share(value, strict=strict)


@pytest.mark.parametrize(
    "text",
    [
        *("0", "0%", "3/2", "150%", "abc", "", "1/0", "-1/2"),
        *("百分之两百", "百分之零", "以上", "超过100%"),
    ],
)
def test_parse_share_refuses(text: str) -> None:
    with pytest.raises(InvalidInput):
        polls.parse_share(text)


async def test_publish_announces_and_schedules_close(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier)
    assert poll.status == PollStatus.OPEN
    # the whole registered community is told: a1 a2 b c d e (not x, u or the member m)
    told = sorted(m["chat_id"] for m in notifier.sent)
    assert told == [1, 2, 3, 4, 5, 6]
    deliveries = (await session.exec(select(Delivery))).all()
    assert len(deliveries) == 6
    assert "1号楼是否加装电梯" in deliveries[0].text
    assert deliveries[0].reply_markup == {
        "inline_keyboard": [[{"text": "🗳 去投票", "callback_data": f"cpb:{poll.id}"}]]
    }
    jobs = (await session.exec(select(ScheduledJob).order_by(col(ScheduledJob.due_at)))).all()
    assert [(j.kind, j.due_at) for j in jobs] == [
        (polls.JOB_CLOSING_SOON, poll.closes_at - timedelta(hours=24)),
        (polls.JOB_CLOSE, poll.closes_at),
    ]
    with pytest.raises(Conflict):
        await polls.publish_poll(
            session,
            user=world.staff,
            roles=world.staff_roles,
            poll_id=poll.id or 0,
            now=NOW,
            notifier=notifier,
        )


async def test_vote_and_change_until_close(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier)
    yes, no, _abstain = await option_ids(session, poll)
    await polls.cast_vote(
        session,
        user=world["a1"],
        poll_id=poll.id or 0,
        option_ids=[yes],
        now=NOW + timedelta(hours=1),
    )
    await polls.cast_vote(
        session,
        user=world["a1"],
        poll_id=poll.id or 0,
        option_ids=[no],
        now=NOW + timedelta(hours=2),
    )
    rows = await vote_rows(session, poll)
    assert [(v.voter_id, v.choices, v.changes) for v in rows] == [(1, [no], 1)]
    result = await polls.tally(session, poll=poll)
    assert [o.votes for o in result.options] == [0, 1, 0]
    # after the closing time nothing changes any more
    with pytest.raises(Conflict) as info:
        await polls.cast_vote(
            session, user=world["a1"], poll_id=poll.id or 0, option_ids=[yes], now=poll.closes_at
        )
    assert info.value.key == "poll-err-closed"
    assert (await vote_rows(session, poll))[0].choices == [no]


async def test_no_change_when_poll_forbids_it(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier, allow_change=False)
    yes, no, _ = await option_ids(session, poll)
    await polls.cast_vote(
        session, user=world["b"], poll_id=poll.id or 0, option_ids=[yes], now=NOW
    )
    with pytest.raises(Conflict) as info:
        await polls.cast_vote(
            session, user=world["b"], poll_id=poll.id or 0, option_ids=[no], now=NOW
        )
    assert info.value.key == "poll-err-already-voted"
    assert (await vote_rows(session, poll))[0].choices == [yes]


@pytest.mark.parametrize(
    ("who", "changes", "key"),
    [
        ("x", {}, "poll-err-not-audience"),  # another community
        ("u", {}, "poll-err-need-register"),  # never registered an address
        ("e", {"audience_kind": AudienceKind.GRIDS}, "poll-err-not-audience"),  # grid 2
        ("c", {"eligibility": Eligibility.VERIFIED}, "poll-err-not-verified"),
        ("d", {"audience_kind": AudienceKind.BUILDINGS}, "poll-err-not-audience"),
    ],
)
async def test_ineligible_voters_are_refused(
    session: AsyncSession,
    world: World,
    notifier: Notifier,
    who: str,
    changes: dict[str, object],
    key: str,
) -> None:
    if changes.get("audience_kind") == AudienceKind.GRIDS:
        changes["audience_ids"] = (world.grid1.id,)
    if changes.get("audience_kind") == AudienceKind.BUILDINGS:
        changes["audience_ids"] = (world.b1.id,)
    poll = await open_poll(session, world, notifier, **changes)
    yes = (await option_ids(session, poll))[0]
    with pytest.raises(DomainError) as info:
        await polls.cast_vote(
            session, user=world[who], poll_id=poll.id or 0, option_ids=[yes], now=NOW
        )
    assert info.value.key == key
    assert await vote_rows(session, poll) == []


async def test_forged_and_wrong_choices_are_refused(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier)
    other = await open_poll(session, world, notifier, question="另一个投票")
    yes, no, _ = await option_ids(session, poll)
    foreign = (await option_ids(session, other))[0]
    cases = [
        ([foreign], "poll-err-bad-option"),
        ([99999], "poll-err-bad-option"),
        ([], "poll-err-none-chosen"),  # nothing chosen: told to choose first
        ([yes, yes], "poll-err-bad-option"),
        ([yes, no], "poll-err-one-choice"),
    ]
    for chosen, key in cases:
        with pytest.raises(InvalidInput) as info:
            await polls.cast_vote(
                session, user=world["a1"], poll_id=poll.id or 0, option_ids=chosen, now=NOW
            )
        assert info.value.key == key, chosen
    assert await vote_rows(session, poll) == []


async def test_multiple_choice_respects_maximum(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(
        session,
        world,
        notifier,
        question="明年优先办哪些事？",
        options=["修路灯", "加装电梯", "建充电桩", "增设座椅"],
        multiple=True,
        max_choices=2,
    )
    ids = await option_ids(session, poll)
    with pytest.raises(InvalidInput) as info:
        await polls.cast_vote(
            session, user=world["a1"], poll_id=poll.id or 0, option_ids=ids[:3], now=NOW
        )
    assert info.value.key == "poll-err-too-many"
    await polls.cast_vote(
        session, user=world["a1"], poll_id=poll.id or 0, option_ids=[ids[2], ids[0]], now=NOW
    )
    await polls.cast_vote(
        session, user=world["b"], poll_id=poll.id or 0, option_ids=[ids[0]], now=NOW
    )
    result = await polls.tally(session, poll=poll)
    assert [o.votes for o in result.options] == [2, 0, 1, 0]
    assert result.ballots == 2
    assert result.winner is not None and result.winner.text == "修路灯"


async def test_one_vote_per_household(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier, per_household=True)
    yes, no, _ = await option_ids(session, poll)
    await polls.cast_vote(
        session, user=world["a1"], poll_id=poll.id or 0, option_ids=[yes], now=NOW
    )
    # a2 lives in the same room 101 of building 1
    with pytest.raises(Conflict) as info:
        await polls.cast_vote(
            session, user=world["a2"], poll_id=poll.id or 0, option_ids=[no], now=NOW
        )
    assert info.value.key == "poll-err-household-voted"
    # room 102 is another household; the first voter may still change the household's vote
    await polls.cast_vote(session, user=world["b"], poll_id=poll.id or 0, option_ids=[no], now=NOW)
    await polls.cast_vote(
        session, user=world["a1"], poll_id=poll.id or 0, option_ids=[no], now=NOW
    )
    rows = await vote_rows(session, poll)
    assert sorted((v.voter_id, v.household, v.choices) for v in rows) == [
        (1, f"{world.b1.id}:101", [no]),
        (3, f"{world.b1.id}:102", [no]),
    ]


async def test_proxy_vote_by_grid_worker_is_audited(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier, per_household=True, anonymous=False)
    yes, _no, _ = await option_ids(session, poll)
    vote = await polls.proxy_vote(
        session,
        staff=world.grid_worker,
        roles=world.staff_roles,
        poll_id=poll.id or 0,
        resident_id=world["b"].id,
        option_ids=[yes],
        now=NOW,
    )
    assert vote.voter_id == world["b"].id and vote.proxy_by == world.grid_worker.id
    events = await polls.poll_audit(session, poll_id=poll.id or 0)
    proxy = [e for e in events if e.action == "poll-proxy-vote"]
    assert len(proxy) == 1 and proxy[0].actor_id == world.grid_worker.id
    assert f"for={world['b'].id}" in proxy[0].detail
    # the household of b has voted now, so b cannot vote again (no change of others' votes)
    result = await polls.tally(session, poll=poll)
    assert result.proxy_ballots == 1
    # a grid worker of grid 1 cannot vote for a resident of grid 2
    with pytest.raises(PermissionDenied):
        await polls.proxy_vote(
            session,
            staff=world.grid_worker,
            roles=world.staff_roles,
            poll_id=poll.id or 0,
            resident_id=world["e"].id,
            option_ids=[yes],
            now=NOW,
        )
    # a resident cannot record proxy votes
    with pytest.raises(PermissionDenied):
        await polls.proxy_vote(
            session,
            staff=world["a1"],
            roles=RESIDENT,
            poll_id=poll.id or 0,
            resident_id=world["d"].id,
            option_ids=[yes],
            now=NOW,
        )
    assert len(await vote_rows(session, poll)) == 1


async def test_proxy_vote_follows_eligibility(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier, eligibility=Eligibility.VERIFIED)
    yes = (await option_ids(session, poll))[0]
    with pytest.raises(PermissionDenied) as info:
        await polls.proxy_vote(
            session,
            staff=world.staff,
            roles=world.staff_roles,
            poll_id=poll.id or 0,
            resident_id=world["c"].id,
            option_ids=[yes],
            now=NOW,
        )
    assert info.value.key == "poll-err-proxy-not-verified"  # worded for staff (QA D33)


async def test_lift_vote_quorum_of_households_met(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    """Building 1 has 4 households: 2/3 must take part (3), 3/4 of those must agree."""
    poll = await open_poll(
        session,
        world,
        notifier,
        audience_kind=AudienceKind.BUILDINGS,
        audience_ids=(world.b1.id,),
        per_household=True,
        quorum=Fraction(2, 3),
        quorum_basis=QuorumBasis.HOUSEHOLDS,
        threshold=Fraction(3, 4),
    )
    yes, _no, _ = await option_ids(session, poll)
    await polls.cast_vote(
        session, user=world["a1"], poll_id=poll.id or 0, option_ids=[yes], now=NOW
    )
    await polls.cast_vote(
        session, user=world["b"], poll_id=poll.id or 0, option_ids=[yes], now=NOW
    )
    await polls.proxy_vote(
        session,
        staff=world.grid_worker,
        roles=world.staff_roles,
        poll_id=poll.id or 0,
        resident_id=world["c"].id,
        option_ids=[yes],
        now=NOW,
    )
    notifier.sent.clear()
    result = await polls.close_poll(
        session, poll_id=poll.id or 0, now=poll.closes_at, notifier=notifier
    )
    assert (result.ballots, result.eligible, result.basis) == (3, 4, QuorumBasis.HOUSEHOLDS)
    assert result.quorum_met is True and result.threshold_met is True and result.passed is True
    assert result.winner is not None and result.winner.text == "同意"
    stored = await polls.get_poll(session, poll_id=poll.id or 0)
    assert (stored.status, stored.passed, stored.quorum_met, stored.ballots_count) == (
        PollStatus.CLOSED,
        True,
        True,
        3,
    )
    # the result goes to the audience (building 1: a1 a2 b c), the author (staff 900) and the
    # public channel, with a chart
    chats = sorted(m["chat_id"] for m in notifier.sent)
    assert chats == sorted([-1001000000001, 1, 2, 3, 4, world.staff.id])
    channel = next(m for m in notifier.sent if m["chat_id"] < 0)
    assert channel["photo"][:8] == b"\x89PNG\r\n\x1a\n"
    assert "参与：3 / 4户（75%）" in channel["text"]
    assert "✅ 通过（同意）" in channel["text"]
    assert "其中代投 1 票" in channel["text"]


async def test_a_households_quorum_of_a_poll_of_one_vote_each_counts_households(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    """Everyone votes (not one vote per household), the quorum is of households: 张大爷 and
    张阿姨 of 101 are one household taking part, not two. Before, each ballot counted as a
    household: three ballots from two flats met a quorum of 2/3 of building 1's 4 households
    (3)."""
    poll = await open_poll(
        session,
        world,
        notifier,
        audience_kind=AudienceKind.BUILDINGS,
        audience_ids=(world.b1.id,),
        per_household=False,
        quorum=Fraction(2, 3),
        quorum_basis=QuorumBasis.HOUSEHOLDS,
    )
    yes = (await option_ids(session, poll))[0]
    for who in ("a1", "a2"):
        await polls.cast_vote(
            session, user=world[who], poll_id=poll.id or 0, option_ids=[yes], now=NOW
        )
    live = await polls.tally(session, poll=poll)
    assert (live.ballots, live.participants, live.basis) == (2, 1, QuorumBasis.HOUSEHOLDS)
    assert live.quorum_met is False
    await polls.cast_vote(
        session, user=world["b"], poll_id=poll.id or 0, option_ids=[yes], now=NOW
    )
    result = await polls.close_poll(
        session, poll_id=poll.id or 0, now=poll.closes_at, notifier=notifier
    )
    assert (result.ballots, result.participants, result.eligible) == (3, 2, 4)
    assert result.quorum_met is False and result.passed is False
    channel = next(m for m in notifier.sent if m["chat_id"] < 0)
    assert "参与：2 / 4户（50%）" in channel["text"], channel["text"]


async def test_quorum_not_met(session: AsyncSession, world: World, notifier: Notifier) -> None:
    """Building 1 and 2: 64 households on record; 2 ballots are far from two thirds."""
    poll = await open_poll(
        session,
        world,
        notifier,
        audience_kind=AudienceKind.GRIDS,
        audience_ids=(world.grid1.id,),
        per_household=True,
        quorum=Fraction(2, 3),
        quorum_basis=QuorumBasis.HOUSEHOLDS,
        threshold=Fraction(3, 4),
    )
    yes = (await option_ids(session, poll))[0]
    for who in ("a1", "d"):
        await polls.cast_vote(
            session, user=world[who], poll_id=poll.id or 0, option_ids=[yes], now=NOW
        )
    result = await polls.close_poll(
        session, poll_id=poll.id or 0, now=poll.closes_at, notifier=notifier
    )
    assert (result.ballots, result.eligible) == (2, 64)
    assert result.quorum_met is False and result.threshold_met is True
    assert result.passed is False
    channel = next(m for m in notifier.sent if m["chat_id"] < 0)
    assert "❌ 未达到" in channel["text"] and "❌ 未通过" in channel["text"]


async def test_result_is_announced_as_text_when_no_font_can_draw_the_chart(
    session: AsyncSession,
    world: World,
    notifier: Notifier,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Without a CJK font the chart cannot be drawn: the result still reaches everyone."""
    from services import poll_chart

    def no_font() -> Path:
        raise poll_chart.NoCjkFont("no font with Chinese glyphs")

    monkeypatch.setattr(poll_chart, "cjk_font_path", no_font)
    poll = await open_poll(session, world, notifier, threshold=Fraction(1, 2))
    yes = (await option_ids(session, poll))[0]
    await polls.cast_vote(
        session, user=world["a1"], poll_id=poll.id or 0, option_ids=[yes], now=NOW
    )
    notifier.sent.clear()
    result = await polls.close_poll(
        session, poll_id=poll.id or 0, now=poll.closes_at, notifier=notifier
    )
    assert result.passed is True
    assert notifier.sent, "the result was announced"
    assert all(m["photo"] is None for m in notifier.sent)
    channel = next(m for m in notifier.sent if m["chat_id"] < 0)
    assert (
        "投票结果：1号楼是否加装电梯？" in channel["text"] and "✅ 通过（同意）" in channel["text"]
    )
    assert world["a1"].id in {m["chat_id"] for m in notifier.sent}
    [queued] = (await session.exec(select(Delivery).where(col(Delivery.chat_id) < 0))).all()
    assert queued.photo_bytes is None and queued.photo_ref is None
    assert "without its chart" in caplog.text


@pytest.mark.parametrize(
    ("rules", "shown", "omitted"),
    [
        ({}, [], ["通过比例", "法定参与比例", "未设置", "-："]),
        ({"quorum": Fraction(1, 2)}, ["法定参与比例 50%：✅ 达到"], ["通过比例", "未设置"]),
        ({"threshold": Fraction(2, 3)}, ["通过比例 2/3：✅ 达到"], ["法定参与比例", "未设置"]),
    ],
)
async def test_result_leaves_out_the_rules_the_poll_does_not_have(
    session: AsyncSession,
    world: World,
    notifier: Notifier,
    rules: dict[str, Fraction],
    shown: list[str],
    omitted: list[str],
) -> None:
    """No threshold (or no quorum): its line is left out, not shown as '-：未设置'."""
    poll = await open_poll(session, world, notifier, **rules)
    yes = (await option_ids(session, poll))[0]
    for who in ("a1", "a2", "b", "d"):
        await polls.cast_vote(
            session, user=world[who], poll_id=poll.id or 0, option_ids=[yes], now=NOW
        )
    notifier.sent.clear()
    result = await polls.close_poll(
        session, poll_id=poll.id or 0, now=poll.closes_at, notifier=notifier
    )
    channel = next(m for m in notifier.sent if m["chat_id"] < 0)["text"]
    assert "参与：4 / 6人" in channel and "1号楼是否加装电梯？" in channel
    for text in shown:
        assert text in channel
    for text in omitted:
        assert text not in channel
    assert "\n\n" not in channel
    english = notifier.text("en", "poll-result", **polls.result_args(result, notifier))
    assert "Took part: 4 of 6" in english and "not set" not in english
    assert ("Threshold" in english) is ("threshold" in rules)
    assert ("Quorum" in english) is ("quorum" in rules)


async def test_threshold_not_met_and_voter_quorum(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(
        session, world, notifier, quorum=Fraction(1, 2), threshold=Fraction(3, 4)
    )
    yes, no, _ = await option_ids(session, poll)
    for who, choice in (("a1", yes), ("a2", yes), ("b", no), ("d", yes)):
        await polls.cast_vote(
            session, user=world[who], poll_id=poll.id or 0, option_ids=[choice], now=NOW
        )
    result = await polls.close_poll(session, poll_id=poll.id or 0, now=poll.closes_at)
    # 6 registered residents are eligible; 4 voted; 3 of 4 said yes = exactly 3/4
    assert (result.ballots, result.eligible, result.basis) == (4, 6, QuorumBasis.VOTERS)
    assert result.quorum_met is True and result.threshold_met is True
    poll2 = await open_poll(
        session,
        world,
        notifier,
        question="第二个",
        quorum=Fraction(1, 2),
        threshold=Fraction(3, 4),
    )
    yes2, no2, _ = await option_ids(session, poll2)
    for who, choice in (("a1", yes2), ("a2", yes2), ("b", no2), ("d", no2)):
        await polls.cast_vote(
            session, user=world[who], poll_id=poll2.id or 0, option_ids=[choice], now=NOW
        )
    result2 = await polls.close_poll(session, poll_id=poll2.id or 0, now=poll2.closes_at)
    assert result2.threshold_met is False and result2.passed is False and result2.winner is None


@pytest.mark.parametrize(
    ("said", "passed"), [("过半", False), ("超过一半", False), ("一半", True), ("半数以上", True)]
)
async def test_more_than_half_is_more_than_half(
    session: AsyncSession, world: World, notifier: Notifier, said: str, passed: bool
) -> None:
    """过半 / 超过一半 is more than half: exactly half of the votes in favour does not pass it
    (一半 / 半数以上 does), and 3 of 6 voters taking part does not meet a 过半 quorum."""
    bar = polls.parse_share(said)
    poll = await open_poll(session, world, notifier, quorum=bar, threshold=bar)
    yes, no, abstain = await option_ids(session, poll)
    for who, choice in (("a1", yes), ("a2", yes), ("b", no), ("d", abstain)):
        await polls.cast_vote(
            session, user=world[who], poll_id=poll.id or 0, option_ids=[choice], now=NOW
        )
    notifier.sent.clear()
    result = await polls.close_poll(
        session, poll_id=poll.id or 0, now=poll.closes_at, notifier=notifier
    )
    # 2 of 4 in favour: exactly half; 4 of 6 took part: above half either way
    assert (result.ballots, result.eligible) == (4, 6)
    assert result.quorum_met is True and result.threshold_met is passed
    assert result.passed is passed
    assert result.quorum_needed == (4 if bar.strict else 3)
    channel = next(m for m in notifier.sent if m["chat_id"] < 0)["text"]
    mark = "✅ 达到" if passed else "❌ 未达到"
    assert f"通过比例 {'&gt;' if bar.strict else ''}50%：{mark}" in channel

    half = await open_poll(session, world, notifier, question="一半的人", quorum=bar)
    for who in ("a1", "a2", "b"):
        await polls.cast_vote(
            session, user=world[who], poll_id=half.id or 0, option_ids=[yes + 3], now=NOW
        )
    result = await polls.close_poll(session, poll_id=half.id or 0, now=half.closes_at)
    assert result.quorum_met is not bar.strict  # 3 of 6 is half, not more


async def test_close_is_once_and_votes_after_close_refused(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier)
    yes = (await option_ids(session, poll))[0]
    await polls.close_poll(
        session, poll_id=poll.id or 0, now=NOW + timedelta(hours=1), actor_id=world.staff.id
    )
    again = await polls.close_poll(session, poll_id=poll.id or 0, now=NOW + timedelta(hours=2))
    assert again.final
    closes = [
        e
        for e in await polls.poll_audit(session, poll_id=poll.id or 0)
        if e.action == "poll-close"
    ]
    assert len(closes) == 1
    with pytest.raises(Conflict) as info:
        await polls.cast_vote(
            session,
            user=world["a1"],
            poll_id=poll.id or 0,
            option_ids=[yes],
            now=NOW + timedelta(hours=1, minutes=1),
        )
    assert info.value.key == "poll-err-closed"
    # the close job was cancelled by the manual close
    close_jobs = (
        await session.exec(select(ScheduledJob).where(ScheduledJob.kind == polls.JOB_CLOSE))
    ).all()
    assert [j.state for j in close_jobs] == [JobState.CANCELLED]


async def test_not_yet_open(session: AsyncSession, world: World, notifier: Notifier) -> None:
    poll = await open_poll(session, world, notifier, opens_at=NOW + timedelta(hours=5))
    yes = (await option_ids(session, poll))[0]
    with pytest.raises(Conflict) as info:
        await polls.cast_vote(
            session,
            user=world["a1"],
            poll_id=poll.id or 0,
            option_ids=[yes],
            now=NOW + timedelta(hours=4),
        )
    assert info.value.key == "poll-err-not-yet"
    await polls.cast_vote(
        session,
        user=world["a1"],
        poll_id=poll.id or 0,
        option_ids=[yes],
        now=NOW + timedelta(hours=5),
    )


async def test_closing_soon_goes_to_non_voters_only(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier, per_household=True)
    yes = (await option_ids(session, poll))[0]
    await polls.cast_vote(
        session, user=world["a1"], poll_id=poll.id or 0, option_ids=[yes], now=NOW
    )
    notifier.sent.clear()
    count = await polls.remind_non_voters(
        session, poll_id=poll.id or 0, now=poll.closes_at - timedelta(hours=24), notifier=notifier
    )
    # a2 shares a1's household, so only b, c, d, e are reminded
    assert count == 4
    assert sorted(m["chat_id"] for m in notifier.sent) == [3, 4, 5, 6]


async def test_live_and_hidden_results(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    hidden = await open_poll(session, world, notifier)
    live = await open_poll(session, world, notifier, question="实时", live_results=True)
    a1 = world["a1"]
    assert not await polls.can_see_results(session, poll=hidden, user=a1, roles=RESIDENT)
    assert await polls.can_see_results(session, poll=live, user=a1, roles=RESIDENT)
    assert await polls.can_see_results(
        session, poll=hidden, user=world.staff, roles=world.staff_roles
    )


async def test_export_named_and_anonymous(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    named = await open_poll(session, world, notifier, anonymous=False)
    anon = await open_poll(session, world, notifier, question="匿名投票")
    for poll in (named, anon):
        yes = (await option_ids(session, poll))[0]
        await polls.cast_vote(
            session, user=world["a1"], poll_id=poll.id or 0, option_ids=[yes], now=NOW
        )
        await polls.proxy_vote(
            session,
            staff=world.staff,
            roles=world.staff_roles,
            poll_id=poll.id or 0,
            resident_id=world["d"].id,
            option_ids=[yes],
            now=NOW,
        )
        await polls.close_poll(session, poll_id=poll.id or 0, now=poll.closes_at)
    data = await polls.export_xlsx(
        session, user=world.staff, roles=world.staff_roles, poll_id=named.id or 0
    )
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["结果 Result", "投票明细 Votes", "审计 Audit"]
    rows = list(book["投票明细 Votes"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == ["张大爷", "赵女士"]
    # local time and names, not UTC ISO and ids (QA D51)
    assert rows[1][2] == "2026-11-23 10:00" and rows[1][3] == "王主任"
    status = {r[0]: r[1] for r in book["结果 Result"].iter_rows(values_only=True) if r[0]}
    assert status["状态 Status"] == "已结束 closed"
    audit_rows = list(book["审计 Audit"].iter_rows(min_row=2, values_only=True))
    actions = [row[2] for row in audit_rows]
    assert "poll-proxy-vote" in actions and "poll-close" in actions
    assert (
        audit_rows[0][1] == "王主任"
        and "T" not in audit_rows[0][0]
        and "+" not in audit_rows[0][0]
    )
    data = await polls.export_xlsx(
        session, user=world.staff, roles=world.staff_roles, poll_id=anon.id or 0
    )
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["结果 Result", "审计 Audit"]
    cells = [str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row]
    cells += [str(c) for row in book.worksheets[1].iter_rows(values_only=True) for c in row]
    assert "同意" in cells
    assert not any("张大爷" in c or "赵女士" in c or f"for={world['d'].id}" in c for c in cells)
    with pytest.raises(PermissionDenied):
        await polls.export_xlsx(session, user=world["a1"], roles=RESIDENT, poll_id=anon.id or 0)


async def test_every_poll_action_is_audited(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    poll = await open_poll(session, world, notifier, anonymous=True)
    yes, no, _ = await option_ids(session, poll)
    await polls.cast_vote(
        session, user=world["a1"], poll_id=poll.id or 0, option_ids=[yes], now=NOW
    )
    await polls.cast_vote(
        session, user=world["a1"], poll_id=poll.id or 0, option_ids=[no], now=NOW
    )
    await polls.close_poll(session, poll_id=poll.id or 0, now=poll.closes_at)
    events = await polls.poll_audit(session, poll_id=poll.id or 0)
    assert [e.action for e in events] == [
        "poll-create",
        "poll-publish",
        "poll-vote",
        "poll-vote-change",
        "poll-close",
    ]
    # an anonymous poll's audit never says what someone chose
    assert all("options" not in e.detail for e in events)
    rows = (await session.exec(select(AuditEvent))).all()
    assert len(rows) == 5


async def test_a_tie_is_said_plainly_in_every_language(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    """No quorum, no threshold, two options level: '平票：同意、反对 各 2 票' in chat, in each
    reader's language for the audience, and on the public channel; never '得票最多：-'."""
    world["e"].language = "en"
    session.add(world["e"])
    await session.commit()
    poll = await open_poll(session, world, notifier)
    yes, no, _ = await option_ids(session, poll)
    for who, choice in (("a1", yes), ("b", yes), ("a2", no), ("d", no)):
        await polls.cast_vote(
            session, user=world[who], poll_id=poll.id or 0, option_ids=[choice], now=NOW
        )
    notifier.sent.clear()
    result = await polls.close_poll(
        session, poll_id=poll.id or 0, now=poll.closes_at, notifier=notifier
    )
    assert result.winner is None and result.passed is None
    assert [o.text for o in polls.tied_options(result)] == ["同意", "反对"]
    sent = {m["chat_id"]: m["text"] for m in notifier.sent}
    for chat in (world.community.public_channel_id, world["a1"].id):  # channel, zh resident
        assert "平票：同意、反对 各 2 票" in sent[chat]
        assert "得票最多" not in sent[chat] and "-" not in sent[chat].splitlines()[-1]
    english = sent[world["e"].id]
    assert "Tie: 同意 and 反对, 2 votes each" in english and "most votes" not in english
    # what staff read in chat (handlers render result_args in their language)
    chat_en = notifier.text("en", "poll-result", **polls.result_args(result, notifier, "en"))
    assert chat_en.splitlines()[-1] == "Tie: 同意 and 反对, 2 votes each"


async def test_three_way_tie_no_votes_and_a_tie_that_fails_the_threshold(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    def last_lines(result: polls.PollResult) -> tuple[str, str]:
        return (
            notifier.text(
                "zh-Hans", "poll-result", **polls.result_args(result, notifier)
            ).splitlines()[-1],
            notifier.text(
                "en", "poll-result", **polls.result_args(result, notifier, "en")
            ).splitlines()[-1],
        )

    three = await open_poll(session, world, notifier, question="三方")
    ids = await option_ids(session, three)
    for who, choice in zip(("a1", "b", "d"), ids, strict=True):
        await polls.cast_vote(
            session, user=world[who], poll_id=three.id or 0, option_ids=[choice], now=NOW
        )
    result = await polls.close_poll(session, poll_id=three.id or 0, now=three.closes_at)
    assert last_lines(result) == (
        "平票：同意、反对、弃权 各 1 票",
        "Tie: 同意, 反对 and 弃权, 1 vote each",
    )

    empty = await open_poll(session, world, notifier, question="没人投")
    result = await polls.close_poll(session, poll_id=empty.id or 0, now=empty.closes_at)
    assert last_lines(result) == ("结论：无人投票", "Outcome: no votes were cast")

    strict = await open_poll(session, world, notifier, question="门槛", threshold=Fraction(2, 3))
    yes, no, _ = await option_ids(session, strict)
    for who, choice in (("a1", yes), ("b", no)):
        await polls.cast_vote(
            session, user=world[who], poll_id=strict.id or 0, option_ids=[choice], now=NOW
        )
    result = await polls.close_poll(session, poll_id=strict.id or 0, now=strict.closes_at)
    assert result.passed is False
    assert last_lines(result) == (
        "结论：❌ 未通过（平票：同意、反对 各 1 票）",
        "Outcome: ❌ not passed (tie: 同意 and 反对, 1 vote each)",
    )

    clear = await open_poll(session, world, notifier, question="有结果")
    yes, no, _ = await option_ids(session, clear)
    for who, choice in (("a1", yes), ("b", yes), ("d", no)):
        await polls.cast_vote(
            session, user=world[who], poll_id=clear.id or 0, option_ids=[choice], now=NOW
        )
    result = await polls.close_poll(session, poll_id=clear.id or 0, now=clear.closes_at)
    assert last_lines(result) == ("结论：得票最多：同意", "Outcome: most votes: 同意")


async def test_staff_list_by_status_with_stored_outcomes(
    session: AsyncSession, world: World, notifier: Notifier
) -> None:
    """staff_polls: running by closing time, drafts, closed (latest first) with the outcome the
    close stored, the latest cancelled; only the staff member's communities."""
    late = await open_poll(session, world, notifier, question="晚截止？")
    soon = await open_poll(
        session, world, notifier, question="早截止？", closes_at=NOW + timedelta(hours=2)
    )
    outcomes = {}
    for question, rule, choices in (
        ("通过？", {"threshold": Fraction(1, 2)}, [0]),
        ("无效？", {"quorum": Fraction(9, 10)}, [0]),
        ("未通过？", {"threshold": Fraction(1, 2)}, [0, 1]),
        ("最多？", {}, [1]),
        ("平票？", {}, [0, 1]),
        ("没人投？", {}, []),
    ):
        poll = await open_poll(session, world, notifier, question=question, **rule)
        ids = await option_ids(session, poll)
        for voter, choice in zip(("b", "d"), choices, strict=False):
            await polls.cast_vote(
                session, user=world[voter], poll_id=poll.id or 0, option_ids=[ids[choice]], now=NOW
            )
        await polls.close_poll(session, poll_id=poll.id or 0, now=NOW)
        outcomes[question] = poll.id
    staff, roles = world.staff, world.staff_roles
    made = await polls.create_poll(session, user=staff, roles=roles, draft=draft(world), now=NOW)
    dropped = await polls.create_poll(
        session, user=staff, roles=roles, draft=draft(world, question="撤销？"), now=NOW
    )
    await polls.cancel_poll(session, user=staff, roles=roles, poll_id=dropped.id or 0, now=NOW)
    listed = await polls.staff_polls(session, user=staff, roles=roles)
    assert [p.id for p in listed.open] == [soon.id, late.id]
    assert [p.id for p in listed.drafts] == [made.id]
    assert [(c.poll.question, c.outcome, c.winner) for c in listed.closed] == [
        ("没人投？", "none", None),
        ("平票？", "tie", None),
        ("最多？", "winner", "反对"),
        ("未通过？", "failed", None),
        ("无效？", "void", "同意"),
        ("通过？", "passed", "同意"),
    ]
    assert [p.id for p in listed.cancelled] == [dropped.id]
    # staff of no community here, and a resident: nothing
    resident = await polls.staff_polls(session, user=world["b"], roles=RESIDENT)
    assert not resident


@pytest.mark.parametrize(
    ("typed", "options", "chosen"),
    [
        ("要", ["要", "不要", "无所谓"], "要"),
        ("我选不要", ["要", "不要", "无所谓"], "不要"),
        ("投无所谓吧", ["要", "不要", "无所谓"], "无所谓"),
        ("第二个", ["要", "不要", "无所谓"], "不要"),
        ("3", ["要", "不要", "无所谓"], "无所谓"),
        ("我不同意", ["同意", "不同意"], "不同意"),
        ("我同意", ["同意", "不同意"], "同意"),
        ("第一个", ["方案一：东门", "方案二：西门"], "方案一：东门"),
        ("4", ["要", "不要", "无所谓"], None),  # no fourth option
        ("要不要", ["要", "不要", "无所谓"], None),
        ("我同意", ["要", "不要"], None),
        ("方案一", ["方案一：东门", "方案二：西门"], None),  # a part of one is not a choice
        ("楼下的路灯坏了", ["要", "不要"], None),
        # in English, as an English-speaking resident types it
        ("I vote for 中心广场", ["东门花园", "中心广场"], "中心广场"),
        ("option 2", ["东门花园", "中心广场"], "中心广场"),
        ("the second one", ["东门花园", "中心广场"], "中心广场"),
        ("I choose the first", ["东门花园", "中心广场"], "东门花园"),
        ("my choice is 2", ["东门花园", "中心广场"], "中心广场"),
        ("I'll go with option 1, please", ["东门花园", "中心广场"], "东门花园"),
        ("I vote no", ["Yes", "No"], "No"),
        ("option 3", ["Yes", "No"], None),
        ("I have no idea", ["Yes", "No"], None),
        # a change in words names the option too
        ("我要改投反对", ["同意", "反对"], "反对"),
        ("改成不同意", ["同意", "不同意"], "不同意"),
        ("把票改成反对吧", ["同意", "反对"], "反对"),
        ("change my vote to 同意", ["同意", "反对"], "同意"),
        ("I want to change my vote to No", ["Yes", "No"], "No"),
        ("改", ["同意", "反对"], None),
    ],
)
def test_typed_choice(typed: str, options: list[str], chosen: str | None) -> None:
    opts = [PollOption(id=i + 1, poll_id=1, position=i, text=o) for i, o in enumerate(options)]
    found = polls.typed_choice(typed, opts)
    assert (found.text if found else None) == chosen
