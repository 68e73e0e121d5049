"""The core's replies as Telegram messages: HTML text within Telegram's length limit, inline keyboards.

The core writes replies in the small markup of `content.markup`; its Telegram renderer escapes every
character that is not our own <b>/<a> markup, so nothing a user or editor typed can become markup here. What
this module adds is Telegram's shape: a reply longer than 4,096 characters becomes several messages, split
at paragraph boundaries (then lines, then words, and only as a last resort inside a word) with open tags
closed and reopened across the split; the buttons go under the last part; and link previews are off unless
the core asks for one (source lists would otherwise show a preview of the first source).

A message is kept as JSON-ready parameters (`text`, `keyboard`, `preview`) because it is written to the
outbox before it is sent.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from bot.core.types import Button, Outcome, Reply
from content.markup import to_telegram_html

MAX_TEXT = 4096
_TOKEN = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|[\s\S]", re.ASCII)
_TAG = re.compile(r"<[^>]*>")
# Where to cut, best first: between paragraphs, between lines, between words.
_SEPARATORS = ("\n\n", "\n", " ")


def utf16_length(text: str) -> int:
    """Telegram measures text in UTF-16 code units (an emoji counts twice)."""
    return len(text.encode("utf-16-le")) // 2


def visible_length(text: str) -> int:
    """The length Telegram checks: the text after tags are removed and entities decoded."""
    return utf16_length(html.unescape(_TAG.sub("", text)))


@dataclass(frozen=True)
class _Token:
    raw: str
    width: int
    tag: str | None = None
    closing: bool = False

    @property
    def char(self) -> str:
        return "" if self.tag else html.unescape(self.raw)


def _tokenize(text: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        if match.group(2):
            tokens.append(_Token(match.group(0), 0, match.group(2).lower(), bool(match.group(1))))
        else:
            tokens.append(_Token(match.group(0), utf16_length(html.unescape(match.group(0)))))
    return tokens


def split_html(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Telegram HTML in parts of at most `limit` visible characters, each with balanced tags.

    Parts never start or end with the whitespace they were split at, and empty parts are dropped.
    """
    if visible_length(text) <= limit:
        return [text] if text.strip() else []
    tokens = _tokenize(text)
    parts: list[str] = []
    carried: list[_Token] = []
    start = 0
    while start < len(tokens):
        end, width = start, 0
        while end < len(tokens) and width + tokens[end].width <= limit:
            width += tokens[end].width
            end += 1
        cut, resume = (end, end) if end == len(tokens) else _best_cut(tokens, start, end)
        part, carried = _assemble(carried, tokens[start:cut])
        if html.unescape(_TAG.sub("", part)).strip():
            parts.append(part)
        start = resume
        while start < len(tokens) and tokens[start].char.isspace():
            start += 1
    return parts


def _best_cut(tokens: list[_Token], start: int, end: int) -> tuple[int, int]:
    """Where to end this part (exclusive) and where the next starts (its leading whitespace is skipped)."""
    chars = [token.char for token in tokens[start:end]]
    window = "".join(chars)
    for separator in _SEPARATORS:
        at = window.rfind(separator)
        if at > 0:
            # Map the character offset back to a token index (tags have no characters).
            index, seen = start, 0
            while seen < at or tokens[index].tag:
                seen += len(tokens[index].char)
                index += 1
            return index, index
    cut = end
    while cut > start + 1 and tokens[cut - 1].tag and not tokens[cut - 1].closing:
        cut -= 1  # do not end a part with a tag that opens
    return cut, cut


def _assemble(carried: list[_Token], body: list[_Token]) -> tuple[str, list[_Token]]:
    """One part: tags still open from the previous part reopened, tags open at its end closed."""
    stack = list(carried)
    for token in body:
        if token.tag and token.closing:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth].tag == token.tag:
                    del stack[depth]
                    break
        elif token.tag:
            stack.append(token)
    closing = "".join(f"</{token.tag}>" for token in reversed(stack))
    text = "".join(token.raw for token in carried) + "".join(token.raw for token in body) + closing
    return text, stack


def keyboard(rows: tuple[tuple[Button, ...], ...]) -> list[list[dict[str, str]]]:
    """Inline keyboard rows: a button sends its payload back as callback_data, or opens its URL."""
    out = []
    for row in rows:
        buttons = []
        for button in row:
            if button.url:
                buttons.append({"text": button.label, "url": button.url})
            elif button.payload:
                buttons.append({"text": button.label, "callback_data": button.payload})
        if buttons:
            out.append(buttons)
    return out


def render_reply(reply: Reply, limit: int = MAX_TEXT) -> list[dict[str, Any]]:
    """One reply as one or more messages; the buttons go with the last one."""
    parts = split_html(to_telegram_html(reply.text), limit)
    rows = keyboard(reply.buttons)
    messages: list[dict[str, Any]] = [{"text": part, "preview": reply.link_preview} for part in parts]
    if messages and rows:
        messages[-1]["keyboard"] = rows
    return messages


def render(outcome: Outcome, limit: int = MAX_TEXT) -> list[dict[str, Any]]:
    """Every reply of an outcome, in order, as outbox-ready message parameters."""
    return [message for reply in outcome.replies for message in render_reply(reply, limit)]


MAX_CAPTION = 1024


def relay_messages(
    text: str | None, media: str | None = None, file_id: str | None = None, thread: int | None = None
) -> list[dict[str, Any]]:
    """A relayed message (markup text, maybe a file) as outbox parameters, into a forum topic if `thread`.

    A file carries its text as the caption when it fits Telegram's 1,024 characters (a sticker has none);
    otherwise the text follows as messages of its own.
    """
    html_text = to_telegram_html(text) if text else ""
    messages: list[dict[str, Any]] = []
    if media and file_id:
        fits = media != "sticker" and visible_length(html_text) <= MAX_CAPTION
        messages.append({"media": media, "file_id": file_id, "caption": html_text if fits else None})
        if fits:
            html_text = ""
    messages.extend({"text": part, "preview": False} for part in split_html(html_text))
    if thread is not None:
        for message in messages:
            message["thread"] = thread
    return messages
