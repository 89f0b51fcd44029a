"""/stats reads its median times as a hotline does: minutes under an hour. Before, a matter
answered in 12 minutes read '首次响应中位数 0 小时' (hours rounded to one decimal, 0.2 shown
as 0.2 or, from 2 minutes, 0)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.i18n import Text, Translator
from handlers.stats import stats_text
from services.stats import Rates, Stats

DAY = datetime(2026, 11, 1, tzinfo=UTC)


def _stats(response: float | None, resolve: float | None) -> Stats:
    overall = Rates(total=3, median_response_hours=response, median_resolve_hours=resolve)
    return Stats(
        start=DAY,
        end=DAY,
        overall=overall,
        by_status={},
        by_community={},
        by_grid={},
        by_category={},
        by_member=[],
        per_day=[],
    )


@pytest.mark.parametrize(
    ("lang", "response", "resolve", "shown"),
    [
        ("zh-Hans", 0.2, 30.46, "首次响应中位数 12 分钟 · 办结中位数 30.5 小时"),
        ("zh-Hans", 0.03, 1.0, "首次响应中位数 2 分钟 · 办结中位数 1 小时"),
        ("zh-Hans", None, None, "首次响应中位数 - · 办结中位数 -"),
        ("en", 0.5, 26.0, "Median first response 30 min · median resolution 26 h"),
    ],
)
def test_median_times_read_in_minutes_under_an_hour(
    lang: str, response: float | None, resolve: float | None, shown: str
) -> None:
    text = stats_text(Text(Translator(), lang), _stats(response, resolve), {}, "本月")
    assert shown in text, text
