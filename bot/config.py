"""One typed, validated configuration object built once at start-up.

`config.yml` holds the settings an operator may change and documents each key; secrets (the Telegram token,
the database URL with its password) come only from the environment. A bad value stops start-up with a
message that names the key and what is expected, instead of failing later in a handler.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from nlu.settings import NLUSettings

LANGUAGES: tuple[str, ...] = ("uk", "ru", "en", "pl")
DEFAULT_CONFIG_FILE = Path("config.yml")


class ConfigError(Exception):
    """The configuration cannot be used; the message says which key and what is expected."""


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DatabaseSettings(_Section):
    """Where conversations, cases and content live."""

    url: SecretStr | None = None
    auto_upgrade: bool = False
    echo: bool = False
    # How long an incoming message waits for a database that is briefly away before the door is told.
    retry_seconds: float = Field(default=15.0, ge=0, le=300)


class WebSettings(_Section):
    """The aiohttp server: web chat sandbox now, staff console later."""

    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)


class TelegramSettings(_Section):
    """Telegram connection, limits and retries; the token itself is a secret from the environment.

    Every key is documented in config.yml. The limits default to Telegram's published ones; the timeouts
    and retry periods are seconds.
    """

    token: SecretStr | None = None
    api_url: str | None = None
    mode: Literal["polling", "webhook"] = "polling"
    webhook_url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    webhook_path: str = Field(default="/telegram/webhook", pattern=r"^/[\w./-]*$")
    webhook_max_connections: int = Field(default=40, ge=1, le=100)
    poll_timeout: int = Field(default=30, ge=0, le=50)
    drop_pending_updates: bool = False
    concurrent_chats: int = Field(default=64, ge=1, le=4096)
    messages_per_second: float = Field(default=30.0, ge=0)
    chat_messages_per_second: float = Field(default=1.0, ge=0)
    chat_burst: int = Field(default=3, ge=1, le=100)
    group_messages_per_minute: float = Field(default=20.0, ge=0)
    request_timeout: float = Field(default=5.0, gt=0, le=300)
    send_timeout: float = Field(default=20.0, gt=0, le=300)
    retry_backoff: float = Field(default=0.5, gt=0, le=60)
    retry_for: float = Field(default=120.0, ge=0, le=86_400)
    redeliver_every: float = Field(default=30.0, gt=0, le=86_400)
    startup_backoff_max: float = Field(default=60.0, gt=0, le=3600)
    typing_delay: float = Field(default=0.5, ge=0, le=60)
    retention_hours: float = Field(default=48.0, gt=0, le=24 * 365)


class BotSettings(_Section):
    """Behaviour of the conversation core that an operator may tune."""

    default_language: Literal["uk", "ru", "en", "pl"] = "uk"
    max_message_length: int = Field(default=4000, ge=100, le=100_000)


HOURS = re.compile(r"([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d|([01]\d|2[0-3]):[0-5]\d-24:00")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class HandoffSettings(_Section):
    """Advisors: office hours, the Telegram advisors' group, reopening and pacing (see docs/HANDOFF.md)."""

    advisor_chat_id: int | None = None
    # The language of case summaries and confirmations in the advisors' group.
    advisor_language: Literal["uk", "ru", "en", "pl"] = "pl"
    timezone: str = "Europe/Warsaw"
    # Per weekday "HH:MM-HH:MM", or null when the office is closed that day.
    hours: dict[str, str | None] = Field(
        default_factory=lambda: {day: None if day in ("sat", "sun") else "09:00-17:00" for day in WEEKDAYS}
    )
    closed_dates: tuple[date, ...] = ()
    reopen_days: float = Field(default=3, ge=0, le=365)
    wait_sample: int = Field(default=30, ge=1, le=1000)
    wait_min_cases: int = Field(default=5, ge=1, le=1000)
    topic_interval: float = Field(default=3.0, ge=0, le=3600)
    summary_messages: int = Field(default=8, ge=0, le=50)

    @field_validator("hours")
    @classmethod
    def _check_hours(cls, value: dict[str, str | None]) -> dict[str, str | None]:
        for day, span in value.items():
            if day not in WEEKDAYS:
                raise ValueError(f"unknown weekday {day!r}: use {', '.join(WEEKDAYS)}")
            if span is not None and not HOURS.fullmatch(span):
                raise ValueError(f"{day}: expected HH:MM-HH:MM or null, got {span!r}")
            if span is not None and span[:5] >= span[6:]:
                raise ValueError(f"{day}: the office must open before it closes ({span})")
        return value

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value


