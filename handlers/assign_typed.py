"""Staff typing whom an order is for ('00001 派给刘师傅', '把G00002指派给赵医生', 'assign G00002
to 赵敏'): with a free place on it, 👤 指派 to that member is asked to be confirmed with one tap
(its ✅ is 👤 指派's own button, handlers.claims.on_assign); a name fitting no one lists the
members it may go to; a request not yet ordered shows its card and says to 📤 派单 first.
Before, the words opened the request's card (or none, for 'G00002'), and the name was lost."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.types import CallbackQuery, Message

from handlers.claims import show_order
from handlers.context import OrderCtx
from handlers.filters import IS_STAFF
from handlers.order_ui import OrderCb, button, edit_or_send, keyboard, order_title
from handlers.triage_staff import show_card
from services import smalltalk
from services import typed_assign as assign_service

router = Router(name="assign_typed")

MEMBERS_SHOWN = 20  # as many as 👤 指派 lists


@router.message(
    F.chat.type == "private",
    StateFilter(None),
    IS_STAFF,
    F.text.func(lambda text: smalltalk.assign_said(text) is not None),
)
async def on_assign_typed(message: Message, ctx: OrderCtx) -> None:
    """The assignment said, to be confirmed; or why it cannot be, and what to do instead."""
    t = ctx.t
    said = smalltalk.assign_said(message.text)
    assert said is not None
    found = await assign_service.assign_target(
        ctx.session,
        user=ctx.user,
        roles=ctx.roles,
        order_number=said.number if said.order else None,
        request_number=None if said.order else said.number,
        name=said.name,
        now=ctx.now(),
    )
    if found.request is not None:  # not ordered yet: its card, whose 📤 派单 comes first
        await show_card(message, ctx, found.request, duplicates=True)
        await message.answer(
            t("assign-typed-issue-first", number=found.request.number, name=said.name)
        )
        return
    if found.full is not None:
        await show_order(message, ctx, int(found.full.id or 0))
        await message.answer(t("assign-typed-full", number=found.full.number))
        return
    order = found.order
    if order is None or order.id is None:
        key = "lookup-order-none" if said.order else "lookup-request-none"
        prefix = "G" if said.order else ""
        await message.answer(t(key, number=f"{prefix}{said.number:05d}"))
        return
    if not found.eligible:
        await message.answer(t("order-assign-none"))
        return
    title = order_title(t, order)
    drop = [button(t("assign-typed-btn-drop"), "sasx", order.id)]
    if len(found.named) == 1:
        [member] = found.named
        confirm = button(t("assign-typed-btn-confirm"), "sasto", order.id, member.user_id)
        await message.answer(
            t("assign-typed-confirm", number=order.number, title=title, name=member.real_name),
            reply_markup=keyboard([[confirm], drop]),
        )
        return
    # several fit the name, or none: the members it may go to, each 👤 指派's own button
    members = found.named or found.eligible
    rows = [[button(m.real_name, "sasto", order.id, m.user_id)] for m in members[:MEMBERS_SHOWN]]
    key = "assign-typed-which" if found.named else "assign-typed-unknown"
    await message.answer(
        t(key, number=order.number, title=title, name=said.name),
        reply_markup=keyboard([*rows, drop]),
    )


@router.callback_query(OrderCb.filter(F.action == "sasx"), IS_STAFF)
async def on_assign_typed_drop(query: CallbackQuery, ctx: OrderCtx) -> None:
    """不用了 under a typed assignment: nothing assigned, and the question says so."""
    await edit_or_send(query, ctx.t("assign-typed-dropped"), None)
