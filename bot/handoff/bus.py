"""In-process news about cases, so the parts that show or carry them react at once instead of polling.

The database is the truth (a restart loses nothing: every sweep starts from it); the bus only wakes up the
console's live pages and the Telegram relay when something changed. Listeners must be quick and must not
raise: they typically set an event or put the news on a queue.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CaseNews:
    """Something happened to a case (opened, user_message, advisor_message, note, claimed, closed…)."""

    case_id: int
    kind: str


Listener = Callable[[CaseNews], None]


class CaseBus:
    """Publish-subscribe for case news within one process."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Start listening; returns the function that stops it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def publish(self, news: CaseNews) -> None:
        for listener in list(self._listeners):
            try:
                listener(news)
            except Exception:
                log.exception("a case listener failed on %s", news)