class ConsoleSettings(_Section):
    """Staff console sessions and login protection."""

    session_hours: float = Field(default=12, gt=0, le=24 * 30)
    max_failed_logins: int = Field(default=5, ge=1, le=100)
    lockout_minutes: float = Field(default=15, gt=0)
    secure_cookies: bool = False


class PrivacySettings(_Section):
    """How long what people wrote is kept (see bot/trust/retention.py)."""

    message_retention_days: int = Field(default=90, ge=1, le=3650)
    purge_every_hours: float = Field(default=6.0, gt=0, le=24 * 7)


class AbuseSettings(_Section):
    """Per-user limit on incoming messages: a sliding window, counted in the database (bot/trust/gate.py)."""

    max_messages: int = Field(default=20, ge=1, le=10_000)
    window_seconds: float = Field(default=60.0, gt=0, le=86_400)


class ContentSettings(_Section):
    """Where the guide's seed files are."""

    topics_dir: Path = Path("content/topics")
    directory_dir: Path = Path("content/directory")
    domains_file: Path = Path("content/domains.yml")


class Settings(_Section):
    """The whole configuration. Build it with `load_settings`."""

    data_dir: Path = Path("data")
    database: DatabaseSettings = DatabaseSettings()
    web: WebSettings = WebSettings()
    telegram: TelegramSettings = TelegramSettings()
    bot: BotSettings = BotSettings()
    content: ContentSettings = ContentSettings()
    console: ConsoleSettings = ConsoleSettings()
    handoff: HandoffSettings = HandoffSettings()
    privacy: PrivacySettings = PrivacySettings()
    abuse: AbuseSettings = AbuseSettings()
    nlu: NLUSettings = NLUSettings()

    @property
    def database_url(self) -> str:
        """The SQLAlchemy URL: DATABASE_URL if given, else SQLite under the data folder."""
        if self.database.url is not None:
            return self.database.url.get_secret_value()
        return f"sqlite+aiosqlite:///{(self.data_dir / 'firststeps.sqlite3').resolve()}"


def _environment_overrides(env: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """Secrets and deployment-specific values that never belong in a committed file."""
    overrides: dict[str, dict[str, str]] = {}
    pairs = {
        "TELEGRAM_BOT_TOKEN": ("telegram", "token"),
        "TELEGRAM_API_URL": ("telegram", "api_url"),
        "DATABASE_URL": ("database", "url"),
        "ADVISOR_CHAT_ID": ("handoff", "advisor_chat_id"),
    }
    for variable, (section, key) in pairs.items():
        value = env.get(variable, "").strip()
        if value:
            overrides.setdefault(section, {})[key] = value
    return overrides


def _describe(error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        key = ".".join(str(part) for part in item["loc"]) or "(top level)"
        given = item.get("input")
        shown = "" if isinstance(given, dict) else f" (got {given!r})"
        lines.append(f"  {key}: {item['msg']}{shown}")
    return "\n".join(lines)


def _reject_secrets_in_file(raw: Mapping[str, Any], path: Path) -> None:
    telegram = raw.get("telegram")
    database = raw.get("database")
    if isinstance(telegram, Mapping) and telegram.get("token"):
        raise ConfigError(f"{path}: telegram.token must not be in the file; set TELEGRAM_BOT_TOKEN instead")
    if isinstance(database, Mapping) and database.get("url"):
        raise ConfigError(f"{path}: database.url must not be in the file; set DATABASE_URL instead")


def load_settings(path: Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Read config.yml (or FIRSTSTEPS_CONFIG) and the environment into one validated object.

    Raises:
        ConfigError: the file is missing or unreadable, or a value is invalid; the message names the key.
    """
    env = os.environ if env is None else env
    path = path or Path(env.get("FIRSTSTEPS_CONFIG") or DEFAULT_CONFIG_FILE)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as exc:
        raise ConfigError(f"configuration file {path} not found (set FIRSTSTEPS_CONFIG)") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path} is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of sections at the top level")
    _reject_secrets_in_file(raw, path)
    for section, values in _environment_overrides(env).items():
        current = raw.get(section) or {}
        if not isinstance(current, dict):
            raise ConfigError(f"{path}: {section}: expected a mapping")
        raw[section] = {**current, **values}
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"invalid configuration in {path}:\n{_describe(exc)}") from exc
