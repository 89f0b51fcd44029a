"""Admins edit the request catalogue of their deployment: deadlines, new categories, removals."""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import re
import shlex
from collections.abc import Callable, Collection, Iterable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models import Role, User
from models.catalogue import CatalogueVersion
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
from services.triage.catalogue import (
    parse_catalogue,
    with_category,
    with_deadline,
    without_category,
)

log = logging.getLogger(__name__)

# Quotes a Chinese input method types instead of ASCII ones; all mean the same here.
_QUOTES = str.maketrans(dict.fromkeys("“”„「」『』", '"'))

_CODE = re.compile(r"[a-z][a-z0-9_]{1,39}")  # as the catalogue requires
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _split_names(names: str) -> tuple[str, str]:
    """`中文名/English name` at the slash after which no Chinese character follows: a Chinese
    name may hold slashes itself, as the shipped 公共设施(电梯/路灯/道路/门禁) does, and an
    English one may too (Pets/animals). Without such a slash, at the first one."""
    at = names.index("/")
    for i, char in enumerate(names):
        if char == "/" and i > 0 and not _HAN.search(names, i + 1):
            at = i
            break
    return names[:at], names[at + 1 :]


@dataclass(frozen=True)
class CatalogueEdit:
    """One `/category …` command, parsed: what to change and how."""

    action: str  # "deadline" | "add" | "rename" | "hant" | "remove"
    code: str
    hours: int = 0
    name_zh: str = ""
    name_en: str = ""
    skills: tuple[str, ...] = ()
    name_hant: str = ""  # "hant": the Traditional Chinese name an admin sets by hand


def parse_catalogue_edit(args: str) -> CatalogueEdit:
    """Read the words after /category; a name with spaces is put in quotes.

    `deadline CODE HOURS` · `remove CODE` ·
    `add CODE HOURS 中文名/English name [skill1,skill2]`, where the names (or just the English
    one) go in quotes when they hold spaces: `add pet_care 48 "宠物管理/Pet care" general` ·
    `rename CODE 中文名/English name` · `hant CODE 繁體名` (the Traditional Chinese name).
    Raises InvalidInput (cat-err-quote, cat-err-spaces, cat-err-usage) when the form is wrong.
    """
    lexer = shlex.shlex(args.translate(_QUOTES), posix=True)
    lexer.whitespace_split = True
    lexer.quotes = '"'  # an apostrophe (Children's corner) is an ordinary letter
    lexer.escape = ""
    lexer.commenters = ""
    try:
        parts = list(lexer)
    except ValueError:  # an opening quote without its closing one
        raise InvalidInput("cat-err-quote") from None
    match parts:
        case ["deadline", code, hours] if hours.isdigit():
            return CatalogueEdit(action="deadline", code=code, hours=int(hours))
        case ["remove", code]:
            return CatalogueEdit(action="remove", code=code)
        case ["add", code, hours, names, *skills] if hours.isdigit() and "/" in names:
            if len(skills) > 1:  # a name with spaces, typed without quotes
                raise InvalidInput("cat-err-spaces")
            name_zh, name_en = _split_names(names)
            codes = skills[0].replace("，", ",").split(",") if skills else []
            return CatalogueEdit(
                action="add",
                code=code,
                hours=int(hours),
                name_zh=" ".join(name_zh.split()),
                name_en=" ".join(name_en.split()),
                skills=tuple(s.strip() for s in codes if s.strip()),
            )
        case ["rename", code, names] if "/" in names:
            name_zh, name_en = _split_names(names)
            return CatalogueEdit(
                action="rename",
                code=code,
                name_zh=" ".join(name_zh.split()),
                name_en=" ".join(name_en.split()),
            )
        case ["rename", _, _]:  # one name only: both are needed
            raise InvalidInput("cat-err-names")
        case ["rename", _, _, *_]:
            raise InvalidInput("cat-err-spaces")
        case ["hant", code, name]:
            return CatalogueEdit(action="hant", code=code, name_hant=" ".join(name.split()))
        case ["hant", _, _, *_]:
            raise InvalidInput("cat-err-hant-spaces")
        case ["deadline", _, _] | ["add", _, _, _, *_] if not parts[2].isdigit():
            raise InvalidInput("cat-err-hours")  # 1.5, -3, 一天: say what the hours must be
        case ["add", _, _, _] | ["add", _, _, _, _]:  # '宠物管理' without its English name
            raise InvalidInput("cat-err-names")
        case ["add", _, _, _, *_]:
            raise InvalidInput("cat-err-spaces")
    raise InvalidInput("cat-err-usage")


def current_catalogue(*, data_dir: Path) -> list[Category]:
    """The deployment's file, else the default (what a process starts with; see CatalogueSync)."""
    return load_deployment_catalogue(data_dir)


