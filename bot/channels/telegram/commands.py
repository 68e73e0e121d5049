"""The command menu Telegram shows next to the input field, in each of the four languages.

The descriptions are the core's own help lines ("/menu: browse topics"), translated by the core's catalogs,
so the menu says what /help says. Telegram picks the menu by the language of the user's Telegram app;
someone who chose another language in the bot gets a menu for their chat only (see `chat_menu`).
"""

from __future__ import annotations

import re

from telegram import BotCommand

from bot.i18n import translator
from content.model import LANGUAGES

# The help lines of bot/core/dialogue.py, in menu order: command -> the catalog's message id.
HELP_LINES = {
    "menu": "/menu: browse topics",
    "language": "/language: change the language",
    "advisor": "/advisor: talk to a CWII advisor",
    "forget": "/forget: erase your data",
}


# "/menu: browse topics", "/menu — перелік тем": the command, a separator, the description.
_HELP_LINE = re.compile(r"^/\w+\s*[:—–-]?\s*(.+)$", re.DOTALL)


def command_menu(language: str) -> list[BotCommand]:
    """The menu's commands with descriptions in `language`."""
    t = translator(language)
    commands = []
    for command, message_id in HELP_LINES.items():
        line = t._(message_id)
        match = _HELP_LINE.match(line)
        description = match.group(1) if match else line
        commands.append(BotCommand(command, description.strip()[:256]))
    return commands


def all_menus() -> dict[str, list[BotCommand]]:
    """One menu per language of the guide."""
    return {language: command_menu(language) for language in LANGUAGES}
