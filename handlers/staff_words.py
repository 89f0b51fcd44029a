"""Staff and admins name their screens in words rather than tap ('看看待办', '发个通知',
'邀请网格员', '工作人员列表'), and ask in words for what the admin pages do ('撤销李社工',
'把李社工调到和谐社区'): each is answered by the screen or the question its button brings.
Before, such words were taken as a matter of the staff member's own (kept for registration,
or offered to be filed)."""

from __future__ import annotations

import html

from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from bot.i18n import Raw
from handlers import (
    admin,
    admin_org,
    broadcast,
    consult_said,
    meetings,
    members,
    staff_search,
    triage_staff,
)
from handlers.common import office_text
from handlers.context import OrderCtx
from handlers.keyboards import inline_kb
from handlers.menu import labels, menu_labels
from models import Community, Role, shown_name
from services import org as org_service
from services import smalltalk, when
from services import staff as staff_service

# screens inside a main-menu button's: whose button they come under
_MENU_OF = {
    smalltalk.Screen.IN_PROGRESS: smalltalk.Screen.QUEUE.value,
    smalltalk.Screen.TO_VERIFY: smalltalk.Screen.QUEUE.value,
    smalltalk.Screen.OVERDUE: smalltalk.Screen.QUEUE.value,
    smalltalk.Screen.MEMBER_LIST: smalltalk.Screen.REVIEW.value,
}


async def open_named(message: Message, state: FSMContext, ctx: OrderCtx, text: str) -> bool:
    """The screen or question the words name, for a staff member or an admin; False when they
    name none of theirs (the words go on as other text does)."""
    if not ctx.roles & {Role.STAFF, Role.ADMIN}:
        return False
    if await office_contact_named(message, state, ctx, text):
        return True  # '阳光社区的电话改成021-55500199': that step of 🏘 组织架构
    # '刘师傅那单怎么样了' / '这单退回去重做': the matters in progress, the results to check
    screen = smalltalk.screen_named(text) or smalltalk.staff_follow_up(text)
    if screen is None and len(text) <= smalltalk.MAX_CHARS:
        # '阳光社区有几个社工': the community named is the admin's, or the staff member's own
        screen = smalltalk.screen_named(
            org_service.without_place_names(text, await org_service.list_communities(ctx.session))
        )
    if (
        screen is smalltalk.Screen.BROADCAST
        and Role.ADMIN in ctx.roles
        and smalltalk.notice_to_every_community(text)
    ):
        await broadcast.start_to_everyone(message, state, ctx)  # '给所有社区发个通知'
        return True
    if screen is not None:
        return await _open(message, state, ctx, screen)
    if await consult_said.start_said(message, state, ctx, text):
        return True  # '下周三晚上7点开个议事会，讨论加装电梯': the meeting form, begun with it
    if smalltalk.asks_work_area(text):  # '我负责哪几栋楼': their places and buildings
        await message.answer(await work_area_text(ctx), reply_markup=ctx.main_menu())
        return True
    span = when.quiet_span_said(text)
    if span is not None:  # '夜间免打扰改成23点到7点': as /quiet 23:00 07:00
        said = [c for c in await org_service.list_communities(ctx.session) if c.name in text]
        name = f"{said[0].name} " if len(said) == 1 else ""
        start, end = span
        await broadcast.quiet_typed(
            message,
            ctx.session,
            ctx.user,
            ctx.roles,
            ctx.t,
            ctx.now(),
            f"{name}{start:%H:%M} {end:%H:%M}",
        )
        return True
    if smalltalk.asks_on_duty(text):  # '今天谁值班': the offices and who works there
        await message.answer(await _on_duty_text(ctx), reply_markup=ctx.main_menu())
        return True
    building = smalltalk.building_count_asked(text)
    if building is not None:  # '1号楼有几户': its residents registered in Linli
        await message.answer(await _building_text(ctx, building), reply_markup=ctx.main_menu())
        return True
    words = smalltalk.search_said(text)
    if words is not None:  # '帮我查一下周阿姨的诉求': /find's results for '周阿姨'
        await staff_search.search(message, state, ctx, words)
        return True
    if Role.ADMIN not in ctx.roles:
        return False
    readings = smalltalk.revoke_named(text)
    if readings:
        named = await staff_service.staff_named(ctx.session, readings)
        if len(named) == 1:  # '撤销李社工': the list's question, asked once more
            await admin.ask_revoke_typed(message, ctx.session, named[0], ctx.t)
            return True
        if named:  # two of that name: the list, where each has their button
            await admin.open_typed_page(
                message,
                smalltalk.Screen.STAFF_LIST.value,
                session=ctx.session,
                user=ctx.user,
                settings=ctx.settings,
                t=ctx.t,
            )
            return True
        return False  # nobody on the staff: '取消报名' is not about staff
    moved = smalltalk.move_named(text)
    if moved is not None:
        name, place = moved
        named = await staff_service.staff_named(ctx.session, (name,))
        if len(named) == 1:
            await _how_to_move(message, ctx, named[0].display_name, place, named[0].id)
            return True
    return False


