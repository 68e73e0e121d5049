"""The `ask` door: questions answered as a new user each, for scripts and evaluation.

One process and one in-memory database serve the whole batch, so thousands of lines run in seconds; each
line is a fresh user with no state carried over and no language-choice step.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from bot.config import Settings
from bot.core.types import Incoming, Outcome
from bot.service import Service, open_service
from content.markup import to_plain

CHANNEL = "ask"


def result(text: str, outcome: Outcome) -> dict[str, Any]:
    """The JSON record of one answer (the evaluation interface: keep the keys stable)."""
    return {
        "text": text,
        "language": outcome.extras.get("text_language", outcome.language),
        "reply_language": outcome.language,
        "intent": outcome.intent,
        "confidence": None if outcome.confidence is None else round(outcome.confidence, 4),
        "escalate": bool(outcome.extras.get("escalate")),
        "answer_id": outcome.answer_id,
        "answer": "\n\n".join(to_plain(reply.text) for reply in outcome.replies),
    }


async def _answer(service: Service, index: int, text: str, language: str | None) -> dict[str, Any]:
    incoming = Incoming(channel=CHANNEL, user_ref=f"ask-{index}", text=text, client_language=language)
    outcome = await service.dialogue.handle(incoming, onboarding=False, language=language)
    return result(text, outcome)


def _request(line: str) -> tuple[str, str | None]:
    data = json.loads(line)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise ValueError('expected an object with a "text" string')
    lang = data.get("lang")
    return data["text"], lang if lang in ("uk", "ru", "en", "pl") else None


async def ask_jsonl(settings: Settings, source: TextIO, out: TextIO) -> int:
    """`firststeps ask --jsonl`: one JSON line out per JSON line in, in order."""
    service = await open_service(settings, ephemeral=True)
    try:
        for index, line in enumerate(source):
            if not line.strip():
                continue
            try:
                text, lang = _request(line)
                record = await _answer(service, index, text, lang)
            except ValueError as exc:
                record = {"error": f"line {index + 1}: {exc}"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
    finally:
        await service.close()
    return 0


async def ask_one(settings: Settings, text: str, lang: str | None, *, as_json: bool, out: TextIO) -> int:
    """`firststeps ask TEXT`: the answer as the user would read it, or the JSON record."""
    service = await open_service(settings, ephemeral=True)
    try:
        record = await _answer(service, 0, text, lang)
    finally:
        await service.close()
    out.write((json.dumps(record, ensure_ascii=False, indent=2) if as_json else record["answer"]) + "\n")
    return 0
