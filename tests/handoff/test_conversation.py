"""A case as the person lives it: the handoff, writing to the advisor, the answer, closing and reopening."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.dialogue import Dialogue
from bot.core.types import Attachment, Incoming
from bot.handoff.bus import CaseBus, CaseNews
from bot.handoff.cases import Advisor
from bot.handoff.relay import Desk, Done
from bot.storage.models import CaseMessage, Event, HandoffCase, User, utcnow
from tests.handoff.conftest import OUT_OF_HOURS, Clock
from tests.support.chat import Chat
from tests.support.understanding import ScriptedUnderstanding, parse_of

OLENA = Advisor("Olena", staff_id=None, telegram_id=501)


async def _case(sessions: async_sessionmaker[AsyncSession]) -> HandoffCase:
    async with sessions() as session:
        found = await session.scalar(select(HandoffCase).order_by(HandoffCase.id.desc()).limit(1))
        assert found is not None
        return found


async def _messages(sessions: async_sessionmaker[AsyncSession], case_id: int) -> list[CaseMessage]:
    async with sessions() as session:
        rows = await session.scalars(
            select(CaseMessage).where(CaseMessage.case_id == case_id).order_by(CaseMessage.id)
        )
        return list(rows)


async def test_the_person_is_told_what_happens_next_in_their_language(
    dialogue: Dialogue, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|uk")
    outcome = await chat.say("/advisor")
    assert outcome.handoff is not None and outcome.handoff.new
    assert f"№{outcome.handoff.case_id}" in chat.text
    assert "тут, у цьому чаті" in chat.text
    assert "пн–пт 09:00–17:00" in chat.text, "the office hours"
    assert "якнайшвидше" in chat.text, "no number is promised without measured replies"
    found = await _case(sqlite_sessions)
    assert (found.reason, found.trigger, found.status) == ("request", "command", "waiting")


async def test_outside_office_hours_the_person_learns_when_advisors_are_back(
    dialogue: Dialogue, clock: Clock
) -> None:
    clock.now = OUT_OF_HOURS
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|pl")
    await chat.say("/advisor")
    assert "Doradców nie ma teraz w biurze" in chat.text
    assert "poniedziałek 7 grudnia, 09:00" in chat.text


async def test_the_expected_wait_is_the_median_of_measured_first_replies(
    dialogue: Dialogue, sqlite_sessions: async_sessionmaker[AsyncSession], clock: Clock
) -> None:
    # Cases opened in office hours (Tuesday 11:00 Warsaw) answered after 10, 20, 30, 40, 50 minutes,
    # and one opened at night answered after ten hours, which must not count.
    opened = clock.now - timedelta(days=7)
    async with sqlite_sessions() as session:
        for minutes in (10, 20, 30, 40, 50):
            session.add(
                HandoffCase(
                    reason="request",
                    status="closed",
                    created_at=opened,
                    first_response_at=opened + timedelta(minutes=minutes),
                )
            )
        night = opened.replace(hour=1)
        session.add(
            HandoffCase(
                reason="request",
                status="closed",
                created_at=night,
                first_response_at=night + timedelta(hours=10),
            )
        )
        await session.commit()
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|en")
    await chat.say("/advisor")
    assert "A first reply usually takes about 30 minutes." in chat.text


async def test_with_too_few_measured_cases_no_number_is_promised(
    dialogue: Dialogue, sqlite_sessions: async_sessionmaker[AsyncSession], clock: Clock
) -> None:
    opened = clock.now - timedelta(days=1)
    async with sqlite_sessions() as session:
        for minutes in (10, 20, 30, 40):
            session.add(
                HandoffCase(
                    reason="request",
                    status="closed",
                    created_at=opened,
                    first_response_at=opened + timedelta(minutes=minutes),
                )
            )
        await session.commit()
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|en")
    await chat.say("/advisor")
    assert "as soon as possible" in chat.text
    assert "minutes" not in chat.text


async def test_while_a_case_is_open_messages_go_to_the_advisor_not_to_the_guide(
    dialogue: Dialogue,
    understanding: ScriptedUnderstanding,
    sqlite_sessions: async_sessionmaker[AsyncSession],
    desk: Desk,
    bus: CaseBus,
) -> None:
    news: list[CaseNews] = []
    bus.subscribe(news.append)
    understanding.script["where do i get pesel"] = parse_of("where do i get pesel", "en", "legal.pesel")
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|en")
    opened = await chat.say("/advisor")
    assert opened.handoff is not None
    case_id = opened.handoff.case_id

    await chat.say("where do i get pesel")
    assert "You get a PESEL number" not in chat.text, "the guide does not answer while a person does"
    assert "Passed on to the advisor" in chat.text
    await chat.say("and my passport expires soon")
    assert chat.last is not None and chat.last.replies == (), "one acknowledgement per advisor turn"
    await dialogue.handle(Incoming("test", chat.user, attachment=Attachment("photo", "photo-file-1")))
    assert [(m.direction, m.text, m.file_id) for m in await _messages(sqlite_sessions, case_id)] == [
        ("user", "where do i get pesel", None),
        ("user", "and my passport expires soon", None),
        ("user", None, "photo-file-1"),
    ]
    assert CaseNews(case_id, "user_message") in news

    assert await desk.reply(case_id, OLENA, "Hello, I am Olena from CWII.") is Done.OK
    await chat.say("thank you!")
    assert "Passed on to the advisor" in chat.text, "acknowledged again after the advisor's turn"
    found = await _case(sqlite_sessions)
    assert found.status == "answered" and found.first_response_at is not None
    assert found.assigned_name == "Olena", "answering an unclaimed case takes it"

    await chat.say("/menu")
    assert chat.labels, "commands keep working while a case is open"


async def test_a_crisis_while_a_case_is_open_still_gets_the_emergency_numbers_at_once(
    dialogue: Dialogue,
    understanding: ScriptedUnderstanding,
    sqlite_sessions: async_sessionmaker[AsyncSession],
) -> None:
    text = "він знову мене б'є"
    understanding.script[text] = parse_of(text, "uk", "out_of_scope", 0.3, "unsure", crisis="violence")
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|uk")
    await chat.say("/advisor")
    await chat.say(text)
    assert chat.last is not None and "112" in chat.last.replies[0].text
    found = await _case(sqlite_sessions)
    assert found.crisis == "violence"
    assert [m.text for m in await _messages(sqlite_sessions, found.id)] == [text], (
        "and it reaches the advisor"
    )


async def test_advisor_again_shows_the_status_the_wait_and_a_way_to_close(
    dialogue: Dialogue, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|ru")
    first = await chat.say("/advisor")
    second = await chat.say("/advisor")
    assert first.handoff is not None and second.handoff is not None and not second.handoff.new
    assert "ждёт консультанта" in chat.text and "часы работы" in chat.text
    await chat.press("Закрыть обращение")
    assert f"№{first.handoff.case_id} закрыто" in chat.text
    found = await _case(sqlite_sessions)
    assert (found.status, found.closed_by) == ("closed", "user")
    await chat.say("hello there")
    assert "Передано консультанту" not in chat.text, "a case the person closed does not reopen"


async def test_closed_by_an_advisor_it_reopens_within_the_configured_days_then_the_guide_answers(
    dialogue: Dialogue,
    understanding: ScriptedUnderstanding,
    sqlite_sessions: async_sessionmaker[AsyncSession],
    desk: Desk,
) -> None:
    understanding.script["where do i get pesel"] = parse_of("where do i get pesel", "en", "legal.pesel")
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|en")
    opened = await chat.say("/advisor")
    assert opened.handoff is not None
    case_id = opened.handoff.case_id
    assert await desk.close(case_id, OLENA) is Done.OK
    notices = [m for m in await _messages(sqlite_sessions, case_id) if m.direction == "system"]
    assert len(notices) == 1 and "within 3 days" in (notices[0].text or "")

    await chat.say("one more question")
    assert f"request #{case_id} is open again" in chat.text
    found = await _case(sqlite_sessions)
    assert (found.status, found.reopen_count, found.closed_at) == ("waiting", 1, None)

    assert await desk.close(case_id, OLENA) is Done.OK
    async with sqlite_sessions() as session:
        await session.execute(update(HandoffCase).values(closed_at=utcnow() - timedelta(days=3, minutes=1)))
        await session.commit()
    await chat.say("where do i get pesel")
    assert "You get a PESEL number" in chat.text, "after reopen_days the guide answers again"


@pytest.mark.parametrize(
    ("payload", "trigger", "reason"),
    [
        ("1|adv", "button", "request"),
        ("1|adv|topic|legal.return_decision", "topic", "escalate"),
        ("1|adv|fb|legal.pesel", "feedback", "request"),
        ("1|adv|miss", "misunderstood", "request"),
    ],
)
async def test_each_way_to_an_advisor_is_recorded_for_the_summary_and_the_statistics(
    dialogue: Dialogue,
    sqlite_sessions: async_sessionmaker[AsyncSession],
    payload: str,
    trigger: str,
    reason: str,
) -> None:
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|en")
    await chat.send_payload(payload)
    found = await _case(sqlite_sessions)
    assert (found.trigger, found.reason) == (trigger, reason)
    async with sqlite_sessions() as session:
        event = await session.scalar(select(Event).where(Event.kind == "handoff"))
        assert event is not None and event.outcome == reason


async def test_forget_erases_case_messages_and_keeps_anonymous_timings(
    dialogue: Dialogue, sqlite_sessions: async_sessionmaker[AsyncSession], desk: Desk
) -> None:
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|en")
    opened = await chat.say("/advisor")
    assert opened.handoff is not None
    await chat.say("my name is Anna and I live at …")
    await desk.reply(opened.handoff.case_id, OLENA, "Hello Anna")
    await desk.note(opened.handoff.case_id, OLENA, "Anna: residence card case")
    await chat.send_payload("1|forget|yes")
    assert await _messages(sqlite_sessions, opened.handoff.case_id) == []
    found = await _case(sqlite_sessions)
    assert found.user_id is None and found.status == "closed" and found.closed_by == "erased"
    assert found.first_response_at is not None, "the anonymous timing stays for statistics"
    async with sqlite_sessions() as session:
        assert await session.scalar(select(User)) is None


async def test_other_desks_cannot_answer_or_close_a_case_someone_holds(
    dialogue: Dialogue, desk: Desk
) -> None:
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|en")
    opened = await chat.say("/advisor")
    assert opened.handoff is not None
    case_id = opened.handoff.case_id
    assert (await desk.claim(case_id, OLENA)).won
    other = Advisor("Piotr", telegram_id=777)
    lost = await desk.claim(case_id, other)
    assert not lost.won and lost.holder == "Olena"
    assert await desk.reply(case_id, other, "hi") is Done.TAKEN
    assert await desk.close(case_id, other) is Done.TAKEN
    assert await desk.note(case_id, other, "I can still leave a note") is Done.OK