async def _open(
    message: Message, state: FSMContext, ctx: OrderCtx, screen: smalltalk.Screen
) -> bool:
    t = ctx.t
    if screen in smalltalk.ADMIN_SCREENS:
        if Role.ADMIN not in ctx.roles:
            # '邀请网格员' from a community's staff: whose work it is, not a matter of theirs
            await message.answer(
                t("staff-words-admin-only", button=t(screen.value)), reply_markup=ctx.main_menu()
            )
            return True
        if screen is smalltalk.Screen.ORG:
            await admin_org.open_typed(message, ctx.session, t)
            return True
        return await admin.open_typed_page(
            message,
            screen.value,
            session=ctx.session,
            user=ctx.user,
            settings=ctx.settings,
            t=t,
        )
    if not labels(_MENU_OF.get(screen, screen.value)) & menu_labels(ctx.roles):
        return False
    if screen is smalltalk.Screen.QUEUE:
        await triage_staff.cmd_queue(message, ctx)
    elif screen is smalltalk.Screen.IN_PROGRESS:
        await triage_staff.show_view(message, ctx, "sqa")
    elif screen is smalltalk.Screen.TO_VERIFY:
        await triage_staff.show_view(message, ctx, "sqv")
    elif screen is smalltalk.Screen.OVERDUE:
        await triage_staff.show_view(message, ctx, "sqo")
    elif screen is smalltalk.Screen.ON_BEHALF:
        await triage_staff.cmd_on_behalf(message, state, ctx)
    elif screen is smalltalk.Screen.CONSULT_STAFF:
        await meetings.on_staff_menu(message, t)
    elif screen is smalltalk.Screen.REVIEW:
        await members.on_pending_list(
            message, ctx.session, ctx.user, ctx.roles, t, ctx.settings, ctx.clock
        )
    elif screen is smalltalk.Screen.MEMBER_LIST:
        await members.send_member_page(
            message, ctx.session, ctx.user, ctx.roles, t, ctx.settings, ctx.now(), 0
        )
    elif screen is smalltalk.Screen.BROADCAST:
        await broadcast.start_broadcast(message, state, ctx)
    else:
        return False
    return True


async def _how_to_move(message: Message, ctx: OrderCtx, name: str, place: str, who: int) -> None:
    """'把李社工调到和谐社区': how it is done (their access taken away here, a new invitation for
    the other place), with the two buttons that do it."""
    t = ctx.t
    markup = inline_kb(
        [
            [(t("admin-revoke", name=name), admin.AdminCb(action="revoke", id=who).pack())],
            [(t("admin-invite"), admin.AdminCb(action="invite").pack())],
            [(t("admin-invite-grid"), admin.AdminCb(action="ginv").pack())],
        ]
    )
    await message.answer(
        t(
            "staff-words-move",
            name=name,
            place=place,
            revoke=t("admin-revoke", name=name),
            invite=t("admin-invite"),
            invite_grid=t("admin-invite-grid"),
        ),
        reply_markup=markup,
    )


async def _on_duty_text(ctx: OrderCtx) -> str:
    """'今天谁值班': Linli keeps no roster, so the offices the asker works for (an admin's every
    one) with their contacts and hours, and the staff of each."""
    t = ctx.t
    assert ctx.user.id is not None
    offices = await staff_service.office_staff(
        ctx.session, telegram_id=ctx.user.id, admin=Role.ADMIN in ctx.roles
    )
    if not offices:
        return t("staff-area-nowhere")
    parts = [t("staff-duty-no-roster")]
    for community, colleagues in offices:
        lines = [office_text(t, community)]
        if not (community.phone or community.address or community.office_hours):
            lines.append(t("staff-duty-no-contact"))
        names = [
            t("staff-duty-grid-worker", name=c.user.display_name, grid=shown_name(c.grid, t.lang))
            if c.grid is not None
            else html.escape(c.user.display_name, quote=False)
            for c in colleagues
        ]
        lines.append(
            t("staff-duty-staff", names=Raw(t.join(names))) if names else t("staff-duty-no-staff")
        )
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