@functools.cache
def _converter() -> Any:
    """OpenCC's Simplified → Traditional (Taiwan standard forms, as the zh-Hant texts use), or
    None where it is not installed (it is a dependency; an old install may lack it)."""
    try:
        import opencc
    except ImportError:
        log.warning("catalogue: OpenCC is not installed; no Traditional names are made")
        return None
    return opencc.OpenCC("s2tw")


def traditional_name(simplified: str) -> str | None:
    """A category's name in Traditional characters, character by character (s2tw, as
    bot/locales/make_hant.py does for the texts), or None without a converter."""
    converter = _converter()
    return str(converter.convert(simplified)) if converter is not None else None


def _names(name_zh: str, name_en: str, *, before: Category | None) -> dict[str, str]:
    """A category's names: the Traditional one made from the Simplified one, unless the
    Simplified name is unchanged and has a Traditional one already (an admin may have set it)."""
    names = {"zh-Hans": name_zh.strip(), "en": name_en.strip()}
    if not all(names.values()) or any(len(n) > 40 for n in names.values()):
        raise InvalidInput("cat-err-names")
    kept = before.names.get("zh-Hant") if before else None
    hant = kept if kept and before and before.names["zh-Hans"] == names["zh-Hans"] else None
    hant = hant or traditional_name(names["zh-Hans"])
    if hant:
        names["zh-Hant"] = hant
    return names


def _document(categories: Iterable[Category]) -> str:
    rows = [
        {
            "code": c.code,
            "names": dict(c.names),
            "deadline_hours": c.deadline_hours,
            "skills": list(c.skills),
        }
        for c in categories
    ]
    return json.dumps({"categories": rows}, ensure_ascii=False)


async def stored_version(session: AsyncSession) -> int:
    """The newest catalogue edit's number in the database (0: none yet)."""
    newest = (await session.exec(select(func.max(col(CatalogueVersion.id))))).one()
    return int(newest or 0)


async def stored_catalogue(session: AsyncSession) -> tuple[int, list[Category]] | None:
    """(number, categories) of the newest catalogue edit, or None when admins made none."""
    stmt = select(CatalogueVersion).order_by(col(CatalogueVersion.id).desc()).limit(1)
    row = (await session.exec(stmt)).first()
    if row is None or row.id is None:
        return None
    return row.id, parse_catalogue(json.loads(row.document), source=f"catalogue #{row.id}")


async def _latest(session: AsyncSession, *, data_dir: Path) -> list[Category]:
    """The catalogue an edit starts from: the newest in the database, else the file's."""
    stored = await stored_catalogue(session)
    return stored[1] if stored else current_catalogue(data_dir=data_dir)


class CatalogueSync:
    """Keeps this process's catalogue the one in the database, cheaply.

    An update asks `refresh`; it looks at the database only when told the catalogue changed
    (`mark_stale`: another process's edit announced over Redis, or this process's own) or when
    `check_every` has passed since the last look, and then reads one number (the newest
    edit's); the categories are read only when that number moved. Between looks an update
    costs a comparison of two times.
    """

    def __init__(
        self,
        *,
        data_dir: Path,
        check_every: timedelta,
        apply: Callable[[Iterable[Category]], None] = use_catalogue,
    ) -> None:
        self.data_dir = data_dir
        self.check_every = check_every
        self.apply = apply
        self.version = 0  # the newest edit taken up (0: the file's or default catalogue)
        self._stale = True  # look at the first update
        self._checked_at: datetime | None = None
        self._lock = asyncio.Lock()

    def mark_stale(self) -> None:
        """Look at the database at the next update (a change was announced)."""
        self._stale = True

    def due(self, now: datetime) -> bool:
        """True when the next update should look at the database."""
        return (
            self._stale or self._checked_at is None or now - self._checked_at >= self.check_every
        )

    async def refresh(
        self,
        sessions: Callable[[], AbstractAsyncContextManager[AsyncSession]],
        *,
        now: datetime,
        force: bool = False,
    ) -> bool:
        """Take up a newer catalogue from the database when one is due; True if it changed."""
        if not force and not self.due(now):
            return False
        async with self._lock:
            self._stale = False
            self._checked_at = now
            async with sessions() as session:
                if await stored_version(session) == self.version:
                    return False
                stored = await stored_catalogue(session)
            if stored is None:
                return False
            self.version, categories = stored
            self.apply(categories)
            try:  # the local copy, for `linli triage` and retraining in this data directory
                save_deployment_catalogue(self.data_dir, categories)
            except (OSError, CatalogueError):
                log.warning("catalogue: could not write the local copy", exc_info=True)
            log.info("catalogue: version %s taken up", self.version)
            return True


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
    # in the database for every bot process (each takes it up: CatalogueSync), with its audit
    session.add(CatalogueVersion(document=_document(categories), created_by=admin.id))
    audit.record(
        session,
        actor_id=admin.id,
        action=f"catalogue_{action}",
        subject_type="catalogue",
        detail=detail,
    )
    await session.commit()
    use_catalogue(categories)  # this process at once
    save_deployment_catalogue(data_dir, categories)  # the local copy (`linli triage`)
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
    categories = await _latest(session, data_dir=data_dir)
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
    """Add (or replace) a category; triage suggests it once a model that knows it is in use
    (the running bot takes up a retrained or switched-on model by itself, no restart)."""
    if not _CODE.fullmatch(code):
        raise InvalidInput("cat-err-code", code=code)  # in words, not the catalogue's English
    if not 1 <= hours <= 24 * 90:
        raise InvalidInput("cat-err-hours")
    unknown = [s for s in skills if s not in SKILLS]
    if unknown:
        raise InvalidInput("cat-err-skills", skills=", ".join(unknown))
    categories = await _latest(session, data_dir=data_dir)
    before = next((c for c in categories if c.code == code), None)
    names = _names(name_zh, name_en, before=before)
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


