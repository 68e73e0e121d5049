"""Turning updates into the core's messages, the district of a shared location, menus, settings."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot, Update

from bot.channels.telegram import TelegramDoor, api_urls
from bot.channels.telegram.commands import all_menus
from bot.channels.telegram.convert import BotIdentity, to_inbound
from bot.channels.telegram.places import TOWNS, nearest_district
from bot.config import ConfigError, TelegramSettings, load_settings
from bot.core.dialogue import Dialogue
from content.guide import load_directory

ROOT = Path(__file__).resolve().parents[2]
BOT = BotIdentity(123456, "firststeps_test_bot")
PERSON = {"id": 7, "is_bot": False, "first_name": "Olena", "language_code": "uk"}
PRIVATE = {"id": 7, "type": "private", "first_name": "Olena"}
GROUP = {"id": -5, "type": "supergroup", "title": "Newcomers"}


def update(**content: Any) -> Update:
    bot = Bot("123456:TEST")
    return Update.de_json({"update_id": 1, **content}, bot)


def message(chat: dict[str, Any] = PRIVATE, **content: Any) -> dict[str, Any]:
    return {"message_id": 3, "date": 0, "chat": chat, "from": PERSON, **content}


def test_text_and_captions_reach_the_core_with_the_apps_language() -> None:
    inbound = to_inbound(update(message=message(text="де зробити песель")), BOT)
    assert inbound is not None and inbound.chat_id == 7
    assert inbound.incoming.text == "де зробити песель" and inbound.incoming.client_language == "uk"
    photo = [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]
    captioned = to_inbound(update(message=message(photo=photo, caption="is this my PESEL?")), BOT)
    assert captioned is not None and captioned.incoming.text == "is this my PESEL?"
    bare = to_inbound(update(message=message(photo=photo)), BOT)
    assert bare is not None and bare.incoming.text is None and bare.incoming.payload is None


def test_a_button_press_carries_its_payload_even_from_an_old_message() -> None:
    query = {"id": "q1", "from": PERSON, "chat_instance": "c", "data": "1|t|legal.pesel"}
    inbound = to_inbound(update(callback_query=query), BOT)
    assert inbound is not None and inbound.chat_id == 7 and inbound.callback_id == "q1"
    assert inbound.incoming.payload == "1|t|legal.pesel" and inbound.incoming.text is None


def test_updates_that_are_not_messages_to_the_bot_are_left_alone() -> None:
    assert to_inbound(update(edited_message=message(text="x", edit_date=1)), BOT) is None
    assert to_inbound(update(channel_post=message({"id": -9, "type": "channel"}, text="x")), BOT) is None
    assert to_inbound(update(message=message(GROUP, text="hello all")), BOT) is None
    assert to_inbound(update(message=message(new_chat_members=[PERSON])), BOT) is None
    assert to_inbound(update(message=message(GROUP, text="/help@another_bot")), BOT) is None


def test_a_group_message_addressing_the_bot_is_read_without_the_mention() -> None:
    mention = [{"type": "mention", "offset": 0, "length": 20}]
    inbound = to_inbound(
        update(message=message(GROUP, text="@firststeps_test_bot где песель", entities=mention)), BOT
    )
    assert inbound is not None and inbound.chat_id == -5 and inbound.incoming.text == "где песель"
    replied = message(
        GROUP,
        text="thanks",
        reply_to_message=message(
            GROUP, text="…", **{"from": {"id": BOT.id, "is_bot": True, "first_name": "Bot"}}
        ),
    )
    assert to_inbound(update(message=replied), BOT) is not None
    assert to_inbound(update(message=message(GROUP, text="/menu@FirstSteps_Test_Bot")), BOT) is not None


@pytest.mark.parametrize(
    ("place", "point", "district"),
    [
        ("Gdańsk, Długi Targ", (54.3485, 18.6530), "gdansk"),
        ("Gdynia, Skwer Kościuszki", (54.5180, 18.5480), "gdynia"),
        ("Sopot, pier", (54.4470, 18.5700), "sopot"),
        ("Słupsk, centre", (54.4641, 17.0287), "slupsk"),
        ("Ustka", (54.5805, 16.8619), "slupski"),
        ("Malbork castle", (54.0396, 19.0280), "malborski"),
        ("Hel", (54.6080, 18.8010), "pucki"),
        ("Chojnice", (53.6966, 17.5560), "chojnicki"),
        ("Warsaw", (52.2297, 21.0122), None),
        ("Berlin", (52.5200, 13.4050), None),
    ],
)
def test_a_location_finds_its_district(place: str, point: tuple[float, float], district: str | None) -> None:
    assert nearest_district(*point) == district, place


def test_every_district_of_the_directory_can_be_found() -> None:
    directory = load_directory(ROOT / "content" / "directory")
    assert {district.id for district in directory.districts} == set(TOWNS)


def test_a_location_becomes_the_district_payload() -> None:
    inbound = to_inbound(update(message=message(location={"latitude": 54.52, "longitude": 18.53})), BOT)
    assert inbound is not None and inbound.incoming.payload == "1|town|gdynia"


def test_command_menus_follow_telegrams_rules_and_are_translated() -> None:
    menus = all_menus()
    english = [command.description for command in menus["en"]]
    for language, commands in menus.items():
        assert [command.command for command in commands] == ["menu", "language", "advisor", "forget"]
        assert all(1 <= len(command.description) <= 256 for command in commands)
        assert all(not command.description.startswith("/") for command in commands)
        if language != "en":
            assert all(c.description not in english for c in commands), f"{language} is translated"


def test_the_bot_api_address_may_be_given_with_or_without_bot() -> None:
    assert api_urls(None) == ("https://api.telegram.org/bot", "https://api.telegram.org/file/bot")
    assert api_urls("http://127.0.0.1:8081/") == (
        "http://127.0.0.1:8081/bot",
        "http://127.0.0.1:8081/file/bot",
    )
    assert api_urls("http://127.0.0.1:9000/bot")[0] == "http://127.0.0.1:9000/bot"


def test_the_shipped_config_documents_valid_telegram_settings() -> None:
    settings = load_settings(ROOT / "config.yml", env={"TELEGRAM_API_URL": "http://127.0.0.1:8081"})
    telegram = settings.telegram
    assert telegram.mode == "polling" and telegram.api_url == "http://127.0.0.1:8081"
    assert telegram.messages_per_second == 30 and telegram.chat_messages_per_second == 1
    text = (ROOT / "config.yml").read_text(encoding="utf-8")
    section = re.search(r"\ntelegram:\n((?:[ #].*\n|\n)*)", text)
    assert section is not None
    for key in TelegramSettings.model_fields:
        if key not in ("token", "api_url"):
            assert f"\n  {key}:" in section.group(1), f"config.yml documents telegram.{key}"


def test_webhook_mode_needs_the_public_url(
    dialogue: Dialogue, sqlite_sessions: async_sessionmaker[AsyncSession]
) -> None:
    settings = TelegramSettings(token=SecretStr("1:x"), mode="webhook")
    with pytest.raises(ConfigError, match="webhook_url"):
        TelegramDoor(settings, dialogue, sqlite_sessions)
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN"):
        TelegramDoor(TelegramSettings(), dialogue, sqlite_sessions)
