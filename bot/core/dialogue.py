"""The conversation core: one incoming message in, replies and effects out, for every channel.

The rules that matter most live here: crisis first; never a confident wrong answer (below the thresholds the
user gets "Did you mean…" and a person, not a guess); the user's language wins; an incoming message is
stored before it is answered.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

from bot.core import compose, payloads
from bot.core.types import Button, Handoff, Incoming, Outcome, Reply
from bot.handoff.bus import CaseBus, CaseNews
from bot.handoff.cases import CaseBook
from bot.handoff.wait import HandoffPolicy
from bot.i18n import Translator, translator
from bot.storage.models import Conversation, HandoffCase, Message, User
from bot.storage.repo import Arrival, Repository
from bot.trust.gate import Gate, storable, with_database
from content.guide import Guide
from content.model import LANGUAGES, Topic
from nlu import LanguageHint, Parse, reply_language

log = logging.getLogger(__name__)

CONVERSATION_INTENTS = frozenset(
    {"greet", "goodbye", "thanks", "bot_challenge", "human_handoff", "change_language", "affirm", "deny"}
)
CRISIS_TOPICS = {
    "violence": "safety.domestic_violence",
    "trafficking": "safety.trafficking",
    "self_harm": "health.mental",
}
COMMANDS = ("start", "menu", "language", "help", "advisor", "forget")
MISSES_BEFORE_ADVISOR = 2
CANDIDATE_FLOOR = 0.05
# Why a case opened (its `trigger`) -> the statistics' coarse reason (bot/stats/names.py REASON_NAMES).
REASONS = {"topic": "escalate", "crisis": "crisis"}
# What an advisor button says about where it was pressed.
BUTTON_TRIGGERS = {"topic": "topic", "fb": "feedback", "miss": "misunderstood", "safety": "safety"}


# A door's own writes about an outcome, on the connection of the transaction that stores the answer.
WithAnswer = Callable[[AsyncConnection, Outcome], Awaitable[None]]


class Understander(Protocol):
    """What the core needs from the understanding layer (see nlu.Understanding)."""

    async def parse(self, text: str, hint: LanguageHint | None = None) -> Parse: ...


@dataclass
class Turn:
    """One message being handled: the user, their conversation, and what we decided so far."""

    incoming: Incoming
    repo: Repository
    user: User
    conversation: Conversation
    language: str
    inbound: Message
    replies: list[Reply] = field(default_factory=list)
    handoff: Handoff | None = None
    intent: str | None = None
    confidence: float | None = None
    answer_id: str | None = None
    text_language: str | None = None
    escalate: bool = False
    erased: bool = False
    news: list[CaseNews] = field(default_factory=list)
    latest_case: HandoffCase | None = None  # as read on arrival

    @property
    def t(self) -> Translator:
        return translator(self.language)

    def say(self, text: str, *rows: tuple[Button, ...]) -> None:
        self.replies.append(Reply(text, tuple(rows)))


class Dialogue:
    """The channel-free conversation core shared by Telegram, the web chat, the terminal and `ask`."""

    def __init__(
        self,
        guide: Guide,
        understander: Understander,
        sessions: async_sessionmaker[AsyncSession],
        *,
        default_language: str = "uk",
        max_message_length: int = 4000,
        gate: Gate | None = None,
        handoff: HandoffPolicy | None = None,
        bus: CaseBus | None = None,
    ) -> None:
        self.guide = guide
        self.gate = gate
        self.understander = understander
        self.sessions = sessions
        self.default_language = default_language
        self.max_message_length = max_message_length
        self.handoff = handoff or HandoffPolicy()
        self.bus = bus or CaseBus()
        self._buttons: dict[str, Callable[[Turn, tuple[str, ...]], Awaitable[None]]] = {
            "lang": self._choose_language,
            "menu": self._on_menu,
            "dom": self._on_domain,
            "help": self._on_help,
            "forget": self._forget_answer,
            "t": self._on_topic,
            "more": self._on_more,
            "fb": self._on_feedback,
            "adv": self._on_advisor,
            "town": self._on_town,
        }

    async def handle(
        self,
        incoming: Incoming,
        *,
        onboarding: bool = True,
        language: str | None = None,
        with_answer: WithAnswer | None = None,
    ) -> Outcome:
        """Answer one message. `onboarding=False` skips the language choice (the `ask` door).

        The incoming message is committed before any understanding runs, so a crash while answering loses
        no message. `with_answer` lets a door write its own records of the outcome (the Telegram outbox) in
        the transaction that stores the answer: both are kept, or neither.
        """
        incoming = storable(incoming)
        async with self.sessions() as session:
            repo = Repository(session)
            arrival = await self._arrive(repo, incoming)
            user = arrival.user
            if language in LANGUAGES and user.language is None:
                user.language = language
            conversation = await repo.go_on(user, arrival.conversation)
            if self.gate is not None and self.gate.holds_back(arrival):
                held = self.gate.hold(repo, user, conversation, incoming)  # stored, not answered
                if with_answer is not None:
                    await with_answer(await session.connection(), held)
                await repo.commit()
                return held
            inbound = repo.message(
                conversation, user, "in", text=incoming.text, payload=(incoming.payload or "")[:64] or None
            )
            await repo.commit()
            turn = Turn(incoming, repo, user, conversation, user.language or self._suggested(user), inbound)
            turn.latest_case = arrival.latest_case
            try:
                await self._route(turn, onboarding)
            except Exception:
                # The message itself is safe (committed above); apologise in the user's language.
                log.exception("failed to answer message %s", inbound.id)
                await session.rollback()
                # The rollback expired what the turn had loaded; the user and conversation were committed.
                await session.refresh(user)
                await session.refresh(conversation)
                turn = self._apology(turn)
            if not turn.erased:
                for reply in turn.replies:
                    repo.message(conversation, user, "out", text=reply.text, language=turn.language)
            outcome = Outcome(
                language=turn.language,
                replies=tuple(turn.replies),
                handoff=turn.handoff,
                intent=turn.intent,
                confidence=turn.confidence,
                answer_id=turn.answer_id,
                extras={"text_language": turn.text_language or turn.language, "escalate": turn.escalate},
            )
            if with_answer is not None:
                await with_answer(await session.connection(), outcome)
            await repo.commit()
        for news in turn.news:
            self.bus.publish(news)
        return outcome

    async def _arrive(self, repo: Repository, incoming: Incoming) -> Arrival:
        """The sender, with what the rate limit needs; a database briefly away is waited for
        (bot/trust/gate.py), as nothing has been written yet."""

        async def attempt() -> Arrival:
            try:
                return await repo.arrive(
                    incoming.channel,
                    incoming.user_ref,
                    incoming.client_language,
                    since=self.gate.since() if self.gate is not None else None,
                )
            except Exception:
                with contextlib.suppress(Exception):
                    await repo.session.rollback()
                raise

        if self.gate is None:
            return await attempt()
        return await with_database(attempt, self.gate.retry_seconds, "reading the sender")

    @staticmethod
    def _apology(turn: Turn) -> Turn:
        failed = Turn(turn.incoming, turn.repo, turn.user, turn.conversation, turn.language, turn.inbound)
        failed.say(
            failed.t._("Sorry, something went wrong on my side. Please try again, or talk to an advisor."),
            (compose.advisor_button(failed.t), compose.menu_button(failed.t)),
        )
        failed.answer_id = "ui.error"
        return failed

    def _suggested(self, user: User) -> str:
        client = (user.client_language or "").split("-")[0].lower()
        return client if client in LANGUAGES else self.default_language

    async def _route(self, turn: Turn, onboarding: bool) -> None:
        incoming, user = turn.incoming, turn.user
        if incoming.payload is not None:
            await self._button(turn, incoming.payload)
        elif await self._relay_to_advisor(turn):
            return
        elif incoming.text is None:
            self._not_text(turn)
        elif not incoming.text.strip():
            turn.say(
                turn.t._("What is your question? You can also choose a topic."),
                (compose.menu_button(turn.t),),
            )
        elif incoming.text.startswith("/"):
            await self._command(turn, incoming.text)
        elif user.language is None and onboarding and not user.state.get("picker_shown"):
            # Ask for the language once; the question is answered as soon as it is chosen. A user who
            # ignores the buttons and writes again is answered in the language they write in.
            user.state = {**user.state, "pending": incoming.text[: self.max_message_length]}
            self._language_picker(turn)
        elif len(incoming.text) > self.max_message_length:
            turn.say(
                turn.t._("Your message is too long for me. Please ask one question in a few sentences."),
                (compose.menu_button(turn.t), compose.advisor_button(turn.t)),
            )
        else:
            await self._question(turn, incoming.text)

    def _not_text(self, turn: Turn) -> None:
        turn.say(
            turn.t._("I can only read text messages. Please type your question, or choose a topic."),
            (compose.menu_button(turn.t), compose.advisor_button(turn.t)),
        )

    # --- commands and buttons -------------------------------------------------------------------------

    async def _command(self, turn: Turn, text: str) -> None:
        name = text[1:].split(maxsplit=1)[0].split("@", 1)[0].lower() if len(text) > 1 else ""
        if name == "start":
            if turn.user.language is None:
                self._language_picker(turn)
            else:
                self._welcome(turn)
        elif name == "language":
            turn.replies.append(compose.language_picker(turn.user.language))
        elif name == "menu":
            turn.replies.append(compose.domain_menu(self.guide, turn.t))
        elif name == "help":
            self._help(turn)
        elif name == "advisor":
            await self._hand_off(turn, "command")
        elif name == "forget":
            turn.say(
                turn.t._("Erase everything you wrote here and your settings? This cannot be undone."),
                (
                    Button(turn.t._("Yes, erase"), payloads.encode("forget", "yes")),
                    Button(turn.t._("No, keep"), payloads.encode("forget", "no")),
                ),
            )
        else:
            turn.say(turn.t._("I do not know this command."), (compose.menu_button(turn.t),))
            self._help(turn)

    def _help(self, turn: Turn) -> None:
        t = turn.t
        turn.say(
            "\n".join(
                [
                    t._(
                        "I answer questions about living in Pomorskie: residence and documents, work, "
                        "housing, health, schools, benefits, safety and everyday matters. "
                        "Just write your question."
                    ),
                    "",
                    t._("/menu: browse topics"),
                    t._("/language: change the language"),
                    t._("/advisor: talk to a CWII advisor"),
                    t._("/forget: erase your data"),
                ]
            ),
            (compose.menu_button(t), compose.advisor_button(t)),
        )

    async def _button(self, turn: Turn, payload: str) -> None:
        action = payloads.decode(payload)
        handler = self._buttons.get(action.kind) if action else None
        if action is None or handler is None:
            self._outdated(turn)
            return
        await handler(turn, action.args)

    def _outdated(self, turn: Turn) -> None:
        turn.say(turn.t._("This button is out of date. Here is the current menu."))
        turn.replies.append(compose.domain_menu(self.guide, turn.t))

    async def _on_menu(self, turn: Turn, _args: tuple[str, ...]) -> None:
        turn.replies.append(compose.domain_menu(self.guide, turn.t))

    async def _on_domain(self, turn: Turn, args: tuple[str, ...]) -> None:
        turn.replies.append(compose.topic_menu(self.guide, args[0] if args else "", turn.t))

    async def _on_help(self, turn: Turn, _args: tuple[str, ...]) -> None:
        self._help(turn)

    async def _on_topic(self, turn: Turn, args: tuple[str, ...]) -> None:
        self._show_topic(turn, args[0] if args else "", outcome="chosen")

    async def _on_more(self, turn: Turn, args: tuple[str, ...]) -> None:
        self._show_topic(turn, args[0] if args else "", outcome="more", show_more=True)

    async def _on_advisor(self, turn: Turn, args: tuple[str, ...]) -> None:
        if args[:1] == ("close",):
            await self._close_own_case(turn)
            return
        if args[:1] == ("topic",) and len(args) > 1 and args[1] in self.guide.topics:
            turn.answer_id = args[1]
        await self._hand_off(turn, BUTTON_TRIGGERS.get(args[0], "button") if args else "button")

    async def _on_town(self, turn: Turn, args: tuple[str, ...]) -> None:
        """The user's district became known (a shared location, a town button): show its contacts."""
        district = self.guide.district(args[0] if args else None)
        if district is None:
            self._outdated(turn)
            return
        turn.user.district = district.id
        turn.replies.append(compose.district_contacts(district, turn.t))

    async def _on_feedback(self, turn: Turn, args: tuple[str, ...]) -> None:
        if len(args) != 2 or args[0] not in self.guide.topics:
            self._outdated(turn)
            return
        topic_id, verdict = args
        helpful = verdict == "up"
        turn.repo.event(
            "feedback",
            turn.conversation,
            turn.user,
            topic=topic_id,
            domain=topic_id.split(".")[0],
            value=1.0 if helpful else -1.0,
        )
        if helpful:
            turn.say(turn.t._("Thank you! Glad it helped."))
        else:
            turn.say(
                turn.t._("Sorry it did not help. An advisor of CWII can look at your situation."),
                (compose.advisor_button(turn.t, "fb", topic_id), compose.menu_button(turn.t)),
            )

    async def _choose_language(self, turn: Turn, args: tuple[str, ...]) -> None:
        if not args or args[0] not in LANGUAGES:
            turn.replies.append(compose.language_picker(None))
            return
        first_time = turn.user.language is None
        turn.user.language = turn.language = args[0]
        turn.repo.event("language", turn.conversation, turn.user, outcome=args[0])
        pending = turn.user.state.get("pending")
        turn.user.state = {k: v for k, v in turn.user.state.items() if k != "pending"}
        if first_time:
            self._privacy_notice(turn)
        if pending:
            await self._question(turn, str(pending))
        else:
            self._welcome(turn)

    def _language_picker(self, turn: Turn) -> None:
        turn.user.state = {**turn.user.state, "picker_shown": True}
        turn.replies.append(compose.language_picker(self._suggested(turn.user)))

    @staticmethod
    def _privacy_notice(turn: Turn) -> None:
        turn.say(
            turn.t._(
                "🔒 I keep your messages only to answer you and improve this guide. "
                "/forget erases them at any time."
            )
        )

    def _welcome(self, turn: Turn) -> None:
        turn.say(
            turn.t._(
                "Hello! I am Pierwsze Kroki, the guide for newcomers in Pomorskie by CWII. "
                "Write your question in your own words, or choose a topic."
            )
        )
        turn.replies.append(compose.domain_menu(self.guide, turn.t))

    async def _forget_answer(self, turn: Turn, args: tuple[str, ...]) -> None:
        if args[:1] != ("yes",):
            turn.say(turn.t._("Nothing was erased."), (compose.menu_button(turn.t),))
            return
        turn.repo.event("forget", turn.conversation, turn.user)
        await turn.repo.erase_user(turn.user)
        turn.erased = True
        turn.say(turn.t._("Done: your messages and settings are erased. If you write again, we start anew."))

    # --- free questions -----------------------------------------------------------------------------

    async def _question(self, turn: Turn, text: str) -> None:
        user = turn.user
        parse = await self.understander.parse(
            text, LanguageHint(chosen=user.language, client=user.client_language)
        )
        turn.text_language = parse.language
        turn.language = reply_language(parse, user.language)
        if user.language is None and user.state.get("picker_shown"):
            user.state = {k: v for k, v in user.state.items() if k != "pending"}
            self._privacy_notice(turn)
        user.language = turn.language
        self._remember_entities(user, parse)
        turn.intent, turn.confidence = parse.intent, parse.confidence
        turn.inbound.language, turn.inbound.intent = parse.language, parse.intent
        turn.inbound.confidence, turn.inbound.decision = parse.confidence, parse.decision
        if parse.crisis and parse.crisis_certain:
            await self._crisis(turn, parse)
            return
        if parse.crisis:
            self._safety_note(turn, parse.crisis)
        if parse.decision == "confident" and parse.intent in self.guide.topics:
            self._answer(turn, self.guide.topics[parse.intent], parse)
        elif parse.decision == "confident" and parse.intent in CONVERSATION_INTENTS:
            await self._small_talk(turn, parse.intent)
        elif parse.decision == "confident" and parse.intent == "out_of_scope":
            self._out_of_scope(turn)
        else:
            await self._clarify(turn, parse)

    @staticmethod
    def _remember_entities(user: User, parse: Parse) -> None:
        if parse.entities.district:
            user.district = parse.entities.district
        if parse.entities.citizenship:
            user.citizenship = parse.entities.citizenship

    def _answer(self, turn: Turn, topic: Topic, parse: Parse | None, outcome: str = "answered") -> None:
        user = turn.user
        user.state = {k: v for k, v in user.state.items() if k != "misses"}
        turn.answer_id = topic.id
        turn.escalate = turn.escalate or topic.escalate != "never"
        turn.replies.append(self._topic_reply(turn, topic))
        turn.repo.event(
            "question",
            turn.conversation,
            user,
            topic=topic.id,
            domain=topic.domain,
            outcome=outcome,
            value=parse.confidence if parse else None,
        )

    def _show_topic(self, turn: Turn, topic_id: str, outcome: str, show_more: bool = False) -> None:
        topic = self.guide.topics.get(topic_id)
        if topic is None:
            self._outdated(turn)
        elif show_more:
            turn.answer_id = topic.id
            turn.replies.append(self._topic_reply(turn, topic, show_more=True))
        else:
            self._answer(turn, topic, None, outcome=outcome)

    def _topic_reply(self, turn: Turn, topic: Topic, show_more: bool = False) -> Reply:
        """A topic's answer for this user: their district's contacts and their citizenship's variant."""
        return compose.topic_answer(
            self.guide,
            topic,
            turn.t,
            district=None if show_more else self.guide.district(turn.user.district),
            citizenship=turn.user.citizenship,
            show_more=show_more,
        )

    def _safety_note(self, turn: Turn, crisis: str) -> None:
        """A possible crisis: 112 and an advisor button first, then the answer to what was asked."""
        topic = self.guide.topics.get(CRISIS_TOPICS.get(crisis, "safety.emergency_numbers"))
        turn.replies.append(compose.safety_note(turn.t, topic))

    async def _crisis(self, turn: Turn, parse: Parse) -> None:
        """Emergency numbers first, then an advisor at once, whatever else the message asked."""
        crisis = parse.crisis or "violence"
        topic = self.guide.topics.get(CRISIS_TOPICS.get(crisis, "safety.emergency_numbers"))
        turn.say(turn.t._("🆘 If you are in danger now, call **112** (free, 24/7)."))
        if topic is not None:
            turn.answer_id = topic.id
            turn.replies.append(self._topic_reply(turn, topic))
            if parse.decision != "confident" or parse.intent not in self.guide.topics:
                # "I can't go on" parses as small talk or nothing at all: it is about the crisis topic.
                turn.intent = topic.id
        turn.repo.event(
            "question",
            turn.conversation,
            turn.user,
            topic=topic.id if topic else None,
            domain=topic.domain if topic else None,
            outcome="crisis",
            value=parse.confidence,
        )
        await self._hand_off(turn, "crisis", crisis=crisis)
        asked = self.guide.topics.get(parse.intent)
        if asked is not None and asked is not topic and parse.decision == "confident":
            turn.say(
                turn.t._("You also asked about this:"),
                (Button(asked.title(turn.language), payloads.encode("t", asked.id)),),
            )

    async def _small_talk(self, turn: Turn, intent: str) -> None:
        t = turn.t
        turn.answer_id = f"ui.{intent}"
        turn.repo.event("question", turn.conversation, turn.user, topic=intent, outcome="small_talk")
        if intent == "human_handoff":
            await self._hand_off(turn, "phrase")
        elif intent == "change_language":
            turn.replies.append(compose.language_picker(turn.user.language))
        elif intent == "greet":
            self._welcome(turn)
        elif intent == "thanks":
            turn.say(t._("You are welcome! Write if you have another question."), (compose.menu_button(t),))
        elif intent == "goodbye":
            turn.say(t._("Goodbye and good luck! I am here whenever you need me."))
        elif intent == "bot_challenge":
            turn.say(
                t._("I am a bot: I answer from the guide of CWII. A person can answer you too."),
                (compose.advisor_button(t), compose.menu_button(t)),
            )
        else:
            turn.say(t._("What is your question? You can also choose a topic."), (compose.menu_button(t),))

    def _out_of_scope(self, turn: Turn) -> None:
        t = turn.t
        turn.answer_id = "ui.out_of_scope"
        turn.repo.event("question", turn.conversation, turn.user, outcome="out_of_scope")
        turn.say(
            t._(
                "Sorry, I can only help with living in Pomorskie: documents, work, housing, health, "
                "schools, benefits and safety. Choose a topic or ask an advisor."
            ),
            (compose.menu_button(t), compose.advisor_button(t)),
        )

    async def _clarify(self, turn: Turn, parse: Parse) -> None:
        user = turn.user
        candidates = [
            self.guide.topics[intent]
            for intent, score in parse.ranking
            if intent in self.guide.topics and score >= CANDIDATE_FLOOR
        ][:3]
        misses = int(user.state.get("misses", 0)) + 1
        user.state = {**user.state, "misses": misses}
        turn.answer_id = "ui.clarify" if candidates else "ui.fallback"
        turn.repo.event(
            "question",
            turn.conversation,
            user,
            outcome="clarify" if candidates else "fallback",
            topic=candidates[0].id if candidates else None,
            value=parse.confidence,
        )
        turn.replies.append(compose.clarification(candidates, turn.t))
        if misses > MISSES_BEFORE_ADVISOR:
            turn.say(
                turn.t._(
                    "I am having trouble understanding you. An advisor of CWII can help you in "
                    "person: press the button."
                ),
                (compose.advisor_button(turn.t, "miss"),),
            )

    # --- advisors -----------------------------------------------------------------------------------

    async def _hand_off(self, turn: Turn, trigger: str, crisis: str | None = None) -> None:
        """Open a case (or show the open one): the person learns what happens next and when."""
        reason = REASONS.get(trigger, "request")
        topic = turn.answer_id if turn.answer_id in self.guide.topics else None
        case, created = await turn.repo.open_case(
            turn.user,
            turn.conversation,
            reason=reason,
            crisis=crisis,
            topic=topic,
            trigger=trigger,
            language=turn.language,
        )
        turn.escalate = True
        turn.handoff = Handoff(case.id, reason, crisis, created)
        availability = await self.handoff.availability(turn.repo.session)
        if created:
            turn.repo.event("handoff", turn.conversation, turn.user, outcome=reason, topic=turn.answer_id)
            turn.news.append(CaseNews(case.id, "opened"))
            turn.replies.append(compose.handed_off(case.id, self.handoff, availability, turn.t))
        else:
            if crisis:
                turn.news.append(CaseNews(case.id, "crisis"))
            turn.replies.append(compose.case_status(case.id, case.status, self.handoff, availability, turn.t))
        turn.answer_id = turn.answer_id or "ui.handoff"

    async def _relay_to_advisor(self, turn: Turn) -> bool:
        """While a case is open (or reopens), what the person writes goes to the advisor, not the guide.

        Crisis detection still runs on every text: emergency numbers come at once. The person is told once
        per advisor turn that their messages arrived. Commands and buttons never come here.
        """
        incoming = turn.incoming
        if (incoming.text is None and incoming.attachment is None) or (incoming.text or "").startswith("/"):
            return False
        if incoming.text is not None and len(incoming.text) > self.max_message_length:
            return False
        book = CaseBook(turn.repo.session)
        found = book.relay_case(turn.latest_case, self.handoff.reopen_within)
        if found is None:
            return False
        if found.status == "closed":
            if not await book.reopen(found):
                return False
            turn.replies.append(compose.reopened(found.id, turn.t))
            turn.news.append(CaseNews(found.id, "reopened"))
        attachment = incoming.attachment
        book.add_message(
            found,
            "user",
            incoming.text,
            media_kind=attachment.kind if attachment else None,
            file_id=attachment.ref if attachment else None,
        )
        turn.news.append(CaseNews(found.id, "user_message"))
        turn.answer_id = "ui.relayed"
        if incoming.text and await self._crisis_in_case(turn, incoming.text):
            return True
        if book.acknowledge(found) and not turn.replies:
            turn.replies.append(compose.relayed(turn.t))
        return True

    async def _crisis_in_case(self, turn: Turn, text: str) -> bool:
        """Understand a relayed text for crisis signals and what it says of the person; True on a crisis."""
        parse = await self.understander.parse(
            text, LanguageHint(chosen=turn.user.language, client=turn.user.client_language)
        )
        turn.text_language = parse.language
        turn.inbound.language, turn.inbound.intent = parse.language, parse.intent
        turn.inbound.confidence, turn.inbound.decision = parse.confidence, parse.decision
        self._remember_entities(turn.user, parse)
        if not parse.crisis:
            return False
        if not parse.crisis_certain:
            self._safety_note(turn, parse.crisis)
            return False
        await self._crisis(turn, parse)
        return True

    async def _close_own_case(self, turn: Turn) -> None:
        """The person closes their request themselves ("Close my request")."""
        book = CaseBook(turn.repo.session)
        found: HandoffCase | None = await book.open_case_of(turn.user)
        if found is None or not await book.close(found.id, "user"):
            turn.say(turn.t._("You have no open request."), (compose.menu_button(turn.t),))
            return
        turn.news.append(CaseNews(found.id, "closed"))
        turn.replies.append(compose.closed_by_user(found.id, turn.t))