async def _building_text(ctx: OrderCtx, said: str) -> str:
    """'1号楼有几户': the residents registered in Linli in the building named, within the
    asker's area (not a census); where it is not theirs, or none is so named, said so."""
    t = ctx.t
    assert ctx.user.id is not None
    asked = await staff_service.building_residents(
        ctx.session, telegram_id=ctx.user.id, admin=Role.ADMIN in ctx.roles, said=said
    )
    if not asked.counted:
        key = "staff-building-not-yours" if asked.elsewhere else "staff-building-unknown"
        answer = t(key, building=said)
        if Role.ADMIN not in ctx.roles:
            answer += "\n\n" + await work_area_text(ctx)
        return answer
    lines = []
    for count in asked.counted:
        line = t(
            "staff-building-count",
            community=shown_name(count.community, t.lang),
            building=shown_name(count.building, t.lang),
            residents=count.residents,
            households=count.households,
        )
        if count.building.households:
            line += t("staff-building-planned", planned=count.building.households)
        if count.no_room:  # people counted, but in no household: said, not left to guess
            line += t("staff-building-no-room", count=count.no_room)
        lines.append(line)
    lines.append(t("staff-building-note"))
    return "\n".join(lines)


async def work_area_text(ctx: OrderCtx) -> str:
    """Where a staff member works: each community or grid with its buildings."""
    t = ctx.t
    assert ctx.user.id is not None
    area = await staff_service.work_area(ctx.session, telegram_id=ctx.user.id)
    if not area:
        return t("staff-area-admin" if Role.ADMIN in ctx.roles else "staff-area-nowhere")
    lines = [t("staff-area-title")]
    for place, buildings in area:
        names = t.join(shown_name(b, t.lang) for b in buildings) or t("staff-area-no-buildings")
        community = shown_name(place.community, t.lang)
        if place.grid is not None:
            grid = shown_name(place.grid, t.lang)
            lines.append(t("staff-area-grid", community=community, grid=grid, buildings=names))
        else:
            lines.append(t("staff-area-community", community=community, buildings=names))
    return "\n".join(lines)


# ------------------------------------------------------------------ an office's contact, in words

# the place said when no community is named: '社区电话改成…' (the admin's only one, or asked)
_ANY_OFFICE = frozenset(
    {
        "社区",
        "本社区",
        "我们社区",
        "咱们社区",
        "咱社区",
        "community",
        "the community",
        "our community",
    }
)


def _is_named(community: Community, place: str) -> bool:
    """'阳光社区', '阳光', 'sunshine community', 'sunshine' name 阳光社区 (Sunshine Community)."""
    names = {community.name, community.name.removesuffix("社区")}
    if community.name_en:
        english = community.name_en.casefold()
        names |= {english, english.removesuffix(" community")}
    return place.casefold() in {n.casefold() for n in names if n}


async def office_contact_named(
    message: Message, state: FSMContext, ctx: OrderCtx, text: str
) -> bool:
    """'社区电话改成021-55500199' / '阳光社区的地址改一下' / '把和谐社区办公时间改成…' from an
    admin: the ☎️/📍/🕘 step of 🏘 组织架构 for that community (asked which, where none or the
    admin's every one is named); from a community's staff, whose work it is. False when the
    words name no community ('我的电话改成…' is one's own phone)."""
    said = smalltalk.contact_change_said(text)
    if said is None:
        return False
    communities = await org_service.list_communities(ctx.session)
    if said.place not in _ANY_OFFICE:
        communities = [c for c in communities if _is_named(c, said.place)]
        if not communities:
            return False
    t = ctx.t
    if Role.ADMIN not in ctx.roles:
        button = t(smalltalk.Screen.ORG.value)
        await message.answer(
            t("staff-words-admin-only", button=button), reply_markup=ctx.main_menu()
        )
        return True
    await admin_org.open_contact_typed(
        message,
        ctx.session,
        state,
        t,
        communities=communities,
        field=said.field,
        value=said.value,
    )
    return True
