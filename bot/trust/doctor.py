"""`firststeps doctor`: is this installation ready to serve? Each check says OK or what to fix.

Run it after installing, after changing the configuration and before an upgrade. It reads the same
configuration the service would (config.yml or FIRSTSTEPS_CONFIG, and the environment) and changes nothing:
no migration is applied, no model is trained, Telegram is only asked who the bot is (getMe).
A WARN does not stop the service; a FAIL would (or would make it misbehave), and makes the exit code 1.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TextIO

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import ConfigError, Settings, load_settings
from bot.storage.engine import create_engine, current_revision, head_revision
from bot.storage.models import Staff

TIMEOUT = 10.0
MODEL_FILES = "nlu-*.pkl"


class Status(Enum):
    OK = "OK"
    WARN = "WARN"
    FAIL = "FAIL"


@dataclass(frozen=True)
class Finding:
    """One check's verdict; `detail` says what was found or what to do about it."""

    check: str
    status: Status
    detail: str

    def render(self) -> str:
        return f"{self.status.value:<5} {self.check:<14} {self.detail}"


def shown_url(url: str) -> str:
    """The database URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


async def check_database(settings: Settings) -> list[Finding]:
    """The database answers, its schema is current, and someone can log in to the console."""
    where = shown_url(settings.database_url)
    url = make_url(settings.database_url)
    if (
        url.get_backend_name() == "sqlite"
        and url.database
        and not await asyncio.to_thread(os.path.exists, url.database)
    ):
        return [
            Finding("database", Status.WARN, f"no database yet at {url.database}: the first start creates it")
        ]
    engine = create_engine(settings.database_url)
    try:
        try:
            async with asyncio.timeout(TIMEOUT), engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except Exception as exc:
            fix = "check DATABASE_URL, and that the server runs and accepts this user"
            return [
                Finding("database", Status.FAIL, f"cannot reach {where} ({type(exc).__name__}: {exc}); {fix}")
            ]
        findings = [Finding("database", Status.OK, where), await _schema(engine, settings)]
        if findings[-1].status is Status.OK:
            findings.append(await _staff(engine))
        return findings
    finally:
        await engine.dispose()


async def _schema(engine: AsyncEngine, settings: Settings) -> Finding:
    current, head = await current_revision(engine), head_revision()
    found = current or "nothing (an empty database)"
    if current == head:
        return Finding("migrations", Status.OK, f"schema at {head}")
    if settings.database.auto_upgrade:
        return Finding(
            "migrations",
            Status.WARN,
            f"schema at {found}, this version needs {head}; the service upgrades it at start-up "
            "(database.auto_upgrade), or run `firststeps db upgrade` now",
        )
    return Finding(
        "migrations",
        Status.FAIL,
        f"schema at {found}, this version needs {head}: run `firststeps db upgrade`",
    )


async def _staff(engine: AsyncEngine) -> Finding:
    async with engine.connect() as connection:
        active = Staff.active.is_(True)
        staff = await connection.scalar(select(func.count(Staff.id)).where(active))
        admins = await connection.scalar(select(func.count(Staff.id)).where(active, Staff.role == "admin"))
    if not staff:
        return Finding(
            "staff", Status.WARN, "no console accounts: `firststeps user add NAME --role admin` adds one"
        )
    return Finding("staff", Status.OK, f"{staff} active console account(s), {admins} admin(s)")


def check_content(settings: Settings) -> Finding:
    """The guide's files load and pass the content check."""
    from content.check import check_content as run_check

    report = run_check(settings.content)
    if report.errors:
        return Finding(
            "content",
            Status.FAIL,
            f"{len(report.errors)} error(s), first: {report.errors[0]}; see `firststeps content check`",
        )
    return Finding("content", Status.OK, f"{report.topics} topics pass the content check")


