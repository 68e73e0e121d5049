"""The reply-language rule: which language the bot answers a message in.

The user's chosen language wins, except when the message is clearly written in another of our languages:
at least `MIN_WORDS` words that are not Polish office terms, and language id at least `MIN_CONFIDENCE` sure.
So "PESEL?" or "karta pobytu" from a user who chose Ukrainian is answered in Ukrainian (people keep office
words in Polish), "ok" or "дякую" never flips the language, but a full question in Russian — Cyrillic or
transliterated ("kak poluchit pesel dlya rebenka") — is answered in Russian. With no chosen language, the
reply follows the language the message is written in.
"""

from __future__ import annotations

from nlu.language import content_words
from nlu.types import LANGUAGES, Parse

MIN_WORDS = 3
MIN_CONFIDENCE = 0.9


def reply_language(parse: Parse, chosen: str | None) -> str:
    """The language to answer `parse` in, given the user's chosen language (None if never chosen)."""
    if chosen not in LANGUAGES:
        return parse.language
    if parse.language == chosen:
        return chosen
    clearly_other = (
        len(content_words(parse.text)) >= MIN_WORDS and parse.language_confidence >= MIN_CONFIDENCE
    )
    return parse.language if clearly_other else chosen
