"""Conversations as tests: say something, press a button by its label, read what the bot answered."""

from __future__ import annotations

from bot.core.dialogue import Dialogue
from bot.core.types import Button, Incoming, Outcome
from content.markup import to_plain


class Chat:
    """One user talking to the core through a test channel."""

    def __init__(self, dialogue: Dialogue, user: str = "user-1", client_language: str | None = None) -> None:
        self.dialogue = dialogue
        self.user = user
        self.client_language = client_language
        self.last: Outcome | None = None

    async def say(self, text: str) -> Outcome:
        return await self._send(Incoming("test", self.user, text=text, client_language=self.client_language))

    async def send_payload(self, payload: str) -> Outcome:
        return await self._send(Incoming("test", self.user, payload=payload))

    async def send_media(self) -> Outcome:
        return await self._send(Incoming("test", self.user))

    async def press(self, label_part: str) -> Outcome:
        """Press the button of the last answer whose label contains `label_part`."""
        return await self.send_payload(self.button(label_part).payload or "")

    def button(self, label_part: str) -> Button:
        assert self.last is not None, "nothing was said yet"
        for reply in self.last.replies:
            for row in reply.buttons:
                for button in row:
                    if label_part in button.label:
                        return button
        raise AssertionError(f"no button containing {label_part!r} in {self.labels}")

    @property
    def labels(self) -> list[str]:
        assert self.last is not None
        return [b.label for reply in self.last.replies for row in reply.buttons for b in row]

    @property
    def text(self) -> str:
        """Everything the bot said in its last answer, as plain text."""
        assert self.last is not None
        return "\n\n".join(to_plain(reply.text) for reply in self.last.replies)

    async def _send(self, incoming: Incoming) -> Outcome:
        self.last = await self.dialogue.handle(incoming)
        return self.last
