"""Button payloads: short, versioned strings that fit Telegram's 64-byte callback_data.

A payload carries its format version, so a button pressed in an old message after a deploy is recognised
as old and answered gracefully (the menu again) instead of being misread.
"""

from __future__ import annotations

from dataclasses import dataclass

VERSION = "1"
MAX_BYTES = 64
KINDS = frozenset({"lang", "menu", "dom", "t", "more", "fb", "adv", "forget", "help", "town"})


@dataclass(frozen=True)
class Action:
    """What a button asks the core to do, e.g. Action("t", ("legal.pesel",)) opens a topic."""

    kind: str
    args: tuple[str, ...] = ()


def encode(kind: str, *args: str) -> str:
    """The payload for a button.

    Raises:
        ValueError: unknown kind, a separator inside an argument, or longer than 64 bytes.
    """
    if kind not in KINDS or any("|" in arg for arg in args):
        raise ValueError(f"cannot encode payload {kind!r} {args!r}")
    payload = "|".join((VERSION, kind, *args))
    if len(payload.encode()) > MAX_BYTES:
        raise ValueError(f"payload longer than {MAX_BYTES} bytes: {payload!r}")
    return payload


def decode(payload: str) -> Action | None:
    """The action of a payload, or None when it is from another version or not ours at all."""
    version, _, rest = payload.partition("|")
    if version != VERSION or not rest:
        return None
    kind, *args = rest.split("|")
    return Action(kind, tuple(args)) if kind in KINDS else None
