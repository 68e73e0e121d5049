"""The conversation core's flows in each of the four languages, as a user would see them."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.dialogue import Dialogue
from bot.storage.models import Event, HandoffCase, Message, User
from content.guide import Guide
from tests.support.chat import Chat
from tests.support.understanding import ScriptedUnderstanding, parse_of


@dataclass(frozen=True)
class Lang:
    code: str
    button: str
    question: str
    answer: str
    sources: str
    helpful: str
    related: str
    did_you_mean: str
    privacy: str
    advisor: str


LANGS = [
    Lang(
        "uk",
        "Українська",
        "де зробити песель",
        "Номер PESEL отримують",
        "Джерела:",
        "👍 Корисно",
        "Прописка",
        "Ви мали на увазі",
        "/forget",
        "консультант",
    ),
    Lang(
        "ru",
        "Русский",
        "где сделать песель",
        "Номер PESEL получают",
        "Источники:",
        "👍 Полезно",
        "Прописка",
        "Вы имели в виду",
        "/forget",
        "консультант",
    ),
    Lang(
        "en",
        "English",
        "where do i get pesel",
        "You get a PESEL number",
        "Sources:",
        "👍 Helpful",
        "Address registration",
        "Did you mean",
        "/forget",
        "advisor",
    ),
    Lang(
        "pl",
        "Polski",
        "gdzie zrobic pesel",
        "Numer PESEL otrzymasz",
        "Źródła:",
        "👍 Pomocne",
        "Zameldowanie",
        "Czy chodzi o",
        "/forget",
        "doradc",
    ),
]


def make_dialogue(guide: Guide, sessions: async_sessionmaker[AsyncSession], *parses: object) -> Dialogue:
    return Dialogue(guide, ScriptedUnderstanding(*parses), sessions, max_message_length=500)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.code)
async def test_first_contact_picks_language_then_answers_the_pending_question(
    lang: Lang, fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    dialogue = make_dialogue(
        fixture_guide, sqlite_sessions, parse_of(lang.question, lang.code, "legal.pesel")
    )
    chat = Chat(dialogue, client_language=lang.code)

    await chat.say(lang.question)
    assert chat.labels[0] == f"✓ {lang.button}", "the client's language is suggested first"
    assert len(chat.labels) == 4
    assert lang.answer not in chat.text, "no answer before the language is chosen"

    await chat.press(lang.button)
    assert lang.privacy in chat.text
    assert lang.answer in chat.text
    assert lang.sources in chat.text and "https://www.gov.pl/web/gov" in chat.text
    assert lang.helpful in chat.labels
    assert any(lang.related in label for label in chat.labels), chat.labels
    assert chat.last is not None and chat.last.language == lang.code


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.code)
async def test_low_confidence_offers_candidates_and_an_advisor_never_a_guess(
    lang: Lang, fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    vague = parse_of(
        "pesel abo meldunek?",
        lang.code,
        "legal.pesel",
        0.41,
        "ambiguous",
        ranking=(("legal.pesel", 0.41), ("housing.registration", 0.38), ("out_of_scope", 0.1)),
    )
    dialogue = make_dialogue(fixture_guide, sqlite_sessions, vague)
    chat = Chat(dialogue)
    await chat.send_payload(f"1|lang|{lang.code}")

    await chat.say("pesel abo meldunek?")
    assert lang.did_you_mean in chat.text
    assert lang.answer not in chat.text, "an unsure answer is never shown"
    assert [label for label in chat.labels[:2]] == [
        fixture_guide.topics["legal.pesel"].title(lang.code),
        fixture_guide.topics["housing.registration"].title(lang.code),
    ]
    assert any(lang.advisor in label.lower() for label in chat.labels)

    await chat.press(fixture_guide.topics["legal.pesel"].title(lang.code))
    assert lang.answer in chat.text


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.code)
async def test_browse_menu_to_topic(
    lang: Lang, fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    chat = Chat(make_dialogue(fixture_guide, sqlite_sessions))
    await chat.send_payload(f"1|lang|{lang.code}")
    await chat.say("/menu")
    legal = fixture_guide.domain("legal")
    assert legal is not None
    await chat.press(legal.title(lang.code))
    assert chat.labels[0] == fixture_guide.topics["legal.pesel"].title(lang.code)
    await chat.press(fixture_guide.topics["legal.pesel"].title(lang.code))
    assert lang.answer in chat.text
    await chat.press("▸")
    assert {"uk": "українською", "ru": "по-русски", "en": "in English", "pl": "po polsku"}[
        lang.code
    ] in chat.text


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.code)
async def test_forget_erases_the_person_but_keeps_anonymous_counts(
    lang: Lang, fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    dialogue = make_dialogue(
        fixture_guide, sqlite_sessions, parse_of(lang.question, lang.code, "legal.pesel")
    )
    chat = Chat(dialogue, user=f"forget-{lang.code}")
    await chat.send_payload(f"1|lang|{lang.code}")
    await chat.say(lang.question)
    await chat.say("/forget")
    assert len(chat.labels) == 2
    await chat.press(chat.labels[1])  # "No, keep"
    async with sqlite_sessions() as session:
        assert await session.scalar(select(func.count()).select_from(User)) == 1

    await chat.say("/forget")
    await chat.press(chat.labels[0])  # "Yes, erase"
    assert chat.last is not None and chat.last.language == lang.code
    async with sqlite_sessions() as session:
        assert await session.scalar(select(func.count()).select_from(User)) == 0
        assert await session.scalar(select(func.count()).select_from(Message)) == 0
        questions = await session.scalar(
            select(func.count()).select_from(Event).where(Event.kind == "question")
        )
        assert questions == 1, "anonymous statistics survive erasure"


async def test_crisis_comes_first_and_reaches_an_advisor(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    text = "як подати на 800 плюс, чоловік мене б'є"
    dialogue = make_dialogue(
        fixture_guide, sqlite_sessions, parse_of(text, "uk", "legal.pesel", 0.8, crisis="violence")
    )
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|uk")
    outcome = await chat.say(text)
    assert "112" in chat.last.replies[0].text if chat.last else False
    assert "800 120 002" in chat.text
    assert outcome.handoff is not None and outcome.handoff.crisis == "violence"
    async with sqlite_sessions() as session:
        case = await session.scalar(select(HandoffCase))
        assert case is not None and case.crisis == "violence" and case.status == "waiting"


async def test_a_possible_crisis_gets_a_safety_note_and_still_its_answer(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Only the crisis model saw something, and not strongly: 112 and a way to a person come first, the
    question is answered, and nobody's conversation is taken over by an advisor's case."""
    text = "де зробити песель, сил вже немає з цими документами"
    dialogue = make_dialogue(
        fixture_guide,
        sqlite_sessions,
        parse_of(text, "uk", "legal.pesel", 0.9, crisis="violence", crisis_certain=False),
        parse_of("а для дитини?", "uk", "legal.pesel", 0.9),
    )
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|uk")
    outcome = await chat.say(text)
    note, answer = outcome.replies[0], outcome.replies[1]
    assert "112" in note.text and "консультант" in note.text
    assert any("консультант" in b.label for row in note.buttons for b in row)
    assert "Номер PESEL отримують" in answer.text
    assert outcome.handoff is None and outcome.answer_id == "legal.pesel"
    async with sqlite_sessions() as session:
        assert await session.scalar(select(func.count()).select_from(HandoffCase)) == 0
    await chat.say("а для дитини?")
    assert "Номер PESEL отримують" in chat.text, "the next question is answered by the guide, not relayed"


