"""Feature routers, nested in one place; order matters (fallback last)."""

from __future__ import annotations

import importlib

from aiogram import Router


def get_routers() -> list[Router]:
    """Every feature router, in the order the dispatcher tries them."""
    from handlers import (
        admin,
        admin_org,
        common,
        consult_said,
        fallback,
        group_chat,
        group_membership,
        member_profile,
        members,
        profile,
        registration,
    )

    routers: list[Router] = [
        group_membership.router,  # the bot added to a group or channel, or removed
        group_chat.router,  # groups and channels: a pointer to the private chat, first
        # 设置公示频道: a message forwarded from the channel, before anything reads its words
        importlib.import_module("handlers.public_channel").forward_router,
        # /start from a public notice's button (a meeting, a poll), before the common /start
        importlib.import_module("handlers.meetings").links_router,
        common.router,
        consult_said.router,  # a meeting or poll said halfway through another form
        registration.router,
        profile.router,
        member_profile.router,  # a member's own skills, grid and pause
        members.router,
        admin.router,
        admin_org.router,  # admin: the org structure
        admin.refused_router,  # admin buttons from anyone else: refused and logged
    ]
    # Feature routers are added here (one line each), before the fallback.
    routers.append(importlib.import_module("handlers.broadcast").router)  # issue 6
    routers.append(importlib.import_module("handlers.order_cycle").router)  # issue 4
    routers.append(importlib.import_module("handlers.form_guard").router)  # ↩️ 继续填写
    routers.append(importlib.import_module("handlers.public_channel").router)  # 设置公开频道
    routers.append(importlib.import_module("handlers.group_binding").router)  # 本社区的群
    routers.append(importlib.import_module("handlers.meetings").router)  # issue 7 (+polls, topics)
    # a request's or order's number typed: after the check-in code, before the fallback
    routers.append(importlib.import_module("handlers.lookup").router)
    routers.append(fallback.router)
    for router in routers:
        _detach(router)
    return routers


def _detach(router: Router) -> None:
    """Routers are module-level; a second dispatcher in one process (tests) takes them over.

    aiogram refuses to attach a router twice, so the previous dispatcher lets go first.
    """
    parent = router.parent_router
    if parent is not None:
        parent.sub_routers.remove(router)
        router._parent_router = None
