"""A local stand-in for the Telegram Bot API: real PTB talks to it over HTTP, and it checks like Telegram.

It serves one bot at `/bot<token>/<method>`, keeps what each user would see, and plays the users: a test
(or the benchmark) makes a user write, press a button or share a location, and the update reaches the bot
by getUpdates or by a webhook request, as configured by the bot itself.

It refuses what Telegram refuses, with Telegram's error codes and descriptions: text that is empty or longer
than 4,096 characters after entity parsing, HTML that Telegram cannot parse (unknown or unclosed tags, bare
`<` or `&`), inline keyboards with callback data over 64 bytes or bad URLs, commands Telegram would not
accept, a callback query answered twice or not at all. So a reply Telegram would reject fails the test.

Forum supergroups (the advisors' group) have topics: createForumTopic and deleteForumTopic, messages with
`message_thread_id` (refused with "message thread not found" for an unknown topic and TOPIC_DELETED for one
an admin deleted), files sent by file id (sendPhoto, sendDocument, sendVideo, sendVoice, sendAudio,
sendSticker, captions checked like texts), and group members who write in topics, send files or pin
messages. createForumTopic has Telegram's flood control: topics created in a burst get 429.

Faults are injected per method (and chat): 429 with retry_after, 500, 502 without JSON, a late answer
(the message is delivered, the answer comes after `delay`), a hang (nothing is delivered, no answer), a
dropped connection, and users who blocked the bot (403). Optional flood control answers 429 like Telegram
when a bot writes faster than the configured limits.

Run it by hand for a local bot: `python -m tests.telegram.emulator --port 8081`, then
`TELEGRAM_API_URL=http://127.0.0.1:8081 TELEGRAM_BOT_TOKEN=123456:TEST firststeps run`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import html
import json
import re
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import ClientSession, ClientTimeout, web

MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64
ALLOWED_TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji"}
    | {"code", "pre", "blockquote"}
)
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
JSON_FIELDS = frozenset(
    {"reply_markup", "link_preview_options", "commands", "scope", "allowed_updates", "reply_parameters"}
)
INT_FIELDS = frozenset(
    {"chat_id", "offset", "limit", "timeout", "message_id", "max_connections", "message_thread_id"}
)
MAX_CAPTION = 1024
MEDIA_METHODS = {
    "sendPhoto": "photo",
    "sendDocument": "document",
    "sendVideo": "video",
    "sendVoice": "voice",
    "sendAudio": "audio",
    "sendSticker": "sticker",
}
BOOL_FIELDS = frozenset({"drop_pending_updates", "show_alert", "disable_notification", "protect_content"})
_HTML_TOKEN = re.compile(
    r"<(?P<close>/?)(?P<tag>[a-zA-Z][\w-]*)(?P<attrs>(?:\s+[^<>]*?)?)\s*>"
    r"|&(?P<entity>#\d{1,7}|#x[0-9a-fA-F]{1,6}|lt|gt|amp|quot);"
    r"|(?P<lt><)|(?P<amp>&)",
)
_ATTR = re.compile(r"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")
SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class ApiError(Exception):
    """An error answer of the Bot API."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


