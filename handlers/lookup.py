"""A request's or an order's number typed into the chat ('00012', '诉求12', 'G00003'): its card,
as the person may see it — staff of its community the staff card, its resident their own view,
a member the order. Tried after every flow and the meetings' check-in code, before the fallback
(which would have offered the digits to be filed as a matter)."""

from __future__ import annotations

import re

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.types import Message

from handlers.claims import show_order
from handlers.context import OrderCtx, OrderCtxMiddleware
from handlers.requests import show_my_request
from handlers.triage_staff import show_card
from services import orders as order_service
from services import smalltalk

router = Router(name="lookup")
router.message.middleware(OrderCtxMiddleware())

# '00012' (as shown: five digits or more), or any digits after 诉求/编号/No./# or before 号诉求: a
# request — alone, or asked after ('00012怎么样了', '我的12号诉求办得怎么样'); 'G00003' (or
# '工单 G3', '工单3'): an order. A room ('502'), a building ('12号楼'), a phone number: neither.
REQUEST_REF = re.compile(
    r"(?:诉求|訴求|编号|編號|no\.?|#)\s*(?P<a>\d{1,9})\s*号?"
    r"|(?P<b>\d{1,9})\s*号\s*(?:诉求|訴求)"
    r"|(?<!\d)(?P<c>\d{5,9})(?!\d)\s*号?",
    re.IGNORECASE,
)
ORDER_NUMBER = re.compile(
    # also asked to take it ('我接G00004', '接单 G4', 'G00004 我来'): the order's card, whose
    # ✋ 接单 takes it (a member typing it was offered to file it as a matter)
    r"^\s*(?:我要|我想|我来|我)?\s*(?:接单|接|领取|领)?\s*"
    r"(?:(?:工单|工單)?\s*g\s*(?P<g>\d{1,9})|(?:工单|工單)\s*(?P<n>\d{1,9}))\s*号?\s*"
    r"(?:我来|我接|我接了|我去)?\s*(?:吧|了)?\s*$",
    re.IGNORECASE,
)


# asked to be shown it ('帮我看看00012', '查一下 00012', 'show me 00012'): its card
_LOOK = re.compile(
    r"^(?:请|麻烦)?(?:你)?(?:帮我|给我)?(?:看看|看一下|看下|查一下|查查|查看|打开|调出|找一下|找找)"
    r"(?:一下)?(?:吧)?$|^(?:please )?(?:show|open|find|look up)(?: me)?$",
    re.IGNORECASE,
)

# words naming the matter itself around its number, before the question about it
_THE_MATTER = re.compile(r"^(?:的)?(?:诉求|訴求|那件事|这件事|事情|事)")


def _number(text: str | None) -> tuple[str, int] | None:
    """('request' | 'order', id) for a typed number, else None."""
    text = (text or "").strip()
    if found := ORDER_NUMBER.match(text):
        return "order", int(found.group("g") or found.group("n"))
    found = REQUEST_REF.search(text)
    if found is None:
        return None
    rest = (text[: found.start()] + text[found.end() :]).strip()
    rest = _THE_MATTER.sub("", rest).strip()  # '编号00001的诉求处理了吗': its 的诉求
    if (
        rest
        and not _LOOK.match(rest)
        and smalltalk.classify(rest) is not smalltalk.Kind.PROGRESS
        and smalltalk.card_action(rest) is None  # '00012 转办': its card, whose button does it
    ):
        return None  # the number is part of something else said ('00012 和 00013 合并')
    return "request", int(found.group("a") or found.group("b") or found.group("c"))


def _action_said(text: str | None) -> smalltalk.CardAction | None:
    """The card's button said with the number ('00012 转办'), if any."""
    found = REQUEST_REF.search(text or "")
    if found is None:
        return None
    rest = ((text or "")[: found.start()] + (text or "")[found.end() :]).strip()
    return smalltalk.card_action(rest) if rest else None


@router.message(
    F.chat.type == "private",
    StateFilter(None),
    F.text.func(lambda text: _number(text) is not None),
)
async def on_number(message: Message, ctx: OrderCtx) -> None:
    """The card of the request or order with that number, or that there is none to show."""
    kind, number = _number(message.text) or ("request", 0)
    if kind == "order":
        found = await order_service.look_up(
            ctx.session, user=ctx.user, roles=ctx.roles, order_id=number
        )
        if found.order is not None and found.order.id is not None:
            await show_order(message, ctx, found.order.id)
            return
        await message.answer(ctx.t("lookup-order-none", number=f"G{number:05d}"))
        return
    found = await order_service.look_up(
        ctx.session, user=ctx.user, roles=ctx.roles, request_id=number
    )
    if found.request is None:
        await message.answer(ctx.t("lookup-request-none", number=f"{number:05d}"))
    elif found.as_staff:
        # a new matter's likely duplicates, as on the card sent when it was filed and on the
        # queue's (before, a card opened by its number had none)
        await show_card(message, ctx, found.request, duplicates=True)
        if (action := _action_said(message.text)) is not None:
            await message.answer(ctx.t("card-action-tap", button=ctx.t(action.value)))
    else:
        await show_my_request(message, ctx, found.request)
