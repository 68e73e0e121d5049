"""The dashboard counts what the conversation core really records, as two people would produce it."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.dialogue import Dialogue
from bot.stats.period import local_day, period_of
from bot.stats.report import overview
from bot.storage.models import utcnow
from content.guide import Guide
from tests.support.chat import Chat
from tests.support.understanding import ScriptedUnderstanding, parse_of


async def test_a_day_of_real_conversations(
    fixture_guide: Guide, sessions: async_sessionmaker[AsyncSession]
) -> None:
    understanding = ScriptedUnderstanding(
        parse_of("де зробити песель у гдині", "uk", "legal.pesel", district="gdynia"),
        parse_of(
            "permit or pesel?",
            "en",
            "work.permit",
            0.4,
            "ambiguous",
            ranking=(("work.permit", 0.4), ("legal.pesel", 0.35)),
        ),
        parse_of("hello", "en", "greet"),
    )
    dialogue = Dialogue(fixture_guide, understanding, sessions)
    olena, john = Chat(dialogue, "olena"), Chat(dialogue, "john")
    await olena.send_payload("1|lang|uk")
    await olena.say("де зробити песель у гдині")
    await olena.press("👍")
    await olena.say("щось зовсім незрозуміле")
    await olena.say("/advisor")
    await john.send_payload("1|lang|en")
    await john.say("permit or pesel?")
    await john.say("hello")

    today = local_day(utcnow())
    report = await overview(sessions, period_of("day", today, today))
    now = report.current
    assert (now.questions, now.unanswered, now.conversations) == (3, 2, 2)
    assert dict(now.outcomes()) == {"answered": 1, "fallback": 1, "clarify": 1}
    assert dict(now.topics()) == {"legal.pesel": 1}
    assert dict(now.near_misses()) == {"work.permit": 1}
    assert dict(now.languages()) == {"uk": 2, "en": 1}
    assert dict(now.districts()) == {"gdynia": 2, "": 1}
    assert now.feedback() == {"legal.pesel": (1, 0)}
    assert dict(now.escalations.by_reason()) == {"request": 1} and now.escalations.waiting() == 1
    assert sum(bucket.questions for bucket in report.timeline) == 3