async def test_a_crisis_without_a_topic_intent_reports_the_crisis_topic(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    text = "ні, він знову мене вдарив"
    dialogue = make_dialogue(
        fixture_guide, sqlite_sessions, parse_of(text, "uk", "deny", 0.7, crisis="violence")
    )
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|uk")
    outcome = await chat.say(text)
    assert "112" in outcome.replies[0].text and outcome.handoff is not None
    assert outcome.intent == outcome.answer_id == "safety.domestic_violence"


async def test_out_of_scope_is_declined_politely(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    dialogue = make_dialogue(
        fixture_guide, sqlite_sessions, parse_of("яка погода в сопоті", "uk", "out_of_scope")
    )
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|uk")
    await chat.say("яка погода в сопоті")
    assert "Вибачте" in chat.text and "PESEL" not in chat.text
    assert any("консультант" in label for label in chat.labels)


async def test_local_topic_shows_the_users_district_contacts(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    dialogue = make_dialogue(
        fixture_guide,
        sqlite_sessions,
        parse_of("where to get pesel", "en", "legal.pesel"),
        parse_of("i live in gdynia, where to get pesel", "en", "legal.pesel", district="gdynia"),
    )
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|en")
    await chat.say("where to get pesel")
    assert "Tell me your town" in chat.text
    await chat.say("i live in gdynia, where to get pesel")
    assert "Urząd Miasta Gdyni" in chat.text and "Local contacts: Gdynia" in chat.text


async def test_answer_variant_follows_citizenship(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    dialogue = make_dialogue(
        fixture_guide,
        sqlite_sessions,
        parse_of("work permit?", "en", "work.permit"),
        parse_of("i am from ukraine, work permit?", "en", "work.permit", citizenship="ua"),
    )
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|en")
    await chat.say("work permit?")
    assert "Your employer applies" in chat.text
    await chat.say("i am from ukraine, work permit?")
    assert "Citizens of Ukraine work" in chat.text


async def test_escalating_topic_offers_an_advisor_with_the_answer(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    dialogue = make_dialogue(
        fixture_guide, sqlite_sessions, parse_of("deportation letter", "en", "legal.return_decision")
    )
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|en")
    outcome = await chat.say("deportation letter")
    assert "time to appeal is short" in chat.text
    assert chat.labels[0] == "💬 Talk to an advisor"
    assert outcome.extras["escalate"] is True


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("uk", "лише текстові"),
        ("ru", "только текстовые"),
        ("en", "only read text"),
        ("pl", "tylko wiadomości tekstowe"),
    ],
)
async def test_stickers_and_photos_get_a_friendly_reply_in_the_users_language(
    lang: str, expected: str, fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    chat = Chat(make_dialogue(fixture_guide, sqlite_sessions))
    await chat.send_payload(f"1|lang|{lang}")
    await chat.send_media()
    assert expected in chat.text


async def test_bad_input_is_answered_not_crashed(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    chat = Chat(make_dialogue(fixture_guide, sqlite_sessions))
    await chat.send_payload("1|lang|pl")
    await chat.say("x" * 10_000)
    assert "za długa" in chat.text
    await chat.say("/nosuchcommand")
    assert "Nie znam tego polecenia" in chat.text
    await chat.send_payload("0|t|legal.pesel")
    assert "nieaktualny" in chat.text
    await chat.send_payload("1|t|no.such_topic")
    assert "nieaktualny" in chat.text
    async with sqlite_sessions() as session:
        stored = await session.scalar(
            select(func.max(func.length(Message.text))).where(Message.direction == "in")
        )
        assert stored == 10_000, "an over-long message is kept, not lost"


async def test_advisor_command_opens_one_case_per_person(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    chat = Chat(make_dialogue(fixture_guide, sqlite_sessions))
    await chat.send_payload("1|lang|ru")
    first = await chat.say("/advisor")
    second = await chat.say("/advisor")
    assert first.handoff is not None and first.handoff.new
    assert second.handoff is not None and not second.handoff.new
    assert first.handoff.case_id == second.handoff.case_id
    assert f"№{first.handoff.case_id}" in chat.text


async def test_a_shared_location_shows_the_districts_contacts(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    chat = Chat(make_dialogue(fixture_guide, sqlite_sessions))
    await chat.send_payload("1|lang|ru")
    await chat.send_payload("1|town|gdynia")
    assert "Местные контакты: Гдыня" in chat.text and "Urząd Miasta Gdyni" in chat.text
    async with sqlite_sessions() as session:
        user = await session.scalar(select(User))
        assert user is not None and user.district == "gdynia"
    await chat.send_payload("1|town|atlantis")
    assert "устарела" in chat.text


async def test_a_user_who_ignores_the_language_buttons_is_answered_in_their_language(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    dialogue = make_dialogue(
        fixture_guide, sqlite_sessions, parse_of("де зробити песель", "uk", "legal.pesel")
    )
    chat = Chat(dialogue, client_language="en-US")
    await chat.say("/start")
    assert chat.labels[0] == "✓ English"
    outcome = await chat.say("де зробити песель")
    assert outcome.language == "uk"
    assert "Номер PESEL отримують" in chat.text and "/forget" in chat.text
    assert len([label for label in chat.labels if "English" in label]) == 0, "no second language picker"


class BrokenUnderstanding:
    async def parse(self, text: str, hint: object = None) -> object:
        raise RuntimeError("model file is corrupt")


async def test_a_failure_while_answering_apologises_and_keeps_the_message(
    fixture_guide: Guide, sqlite_sessions: async_sessionmaker[AsyncSession], caplog: pytest.LogCaptureFixture
) -> None:
    dialogue = Dialogue(fixture_guide, BrokenUnderstanding(), sqlite_sessions)  # type: ignore[arg-type]
    chat = Chat(dialogue)
    await chat.send_payload("1|lang|pl")
    await chat.say("gdzie zrobić pesel")
    assert "coś poszło nie tak" in chat.text
    assert any("doradc" in label for label in chat.labels)
    async with sqlite_sessions() as session:
        kept = await session.scalar(select(Message).where(Message.text == "gdzie zrobić pesel"))
        assert kept is not None
    assert "gdzie zrobić pesel" not in caplog.text, "message texts never go to the log"