def bad_request(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> str:
    """The visible text of a message in Telegram's HTML parse mode, or ApiError as Telegram would say it."""
    out: list[str] = []
    stack: list[str] = []
    position = 0
    for match in _HTML_TOKEN.finditer(text):
        out.append(text[position : match.start()])
        position = match.end()
        offset = len(text[: match.start()].encode())
        if match.group("lt"):
            raise bad_request(f"can't parse entities: Unsupported start tag at byte offset {offset}")
        if match.group("amp"):
            raise bad_request(
                f"can't parse entities: Character '&' is reserved and must be escaped at byte offset {offset}"
            )
        if match.group("entity"):
            out.append(html.unescape(match.group(0)))
            continue
        tag = match.group("tag").lower()
        if tag not in ALLOWED_TAGS:
            raise bad_request(f'can\'t parse entities: Unsupported start tag "{tag}" at byte offset {offset}')
        if match.group("close"):
            if not stack or stack[-1] != tag:
                expected = f', expected "</{stack[-1]}>"' if stack else ""
                raise bad_request(
                    f"can't parse entities: Unmatched end tag at byte offset {offset}{expected}"
                )
            stack.pop()
            continue
        _check_attributes(tag, match.group("attrs") or "", offset)
        stack.append(tag)
    out.append(text[position:])
    if stack:
        raise bad_request(
            f"can't parse entities: Can't find end tag corresponding to start tag \"{stack[-1]}\""
        )
    return "".join(out)


def _check_attributes(tag: str, attrs: str, offset: int) -> None:
    values = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in _ATTR.finditer(attrs)}
    if tag == "a":
        href = html.unescape(values.get("href", ""))
        if not re.match(r"^(https?|tg)://\S+$", href):
            raise bad_request(f"can't parse entities: Can't parse URL at byte offset {offset}")
    if tag == "span" and values.get("class") != "tg-spoiler":
        raise bad_request(f'can\'t parse entities: Unsupported start tag "span" at byte offset {offset}')


def check_keyboard(markup: Any) -> None:
    """Inline keyboards as Telegram checks them."""
    if markup is None:
        return
    rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('can\'t parse inline keyboard button: field "inline_keyboard" must be an Array')
    if sum(len(row) for row in rows) > 100 or any(len(row) > 8 for row in rows):
        raise bad_request("too many inline keyboard buttons")
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not str(button.get("text", "")).strip():
                raise bad_request(
                    "BUTTON_TEXT_EMPTY" if isinstance(button, dict) else "button must be an Object"
                )
            if "callback_data" in button:
                data = button["callback_data"]
                if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA:
                    raise bad_request("BUTTON_DATA_INVALID")
            elif "url" in button:
                if not re.match(r"^(https?|tg)://\S+$", str(button["url"])):
                    raise bad_request(f"inline keyboard button URL '{button['url']}' is invalid")
            else:
                raise bad_request("text buttons are unallowed in the inline keyboard")


@dataclass
class Sent:
    """A message the bot sent, as the user sees it."""

    chat_id: int
    message_id: int
    html: str
    text: str
    buttons: list[list[dict[str, str]]]
    preview_disabled: bool
    at: float
    thread_id: int | None = None
    media: str | None = None
    file_id: str | None = None

    def labels(self) -> list[str]:
        return [button["text"] for row in self.buttons for button in row]


@dataclass
class Call:
    """One request the bot made, and how it was answered."""

    method: str
    params: dict[str, Any]
    at: float
    status: int = 0


@dataclass
class Fault:
    """Answer the next `times` calls of `method` (for `chat_id`, if given) with `kind`."""

    method: str
    kind: str
    chat_id: int | None = None
    times: int = 1
    retry_after: int = 1
    delay: float = 0.0


@dataclass
class FloodControl:
    """Telegram-like 429s when the bot writes faster than these rates (messages only)."""

    per_chat_per_second: float = 1.0
    chat_burst: int = 3
    per_second: float = 30.0
    burst: int = 5
    tolerance: float = 0.05
    retry_after: float = 1  # Telegram says whole seconds; tests may scale it down
    _chats: dict[int, float] = field(default_factory=dict)
    _overall: float = 0.0

    def admit(self, chat_id: int, now: float) -> bool:
        """GCRA check: True if this message is within the limits (and counts it)."""
        chat_tat = max(self._chats.get(chat_id, 0.0), now)
        chat_interval = 1 / self.per_chat_per_second
        overall_tat = max(self._overall, now)
        overall_interval = 1 / self.per_second
        if chat_tat - (self.chat_burst - 1) * chat_interval > now + self.tolerance:
            return False
        if overall_tat - (self.burst - 1) * overall_interval > now + self.tolerance:
            return False
        self._chats[chat_id] = chat_tat + chat_interval
        self._overall = overall_tat + overall_interval
        return True


