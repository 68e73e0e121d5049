"""What every incoming message passes before the core answers it: the database is there, the person is
within their rate, and the text can be stored.

**Rate limit.** A sliding window counted in the database: the person's incoming messages of the last
`abuse.window_seconds`. Counting stored messages instead of keeping counters in memory means the limit holds
across several workers and restarts; the count rides along in the statement that reads the sender
(`Repository.arrive`), so it costs no round trip of its own. Past `abuse.max_messages` the
person is told once per window, in their language, to slow down; further messages are stored (nothing a
person writes is lost, and an advisor reading the transcript sees them) but not answered until they pause.
The window slides, so a flood that goes on stays quiet, and an ordinary user never meets the limit. A
person whose case is open with an advisor is never held back: in a crisis people write many short messages,
and each must reach the advisor.

One person's flood costs other people nothing beyond that count: the doors handle chats side by side (the
Telegram door runs each chat's updates in order, and other chats in parallel), and a limited message is
stored and closed without the understanding layer.

**A database that is briefly away** (a restart, a failover, connections cut by the server) makes that first
read fail. The gate then waits and tries again, with growing pauses, for up to `database.retry_seconds`
before letting the error through to the door, which apologises and keeps the update for later. A message
that arrives during a short outage is therefore answered late instead of failing.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from bot.config import AbuseSettings
from bot.core.types import Incoming, Outcome, Reply
from bot.i18n import translator
from bot.storage.models import Conversation, User, utcnow
from bot.storage.repo import OPEN_CASE_STATUSES, Arrival, Repository
from content.model import LANGUAGES

log = logging.getLogger(__name__)

T = TypeVar("T")
QUIET_UNTIL = "quiet_until"
FIRST_PAUSE = 0.1
LONGEST_PAUSE = 2.0


def is_transient(error: BaseException) -> bool:
    """A database error that waiting may cure: no connection, a cut connection, a locked SQLite file."""
    if isinstance(error, OSError):
        return True
    return isinstance(error, OperationalError | InterfaceError) or (
        isinstance(error, DBAPIError) and error.connection_invalidated
    )


async def with_database(work: Callable[[], Awaitable[T]], retry_seconds: float, what: str) -> T:
    """`work()`, tried again after transient database errors for up to `retry_seconds`.

    Raises:
        Exception: the last error, once the time is up (or at once, if it is not transient).
    """
    deadline = time.monotonic() + retry_seconds
    pause = FIRST_PAUSE
    while True:
        try:
            return await work()
        except Exception as exc:
            if not is_transient(exc) or time.monotonic() + pause > deadline:
                raise
            log.warning(
                "%s: the database is unavailable (%s); trying again in %.1f s",
                what,
                type(exc).__name__,
                pause,
            )
        await asyncio.sleep(pause)
        pause = min(pause * 2, LONGEST_PAUSE)


def storable(incoming: Incoming) -> Incoming:
    """The message without NUL characters, which PostgreSQL cannot store in text (and nobody types)."""
    parts = (incoming.user_ref, incoming.text, incoming.payload, incoming.client_language)
    if not any(part and "\x00" in part for part in parts):
        return incoming
    return replace(
        incoming,
        user_ref=incoming.user_ref.replace("\x00", ""),
        text=_without_nul(incoming.text),
        payload=_without_nul(incoming.payload),
        client_language=_without_nul(incoming.client_language),
    )


def _without_nul(value: str | None) -> str | None:
    return value.replace("\x00", "") if value else value


class Gate:
    """Screens incoming messages for the core (see `Dialogue.handle`)."""

    def __init__(
        self,
        settings: AbuseSettings,
        *,
        retry_seconds: float = 15.0,
        default_language: str = "uk",
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.settings = settings
        self.retry_seconds = retry_seconds
        self.default_language = default_language
        self.clock = clock
        self.window = timedelta(seconds=settings.window_seconds)

    def since(self) -> datetime:
        """Where the window starts: messages after this count."""
        return self.clock() - self.window

    def holds_back(self, arrival: Arrival) -> bool:
        """Whether this message (not yet stored) is over the person's limit and must not be answered."""
        if arrival.recent < self.settings.max_messages:
            return False
        case = arrival.latest_case
        return case is None or case.status not in OPEN_CASE_STATUSES

    def hold(self, repo: Repository, user: User, conversation: Conversation, incoming: Incoming) -> Outcome:
        """Store the message (the caller commits); tell the person to slow down once per window, else stay
        quiet."""
        repo.message(
            conversation, user, "in", text=incoming.text, payload=(incoming.payload or "")[:64] or None
        )
        language = self._language(user)
        now = self.clock().timestamp()
        replies: tuple[Reply, ...] = ()
        if now >= float(user.state.get(QUIET_UNTIL, 0)):
            user.state = {**user.state, QUIET_UNTIL: now + self.settings.window_seconds}
            t = translator(language)
            text = t._(
                "You are sending messages faster than I can answer. Please wait {wait}, then send "
                "your question again in one message.",
                wait=t.duration(self.window),
            )
            replies = (Reply(text),)
            repo.message(conversation, user, "out", text=text, language=language)
            log.info(
                "user %s is over the message limit; quiet for %.0f s", user.id, self.settings.window_seconds
            )
        return Outcome(language=language, replies=replies, answer_id="ui.rate_limited")

    def _language(self, user: User) -> str:
        if user.language is not None and user.language in LANGUAGES:
            return user.language
        client = (user.client_language or "").split("-")[0].lower()
        return client if client in LANGUAGES else self.default_language
