"""The "Unanswered" inbox: what enters it, masking, grouping across languages, and learning from it."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core import payloads
from bot.core.dialogue import Dialogue
from bot.editor import grouping, inbox, training
from bot.editor.retrain import retrain
from bot.editor.runtime import EditorRuntime
from bot.service import Service
from bot.storage.models import EditorExample, InboxItem
from content.guide import Guide
from tests.support.chat import Chat
from tests.support.understanding import ScriptedUnderstanding, parse_of

SCRIPT = ScriptedUnderstanding(
    parse_of("де отримати номер для податкової", "uk", "work.permit", 0.3, "unsure"),
    parse_of("czy potrzebuję pozwolenia", "pl", "work.permit", 0.4, "ambiguous"),
    parse_of("яка завтра погода", "uk", "out_of_scope", 0.95),
    parse_of("де зробити песель", "uk", "legal.pesel"),
    parse_of("pesel dla dziecka", "pl", "legal.pesel"),
    parse_of("мені погано, чоловік бʼє", "uk", "safety.domestic_violence", 0.3, "unsure", crisis="violence"),
    parse_of("мій телефон +48 512 345 678, подзвоніть про карту", "uk", "out_of_scope", 0.2, "unsure"),
)


async def start(chat: Chat, language_button: str) -> None:
    await chat.say("/start")
    await chat.press(language_button)


async def test_the_inbox_holds_what_the_bot_could_not_answer_masked(
    sessions: async_sessionmaker[AsyncSession], fixture_guide: Guide
) -> None:
    dialogue = Dialogue(fixture_guide, SCRIPT, sessions)
    olena, jan = Chat(dialogue, "olena"), Chat(dialogue, "jan")
    await start(olena, "Українська")
    await start(jan, "Polski")
    for text in ("де отримати номер для податкової", "яка завтра погода", "мені погано, чоловік бʼє"):
        await olena.say(text)
    await olena.say("мій телефон +48 512 345 678, подзвоніть про карту")
    await olena.say("де зробити песель")  # answered, no feedback: not an inbox question
    await jan.say("czy potrzebuję pozwolenia")
    await jan.say("pesel dla dziecka")
    await jan.send_payload(payloads.encode("fb", "legal.pesel", "down"))

    async with sessions() as session:
        assert await inbox.refresh(session, SCRIPT) == 6
        await session.commit()
        assert await inbox.refresh(session, SCRIPT) == 0, "a second look adds nothing"
        found = {q.text: q for q in await inbox.questions(session)}
        statuses = dict(
            (await session.execute(select(InboxItem.status, func.count()).group_by(InboxItem.status))).all()
        )
    assert {text: (q.reason, q.language) for text, q in found.items()} == {
        "де отримати номер для податкової": ("unsure", "uk"),
        "czy potrzebuję pozwolenia": ("ambiguous", "pl"),
        "яка завтра погода": ("out_of_scope", "uk"),
        "мій телефон [phone], подзвоніть про карту": ("unsure", "uk"),
        "pesel dla dziecka": ("thumbs_down", "pl"),
    }
    assert found["pesel dla dziecka"].answered == "legal.pesel"
    assert statuses == {"open": 5, "crisis": 1}, "a crisis is for advisors, never an editing task"

    await olena.say("/forget")
    await olena.send_payload(payloads.encode("forget", "yes"))
    async with sessions() as session:
        left = {q.text for q in await inbox.questions(session)}
    assert left == {"czy potrzebuję pozwolenia", "pesel dla dziecka"}, "erasure takes the person's questions"


async def test_editors_decide_and_can_undo(
    sessions: async_sessionmaker[AsyncSession], fixture_guide: Guide
) -> None:
    dialogue = Dialogue(fixture_guide, SCRIPT, sessions)
    olena = Chat(dialogue, "olena")
    await start(olena, "Українська")
    await olena.say("яка завтра погода")
    await olena.say("де отримати номер для податкової")
    async with sessions() as session:
        await inbox.refresh(session, SCRIPT)
        ids = {q.text: q.id for q in await inbox.questions(session)}
        assert await inbox.decide(session, [ids["яка завтра погода"]], "dismissed", "anna") == 1
        assert (
            await inbox.decide(session, [ids["де отримати номер для податкової"]], "needs_content", "anna")
            == 1
        )
        await session.commit()
        assert await inbox.questions(session) == []
        assert [q.text for q in await inbox.questions(session, "needs_content")] == [
            "де отримати номер для податкової"
        ]
        assert await inbox.decide(session, [ids["яка завтра погода"]], "open", "anna") == 1
        assert [q.text for q in await inbox.questions(session)] == ["яка завтра погода"]
        assert await inbox.counts(session) == {"open": 1, "needs_content": 1}


async def test_the_same_question_in_ukrainian_and_polish_is_one_task(service: Service) -> None:
    """Both answered with PESEL and both thumbed down: one group, whatever the language."""
    ua, pl, other = Chat(service.dialogue, "ua"), Chat(service.dialogue, "pl"), Chat(service.dialogue, "x")
    await start(ua, "Українська")
    await start(pl, "Polski")
    await start(other, "Українська")
    for chat, question in ((ua, "де отримати песель"), (pl, "gdzie dostać pesel")):
        outcome = await chat.say(question)
        assert outcome.answer_id == "legal.pesel"
        await chat.press("👎")
    await other.say("як прописатися за адресою")
    async with service.sessions() as session:
        await inbox.refresh(session, service.understanding)
        groups = grouping.group(await inbox.questions(session))
    assert [sorted(q.text for q in group.questions) for group in groups] == [
        ["gdzie dostać pesel", "де отримати песель"],
        ["як прописатися за адресою"],
    ]
    assert sorted(groups[0].languages) == [("pl", 1), ("uk", 1)] and groups[0].suggestion == "legal.pesel"


async def test_an_assigned_question_is_recognised_after_retraining_without_a_restart(
    service: Service,
) -> None:
    runtime = EditorRuntime.for_dialogue(service.sessions, service.dialogue)
    user = Chat(service.dialogue, "olena")
    await start(user, "Українська")
    missed = await user.say("як прописатися за адресою")
    assert missed.answer_id in ("ui.clarify", "ui.fallback"), "the model does not know this question yet"

    async with service.sessions() as session:
        await inbox.refresh(session, service.understanding)
        (question,) = await inbox.questions(session)
        assert question.text == "як прописатися за адресою"
        assert await inbox.assign(
            session, runtime.data_dir, [question.id], "housing.registration", "anna"
        ) == (1, 1)
        await session.commit()
        example = await session.scalar(select(EditorExample))
        assert example is not None and example.text == "як прописатися за адресою"
        shown = await training.examples_for(session, runtime.data_dir, "housing.registration", "uk")
        assert [(e.text, e.origin) for e in shown] == [("як прописатися за адресою", "inbox")]

    report = await retrain(runtime)
    assert report.extra == 1 and report.seconds < 60
    for asked in ("як прописатися за адресою", "як прописатися"):
        answered = await user.say(asked)
        assert answered.answer_id == "housing.registration", "the same running dialogue uses the new model"
    assert "Прописка" in user.text or "zameldowanie" in user.text.lower()