class User:
    """A Telegram user talking to the bot in a private chat."""

    def __init__(self, emulator: BotApiEmulator, user_id: int, language_code: str | None) -> None:
        self.emulator, self.id, self.language_code = emulator, user_id, language_code
        self._message_ids = 0

    @property
    def sender(self) -> dict[str, Any]:
        user: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": f"User {self.id}"}
        if self.language_code:
            user["language_code"] = self.language_code
        return user

    @property
    def chat(self) -> dict[str, Any]:
        return {"id": self.id, "type": "private", "first_name": f"User {self.id}"}

    def _message(self, **content: Any) -> dict[str, Any]:
        self._message_ids += 1
        return {
            "message_id": self._message_ids,
            "date": int(time.time()),
            "chat": self.chat,
            "from": self.sender,
            **content,
        }

    def says(self, text: str) -> int:
        entities = (
            [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}] if text[:1] == "/" else []
        )
        return self.emulator.push({"message": self._message(text=text, entities=entities)})

    def sends(self, **content: Any) -> int:
        """Any other message content, e.g. sticker={...} or photo=[...], caption=..."""
        return self.emulator.push({"message": self._message(**content)})

    def shares_location(self, latitude: float, longitude: float) -> int:
        return self.sends(location={"latitude": latitude, "longitude": longitude})

    def edits(self, message_id: int, text: str) -> int:
        message = {**self._message(text=text), "message_id": message_id, "edit_date": int(time.time())}
        return self.emulator.push({"edited_message": message})

    def presses(self, data: str, message_id: int | None = None) -> int:
        """Press an inline button with this callback data (under the bot's message `message_id`)."""
        query_id = self.emulator.new_query_id()
        query: dict[str, Any] = {
            "id": query_id,
            "from": self.sender,
            "chat_instance": str(self.id),
            "data": data,
        }
        if message_id is not None:
            query["message"] = {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": self.chat,
                "from": self.emulator.bot_user,
                "text": "…",
            }
        return self.emulator.push({"callback_query": query})

    def press(self, label_part: str) -> int:
        """Press the button whose label contains `label_part` in the latest message that has it."""
        for sent in reversed(self.emulator.chats[self.id]):
            for row in sent.buttons:
                for button in row:
                    if label_part in button["text"] and "callback_data" in button:
                        return self.presses(button["callback_data"], sent.message_id)
        raise AssertionError(f"no button with {label_part!r} in chat {self.id}")

    def blocks_bot(self) -> int:
        self.emulator.blocked.add(self.id)
        return self.emulator.push({"my_chat_member": self._membership("member", "kicked")})

    def _membership(self, old: str, new: str) -> dict[str, Any]:
        return {
            "chat": self.chat,
            "from": self.sender,
            "date": int(time.time()),
            "old_chat_member": {"user": self.emulator.bot_user, "status": old},
            "new_chat_member": {"user": self.emulator.bot_user, "status": new, "until_date": 0},
        }


class Forum:
    """A supergroup with topics enabled (the advisors' group), and its members."""

    def __init__(self, emulator: BotApiEmulator, chat_id: int, title: str) -> None:
        self.emulator, self.id, self.title = emulator, chat_id, title
        self.topics: dict[int, str] = {}
        self.deleted: set[int] = set()
        self.created_at: list[float] = []
        self._next_thread = 100
        self._message_ids = 0

    @property
    def chat(self) -> dict[str, Any]:
        return {"id": self.id, "type": "supergroup", "title": self.title, "is_forum": True}

    def create_topic(self, name: str) -> int:
        self._next_thread += 1
        self.topics[self._next_thread] = name
        self.created_at.append(time.monotonic())
        return self._next_thread

    def admin_deletes_topic(self, thread_id: int) -> None:
        """An admin deletes a topic in the Telegram app (no update reaches the bot)."""
        self.deleted.add(thread_id)

    def thread_of(self, name_part: str) -> int:
        for thread, name in self.topics.items():
            if name_part in name and thread not in self.deleted:
                return thread
        raise AssertionError(f"no topic with {name_part!r} in {self.topics}")

    def member(self, user_id: int, first_name: str, is_bot: bool = False) -> Member:
        return Member(self, user_id, first_name, is_bot)

    def message(self, sender: dict[str, Any], thread_id: int | None, **content: Any) -> dict[str, Any]:
        self._message_ids += 1
        message = {
            "message_id": self._message_ids,
            "date": int(time.time()),
            "chat": self.chat,
            "from": sender,
            **content,
        }
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        return message

    def in_topic(self, thread_id: int) -> list[Sent]:
        """What the bot posted in a topic."""
        return [sent for sent in self.emulator.chats[self.id] if sent.thread_id == thread_id]


