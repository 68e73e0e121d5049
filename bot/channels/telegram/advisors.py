"""The advisors' Telegram group: one forum topic per case, the person's messages relayed into it, and what
advisors write there relayed back to the person.

Only messages in the configured supergroup count as advisor actions, and only from people: bots, service
messages (a topic created, a pinned message), the General topic and other groups are ignored. In a case's
topic an advisor's message goes to the person (text, photos, documents…), `/claim` takes the case, `/note`
keeps an internal note (never sent), `/close` closes it and tells the person. Actions go through the shared
`Desk`, so the console and the group follow the same rules.

Everything to carry is state in the database (`case_messages.relayed_at` / `delivered_at`, the case's
`telegram_thread_id`) and goes out through the outbox, so retries, order and restarts are covered. One task
(`run`) does the carrying, woken by the case bus and by a periodic sweep:

- topics are created through a calm queue: at most one createForumTopic per `topic_interval` seconds,
  crises first, so a burst of cases never meets Telegram's flood control;
- a topic deleted by an admin (TOPIC_DELETED, "message thread not found") is forgotten, recreated with the
  summary, and the message that failed is sent again there;
- messages for people in Telegram (advisors' answers, a closed case's notice) are written to the outbox;
- the topic of a person who erased their data (/forget) is deleted.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot, Message, Update
from telegram.error import RetryAfter, TelegramError

from bot.channels.telegram.delivery import Sender
from bot.channels.telegram.ordering import ChatOrderedProcessor
from bot.channels.telegram.ratelimit import seconds
from bot.channels.telegram.render import relay_messages
from bot.config import HandoffSettings
from bot.handoff import summary
from bot.handoff.bus import CaseBus, CaseNews
from bot.handoff.cases import Advisor, CaseBook
from bot.handoff.relay import Desk, Done
from bot.i18n import Translator, translator
from bot.storage.telegram_store import OutboxRow, TelegramStore, TopicMessage
from content.guide import Guide
from content.markup import escape

log = logging.getLogger(__name__)

CHANNEL = "telegram"
COMMANDS = frozenset({"claim", "close", "note"})


def _media(message: Message) -> tuple[str | None, str | None]:
    if message.photo:
        return "photo", message.photo[-1].file_id
    for kind in ("document", "video", "voice", "audio", "sticker"):
        media = getattr(message, kind)
        if media is not None:
            return kind, str(media.file_id)
    return None, None


class AdvisorGroup:
    """The advisors' forum supergroup, for one bot."""

    def __init__(
        self,
        bot: Bot,
        settings: HandoffSettings,
        store: TelegramStore,
        sender: Sender,
        processor: ChatOrderedProcessor,
        sessions: async_sessionmaker[AsyncSession],
        bus: CaseBus,
        *,
        sweep_every: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        guide: Callable[[], Guide] | None = None,
    ) -> None:
        self.bot = bot
        self.settings = settings
        self.chat_id = settings.advisor_chat_id
        self.store = store
        self.sender = sender
        self.processor = processor
        self.sessions = sessions
        self.desk = Desk(sessions, bus, reopen_days=settings.reopen_days)
        self.sweep_every = sweep_every
        self.clock = clock
        self.guide = guide
        self.t: Translator = translator(settings.advisor_language)
        self._wake = asyncio.Event()
        self._next_topic_at = 0.0
        self._unsubscribe = bus.subscribe(self._on_news)
        sender.on_thread_lost = self._thread_lost

    # --- updates from the group ---------------------------------------------------------------------

    def owns(self, update: Update) -> bool:
        """Whether an update comes from the advisors' group (it is then never a question for the core)."""
        chat = update.effective_chat
        return self.chat_id is not None and chat is not None and chat.id == self.chat_id

    async def handle(self, update: Update) -> None:
        """An advisor's message in a case's topic; everything else in the group is ignored."""
        message = update.message
        if message is None or message.from_user is None or message.from_user.is_bot:
            return
        thread = message.message_thread_id
        if not message.is_topic_message or thread is None:
            return  # the General topic
        text = message.text or message.caption
        kind, file_id = _media(message)
        if text is None and file_id is None:
            return  # service messages: topic created or edited, pins, joins
        case_id = await self.store.case_of_thread(thread)
        if case_id is None:
            return
        advisor = await self._advisor(message)
        command, rest = _command(text)
        if command == "claim":
            claimed = await self.desk.claim(case_id, advisor)
            if claimed.won:
                await self._say(
                    thread, self.t._("✋ {name} took case #{case}.", name=advisor.name, case=case_id)
                )
            else:
                await self._say(thread, self._refusal(Done.TAKEN, claimed.holder))
        elif command == "close":
            done = await self.desk.close(case_id, advisor)
            if done is Done.OK:
                await self._say(
                    thread,
                    self.t._(
                        "✅ {name} closed case #{case}; the person was told.", name=advisor.name, case=case_id
                    ),
                )
            else:
                await self._say(thread, self._refusal(done, await self._holder(case_id)))
        elif command == "note":
            if await self.desk.note(case_id, advisor, rest, in_topic=True) is Done.OK:
                await self._say(thread, self.t._("📝 Note kept with the case (never sent to the person)."))
        elif command == "?":
            await self._say(thread, summary.how_to_answer(self.t))
        else:
            done = await self.desk.reply(
                case_id, advisor, text, media_kind=kind, file_id=file_id, in_topic=True
            )
            if done is not Done.OK and done is not Done.EMPTY:
                await self._say(thread, self._refusal(done, await self._holder(case_id)))

    async def _advisor(self, message: Message) -> Advisor:
        assert message.from_user is not None
        person = message.from_user
        linked = await self.store.staff_of(person.id)
        name = linked[1] if linked else person.full_name
        return Advisor(name[:64], staff_id=linked[0] if linked else None, telegram_id=person.id)

    async def _holder(self, case_id: int) -> str | None:
        async with self.sessions() as session:
            found = await CaseBook(session).get(case_id)
            return found.assigned_name if found else None

    def _refusal(self, done: Done, holder: str | None) -> str:
        if done is Done.TAKEN:
            return self.t._(
                "⚠️ {name} handles this case: your message was not sent to the person.", name=holder or "?"
            )
        if done is Done.CLOSED:
            return self.t._("⚠️ This case is closed: nothing was sent to the person.")
        return self.t._("⚠️ This case no longer exists.")

    async def _say(self, thread: int, markup: str) -> None:
        """A short confirmation in a case's topic (we are already in the group's turn: deliver now)."""
        assert self.chat_id is not None
        rows = await self.store.enqueue(self.chat_id, relay_messages(markup, thread=thread))
        await self.sender.deliver(self.chat_id, rows)

    # --- carrying, in one task ----------------------------------------------------------------------

    def _on_news(self, news: CaseNews) -> None:
        self._wake.set()

    async def _thread_lost(self, row: OutboxRow) -> None:
        message_id = row.params.get("case_message")
        await self.store.thread_lost(int(row.params["thread"]), int(message_id) if message_id else None)
        self._wake.set()

    async def run(self) -> None:
        """Carry until cancelled: after each change (the bus) and every `sweep_every` seconds."""
        while True:
            self._wake.clear()
            try:
                delay = await self.pump()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("relaying cases failed; will retry")
                delay = self.sweep_every
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=min(delay, self.sweep_every))

    def close(self) -> None:
        self._unsubscribe()

    async def pump(self) -> float:
        """One round of carrying; returns the seconds until the next topic may be created (or the sweep)."""
        await self._to_persons()
        if self.chat_id is None:
            return self.sweep_every
        await self._delete_erased_topics()
        delay = await self._create_topic()
        await self._to_topics()
        return delay

    async def _to_persons(self) -> None:
        for item in await self.desk.for_persons(CHANNEL):
            chat = int(item.user_ref)
            rows = await self.store.enqueue(
                chat, relay_messages(item.text, item.media_kind, item.file_id), delivered=[item.message_id]
            )
            await self.processor.run_in_chat(chat, self.sender.deliver(chat, rows))

    async def _create_topic(self) -> float:
        """Create at most one topic, and only when the calm interval has passed since the last one."""
        waiting = await self.store.cases_needing_topic(limit=1)
        if not waiting:
            return self.sweep_every
        now = self.clock()
        if now < self._next_topic_at:
            return self._next_topic_at - now
        assert self.chat_id is not None
        case_id = waiting[0]
        async with self.sessions() as session:
            found = await CaseBook(session).get(case_id)
            if found is None:
                return 0.0
            name = summary.topic_name(found)
            facts = await summary.build(session, found, self.settings.summary_messages)
        district = (
            summary.district_name(self.guide(), facts.district, self.t.language) if self.guide else None
        )
        text = summary.render(facts, self.t, district)
        self._next_topic_at = now + self.settings.topic_interval
        try:
            topic = await self.bot.create_forum_topic(self.chat_id, name)
        except RetryAfter as exc:
            self._next_topic_at = self.clock() + seconds(exc.retry_after)
            log.info("Telegram asks to wait %s s before the next topic", seconds(exc.retry_after))
            return self._next_topic_at - self.clock()
        except TelegramError as exc:
            log.error("could not create the topic of case %s in the advisors' group: %s", case_id, exc)
            return max(self.settings.topic_interval, 1.0)
        await self.store.set_thread(case_id, topic.message_thread_id)
        log.info("case %s has topic %s in the advisors' group", case_id, topic.message_thread_id)
        rows = await self.store.enqueue(self.chat_id, relay_messages(text, thread=topic.message_thread_id))
        await self.processor.run_in_chat(self.chat_id, self.sender.deliver(self.chat_id, rows))
        more = await self.store.cases_needing_topic(limit=1)
        return self.settings.topic_interval if more else self.sweep_every

    async def _to_topics(self) -> None:
        assert self.chat_id is not None
        pending = await self.store.for_topics()
        if not pending:
            return
        chat = self.chat_id
        messages = []
        for item in pending:
            for message in relay_messages(
                self._in_topic(item), item.media_kind, item.file_id, item.thread_id
            ):
                message["case_message"] = item.id
                messages.append(message)
        # One transaction for the whole batch: the outbox rows and the marks that they are relayed.
        rows = await self.store.enqueue(chat, messages, relayed=[item.id for item in pending])
        await self.processor.run_in_chat(chat, self.sender.deliver(chat, rows))

    def _in_topic(self, item: TopicMessage) -> str | None:
        """How a case message reads in its topic (the person's own words as they wrote them)."""
        text = escape(item.text) if item.text else None
        author = escape(item.author or "?")
        if item.direction == "advisor":
            return f"💬 **{author}** ({self.t._('console')}): {text or ''}".rstrip()
        if item.direction == "note":
            return f"📝 **{author}**: {text or ''}".rstrip()
        if item.direction == "system":
            return f"📨 {self.t._('To the person:')} {item.text or ''}"
        return text

    async def _delete_erased_topics(self) -> None:
        assert self.chat_id is not None
        for case_id, thread in await self.store.erased_topics():
            try:
                await self.bot.delete_forum_topic(self.chat_id, thread)
            except TelegramError as exc:
                log.warning("could not delete the topic of erased case %s: %s", case_id, exc)
            await self.store.set_thread(case_id, None)


def _command(text: str | None) -> tuple[str | None, str]:
    """("claim" | "close" | "note" | "?" for another command | None for a message, the rest of the text)."""
    if not text or not text.startswith("/"):
        return None, text or ""
    head, _, rest = text.partition(" ")
    name = head[1:].split("@", 1)[0].lower()
    return (name if name in COMMANDS else "?"), rest.strip()
