"""The live preview: an answer as the bot would send it in Telegram, built from what the editor typed.

The preview goes through the same composer as the bot (`bot.core.compose.topic_answer`: text, local-contact
prompt, sources, date checked, buttons) and the same Telegram renderer, so what the editor sees is what a
user gets. A draft that does not validate yet (a new topic without sources, say) is previewed as its text
alone, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core import compose
from bot.editor.documents import Body
from bot.i18n import translator
from content.check import MAX_TEXT
from content.guide import ContentError, Guide, parse_topic
from content.markup import to_telegram_html, validate, visible_length


@dataclass(frozen=True)
class Preview:
    """What the preview pane shows.

    Attributes:
        html: Telegram HTML (only <b> and <a>, every other character escaped), safe to insert as HTML.
        buttons: the button labels, row by row.
        length: characters of the answer text as shown, against `limit`.
        problems: markup problems in the text, and why the full reply could not be built.
    """

    html: str
    buttons: tuple[tuple[str, ...], ...]
    length: int
    limit: int
    problems: tuple[str, ...]


def render(guide: Guide, body: Body, language: str) -> Preview:
    """The reply a user writing in `language` would get for this version of the topic."""
    answer = (body.get("answers") or {}).get(language) or {}
    text = str(answer.get("text") or "")
    problems = list(validate(text)) + [f"more: {p}" for p in validate(str(answer.get("more") or ""))]
    try:
        topic = parse_topic(body, body.get("id", "topic"))
    except ContentError as exc:
        problems.append(str(exc))
        return Preview(to_telegram_html(text), (), visible_length(text), MAX_TEXT, tuple(problems))
    reply = compose.topic_answer(guide, topic, translator(language), district=None, citizenship=None)
    buttons = tuple(tuple(button.label for button in row) for row in reply.buttons)
    return Preview(to_telegram_html(reply.text), buttons, visible_length(text), MAX_TEXT, tuple(problems))