class Member:
    """Someone in a forum supergroup (an advisor, or another bot)."""

    def __init__(self, forum: Forum, user_id: int, first_name: str, is_bot: bool) -> None:
        self.forum, self.id, self.first_name, self.is_bot = forum, user_id, first_name, is_bot

    @property
    def sender(self) -> dict[str, Any]:
        return {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}

    def says(self, thread_id: int | None, text: str) -> int:
        """Write in a topic (None: the General topic)."""
        entities = (
            [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}] if text[:1] == "/" else []
        )
        message = self.forum.message(self.sender, thread_id, text=text, entities=entities)
        return self.forum.emulator.push({"message": message})

    def sends(self, thread_id: int | None, **content: Any) -> int:
        """Any other content in a topic, e.g. photo=[...], caption=..., or pinned_message={...}."""
        return self.forum.emulator.push({"message": self.forum.message(self.sender, thread_id, **content)})


class BotApiEmulator:
    """The Bot API for one bot, on 127.0.0.1 and a free port."""

    def __init__(self, token: str = "123456:TEST-token", username: str = "firststeps_test_bot") -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.username = username
        self.url = ""
        self.updates: deque[dict[str, Any]] = deque()
        # Telegram's update ids only grow; a new emulator on an old database must not reuse them.
        self.next_update_id = int(time.time() * 1000) % 1_000_000_000
        self.chats: dict[int, list[Sent]] = defaultdict(list)
        self.calls: list[Call] = []
        self.faults: list[Fault] = []
        self.blocked: set[int] = set()
        self.known_chats: set[int] = set()
        self.queries: dict[str, bool] = {}
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.webhook: dict[str, Any] | None = None
        self.webhook_statuses: list[int] = []
        self.flood: FloodControl | None = None
        self.flood_refusals = 0
        self.sent_at: dict[int, float] = {}
        self.on_sent: Callable[[Sent], None] | None = None
        self.forums: dict[int, Forum] = {}
        # Telegram's flood control on creating topics: this many back to back, then one per interval.
        self.topic_burst = 2
        self.topic_interval = 1.0
        self._message_ids: dict[int, int] = defaultdict(int)
        self._seen: dict[int, int] = {}
        self._query_ids = 0
        self._arrived = asyncio.Event()
        self._closing = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._webhook_task: asyncio.Task[None] | None = None
        self._client: ClientSession | None = None
        self._methods: dict[str, Callable[[dict[str, Any]], Awaitable[Any]]] = {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "sendMessage": self._send_message,
            "createForumTopic": self._create_forum_topic,
            "deleteForumTopic": self._delete_forum_topic,
            **{method: self._media_sender(kind) for method, kind in MEDIA_METHODS.items()},
            "sendChatAction": self._send_chat_action,
            "answerCallbackQuery": self._answer_callback_query,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "close": self._true,
            "logOut": self._true,
        }

    # --- lifecycle -------------------------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        app = web.Application(client_max_size=1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_post("/_emulator/users/{user}/say", self._control_say)
        app.router.add_post("/_emulator/users/{user}/press", self._control_press)
        app.router.add_get("/_emulator/chats/{user}", self._control_chat)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        address = self._runner.addresses[0]
        self.url = f"http://{address[0]}:{address[1]}"
        self._client = ClientSession(timeout=ClientTimeout(total=10))
        return self.url

    async def close(self) -> None:
        self._closing.set()
        self._arrived.set()  # ends long polls at once
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
        if self._client is not None:
            await self._client.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- users and what they see -----------------------------------------------------------------------

    @property
    def bot_user(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": "Pierwsze Kroki", "username": self.username}

    def user(self, user_id: int, language_code: str | None = "uk") -> User:
        self.known_chats.add(user_id)
        return User(self, user_id, language_code)

    def forum(self, chat_id: int = -1001234567890, title: str = "CWII advisors") -> Forum:
        """A forum supergroup the bot is an admin of."""
        self.known_chats.add(chat_id)
        return self.forums.setdefault(chat_id, Forum(self, chat_id, title))

    def new_query_id(self) -> str:
        self._query_ids += 1
        query_id = f"q{self._query_ids}"
        self.queries[query_id] = False
        return query_id

    def push(self, content: dict[str, Any]) -> int:
        """Make an update available to the bot (getUpdates, or the webhook); returns its update_id."""
        update_id = self.next_update_id
        self.next_update_id += 1
        self.updates.append({"update_id": update_id, **content})
        self._arrived.set()
        return update_id

    def raw_update(self, content: dict[str, Any]) -> dict[str, Any]:
        """An update with a fresh id that is not queued (to post to a webhook by hand)."""
        update_id = self.next_update_id
        self.next_update_id += 1
        return {"update_id": update_id, **content}

    def messages(self, chat_id: int) -> list[Sent]:
        return list(self.chats[chat_id])

    def texts(self, chat_id: int) -> list[str]:
        return [sent.text for sent in self.chats[chat_id]]

    async def wait_for(self, chat_id: int, count: int, within: float = 5.0) -> list[Sent]:
        """Wait until the chat has at least `count` messages from the bot; returns them all."""
        deadline = time.monotonic() + within
        while len(self.chats[chat_id]) < count:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"chat {chat_id}: expected {count} messages, got {len(self.chats[chat_id])}: "
                    f"{self.texts(chat_id)}"
                )
            await asyncio.sleep(0.005)
        return self.messages(chat_id)

    async def replies(self, chat_id: int, count: int = 1, within: float = 5.0) -> list[Sent]:
        """Wait for `count` more messages than the test has seen in the chat; returns the new ones."""
        seen = self._seen.get(chat_id, 0)
        sent = await self.wait_for(chat_id, seen + count, within)
        self._seen[chat_id] = len(sent)
        return sent[seen:]

    async def settle(self, quiet: float = 0.2, within: float = 10.0) -> None:
        """Wait until the bot has made no request for `quiet` seconds (after the updates were fetched)."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            last = max((call.at for call in self.calls if call.method != "getUpdates"), default=0.0)
            if not self.updates and time.monotonic() - last >= quiet:
                return
            await asyncio.sleep(quiet / 4)
        raise AssertionError("the bot did not settle")

    def calls_of(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def fail(self, method: str, kind: str, **options: Any) -> None:
        """Inject a fault: kind is 429, 500, 502, late, hang, drop or 403."""
        self.faults.append(Fault(method, kind, **options))

    # --- the HTTP side ---------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await self._params(request)
        call = Call(method, params, time.monotonic())
        self.calls.append(call)
        handler = self._methods.get(method)
        if handler is None:
            call.status = 404
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
        fault = self._fault(method, params)
        try:
            if fault is not None:
                early = await self._before(fault, request)
                if early is not None:
                    call.status = early.status
                    return early
            result = await handler(params)
            if fault is not None and fault.kind == "late":
                await self._sleep(fault.delay)
        except ApiError as error:
            call.status = error.code
            body: dict[str, Any] = {"ok": False, "error_code": error.code, "description": error.description}
            if error.parameters:
                body["parameters"] = error.parameters
            return web.json_response(body, status=error.code)
        call.status = 200
        return web.json_response({"ok": True, "result": result})

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            raw: dict[str, Any] = await request.json() if request.can_read_body else {}
            return raw
        form = await request.post() if request.can_read_body else {}
        params: dict[str, Any] = {}
        for key, value in form.items():
            text = value if isinstance(value, str) else ""
            if key in JSON_FIELDS or key in INT_FIELDS or key in BOOL_FIELDS:
                try:
                    params[key] = json.loads(text)
                except ValueError as exc:
                    raise web.HTTPBadRequest(text=f"bad {key}") from exc
            else:
                params[key] = text
        return params

    def _fault(self, method: str, params: dict[str, Any]) -> Fault | None:
        for fault in self.faults:
            if fault.method == method and fault.chat_id in (None, params.get("chat_id")):
                fault.times -= 1
                if fault.times <= 0:
                    self.faults.remove(fault)
                return fault
        return None

    async def _before(self, fault: Fault, request: web.Request) -> web.StreamResponse | None:
        """Faults that answer instead of the method; None lets the method run (late answers)."""
        if fault.kind == "429":
            raise ApiError(
                429,
                f"Too Many Requests: retry after {fault.retry_after}",
                {"retry_after": fault.retry_after},
            )
        if fault.kind == "500":
            raise ApiError(500, "Internal Server Error")
        if fault.kind == "403":
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if fault.kind == "502":
            return web.Response(status=502, text="<html>Bad Gateway</html>", content_type="text/html")
        if fault.kind == "hang":
            await self._sleep(fault.delay or 3600)
            raise ApiError(500, "Internal Server Error")
        if fault.kind == "drop":
            if request.transport is not None:
                request.transport.close()
            return web.Response(status=500)
        return None

    async def _sleep(self, delay: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._closing.wait(), timeout=delay)

    # --- control endpoints, for using the emulator by hand -----------------------------------------------

    async def _control_say(self, request: web.Request) -> web.Response:
        body = await request.json()
        user = self.user(int(request.match_info["user"]), body.get("language_code", "en"))
        return web.json_response({"update_id": user.says(str(body["text"]))})

    async def _control_press(self, request: web.Request) -> web.Response:
        body = await request.json()
        user = self.user(int(request.match_info["user"]), body.get("language_code", "en"))
        return web.json_response({"update_id": user.presses(str(body["data"]))})

    async def _control_chat(self, request: web.Request) -> web.Response:
        chat = [
            {"text": sent.text, "buttons": sent.buttons}
            for sent in self.chats[int(request.match_info["user"])]
        ]
        return web.json_response(chat)

    # --- methods ---------------------------------------------------------------------------------------

    async def _true(self, params: dict[str, Any]) -> bool:
        return True

    async def _get_me(self, params: dict[str, Any]) -> dict[str, Any]:
        return {**self.bot_user, "can_join_groups": True, "can_read_all_group_messages": False}

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
                "delete the webhook first",
            )
        offset = params.get("offset")
        if isinstance(offset, int):
            while self.updates and self.updates[0]["update_id"] < offset:
                self.updates.popleft()  # confirmed: Telegram forgets it
        if not self.updates:
            self._arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), timeout=float(params.get("timeout") or 0))
        limit = int(params.get("limit") or 100)
        return [update for update, _ in zip(list(self.updates), range(limit), strict=False)]

    async def _set_webhook(self, params: dict[str, Any]) -> bool:
        url = str(params.get("url", ""))
        secret = params.get("secret_token")
        if secret is not None and not SECRET.match(str(secret)):
            raise bad_request("secret token contains unallowed characters")
        if not url:
            return await self._delete_webhook(params)
        if not re.match(r"^https?://\S+$", url):
            raise bad_request("bad webhook: Failed to resolve host")
        if params.get("drop_pending_updates"):
            self.updates.clear()
        self.webhook = {"url": url, "secret_token": secret, "max_connections": params.get("max_connections")}
        if self._webhook_task is None or self._webhook_task.done():
            self._webhook_task = asyncio.create_task(self._deliver_webhooks())
        return True

    async def _delete_webhook(self, params: dict[str, Any]) -> bool:
        self.webhook = None
        if params.get("drop_pending_updates"):
            self.updates.clear()
        return True

    async def _get_webhook_info(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "url": self.webhook["url"] if self.webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self.updates),
        }

    async def _deliver_webhooks(self) -> None:
        """Post queued updates to the webhook, one at a time, resending until acknowledged (like Telegram)."""
        while self.webhook is not None:
            if not self.updates:
                self._arrived.clear()
                await self._arrived.wait()
                continue
            status = await self.post_webhook(self.updates[0])
            if 200 <= status < 300:
                self.updates.popleft()
            else:
                await asyncio.sleep(0.05)

    async def post_webhook(self, update: dict[str, Any], secret: str | None = None) -> int:
        """POST one update to the bot's webhook (with the secret it set, unless given); returns the status."""
        assert self.webhook is not None and self._client is not None, "no webhook is set"
        token = secret if secret is not None else self.webhook.get("secret_token")
        headers = {"X-Telegram-Bot-Api-Secret-Token": token} if token else {}
        try:
            async with self._client.post(self.webhook["url"], json=update, headers=headers) as response:
                status = response.status
        except OSError:
            status = 0
        self.webhook_statuses.append(status)
        return status

    def _chat_id(self, params: dict[str, Any]) -> int:
        chat_id = params.get("chat_id")
        if not isinstance(chat_id, int):
            raise bad_request("chat_id is empty" if chat_id is None else "chat not found")
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat_id not in self.known_chats:
            raise bad_request("chat not found")
        return chat_id

    @staticmethod
    def _visible(raw: str, params: dict[str, Any]) -> str:
        parse_mode = str(params.get("parse_mode", "")).upper()
        if parse_mode not in ("", "HTML"):
            raise bad_request(f"unsupported parse_mode {parse_mode}")
        return parse_html(raw) if parse_mode == "HTML" else raw

    def _thread(self, chat_id: int, params: dict[str, Any]) -> int | None:
        """The forum topic a message goes to, checked as Telegram does."""
        thread = params.get("message_thread_id")
        if thread is None:
            return None
        forum = self.forums.get(chat_id)
        if forum is None or not isinstance(thread, int) or thread not in forum.topics:
            raise bad_request("message thread not found")
        if thread in forum.deleted:
            raise bad_request("TOPIC_DELETED")
        return thread

    def _admit(self, chat_id: int) -> None:
        if self.flood is not None and not self.flood.admit(chat_id, time.monotonic()):
            self.flood_refusals += 1
            wait = self.flood.retry_after
            raise ApiError(429, f"Too Many Requests: retry after {wait:g}", {"retry_after": wait})

    def _deliver(self, sent: Sent, markup: Any = None) -> dict[str, Any]:
        self.chats[sent.chat_id].append(sent)
        if self.on_sent is not None:
            self.on_sent(sent)
        forum = self.forums.get(sent.chat_id)
        chat: dict[str, Any] = (
            forum.chat if forum else {"id": sent.chat_id, "type": "private" if sent.chat_id > 0 else "group"}
        )
        message: dict[str, Any] = {
            "message_id": sent.message_id,
            "date": int(time.time()),
            "chat": chat,
            "from": self.bot_user,
        }
        if sent.media:
            message.update(_media_object(sent.media, sent.file_id or ""))
            if sent.text:
                message["caption"] = sent.text
        else:
            message["text"] = sent.text
        if sent.thread_id is not None:
            message["message_thread_id"], message["is_topic_message"] = sent.thread_id, True
        if markup:
            message["reply_markup"] = markup
        return message

    def _next_message_id(self, chat_id: int) -> int:
        self._message_ids[chat_id] += 1
        return 1000 + self._message_ids[chat_id]

    async def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(params)
        raw = str(params.get("text", ""))
        text = self._visible(raw, params)
        if not text.strip():
            raise bad_request("message text is empty")
        if utf16_length(text) > MAX_TEXT:
            raise bad_request("message is too long")
        markup = params.get("reply_markup")
        check_keyboard(markup)
        preview = params.get("link_preview_options") or {}
        thread = self._thread(chat_id, params)
        self._admit(chat_id)
        sent = Sent(
            chat_id,
            self._next_message_id(chat_id),
            raw,
            text,
            (markup or {}).get("inline_keyboard", []),
            bool(preview.get("is_disabled")),
            time.monotonic(),
            thread_id=thread,
        )
        return self._deliver(sent, markup)

    def _media_sender(self, kind: str) -> Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]:
        async def send(params: dict[str, Any]) -> dict[str, Any]:
            chat_id = self._chat_id(params)
            file_id = params.get(kind)
            if not isinstance(file_id, str) or not file_id:
                raise bad_request(f"there is no {kind} in the request")
            if not file_id.startswith(("file-", "AgAC", "BQAC", "CAAC")):
                raise bad_request("wrong remote file identifier specified: can't unserialize it")
            raw = str(params.get("caption") or "")
            if raw and kind == "sticker":
                raise bad_request("stickers have no caption")
            caption = self._visible(raw, params) if raw else ""
            if utf16_length(caption) > MAX_CAPTION:
                raise bad_request("message caption is too long")
            thread = self._thread(chat_id, params)
            self._admit(chat_id)
            sent = Sent(
                chat_id,
                self._next_message_id(chat_id),
                raw,
                caption,
                [],
                True,
                time.monotonic(),
                thread_id=thread,
                media=kind,
                file_id=file_id,
            )
            return self._deliver(sent)

        return send

    async def _create_forum_topic(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(params)
        forum = self.forums.get(chat_id)
        if forum is None:
            raise bad_request("the chat is not a forum")
        name = str(params.get("name", ""))
        if not 1 <= len(name) <= 128:
            raise bad_request("TOPIC_TITLE_EMPTY" if not name else "topic name is too long")
        now = time.monotonic()
        recent = [at for at in forum.created_at if now - at < self.topic_interval * self.topic_burst]
        if len(recent) >= self.topic_burst:
            wait = max(1, int(self.topic_interval))
            raise ApiError(429, f"Too Many Requests: retry after {wait}", {"retry_after": wait})
        thread = forum.create_topic(name)
        return {"message_thread_id": thread, "name": name, "icon_color": 7322096}

    async def _delete_forum_topic(self, params: dict[str, Any]) -> bool:
        chat_id = self._chat_id(params)
        forum = self.forums.get(chat_id)
        thread = params.get("message_thread_id")
        if forum is None or thread not in forum.topics or thread in forum.deleted:
            raise bad_request("message thread not found")
        forum.deleted.add(int(str(thread)))
        return True

    async def _send_chat_action(self, params: dict[str, Any]) -> bool:
        self._chat_id(params)
        if params.get("action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    async def _answer_callback_query(self, params: dict[str, Any]) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if self.queries.get(query_id, True):
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        if len(str(params.get("text", ""))) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        self.queries[query_id] = True
        return True

    @staticmethod
    def _scope_key(params: dict[str, Any]) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        language = str(params.get("language_code") or "")
        if language and not re.match(r"^[a-z]{2}$", language):
            raise bad_request("invalid language code specified")
        key = scope.get("type", "default") + (f":{scope['chat_id']}" if "chat_id" in scope else "")
        return key, language

    async def _set_my_commands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("commands must be an array of at most 100 BotCommand")
        for command in commands:
            if not COMMAND.match(str(command.get("command", ""))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._scope_key(params)] = commands
        return True

    async def _get_my_commands(self, params: dict[str, Any]) -> list[dict[str, str]]:
        return self.commands.get(self._scope_key(params), [])

    async def _delete_my_commands(self, params: dict[str, Any]) -> bool:
        self.commands.pop(self._scope_key(params), None)
        return True


def _media_object(kind: str, file_id: str) -> dict[str, Any]:
    """The file part of a message as Telegram returns it."""
    base = {"file_id": file_id, "file_unique_id": f"u-{file_id}"}
    if kind == "photo":
        return {"photo": [{**base, "width": 640, "height": 480}]}
    if kind == "sticker":
        return {
            "sticker": {
                **base,
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            }
        }
    if kind in ("voice", "audio", "video"):
        extra = {"width": 1, "height": 1} if kind == "video" else {}
        return {kind: {**base, "duration": 1, **extra}}
    return {kind: base}


async def _serve(port: int, token: str) -> None:
    emulator = BotApiEmulator(token)
    url = await emulator.start(port=port)
    print(f"Bot API emulator at {url} (token {token}); Ctrl-C stops it", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await emulator.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default="123456:TEST-token")
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.port, args.token))


if __name__ == "__main__":
    main()
