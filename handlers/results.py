"""晒单: a member reports an order done (note and photos); staff verify it or send it back."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, KeyboardButton, Message, ReplyKeyboardMarkup
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.i18n import Text, Translator
from bot.settings import Settings
from handlers.media import send_photos
from handlers.menu import labels, main_menu
from handlers.order_ui import OrderCb, answer_once, edit_or_send, reply, send_notices
from handlers.text_steps import refuse_button_labels
from models import Role, User
from services import orders as order_service

REPORT_NOTE_LIMIT = 2000  # characters, as services.orders.report_done accepts

router = Router(name="results")
router.message.filter(F.chat.type == "private")


class ResultFlow(StatesGroup):
    """The member's report, and staff's reason for sending a result back."""

    report = State()
    send_back = State()


def _report_keyboard(t: Text) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=t("order-btn-finished"))],
            [KeyboardButton(text=t("common-cancel"))],
        ],
        resize_keyboard=True,
    )


# A stale button of another flow ("跳过", "不修改" …) is not what was done, nor what is missing.
refuse_button_labels(
    router, ResultFlow.report, allow=("order-btn-finished",), keyboard=_report_keyboard
)
refuse_button_labels(router, ResultFlow.send_back)


@router.message(StateFilter(ResultFlow), F.text.in_(labels("common-cancel")))
async def on_cancel(
    message: Message, state: FSMContext, user: User, roles: frozenset[Role], t: Text
) -> None:
    """Leave the step; nothing is reported."""
    await state.clear()
    await message.answer(
        t("cancel-done"), reply_markup=main_menu(t, roles, registered=user.registered)
    )


@router.callback_query(OrderCb.filter(F.action == "mdone"))
async def on_report_start(
    query: CallbackQuery,
    callback_data: OrderCb,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    state: FSMContext,
    t: Text,
) -> None:
    """Ask for what was done and photos; only a claimant is asked (checked again on submit)."""
    await order_service.require_claimant(
        session, user=user, roles=roles, order_id=callback_data.ref, action="done"
    )
    view = await order_service.order_view(
        session, user=user, roles=roles, order_id=callback_data.ref
    )
    await state.clear()
    await state.set_state(ResultFlow.report)
    await state.update_data(oid=view.order.id, note="", photos=[])
    await reply(
        query, t("order-ask-report", number=view.order.number), reply_markup=_report_keyboard(t)
    )


@router.message(ResultFlow.report, F.photo)
async def on_report_photo(message: Message, state: FSMContext, t: Text) -> None:
    """A photo of the result (its caption joins the note)."""
    values = await state.get_data()
    photos = list(values.get("photos", []))[:9]
    assert message.photo is not None
    photos.append(message.photo[-1].file_id)
    note = values.get("note", "")
    if message.caption:
        note = (note + "\n" + message.caption).strip()
    await state.update_data(photos=photos, note=note)
    await message.answer(t("order-got-photo", count=len(photos)))


@router.message(ResultFlow.report, F.text.in_(labels("order-btn-finished")))
async def on_report_submit(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    translator: Translator,
    settings: Settings,
    clock: Any,
) -> None:
    """Report the order done; staff are asked to verify."""
    values = await state.get_data()
    if not values.get("note", "").strip():
        await message.answer(t("order-ask-report-text"))
        return
    out = await order_service.report_done(
        session,
        user=user,
        roles=roles,
        order_id=int(values["oid"]),
        note=values["note"],
        photos=list(values.get("photos", [])),
        now=clock(),
    )
    await state.clear()
    assert out.order is not None
    await message.answer(
        t("order-reported", number=out.order.number),
        reply_markup=main_menu(t, roles, registered=user.registered),
    )
    await send_notices(session, out.pending, translator=translator, settings=settings, now=clock())


@router.message(ResultFlow.report, F.text)
async def on_report_text(message: Message, state: FSMContext, t: Text) -> None:
    """The note of what was done."""
    values = await state.get_data()
    note = (values.get("note", "") + "\n" + (message.text or "")).strip()
    if len(note) > REPORT_NOTE_LIMIT:
        # Refuse this part now (what was said before is kept), never cut it silently.
        await message.answer(t("err-text-too-long", length=len(note), limit=REPORT_NOTE_LIMIT))
        return
    await state.update_data(note=note)
    await message.answer(t("order-got-text"))


@router.callback_query(OrderCb.filter(F.action == "vok"))
async def on_verify(
    query: CallbackQuery,
    callback_data: OrderCb,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    translator: Translator,
    settings: Settings,
    clock: Any,
) -> None:
    """Staff accept the result: points, the resident's rating request, the public card."""
    out = await order_service.verify(
        session,
        user=user,
        roles=roles,
        order_id=callback_data.ref,
        approve=True,
        note=None,
        now=clock(),
    )
    assert out.order is not None
    await edit_or_send(query, t("order-verified", number=out.order.number), None)
    await send_notices(session, out.pending, translator=translator, settings=settings, now=clock())


@router.callback_query(OrderCb.filter(F.action == "vpics"))
async def on_result_photos(
    query: CallbackQuery,
    callback_data: OrderCb,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
) -> None:
    """Staff see the photos the member reported the order done with."""
    order, photos = await order_service.result_photos(
        session, user=user, roles=roles, order_id=callback_data.ref
    )
    await answer_once(query)
    if not isinstance(query.message, Message):
        return
    caption = t(
        "order-attachment-caption",
        number=f"{order.request_id:05d}",
        purpose=t("order-purpose-result"),
    )
    await send_photos(query.message, list(photos), caption=caption)


@router.callback_query(OrderCb.filter(F.action == "vback"))
async def on_send_back_prompt(
    query: CallbackQuery,
    callback_data: OrderCb,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    state: FSMContext,
    t: Text,
) -> None:
    """Ask what is missing before sending the result back."""
    view = await order_service.order_view(
        session, user=user, roles=roles, order_id=callback_data.ref
    )
    if not view.staff:
        await order_service.log_refusal(
            session, user=user, action="send_back", detail=str(callback_data.ref)
        )
        await answer_once(query, t("err-not-allowed"), alert=True)
        return
    await state.clear()
    await state.set_state(ResultFlow.send_back)
    await state.update_data(oid=view.order.id)
    await reply(
        query,
        t("order-ask-send-back", number=view.order.number),
        reply_markup=ReplyKeyboardMarkup(
            keyboard=[[KeyboardButton(text=t("common-cancel"))]], resize_keyboard=True
        ),
    )


@router.message(ResultFlow.send_back, F.text)
async def on_send_back(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    user: User,
    roles: frozenset[Role],
    t: Text,
    translator: Translator,
    settings: Settings,
    clock: Any,
) -> None:
    """Send the result back to the members with the note."""
    values = await state.get_data()
    out = await order_service.verify(
        session,
        user=user,
        roles=roles,
        order_id=int(values["oid"]),
        approve=False,
        note=message.text,
        now=clock(),
    )
    await state.clear()
    assert out.order is not None
    await message.answer(
        t("order-sent-back", number=out.order.number),
        reply_markup=main_menu(t, roles, registered=user.registered),
    )
    await send_notices(session, out.pending, translator=translator, settings=settings, now=clock())
