"""The `firststeps` command: run the service, talk in a terminal, ask in batches, manage data.

Each subcommand is a thin shell over the service; errors a person can fix (configuration, schema,
content) are printed as one clear message with exit code 2, never as a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import json
import logging
import sys
from collections.abc import Callable, Coroutine
from importlib.metadata import version
from pathlib import Path
from typing import Any

from bot.config import ConfigError, Settings, load_settings
from bot.storage.engine import SchemaOutdatedError
from bot.trust.logs import install_masking
from content.guide import ContentError

log = logging.getLogger("firststeps")


def _settings() -> Settings:
    return load_settings()


async def _cmd_run(args: argparse.Namespace) -> int:
    from bot.runner import run_forever
    from bot.storage.engine import create_engine
    from bot.trust.retention import keep_purged

    settings = _settings()
    # Retention runs beside the service on its own small engine, so it never waits on a busy pool.
    engine = create_engine(settings.database_url)
    purging = asyncio.create_task(keep_purged(engine, settings.privacy), name="retention")
    try:
        await run_forever(settings, host=args.host, port=args.port)
    finally:
        purging.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await purging
        await engine.dispose()
    return 0


async def _cmd_chat(args: argparse.Namespace) -> int:
    from bot.channels.terminal import chat

    await chat(_settings())
    return 0


async def _cmd_ask(args: argparse.Namespace) -> int:
    from bot.channels.batch import ask_jsonl, ask_one

    settings = _settings()
    if args.jsonl:
        return await ask_jsonl(settings, sys.stdin, sys.stdout)
    if not args.text:
        print("firststeps ask: give TEXT or --jsonl", file=sys.stderr)
        return 2
    return await ask_one(settings, " ".join(args.text), args.lang, as_json=args.json, out=sys.stdout)


async def _cmd_db_upgrade(args: argparse.Namespace) -> int:
    from bot.storage.engine import create_engine, current_revision, upgrade

    settings = _settings()
    engine = create_engine(settings.database_url)
    try:
        await upgrade(engine)
        print(f"database schema is at {await current_revision(engine)}")
    finally:
        await engine.dispose()
    return 0


def _read_password() -> str:
    """From a terminal: asked twice without echo; from a pipe: the first line (never an argument)."""
    if sys.stdin.isatty():
        first = getpass.getpass("password: ")
        if first != getpass.getpass("again: "):
            raise ValueError("the passwords differ")
        return first
    return sys.stdin.readline().rstrip("\n")


async def _cmd_user_add(args: argparse.Namespace) -> int:
    from bot.storage.engine import create_engine, ensure_schema, sessionmaker
    from bot.storage.staff_repo import StaffRepository

    settings = _settings()
    engine = create_engine(settings.database_url)
    try:
        await ensure_schema(engine, settings.database.auto_upgrade)
        async with sessionmaker(engine)() as session:
            repo = StaffRepository(session)
            try:
                staff = await repo.add(args.name, _read_password(), args.role, args.languages)
                staff.telegram_id = args.telegram_id  # credits what they do in the advisors' group
            except ValueError as exc:
                print(f"firststeps user add: {exc}", file=sys.stderr)
                return 2
            repo.audit(None, "user_add", target=f"{staff.username}:{staff.role}", username="cli")
            await session.commit()
        print(f"added {staff.username} ({staff.role})")
    finally:
        await engine.dispose()
    return 0


async def _cmd_content_check(args: argparse.Namespace) -> int:
    from content.check import check_content

    settings = _settings()
    report = check_content(settings.content, spec_file=args.spec)
    print(report.render())
    return 1 if report.errors else 0


async def _cmd_content_list(args: argparse.Namespace) -> int:
    from content.check import list_content

    settings = _settings()
    print(json.dumps(list_content(settings.content), ensure_ascii=False, indent=2 if not args.json else None))
    return 0


async def _cmd_content_export(args: argparse.Namespace) -> int:
    from bot.editor.commands import export_content

    return await export_content(_settings(), args.dir, training=args.training, out=sys.stdout)


async def _cmd_content_import(args: argparse.Namespace) -> int:
    from bot.editor.commands import import_content

    return await import_content(_settings(), args.dir, force=args.force, out=sys.stdout)


async def _cmd_stats(args: argparse.Namespace) -> int:
    from bot.stats.command import stats

    return await stats(_settings(), args, sys.stdout)


async def _cmd_demo_data(args: argparse.Namespace) -> int:
    from bot.stats.command import demo_data

    return await demo_data(_settings(), args, sys.stdout)


async def _cmd_privacy_purge(args: argparse.Namespace) -> int:
    from bot.storage.engine import create_engine, ensure_schema
    from bot.trust.retention import purge_expired

    settings = _settings()
    engine = create_engine(settings.database_url)
    try:
        await ensure_schema(engine, settings.database.auto_upgrade)
        changed = await purge_expired(engine, settings.privacy)
    finally:
        await engine.dispose()
    days = settings.privacy.message_retention_days
    print(f"deleted texts older than {days} days: " + ", ".join(f"{k} {v}" for k, v in changed.items()))
    return 0


async def _cmd_doctor(args: argparse.Namespace) -> int:
    from bot.trust.doctor import doctor

    return await doctor(sys.stdout)


async def _cmd_backup(args: argparse.Namespace) -> int:
    from bot.trust.backup import BackupError, backup

    try:
        copied = await backup(_settings().database_url, Path(args.file))
    except BackupError as exc:
        print(f"firststeps backup: {exc}", file=sys.stderr)
        return 1
    print(f"backed up to {copied.path} (schema {copied.revision})")
    return 0


async def _cmd_restore(args: argparse.Namespace) -> int:
    from bot.trust.backup import BackupError, restore

    try:
        copied = await restore(_settings().database_url, Path(args.file), force=args.force)
    except BackupError as exc:
        print(f"firststeps restore: {exc}", file=sys.stderr)
        return 1
    print(f"restored {copied.path} (schema {copied.revision}); next: `firststeps db upgrade`, then start")
    return 0


async def _cmd_nlu_evaluate(args: argparse.Namespace) -> int:
    from nlu.evaluate import main as evaluate_main

    return int(evaluate_main(args.rest, _settings().nlu))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="firststeps", description="Pierwsze Kroki: the guide for newcomers in Pomorskie"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version('firststeps')}")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run the service: web chat and console (and Telegram with a token)")
    run.add_argument("--host", help="override web.host")
    run.add_argument("--port", type=int, help="override web.port")
    run.set_defaults(handler=_cmd_run)

    commands.add_parser("chat", help="talk to the bot in this terminal").set_defaults(handler=_cmd_chat)

    ask = commands.add_parser("ask", help="answer one question, or JSON lines from stdin with --jsonl")
    ask.add_argument("text", nargs="*", help="the question")
    ask.add_argument("--lang", choices=("uk", "ru", "en", "pl"), help="language hint")
    ask.add_argument("--json", action="store_true", help="print the full result as JSON")
    ask.add_argument("--jsonl", action="store_true", help='read {"text": ..., "lang": ...} lines from stdin')
    ask.set_defaults(handler=_cmd_ask)

    db = commands.add_parser("db", help="database schema").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="apply pending migrations").set_defaults(handler=_cmd_db_upgrade)

    user = commands.add_parser("user", help="staff accounts").add_subparsers(
        dest="user_command", required=True
    )
    add = user.add_parser("add", help="add a console account (password read from stdin)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=("advisor", "editor", "coordinator", "admin"))
    add.add_argument("--languages", default="", help="languages an advisor reads, e.g. uk,ru")
    add.add_argument(
        "--telegram-id", type=int, default=None, help="the advisor's Telegram user id in the advisors' group"
    )
    add.set_defaults(handler=_cmd_user_add)

    content = commands.add_parser("content", help="guide content").add_subparsers(
        dest="content_command", required=True
    )
    check = content.add_parser("check", help="validate content/ (non-zero exit on errors)")
    check.add_argument("--spec", default=None, help="topic catalogue (default spec/topics.yml)")
    check.set_defaults(handler=_cmd_content_check)
    listing = content.add_parser("list", help="every topic with languages, sources, dates and stale flags")
    listing.add_argument("--json", action="store_true", help="compact JSON")
    listing.set_defaults(handler=_cmd_content_list)
    export = content.add_parser("export", help="write the published guide to the topic files (for git)")
    export.add_argument("--dir", default=None, help="topic files folder (default content.topics_dir)")
    export.add_argument(
        "--training", action="store_true", help="also write editors' training questions into nlu/data"
    )
    export.set_defaults(handler=_cmd_content_export)
    load = content.add_parser("import", help="load the topic files into the database; report conflicts")
    load.add_argument("--dir", default=None, help="topic files folder (default content.topics_dir)")
    load.add_argument(
        "--force", action="append", default=[], metavar="TOPIC", help="take the file's version of TOPIC"
    )
    load.set_defaults(handler=_cmd_content_import)

    from bot.stats.arguments import add_demo_arguments, add_stats_arguments

    stats = commands.add_parser(
        "stats", help="the coordinators' figures for a period (text, --json or --csv)"
    )
    add_stats_arguments(stats)
    stats.set_defaults(handler=_cmd_stats)
    demo = commands.add_parser("demo-data", help="fill a fresh database with generated activity")
    add_demo_arguments(demo)
    demo.set_defaults(handler=_cmd_demo_data)

    privacy = commands.add_parser("privacy", help="personal data").add_subparsers(
        dest="privacy_command", required=True
    )
    privacy.add_parser(
        "purge", help="delete texts older than privacy.message_retention_days (for cron)"
    ).set_defaults(handler=_cmd_privacy_purge)
    commands.add_parser(
        "doctor", help="check configuration, database, migrations, content, model and Telegram"
    ).set_defaults(handler=_cmd_doctor)
    backup = commands.add_parser("backup", help="a consistent copy of the database (safe while running)")
    backup.add_argument("file", help="the backup file to write (must not exist)")
    backup.set_defaults(handler=_cmd_backup)
    restore = commands.add_parser("restore", help="replace the database with a backup (service stopped)")
    restore.add_argument("file", help="a file written by `firststeps backup`")
    restore.add_argument("--force", action="store_true", help="replace a database that holds data")
    restore.set_defaults(handler=_cmd_restore)

    nlu = commands.add_parser("nlu", help="understanding").add_subparsers(dest="nlu_command", required=True)
    # Its options (--holdout, --folds, --out, -h) belong to nlu.evaluate and are passed through unparsed.
    evaluate = nlu.add_parser("evaluate", help="held-out and k-fold evaluation report", add_help=False)
    evaluate.set_defaults(handler=_cmd_nlu_evaluate, passthrough=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `firststeps` command."""
    parser = _parser()
    args, rest = parser.parse_known_args(argv)
    if rest and not getattr(args, "passthrough", False):
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    args.rest = rest
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("spacy", "pymorphy3", "aiosqlite", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    install_masking()
    handler: Callable[[argparse.Namespace], Coroutine[Any, Any, int]] = args.handler
    try:
        return asyncio.run(handler(args))
    except (ConfigError, SchemaOutdatedError, ContentError) as exc:
        print(f"firststeps: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