def check_model_cache(settings: Settings) -> Finding:
    """A trained model is cached (else the first start trains one), and the cache folder is writable."""
    folder = settings.nlu.cache_dir
    data = settings.nlu.data_dir
    if not data.is_dir() or not any(data.rglob("*.yml")):
        return Finding("model", Status.FAIL, f"no training data under {data} (nlu.data_dir)")
    writable_at = folder if folder.exists() else next((p for p in folder.parents if p.exists()), Path("."))
    if not os.access(writable_at, os.W_OK):
        return Finding("model", Status.FAIL, f"{folder} (nlu.cache_dir) is not writable by this user")
    models = sorted(folder.glob(MODEL_FILES), key=lambda path: path.stat().st_mtime)
    if not models:
        return Finding(
            "model",
            Status.WARN,
            f"no trained model in {folder}: the first start trains one (a minute or so), or run "
            "`firststeps ask hello` once now",
        )
    return Finding(
        "model",
        Status.OK,
        f"{len(models)} cached model(s) in {folder} (whether one matches the "
        "current training data is decided at start-up)",
    )


def check_console(settings: Settings) -> Finding:
    """The console is private to this machine, or served with secure cookies."""
    host = settings.web.host
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if loopback:
        return Finding("console", Status.OK, f"listening on {host}:{settings.web.port} (this machine only)")
    if not settings.console.secure_cookies:
        return Finding(
            "console",
            Status.WARN,
            f"listening on {host}, but console.secure_cookies is false: serve the console through HTTPS "
            "and set it to true",
        )
    return Finding("console", Status.OK, f"listening on {host}:{settings.web.port} with secure cookies")


async def check_telegram(settings: Settings) -> Finding:
    """With a token: Telegram (or TELEGRAM_API_URL) knows the bot (getMe)."""
    telegram = settings.telegram
    if telegram.token is None:
        return Finding("telegram", Status.OK, "no TELEGRAM_BOT_TOKEN: only the web chat runs")
    from telegram import Bot
    from telegram.error import InvalidToken, TelegramError

    from bot.channels.telegram.door import api_urls

    base_url, base_file_url = api_urls(telegram.api_url)
    bot = Bot(telegram.token.get_secret_value(), base_url=base_url, base_file_url=base_file_url)
    server = (telegram.api_url or "https://api.telegram.org").rstrip("/")
    try:
        # Entering the bot asks getMe and closes its HTTP client on the way out, whatever happens.
        async with asyncio.timeout(TIMEOUT), bot:
            me = bot.bot
    except InvalidToken:
        return Finding(
            "telegram", Status.FAIL, "Telegram refused the token: check TELEGRAM_BOT_TOKEN (@BotFather)"
        )
    except (TelegramError, TimeoutError, OSError) as exc:
        return Finding(
            "telegram",
            Status.FAIL,
            f"no answer from {server} ({type(exc).__name__}: {exc}); check the network or TELEGRAM_API_URL",
        )
    if telegram.mode == "webhook" and not (telegram.webhook_url or "").startswith("https://"):
        return Finding(
            "telegram",
            Status.WARN,
            f"@{me.username}: webhook mode, but Telegram only posts to https addresses",
        )
    return Finding("telegram", Status.OK, f"@{me.username} ({telegram.mode})")


async def diagnose(settings: Settings) -> list[Finding]:
    """Every check, in the order an operator would fix them."""
    findings = [Finding("configuration", Status.OK, "loaded")]
    findings += await check_database(settings)
    findings.append(check_content(settings))
    findings.append(check_model_cache(settings))
    findings.append(check_console(settings))
    findings.append(await check_telegram(settings))
    return findings


async def doctor(out: TextIO, config: Path | None = None) -> int:
    """Print every finding; 1 if any failed, else 0."""
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        print(Finding("configuration", Status.FAIL, str(exc).replace("\n", " ")).render(), file=out)
        return 1
    findings = await diagnose(settings)
    for finding in findings:
        print(finding.render(), file=out)
    failed = sum(finding.status is Status.FAIL for finding in findings)
    print(f"{failed} problem(s) to fix" if failed else "ready", file=out)
    return 1 if failed else 0
