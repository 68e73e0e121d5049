"""The running bot's parts that the editor changes: the published guide and the understanding's model.

A publish swaps a new `Guide` into the dialogue; a retrain swaps a new model into the understanding. Both
are single assignments, so a message being answered meanwhile sees the old or the new version, never a mix,
and nothing restarts. In a deployment with several processes each one loads the published guide and the
editors' examples at start-up; the swap here reaches the process that served the editor.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.dialogue import Dialogue
from bot.editor.checks import SPEC_FILE
from bot.storage.content_store import published_guide
from content.guide import Guide
from nlu import LanguageHint, NLUSettings, Parse, TrainingExample, Understanding


@runtime_checkable
class Retrainable(Protocol):
    """An understanding that can be retrained with extra examples and swap its model (nlu.Understanding)."""

    async def parse(self, text: str, hint: LanguageHint | None = None) -> Parse: ...

    async def reload(self, extra: Sequence[TrainingExample]) -> None: ...


@dataclass(frozen=True)
class RetrainReport:
    """The last retrain: when it finished, how long it took, and on how many examples."""

    finished_at: datetime
    seconds: float
    examples: int
    extra: int


@dataclass
class EditorRuntime:
    """What the editor needs from the running service.

    Attributes:
        sessions: the service's session factory.
        dialogue: the conversation core; its `guide` is replaced after a publish.
        data_dir: the NLU training files (nlu/data), read for the examples each topic already has.
        spec_file: the topic catalogue, for the content check on publish.
    """

    sessions: async_sessionmaker[AsyncSession]
    dialogue: Dialogue
    data_dir: Path = field(default_factory=lambda: NLUSettings().data_dir)
    spec_file: Path = SPEC_FILE
    last_retrain: RetrainReport | None = None
    retrain_lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @classmethod
    def for_dialogue(cls, sessions: async_sessionmaker[AsyncSession], dialogue: Dialogue) -> EditorRuntime:
        """The editor of a running dialogue: its training files are those its understanding was trained on."""
        understander = dialogue.understander
        if isinstance(understander, Understanding):
            return cls(sessions, dialogue, understander.settings.data_dir)
        return cls(sessions, dialogue)

    @property
    def guide(self) -> Guide:
        return self.dialogue.guide

    @property
    def understanding(self) -> Retrainable | None:
        """The understanding, if it can be retrained (a scripted one in tests cannot)."""
        understander = self.dialogue.understander
        return understander if isinstance(understander, Retrainable) else None

    async def publish_guide(self) -> Guide:
        """Make the bot answer from what is published now: every door reads the dialogue's guide."""
        async with self.sessions() as session:
            guide = await published_guide(session, self.dialogue.guide)
        self.dialogue.guide = guide
        return guide
