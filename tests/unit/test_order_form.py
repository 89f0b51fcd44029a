"""services.order_form: the order form's points, time limit and members needed as staff type
them, read with services.validation.whole_number and services.when."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.errors import InvalidInput
from services.order_form import check_due, read_typed_value, read_typed_values
from services.orders import MAX_MEMBERS, MAX_POINTS
from tests.unit.test_whole_number import chinese

SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 10:00 in Shanghai


def read(typed: str) -> tuple[str, object]:
    value = read_typed_value(typed, zone=SHANGHAI, now=MONDAY)
    if isinstance(value.value, datetime):
        return value.field, value.value.astimezone(SHANGHAI).strftime("%m-%d %a %H:%M")
    return value.field, value.value


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15分", ("pts", 15)),
        ("二十分", ("pts", 20)),
        ("20积分", ("pts", 20)),
        ("积分15", ("pts", 15)),
        ("积分：二十", ("pts", 20)),
        ("１５分", ("pts", 15)),
        ("0分", ("pts", 0)),
        ("15 points", ("pts", 15)),
        ("4个人", ("need", 4)),
        ("两人", ("need", 2)),
        ("兩人", ("need", 2)),
        ("需要 3 名", ("need", 3)),
        ("4 people", ("need", 4)),
        ("3天", ("hrs", 72)),
        ("两天", ("hrs", 48)),
        ("3天内", ("hrs", 72)),
        ("48小时", ("hrs", 48)),
        ("四个小时", ("hrs", 4)),
        ("48h", ("hrs", 48)),
        ("一周", ("hrs", 168)),
        ("半天", ("hrs", 12)),
        ("3 days", ("hrs", 72)),
        ("明天下午5点前", ("due", "11-24 Tue 17:00")),
        ("明天下午五点之前", ("due", "11-24 Tue 17:00")),
        ("截止到周五17:00", ("due", "11-27 Fri 17:00")),
        ("下午3点前", ("due", "11-23 Mon 15:00")),
        ("5点30分", ("due", "11-24 Tue 05:30")),  # a time, not 30 points
        ("by tomorrow 5pm", ("due", "11-24 Tue 17:00")),
        # the words staff add on a phone
        ("20分吧", ("pts", 20)),
        ("好的20分", ("pts", 20)),
        ("每人20分", ("pts", 20)),
        ("积分改成20", ("pts", 20)),
        ("20个积分吧", ("pts", 20)),
        ("三个人吧", ("need", 3)),
        ("两个人就行", ("need", 2)),
        ("改成3人", ("need", 3)),
        ("人数2", ("need", 2)),
        ("人数：两个", ("need", 2)),
        ("需要三名志愿者", ("need", 3)),
        ("找两个志愿者", ("need", 2)),
        ("时限3天", ("hrs", 72)),
        ("3天完成", ("hrs", 72)),
        ("两天内完成", ("hrs", 48)),
        ("3天吧", ("hrs", 72)),
        ("一天半", ("hrs", 36)),
        ("两天半", ("hrs", 60)),
        ("明天下午5点前吧", ("due", "11-24 Tue 17:00")),
        # counts and spans as staff say them
        ("2人以上", ("need", 2)),
        ("两个人以上", ("need", 2)),
        ("至少两个人", ("need", 2)),
        ("至少2名志愿者", ("need", 2)),
        ("at least 2 people", ("need", 2)),
        ("两周", ("hrs", 336)),
        ("一个月", ("hrs", 720)),
        ("一个月内完成", ("hrs", 720)),
        ("半个月", ("hrs", 360)),
        ("一个半月", ("hrs", 1080)),
        ("一个半小时", ("mins", 90)),
        ("1.5小时", ("mins", 90)),
        ("1小时20分钟", ("mins", 80)),
        ("90分钟", ("mins", 90)),
        ("两个钟头", ("hrs", 2)),
        ("明天下班前", ("due", "11-24 Tue 18:00")),
        ("周五下班之前", ("due", "11-27 Fri 18:00")),
        ("明天上班前", ("due", "11-24 Tue 09:00")),
    ],
)
def test_reads_what_staff_type(typed: str, expected: tuple[str, object]) -> None:
    assert read(typed) == expected


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("2000分", "order-form-err-points"),
        ("0人", "order-form-err-members"),
        ("30个人", "order-form-err-members"),
        ("100天", "order-form-err-hours"),
        ("0小时", "order-form-err-hours"),
        ("半小时", "order-form-err-hours"),
        ("四个月", "order-form-err-hours"),
        ("昨天", "order-form-err-day-past"),
        ("昨天下午5点", "order-form-err-past"),
        ("10点半前", "order-form-err-too-soon"),
        ("2027-03-01 09:00", "order-form-err-too-far"),
        ("周五前", "order-form-err-day-only"),
        ("明天", "order-form-err-day-only"),
        ("15", "order-form-err-bare"),
        ("十五", "order-form-err-bare"),
        ("好的", "order-form-err-unread"),
        ("三四个人", "order-form-err-unread"),
        ("", "order-form-err-unread"),
    ],
)
def test_refuses_with_what_was_wrong(typed: str, key: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        read_typed_value(typed, zone=SHANGHAI, now=MONDAY)
    assert refused.value.key == key


def test_several_values_in_one_message() -> None:
    said = read_typed_values("3个人，每人20分，明天下午5点前", zone=SHANGHAI, now=MONDAY)
    assert [(v.field, v.value) for v in said[:2]] == [("need", 3), ("pts", 20)]
    assert said[2].field == "due"
    said = read_typed_values("3人、20分、三天内完成", zone=SHANGHAI, now=MONDAY)
    assert [(v.field, v.value) for v in said] == [("need", 3), ("pts", 20), ("hrs", 72)]
    # a deadline with a space in it stays one value
    [due] = read_typed_values("明天 下午5点", zone=SHANGHAI, now=MONDAY)
    assert due.field == "due"


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("3人，20分，随便", "order-form-err-unread"),
        ("3人，2000分", "order-form-err-points"),
        ("20分，20", "order-form-err-bare"),
    ],
)
def test_one_unread_part_refuses_the_whole_message(typed: str, key: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        read_typed_values(typed, zone=SHANGHAI, now=MONDAY)
    assert refused.value.key == key


@given(st.integers(0, 2 * MAX_POINTS))
def test_points_in_digits_or_chinese(n: int) -> None:
    for typed in (f"{n}分", f"{chinese(n) or '零'}分", f"积分{n}"):
        if n <= MAX_POINTS:
            assert read(typed) == ("pts", n)
        else:
            with pytest.raises(InvalidInput, match="order-form-err-points"):
                read(typed)


@given(st.integers(1, 2 * MAX_MEMBERS))
def test_members_in_digits_or_chinese(n: int) -> None:
    for typed in (f"{n}个人", f"{chinese(n)}人", f"{n}位"):
        if n <= MAX_MEMBERS:
            assert read(typed) == ("need", n)
        else:
            with pytest.raises(InvalidInput, match="order-form-err-members"):
                read(typed)


def test_a_deadline_is_checked_again_when_published() -> None:
    due = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # 15:00
    assert check_due(due, now=MONDAY) == due
    with pytest.raises(InvalidInput, match="order-form-err-past"):
        check_due(due, now=datetime(2026, 11, 23, 8, 0, tzinfo=UTC))


def test_a_deadline_by_working_hours_says_which_word() -> None:
    """'明天下班前' is read at 18:00 and carries 下班 for the form to say back; a clock time
    carries none."""
    assert read_typed_value("明天下班前", zone=SHANGHAI, now=MONDAY).word == "下班"
    assert read_typed_value("明天下午5点前", zone=SHANGHAI, now=MONDAY).word is None
