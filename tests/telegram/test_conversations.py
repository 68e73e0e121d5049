"""Whole conversations through real PTB and the Bot API emulator, in each of the four languages.

Every message the bot sends is checked by the emulator as Telegram would (HTML entities, length, keyboards),
so a reply Telegram would refuse fails here. The assertions are about what the user sees.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.storage.models import HandoffCase, User
from content.guide import Guide
from tests.support.understanding import parse_of
from tests.telegram.conftest import DoorFactory, PacedUnderstanding
from tests.telegram.emulator import BotApiEmulator


@dataclass(frozen=True)
class Lang:
    code: str
    button: str
    question: str
    answer: str
    sources: str
    only_text: str
    erased: str


STICKER = {
    "file_id": "s1",
    "file_unique_id": "u1",
    "type": "regular",
    "width": 1,
    "height": 1,
    "is_animated": False,
    "is_video": False,
}

LANGS = [
    Lang(
        "uk",
        "Українська",
        "де зробити песель",
        "Номер PESEL отримують",
        "Джерела:",
        "лише текстові",
        "видалено",
    ),
    Lang(
        "ru",
        "Русский",
        "где сделать песель",
        "Номер PESEL получают",
        "Источники:",
        "только текстовые",
        "удалены",
    ),
    Lang(
        "en",
        "English",
        "where do i get pesel",
        "You get a PESEL number",
        "Sources:",
        "only read text",
        "erased",
    ),
    Lang(
        "pl",
        "Polski",
        "gdzie zrobic pesel",
        "Numer PESEL otrzymasz",
        "Źródła:",
        "tylko wiadomości tekstowe",
        "usunięte",
    ),
]


@pytest.mark.parametrize("lang", LANGS, ids=lambda lang: lang.code)
async def test_a_whole_conversation(
    lang: Lang,
    emulator: BotApiEmulator,
    door_factory: DoorFactory,
    understanding: PacedUnderstanding,
    sqlite_sessions: async_sessionmaker[AsyncSession],
) -> None:
    understanding.script[lang.question] = parse_of(lang.question, lang.code, "legal.pesel")
    async with door_factory():
        user = emulator.user(1000 + LANGS.index(lang), lang.code)
        chat = user.id

        user.says("/start")
        [picker] = await emulator.replies(chat)
        assert picker.labels()[0] == f"✓ {lang.button}", "the Telegram app's language is suggested first"

        user.press(lang.button)
        privacy, welcome, menu = await emulator.replies(chat, 3)
        assert "/forget" in privacy.text and not welcome.buttons and menu.buttons

        user.says(lang.question)
        [answer] = await emulator.replies(chat)
        assert lang.answer in answer.text and lang.sources in answer.text
        assert '<a href="https://www.gov.pl/' in answer.html, "sources are links"
        assert answer.preview_disabled, "no link preview under a source list"
        assert any("👍" in label for label in answer.labels())

        user.press("👍")
        await emulator.replies(chat)

        user.sends(sticker=STICKER)
        assert lang.only_text in (await emulator.replies(chat))[-1].text

        user.says("/advisor")
        assert "CWII" in (await emulator.replies(chat))[-1].text, "handed to an advisor"

        user.says("/forget")
        [question] = await emulator.replies(chat)
        user.press(question.labels()[0])
        assert lang.erased in (await emulator.replies(chat))[-1].text

        await emulator.settle(0.1)
        answered = emulator.calls_of("answerCallbackQuery")
        assert len(answered) == 3 and all(call.status == 200 for call in answered), (
            "every button stops spinning"
        )
        assert all(call.status == 200 for call in emulator.calls_of("sendMessage"))
    async with sqlite_sessions() as session:
        assert await session.scalar(select(User).where(User.external_id == str(chat))) is None, "erased"
        assert await session.scalar(select(HandoffCase)) is not None


async def test_non_text_messages_get_a_friendly_answer_or_none(
    emulator: BotApiEmulator, door_factory: DoorFactory
) -> None:
    async with door_factory():
        user = emulator.user(2001, "pl")
        user.presses("1|lang|pl")
        await emulator.replies(user.id, 3)
        contents = [
            {"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]},
            {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 1}},
            {"document": {"file_id": "d", "file_unique_id": "d"}},
            {"contact": {"phone_number": "+48123", "first_name": "Anna"}},
            {"sticker": STICKER},
        ]
        for content in contents:
            user.sends(**content)  # type: ignore[arg-type]
            [reply] = await emulator.replies(user.id)
            assert "tylko wiadomości tekstowe" in reply.text, content
        user.edits(1, "an edited message")
        emulator.push(
            {
                "channel_post": {
                    "message_id": 1,
                    "date": 0,
                    "chat": {"id": -100, "type": "channel"},
                    "text": "a post",
                }
            }
        )
        emulator.push(
            {
                "message": {
                    "message_id": 9,
                    "date": 0,
                    "chat": {"id": -200, "type": "group", "title": "G"},
                    "from": user.sender,
                    "text": "hello everyone",
                }
            }
        )
        await emulator.settle(0.2)
        assert len(emulator.messages(user.id)) == 3 + len(contents), "no reply to edits or others' chatter"
        assert not emulator.messages(-100) and not emulator.messages(-200)


async def test_a_group_message_that_addresses_the_bot_is_answered(
    emulator: BotApiEmulator, door_factory: DoorFactory
) -> None:
    async with door_factory():
        user = emulator.user(2101, "en")
        emulator.known_chats.add(-300)
        group = {"id": -300, "type": "supergroup", "title": "Newcomers"}
        text = f"@{emulator.username} /help"
        emulator.push(
            {
                "message": {
                    "message_id": 5,
                    "date": 0,
                    "chat": group,
                    "from": user.sender,
                    "text": "/help@" + emulator.username,
                }
            }
        )
        emulator.push(
            {
                "message": {
                    "message_id": 6,
                    "date": 0,
                    "chat": group,
                    "from": user.sender,
                    "text": text,
                    "entities": [{"type": "mention", "offset": 0, "length": len(emulator.username) + 1}],
                }
            }
        )
        sent = await emulator.wait_for(-300, 2)
        assert "/menu" in sent[0].text


async def test_a_shared_location_gives_the_districts_contacts(
    emulator: BotApiEmulator, door_factory: DoorFactory, fixture_guide: Guide
) -> None:
    async with door_factory():
        user = emulator.user(2201, "uk")
        user.presses("1|lang|uk")
        await emulator.replies(user.id, 3)
        user.shares_location(54.5189, 18.5305)  # Gdynia
        [reply] = await emulator.replies(user.id)
        assert "📍 Місцеві контакти: Гдиня" in reply.text and reply.buttons
        user.shares_location(52.2297, 21.0122)  # Warsaw: outside the region
        assert "лише текстові" in (await emulator.replies(user.id))[-1].text


async def test_a_button_from_an_old_version_is_answered_gracefully(
    emulator: BotApiEmulator, door_factory: DoorFactory
) -> None:
    async with door_factory():
        user = emulator.user(2301, "en")
        user.presses("1|lang|en")
        await emulator.replies(user.id, 3)
        user.presses("0|topic|legal.pesel", message_id=77)
        note, menu = await emulator.replies(user.id, 2)
        assert "out of date" in note.text and menu.buttons, "an explanation and the current menu"
        await emulator.settle(0.1)
        assert [call.status for call in emulator.calls_of("answerCallbackQuery")] == [200, 200]


async def test_command_menus_are_set_in_every_language(
    emulator: BotApiEmulator, door_factory: DoorFactory
) -> None:
    async with door_factory():
        await emulator.settle(0.1)
    menus = {
        language: commands for (scope, language), commands in emulator.commands.items() if scope == "default"
    }
    assert set(menus) == {"", "uk", "ru", "en", "pl"}
    assert [c["command"] for c in menus["uk"]] == ["menu", "language", "advisor", "forget"]
    assert menus["uk"][0]["description"] == "перелік тем" and menus["pl"][0]["description"] == "lista tematów"
    assert menus[""] == menus["uk"], "the default language's menu for everyone else"


async def test_a_chat_gets_the_menu_of_the_language_chosen_in_the_bot(
    emulator: BotApiEmulator, door_factory: DoorFactory
) -> None:
    async with door_factory():
        user = emulator.user(2401, "pl")  # a Polish Telegram app
        user.presses("1|lang|uk")
        await emulator.replies(user.id, 3)
        await emulator.settle(0.1)
    assert emulator.commands[("chat:2401", "")][0]["description"] == "перелік тем"


async def test_typing_shows_while_the_core_is_slow_and_never_after_the_reply(
    emulator: BotApiEmulator, door_factory: DoorFactory, understanding: PacedUnderstanding
) -> None:
    # Wide margins: a busy machine can take a tenth of a second over an ordinary button press.
    understanding.delays["something slow"] = 0.8
    async with door_factory(typing_delay=0.3):
        user = emulator.user(2501, "en")
        user.presses("1|lang|en")
        await emulator.replies(user.id, 3)
        user.says("something slow")
        await emulator.replies(user.id)
        await emulator.settle(0.1)
    methods = [call.method for call in emulator.calls if call.params.get("chat_id") == user.id]
    assert methods.count("sendChatAction") == 1, "typing only for the slow answer"
    assert methods.index("sendChatAction") < len(methods) - 1 and methods[-1] == "sendMessage"
