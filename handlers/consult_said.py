"""A meeting or a poll staff describe in one message at the menu ('下周三晚上7点开个议事会，讨论
加装电梯', '投票：是否同意加装电梯'): its form, begun with what was said (services.consult_said).
Before, such words were taken as a matter of the staff member's own. Staff and admins only, as
the 议事协商 buttons: a resident's same words go on as before (a matter, a topic)."""

from __future__ import annotations

from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from handlers import meetings, polls
from handlers.context import OrderCtx
from models import Role
from services import consult_said


async def start_said(message: Message, state: FSMContext, ctx: OrderCtx, text: str) -> bool:
    """The meeting or poll form, begun with what the words say; False when they describe
    neither (or come from someone who may not create them)."""
    if not ctx.roles & {Role.STAFF, Role.ADMIN}:
        return False
    poll = consult_said.poll_said(text)
    if poll is not None:
        await polls.start_poll_said(message, state, ctx, poll)
        return True
    meeting = consult_said.meeting_said(text)
    if meeting is not None:
        await meetings.start_meeting_said(message, state, ctx, meeting)
        return True
    return False
