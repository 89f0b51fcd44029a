"""The `linli` command: run, sandbox, migrate, org, grant/revoke, triage, export, scheduler."""

from __future__ import annotations

import argparse
import asyncio
import importlib
import importlib.util
import logging
import os
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from bot.settings import Settings, SettingsError, StartupError, load_settings

# Feature commands live beside their features; each module has add_parsers(subparsers).
FEATURE_CLI_MODULES = ("bot.cli_triage", "bot.cli_export", "bot.cli_scheduler")


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, Any] = {}
    if getattr(args, "database_url", None):
        overrides["database_url"] = args.database_url
    return load_settings(**overrides)


def _run(coro_factory: Callable[[], Coroutine[Any, Any, int]]) -> int:
    return asyncio.run(coro_factory())


def cmd_run(args: argparse.Namespace) -> int:
    """Run the bot with a real token (long polling, or webhook with --webhook)."""
    from bot.app import create_app
    from bot.runner import run_polling, run_webhook

    settings = _settings(args)
    settings.token()
    if args.webhook and not settings.webhook_url:
        raise SettingsError("LINLI_WEBHOOK_URL: not set (needed for webhook mode)")

    async def main() -> int:
        app = await create_app(settings)
        runner = run_webhook if args.webhook else run_polling
        await runner(app)
        return 0

    return _run(main)


def cmd_migrate(args: argparse.Namespace) -> int:
    """Bring the database schema to the newest revision (or to --revision)."""
    from alembic.util import CommandError
    from sqlalchemy.exc import DBAPIError

    from bot.app import check_sqlite_file, database_problem
    from models.db import create_engine
    from models.migrate import current_revision, downgrade, upgrade

    settings = _settings(args)
    check_sqlite_file(settings.database_url)

    async def main() -> int:
        engine = create_engine(settings.database_url)
        try:
            before = await current_revision(engine)
            try:
                if args.downgrade:
                    await downgrade(engine, args.downgrade)
                else:
                    await upgrade(engine, args.revision)
            except CommandError as exc:  # an unknown revision, or one on the wrong side
                option = "--downgrade" if args.downgrade else "--revision"
                raise StartupError(f"{option}: {exc}") from None
            after = await current_revision(engine)
        except DBAPIError as exc:  # no such database or role, a file SQLite cannot open
            raise StartupError(f"LINLI_DATABASE_URL: {database_problem(exc)}") from None
        except OSError as exc:  # nothing listens there
            raise StartupError(f"LINLI_DATABASE_URL: cannot connect ({exc})") from None
        finally:
            await engine.dispose()
        print(f"database schema: {before or 'empty'} → {after or 'empty'}")
        return 0

    return _run(main)


def cmd_org_import(args: argparse.Namespace) -> int:
    """Import communities, grids and buildings from YAML, CSV or XLSX."""
    from bot.app import prepare_database
    from models.db import make_sessionmaker
    from services.org import OrgFileError, import_org, read_org_file

    settings = _settings(args)
    try:
        rows = read_org_file(Path(args.file))
    except OrgFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1

    async def main() -> int:
        engine = await prepare_database(settings)
        try:
            async with make_sessionmaker(engine)() as session:
                report = await import_org(session, rows=rows)
        except OrgFileError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        finally:
            await engine.dispose()
        print(
            f"imported {report.rows} buildings: {report.communities_added} communities, "
            f"{report.grids_added} grids, {report.buildings_added} buildings added; "
            f"{report.buildings_updated} buildings updated"
        )
        for note in report.notes:
            print(f"note: {note}")
        return 0

    return _run(main)


def cmd_org_show(args: argparse.Namespace) -> int:
    """Print the org structure as a tree."""
    from bot.app import prepare_database
    from models.db import make_sessionmaker
    from services.org import format_tree, org_tree

    settings = _settings(args)

    async def main() -> int:
        engine = await prepare_database(settings)
        try:
            async with make_sessionmaker(engine)() as session:
                print(format_tree(await org_tree(session)))
        finally:
            await engine.dispose()
        return 0

    return _run(main)


def cmd_grant(args: argparse.Namespace) -> int:
    """Make a Telegram account staff of a community, or an admin."""
    from bot.app import prepare_database
    from bot.i18n import Translator
    from models import Role
    from models.db import make_sessionmaker
    from services import staff
    from services.errors import DomainError

    settings = _settings(args)
    translator = Translator(default=settings.default_language)

    async def main() -> int:
        engine = await prepare_database(settings)
        try:
            async with make_sessionmaker(engine)() as session:
                held: list[staff.HeldPlace] = []  # what a revoke takes away, read before it
                granted = ""
                if args.action == "grant":
                    user = await staff.grant(
                        session,
                        telegram_id=args.telegram_id,
                        role=Role(args.role),
                        community_name=args.community,
                        grid_name=args.grid,
                    )
                    if args.role == "staff":  # the names as stored, whatever was typed
                        places = await _granted_places(session, args.community, args.grid)
                        granted = " · ".join(p.name for p in places)
                else:
                    community_id = None
                    if args.community:
                        from services.org import community_by_name

                        found = await community_by_name(session, name=args.community)
                        if found is None:
                            raise DomainError("err-community-unknown", name=args.community)
                        community_id = found.id
                    held = await staff.held_places(
                        session, telegram_id=args.telegram_id, community_id=community_id
                    )
                    user = await staff.revoke(
                        session,
                        telegram_id=args.telegram_id,
                        role=Role(args.role),
                        community_id=community_id,
                        admin_ids=settings.admin_ids,
                    )
                told = await _tell_about_roles(session, translator, settings, user, args, held)
        except DomainError as exc:
            print("error: " + translator.get("en", exc.key, **exc.args_), file=sys.stderr)
            return 1
        finally:
            await engine.dispose()
        if granted:
            print(f"{user.id}: staff of {granted}")
        print(f"{user.id}: roles now {user.roles or 'resident'}")
        if told:
            print(f"{user.id} will be told by the bot (queued in its outbox)")
        return 0

    return _run(main)


