"""The order cycle's routers under one parent: residents, staff triage, claims, results, stats."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    assign_typed,
    call_back,
    call_back_staff,
    claims,
    complaint,
    phone_rating,
    praise,
    requests,
    results,
    staff_search,
    stats,
    triage_staff,
)
from handlers.context import OrderCtxMiddleware

router = Router(name="order_cycle")
# Every handler below gets `ctx` (handlers.context.OrderCtx) beside what aiogram injects, and
# draws the staff card it acts on itself (the update's other staff cards are redrawn for every
# router alike: bot.middlewares.OutboxMiddleware)
cards = OrderCtxMiddleware(draws_cards=True)
router.message.middleware(cards)
router.callback_query.middleware(cards)
router.include_routers(
    assign_typed.router,  # '00001 派给刘师傅': before the typed number's card (handlers.lookup)
    requests.router,
    triage_staff.router,
    phone_rating.router,
    staff_search.router,
    claims.router,
    results.router,
    stats.router,
    call_back.router,
    call_back_staff.router,  # 📞 已回电 on a call-back's staff card
    praise.router,
    complaint.router,
)
