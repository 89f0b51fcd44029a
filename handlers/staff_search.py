"""Staff find a request by what they know of it: a resident phones ("I reported a leak last
week"), and staff look it up by the resident's name or phone, the room, the building or words of
the matter — `/find words`, or 🔎 查找 under 📋 待办诉求. Results are in the staff member's scope,
newest first, paged, each one tap from its card."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from handlers.context import OrderCtx
from handlers.filters import IS_STAFF
from handlers.menu import labels
from handlers.order_ui import (
    OrderCb,
    button,
    edit_or_send,
    keyboard,
    local,
    pager,
    request_text,
    short,
    status_text,
)
from handlers.text_steps import refuse_button_labels
from services import orders as order_service
from services.order_common import category
from services.places import spots

router = Router(name="staff_search")
router.message.filter(F.chat.type == "private")

WORDS = "search_words"  # the FSM data key: the words of the last search, for its pages


class StaffSearch(StatesGroup):
    """Staff typing what to look for."""

    words = State()


@router.message(StaffSearch.words, F.text.in_(labels("common-cancel")))
async def on_search_cancel(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """Nothing to look for after all."""
    await state.clear()
    await message.answer(ctx.t("cancel-done"), reply_markup=ctx.main_menu())


# a stale button of another flow ("✅ 说完了", "跳过" …) is not something to look for
refuse_button_labels(router, StaffSearch.words)


@router.message(Command("find"), IS_STAFF)
async def cmd_find(
    message: Message, command: CommandObject, state: FSMContext, ctx: OrderCtx
) -> None:
    """`/find words`: the results at once; `/find` alone asks what to look for."""
    if command.args and command.args.strip():
        await search(message, state, ctx, command.args)
        return
    await _ask(message, state, ctx)


@router.callback_query(OrderCb.filter(F.action == "sfind"), IS_STAFF)
async def on_find_button(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """🔎 查找 under the queue: ask what to look for."""
    await query.answer()
    if isinstance(query.message, Message):
        await _ask(query.message, state, ctx)


async def _ask(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """What to look for? The menu stays below (a menu button leaves the step); ✖️ 取消 is a
    button of the question, so the results need not bring the menu back."""
    await state.clear()
    await state.set_state(StaffSearch.words)
    await message.answer(
        ctx.t("order-search-ask"),
        reply_markup=keyboard([[button(ctx.t("common-cancel"), "sfindx", 0)]]),
    )


@router.callback_query(StaffSearch.words, OrderCb.filter(F.action == "sfindx"))
async def on_ask_cancel(query: CallbackQuery, state: FSMContext, ctx: OrderCtx) -> None:
    """✖️ 取消 under the question."""
    await state.clear()
    await edit_or_send(query, ctx.t("cancel-done"), None)


@router.message(StaffSearch.words, F.text, IS_STAFF)
async def on_words(message: Message, state: FSMContext, ctx: OrderCtx) -> None:
    """What to look for, typed."""
    await search(message, state, ctx, message.text or "")


async def search(message: Message, state: FSMContext, ctx: OrderCtx, words: str) -> None:
    """The matters found for the words (/find's, typed at its question, or asked for in words:
    '帮我查一下周阿姨的诉求'), paged."""
    words = " ".join(words.split())[: order_service.SEARCH_MAX_CHARS]
    if not words:
        await message.answer(ctx.t("order-search-empty"))
        return
    await state.clear()
    await state.update_data({WORDS: words})  # for the result's pages; no step is open
    text, markup = await _results(ctx, words, 0)
    await message.answer(text, reply_markup=markup)


@router.callback_query(OrderCb.filter(F.action == "sfindp"), IS_STAFF)
async def on_results_page(
    query: CallbackQuery, callback_data: OrderCb, state: FSMContext, ctx: OrderCtx
) -> None:
    """Another page of the last search's results."""
    words = (await state.get_data()).get(WORDS)
    if not words:  # another flow since, or a restart: the words are gone
        await query.answer(ctx.t("order-search-gone"), show_alert=True)
        return
    text, markup = await _results(ctx, str(words), callback_data.ref)
    await edit_or_send(query, text, markup)


async def _results(ctx: OrderCtx, words: str, page: int) -> tuple[str, Any]:
    t = ctx.t
    found = await order_service.search_requests(
        ctx.session, user=ctx.user, roles=ctx.roles, words=words, page=page
    )
    again = [button(t("order-btn-search-again"), "sfind", 0)]
    if not found.items:
        return t("order-search-none", words=words), keyboard([again])
    lines = [
        t(
            "order-search-title",
            words=words,
            total=found.total,
            page=found.page + 1,
            pages=found.pages,
        )
    ]
    rows = []
    where = await spots(ctx.session, found.items)  # each line's building (or public area)
    for req in found.items:
        lines.append(
            t(
                "order-queue-line",
                mark="🚨" if req.urgent else "•",
                number=req.number,
                category=category(req.category).name(t.lang),
                place=where[req.id or 0].read_in(t),
                time=local(t, ctx.settings, req.created_at, now=ctx.now()),
                text=short(request_text(t, req.text), 24),
            )
            + f" · {status_text(t, req)}"
        )
        rows.append([button(t("order-btn-open-number", number=req.number), "sreq", req.id)])
    if nav := pager(t, "sfindp", found.page, found.pages):
        rows.append(nav)
    rows.append(again)
    return "\n".join(lines), keyboard(rows)