async def _tell_about_roles(
    session: Any,
    translator: Any,
    settings: Any,
    user: Any,
    args: argparse.Namespace,
    held: list[Any],
) -> bool:
    """The person granted or revoked is told by the bot, in their language, with the menu their
    roles now give (queued in the outbox: a running bot sends it; their command list catches up
    at their next update). An account that never opened the bot is not written to: /start
    shows them their menu."""
    from handlers.admin import revoked_words
    from handlers.menu import main_menu
    from handlers.notify import notify
    from models import Role, shown_name
    from models.base import utcnow
    from services.users import effective_roles

    if user.first_name is None:  # known only from this grant: never opened the bot
        return False
    roles = effective_roles(user, admin_ids=settings.admin_ids)
    role = Role(args.role)
    places: list[Any] = []  # the community (and grid) granted, named in the reader's language
    if args.action == "grant" and role == Role.ADMIN:
        key = "invite-accepted-admin"
    elif args.action == "grant":
        key = "invite-accepted-grid" if args.grid else "invite-accepted"
        places = await _granted_places(session, args.community, args.grid)
    else:
        key = "admin-revoked-admin-user" if role == Role.ADMIN else "admin-revoked-user"

    def told(t: Any) -> str:
        if args.action == "revoke":  # a grid worker reads 网格员 and their grid
            return revoked_words(t, key, held)
        if not places:
            return str(t(key))
        return str(t(key, community=" · ".join(shown_name(p, t.lang) for p in places)))

    queued = await notify(
        session,
        translator,
        [user],
        told,
        lambda t: main_menu(t, roles, registered=user.registered),
        now=utcnow(),
    )
    return bool(queued)


async def _granted_places(session: Any, community: str, grid: str | None) -> list[Any]:
    """The community and grid a grant named (as services.staff.grant read them)."""
    from services.org import community_by_name, grid_by_name

    found = await community_by_name(session, name=community)
    if found is None or found.id is None:
        return []
    named = await grid_by_name(session, community_id=found.id, name=grid) if grid else None
    return [found, named] if named is not None else [found]


def cmd_sandbox(args: argparse.Namespace) -> int:
    """Emulator + web chat page + bot + scheduler, on loopback, no token needed."""
    from bot.sandbox_runner import run_sandbox

    return run_sandbox(
        host=args.host,
        port=args.port,
        db=args.db,
        demo=not args.no_demo,
        limits=args.limits,
    )


def _telegram_id(value: str) -> int:
    """A person's Telegram id: a positive whole number of at most 52 bits (as Telegram says);
    a group's negative id or a mistyped number is refused by argparse in one line."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 0 < number < 2**52:
        raise argparse.ArgumentTypeError(f"{value!r} is not a person's Telegram id")
    return number


def build_parser() -> argparse.ArgumentParser:
    """Every subcommand and its options."""
    parser = argparse.ArgumentParser(prog="linli", description="Linli 邻里 community bot")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the bot (LINLI_BOT_TOKEN needed)")
    run.add_argument("--webhook", action="store_true", help="webhook mode (LINLI_WEBHOOK_URL)")
    run.set_defaults(func=cmd_run)

    sandbox = sub.add_parser("sandbox", help="local emulator + chat page + bot, no token")
    sandbox.add_argument("--host", default="127.0.0.1")
    sandbox.add_argument("--port", type=int, default=8080)
    sandbox.add_argument("--db", default="data/sandbox.sqlite3", help="SQLite file")
    sandbox.add_argument("--no-demo", action="store_true", help="start without demo data")
    sandbox.add_argument("--limits", choices=["telegram", "off"], default="telegram")
    sandbox.set_defaults(func=cmd_sandbox)

    migrate = sub.add_parser("migrate", help="upgrade the database schema")
    migrate.add_argument("--revision", default="head")
    migrate.add_argument("--downgrade", metavar="REV", help="downgrade to REV instead")
    migrate.add_argument("--database-url")
    migrate.set_defaults(func=cmd_migrate)

    org = sub.add_parser("org", help="the org structure")
    org_sub = org.add_subparsers(dest="org_command", required=True)
    org_import = org_sub.add_parser("import", help="import YAML/CSV/XLSX (idempotent)")
    org_import.add_argument("file")
    org_import.add_argument("--database-url")
    org_import.set_defaults(func=cmd_org_import)
    org_show = org_sub.add_parser("show", help="print the tree")
    org_show.add_argument("--database-url")
    org_show.set_defaults(func=cmd_org_show)

    for action in ("grant", "revoke"):
        grant = sub.add_parser(action, help=f"{action} staff or admin")
        grant.add_argument("role", choices=["staff", "admin"])
        grant.add_argument("telegram_id", type=_telegram_id)
        grant.add_argument("--community", help="community name (staff)")
        if action == "grant":
            grant.add_argument("--grid", help="limit to one grid of the community")
        grant.add_argument("--database-url")
        grant.set_defaults(func=cmd_grant, action=action, grid=None)

    for name in FEATURE_CLI_MODULES:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name).add_parsers(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `linli` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:
        logging.getLogger("alembic").setLevel(logging.WARNING)
        logging.getLogger("aiogram.event").setLevel(logging.WARNING)
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
    try:
        return int(args.func(args) or 0)
    except (SettingsError, StartupError) as exc:
        print(f"linli: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `linli org show | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