async def rename_category(
    session: AsyncSession,
    *,
    admin: User,
    roles: Collection[Role],
    data_dir: Path,
    code: str,
    name_zh: str,
    name_en: str,
) -> list[Category]:
    """Give a category new names (its deadline and skills stay); the Traditional Chinese name
    is made again from the new Simplified one."""
    return await _with_names(
        session,
        admin=admin,
        roles=roles,
        data_dir=data_dir,
        code=code,
        action="rename",
        names=lambda before: _names(name_zh, name_en, before=before),
    )


async def set_traditional_name(
    session: AsyncSession,
    *,
    admin: User,
    roles: Collection[Role],
    data_dir: Path,
    code: str,
    name: str,
) -> list[Category]:
    """Set the name Traditional Chinese readers see, by hand (a conversion that reads wrong,
    or an install without a converter)."""
    name = name.strip()
    if not name or len(name) > 40:
        raise InvalidInput("cat-err-hant-name")
    return await _with_names(
        session,
        admin=admin,
        roles=roles,
        data_dir=data_dir,
        code=code,
        action="hant",
        names=lambda before: {**before.names, "zh-Hant": name},
    )


async def _with_names(
    session: AsyncSession,
    *,
    admin: User,
    roles: Collection[Role],
    data_dir: Path,
    code: str,
    action: str,
    names: Callable[[Category], dict[str, str]],
) -> list[Category]:
    """The category `code` with the names `names` makes from its current ones (its deadline and
    skills stay), applied and recorded as `action`."""
    categories = await _latest(session, data_dir=data_dir)
    before = next((c for c in categories if c.code == code), None)
    if before is None:
        raise InvalidInput("cat-err-unknown", code=code)
    changed = Category(
        code=code, names=names(before), deadline_hours=before.deadline_hours, skills=before.skills
    )
    return await _apply(
        session,
        admin=admin,
        roles=roles,
        data_dir=data_dir,
        action=action,
        detail=code,
        change=lambda: with_category(categories, changed),
    )


async def remove_category(
    session: AsyncSession,
    *,
    admin: User,
    roles: Collection[Role],
    data_dir: Path,
    code: str,
) -> list[Category]:
    """Remove a category (the catch-all `other` stays); triage stops suggesting it at once,
    even with a model trained before (it reads the catalogue `use_catalogue` sets)."""
    categories = await _latest(session, data_dir=data_dir)
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


async def apply_edit(
    session: AsyncSession,
    *,
    admin: User,
    roles: Collection[Role],
    data_dir: Path,
    edit: CatalogueEdit,
) -> list[Category]:
    """Carry out one parsed `/category …` command; the catalogue after it."""
    common: dict[str, Any] = {"admin": admin, "roles": roles, "data_dir": data_dir}
    code = edit.code
    match edit.action:
        case "deadline":
            return await set_deadline(session, **common, code=code, hours=edit.hours)
        case "remove":
            return await remove_category(session, **common, code=code)
        case "rename":
            return await rename_category(
                session, **common, code=code, name_zh=edit.name_zh, name_en=edit.name_en
            )
        case "hant":
            return await set_traditional_name(session, **common, code=code, name=edit.name_hant)
    return await add_category(
        session,
        **common,
        code=code,
        hours=edit.hours,
        name_zh=edit.name_zh,
        name_en=edit.name_en,
        skills=list(edit.skills),
    )
