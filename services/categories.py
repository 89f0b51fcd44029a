"""Admins edit the request catalogue of their deployment: deadlines, new categories, removals."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from sqlmodel.ext.asyncio.session import AsyncSession

from models import Role, User
from services import audit
from services.errors import InvalidInput, PermissionDenied
from services.order_common import use_catalogue
from services.skills import SKILLS
from services.triage import (
    CatalogueError,
    Category,
    load_deployment_catalogue,
    save_deployment_catalogue,
)
from services.triage.catalogue import with_category, with_deadline, without_category


def current_catalogue(*, data_dir: Path) -> list[Category]:
    """The catalogue in force (the deployment's file, else the default)."""
    return load_deployment_catalogue(data_dir)


async def _apply(
    session: AsyncSession,
    *,
    admin: User,
    roles: Collection[Role],
    data_dir: Path,
    action: str,
    detail: str,
    change: object,
) -> list[Category]:
    if Role.ADMIN not in roles:
        audit.record(session, actor_id=admin.id, action="refused", detail=f"catalogue {action}")
        await session.commit()
        raise PermissionDenied("err-not-allowed")
    categories = change() if callable(change) else change
    assert isinstance(categories, list)
    save_deployment_catalogue(data_dir, categories)
    use_catalogue(categories)
    audit.record(
        session,
        actor_id=admin.id,
        action=f"catalogue_{action}",
        subject_type="catalogue",
        detail=detail,
    )
    await session.commit()
    return categories


async def set_deadline(
    session: AsyncSession,
    *,
    admin: User,
    roles: Collection[Role],
    data_dir: Path,
    code: str,
    hours: int,
) -> list[Category]:
    """Change a category's default deadline (1 hour to 90 days)."""
    if not 1 <= hours <= 24 * 90:
        raise InvalidInput("cat-err-hours")
    categories = current_catalogue(data_dir=data_dir)
    if code not in {c.code for c in categories}:
        raise InvalidInput("cat-err-unknown", code=code)
    return await _apply(
        session,
        admin=admin,
        roles=roles,
        data_dir=data_dir,
        action="deadline",
        detail=f"{code}={hours}h",
        change=lambda: with_deadline(categories, code, hours),
    )


async def add_category(
    session: AsyncSession,
    *,
    admin: User,
    roles: Collection[Role],
    data_dir: Path,
    code: str,
    hours: int,
    name_zh: str,
    name_en: str,
    skills: list[str],
) -> list[Category]:
    """Add (or replace) a category; it is suggested by triage once the model is retrained."""
    if not 1 <= hours <= 24 * 90:
        raise InvalidInput("cat-err-hours")
    unknown = [s for s in skills if s not in SKILLS]
    if unknown:
        raise InvalidInput("cat-err-skills", skills=", ".join(unknown))
    names = {"zh-Hans": name_zh.strip(), "en": name_en.strip()}
    if not all(names.values()) or any(len(n) > 40 for n in names.values()):
        raise InvalidInput("cat-err-names")
    categories = current_catalogue(data_dir=data_dir)
    try:
        updated = with_category(
            categories,
            Category(code=code, names=names, deadline_hours=hours, skills=tuple(skills)),
        )
    except CatalogueError as exc:
        raise InvalidInput("cat-err-invalid", reason=str(exc)) from None
    return await _apply(
        session,
        admin=admin,
        roles=roles,
        data_dir=data_dir,
        action="add",
        detail=code,
        change=updated,
    )


async def remove_category(
    session: AsyncSession,
    *,
    admin: User,
    roles: Collection[Role],
    data_dir: Path,
    code: str,
) -> list[Category]:
    """Remove a category (the catch-all `other` stays)."""
    categories = current_catalogue(data_dir=data_dir)
    if code == "other":
        raise InvalidInput("cat-err-other")
    if code not in {c.code for c in categories}:
        raise InvalidInput("cat-err-unknown", code=code)
    try:
        updated = without_category(categories, code)
    except CatalogueError as exc:
        raise InvalidInput("cat-err-invalid", reason=str(exc)) from None
    return await _apply(
        session,
        admin=admin,
        roles=roles,
        data_dir=data_dir,
        action="remove",
        detail=code,
        change=updated,
    )
