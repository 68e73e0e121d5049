"""A Telegram update as the core's `Incoming`, or nothing when the update is not a message to answer.

Only translation happens here. Text (or a media caption) is passed as text; a button's callback data as the
payload; any other content (stickers, photos, voice, documents, contacts…) as a message without text, which
the core answers in the user's language; a shared location as the `town` payload of the nearest district.
Edits, channel posts, service messages, group chatter that does not address the bot, and anything another
bot sends are not messages to the bot and get no reply. A photo, document, video, voice message, audio file
or sticker also carries its file id (`Incoming.attachment`): while a case is open it goes to the advisor.
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram import Chat, Message, MessageEntity, Update

from bot.channels.telegram.places import nearest_district
from bot.core import payloads
from bot.core.types import Attachment, Incoming

CHANNEL = "telegram"


@dataclass(frozen=True)
class Inbound:
    """What the core is asked, and where the answer goes."""

    chat_id: int
    incoming: Incoming
    callback_id: str | None = None


@dataclass(frozen=True)
class BotIdentity:
    """Who "the bot" is, to tell whether a group message addresses it."""

    id: int
    username: str


def to_inbound(update: Update, bot: BotIdentity) -> Inbound | None:
    """The message for the core, or None for updates that are not messages to the bot."""
    if update.callback_query is not None:
        query = update.callback_query
        if query.from_user.is_bot:
            return None
        chat_id = query.message.chat.id if query.message is not None else query.from_user.id
        incoming = Incoming(
            CHANNEL,
            str(chat_id),
            payload=query.data or "",
            client_language=query.from_user.language_code,
        )
        return Inbound(chat_id, incoming, callback_id=query.id)
    message = update.message
    if message is None or message.chat.type == Chat.CHANNEL:
        return None
    if message.from_user is not None and message.from_user.is_bot:
        return None  # other bots (and our own echoes) are never answered and open nothing
    if message.chat.type != Chat.PRIVATE and not _addresses(message, bot):
        return None
    return _from_message(message, bot)


def _from_message(message: Message, bot: BotIdentity) -> Inbound | None:
    language = message.from_user.language_code if message.from_user else None
    chat_id = message.chat.id

    def incoming(text: str | None = None, payload: str | None = None) -> Inbound:
        attachment = attachment_of(message)
        return Inbound(chat_id, Incoming(CHANNEL, str(chat_id), text, payload, language, attachment))

    if message.text is not None:
        return incoming(text=_without_mention(message.text, bot))
    if message.location is not None:
        district = nearest_district(message.location.latitude, message.location.longitude)
        return incoming(payload=payloads.encode("town", district)) if district else incoming()
    if message.caption:
        return incoming(text=_without_mention(message.caption, bot))
    if message.effective_attachment is not None:
        return incoming()
    return None  # a service message: someone joined, a pin, a changed title…


def attachment_of(message: Message) -> Attachment | None:
    """The file a message carries, if it is one an advisor can be sent (the largest size of a photo)."""
    if message.photo:
        return Attachment("photo", message.photo[-1].file_id)
    for kind in ("document", "video", "voice", "audio", "sticker"):
        media = getattr(message, kind)
        if media is not None:
            return Attachment(kind, media.file_id)
    return None


def _addresses(message: Message, bot: BotIdentity) -> bool:
    """A group message is for the bot if it is a command, mentions the bot, or replies to the bot."""
    text = message.text or message.caption or ""
    if text.startswith("/"):
        command = text.split(maxsplit=1)[0]
        return "@" not in command or command.split("@", 1)[1].lower() == bot.username.lower()
    mention = f"@{bot.username}".lower()
    entities = message.parse_entities([MessageEntity.MENTION]) or message.parse_caption_entities(
        [MessageEntity.MENTION]
    )
    if any(value.lower() == mention for value in entities.values()):
        return True
    replied = message.reply_to_message
    return replied is not None and replied.from_user is not None and replied.from_user.id == bot.id


def _without_mention(text: str, bot: BotIdentity) -> str:
    """Drop "@bot" from a group message so the core reads only what was asked."""
    mention = f"@{bot.username}"
    if mention.lower() not in text.lower() or text.startswith("/"):
        return text
    at = text.lower().index(mention.lower())
    return (text[:at] + text[at + len(mention) :]).strip() or text
