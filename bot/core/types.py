"""What goes into the conversation core and what comes out, with no channel in sight.

Every door (Telegram, the web chat, the terminal, `ask`) turns its own input into an `Incoming` and renders
the `Outcome`'s replies; the replies' text is in the small markup of `content.markup`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Attachment:
    """A file the user sent (photo, document…), by a reference only its channel can resolve.

    The core does not read files; it hands them to an advisor when a case is open.
    """

    kind: str
    ref: str


@dataclass(frozen=True)
class Incoming:
    """One message from a user: free text (or a caption), an attachment, or the payload of a button."""

    channel: str
    user_ref: str
    text: str | None = None
    payload: str | None = None
    client_language: str | None = None
    attachment: Attachment | None = None


@dataclass(frozen=True)
class Button:
    """A button: pressing it sends `payload` back to the core, or opens `url`."""

    label: str
    payload: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Reply:
    """One message to show: markup text and rows of buttons."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    link_preview: bool = False


@dataclass(frozen=True)
class Handoff:
    """The conversation should reach an advisor (routing is the handoff service's job)."""

    case_id: int
    reason: str
    crisis: str | None = None
    new: bool = True


@dataclass(frozen=True)
class Outcome:
    """Everything the core decided for one incoming message."""

    language: str
    replies: tuple[Reply, ...] = ()
    handoff: Handoff | None = None
    intent: str | None = None
    confidence: float | None = None
    answer_id: str | None = None
    extras: dict[str, object] = field(default_factory=dict)
