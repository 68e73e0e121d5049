"""`firststeps chat`: the same conversation in a terminal; type a button's number to press it."""

from __future__ import annotations

import asyncio
import getpass
import os

from bot.config import Settings
from bot.core.types import Button, Incoming, Outcome
from bot.service import open_service
from content.markup import to_plain

CHANNEL = "terminal"


def render(outcome: Outcome) -> tuple[str, list[Button]]:
    """Replies as plain text, with every button numbered across the whole outcome."""
    lines: list[str] = []
    buttons: list[Button] = []
    for reply in outcome.replies:
        lines.append(to_plain(reply.text))
        for row in reply.buttons:
            labels = []
            for button in row:
                buttons.append(button)
                labels.append(f"[{len(buttons)}] {button.label}")
            lines.append("   ".join(labels))
        lines.append("")
    return "\n".join(lines), buttons


def to_incoming(line: str, buttons: list[Button], user_ref: str) -> Incoming:
    """A typed number presses the matching button; anything else is a message."""
    choice = line.strip()
    if choice.isdigit() and 1 <= int(choice) <= len(buttons) and buttons[int(choice) - 1].payload:
        return Incoming(CHANNEL, user_ref, payload=buttons[int(choice) - 1].payload)
    return Incoming(CHANNEL, user_ref, text=line, client_language=os.environ.get("LANG", "")[:2] or None)


async def chat(settings: Settings) -> None:
    """Talk until end of input (Ctrl-D) or Ctrl-C."""
    service = await open_service(settings)
    user_ref = f"{getpass.getuser()}@{os.uname().nodename}"
    print("Pierwsze Kroki: type a message, a button number, or Ctrl-D to leave.\n")
    buttons: list[Button] = []
    try:
        while True:
            try:
                line = await asyncio.to_thread(input, "> ")
            except EOFError:
                break
            outcome = await service.dialogue.handle(to_incoming(line, buttons, user_ref))
            text, buttons = render(outcome)
            print(text)
    finally:
        await service.close()
