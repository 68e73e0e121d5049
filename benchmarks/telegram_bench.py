"""Telegram end to end: updates/s and reply latency through the Bot API emulator, SQLite and PostgreSQL.

The real service (`firststeps run`: real guide, real understanding, real PTB) runs in its own process with a
token and TELEGRAM_API_URL pointing at the emulator, which runs here together with the simulated users. A
reply's latency is the time from the moment the update is available to the bot (its long poll returns, or
the webhook request is sent) to the moment the emulator has the reply message. Every update asks for one
reply message: half are questions in the user's language (through the understanding layer), half are topic
buttons. Before measuring, every chat chooses its language and asks each question once.

- throughput: N chats, each sending its next update as soon as the previous reply arrived (closed loop),
  Telegram's message limits switched off (they cap any bot at 30 messages/s: this measures our own cost);
- latency at 30 updates/s: 50 chats in turn at a steady 30 updates/s, limits on as in production;
- faults: the same steady load while the emulator answers about one send in eight with 429, 500, a late
  answer, no answer at all, or a dropped connection; afterwards every chat must have exactly one reply per
  update;
- PTB's AIORateLimiter against ours: how long other chats wait while one chat is under a flood wait.

    .venv/bin/python benchmarks/telegram_bench.py [--quick] [--no-postgres] [--only latency] [--output FILE]

Writes benchmarks/reports/telegram.md. PostgreSQL runs use BENCH_DATABASE_URL (default: a database
`firststeps_bench` on the local server, created if missing, emptied before each run).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import shutil
import signal
import socket
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
import telegram  # noqa: E402
from telegram.ext import AIORateLimiter, BaseRateLimiter, ExtBot  # noqa: E402

from bot.channels.telegram.door import api_urls  # noqa: E402
from bot.channels.telegram.ratelimit import ChatRateLimiter, Limits  # noqa: E402
from bot.channels.telegram.transport import AiohttpRequest  # noqa: E402
from tests.telegram.emulator import BotApiEmulator, Sent  # noqa: E402

PG_DEFAULT = "postgresql+asyncpg://postgres@127.0.0.1:5432/firststeps_bench"
LANGS = ("uk", "ru", "en", "pl")
QUESTIONS = {
    "uk": ("де зробити песель", "як зареєструвати місце проживання", "як знайти сімейного лікаря"),
    "ru": ("где сделать песель", "как прописаться в польше", "как найти семейного врача"),
    "en": ("where do I get a PESEL number", "how do I register my address", "how do I find a family doctor"),
    "pl": ("gdzie zrobić pesel", "jak się zameldować", "jak znaleźć lekarza rodzinnego"),
}
BUTTONS = ("1|t|legal.pesel", "1|t|housing.registration", "1|t|health.family_doctor", "1|t|work.permit")
WARM_UP_MESSAGES = 3 + 3 + len(BUTTONS)
NO_LIMITS = {"messages_per_second": 0, "chat_messages_per_second": 0}
FAULTS = {"429": 12, "500": 12, "drop": 8, "late": 8, "hang": 6}


@dataclass
class Load:
    """Updates sent and replies received, per chat, with the times in between."""

    emulator: BotApiEmulator
    pending: dict[int, deque[float]] = field(default_factory=lambda: defaultdict(deque))
    latencies: list[float] = field(default_factory=list)
    sent_updates: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    waiters: dict[int, asyncio.Event] = field(default_factory=dict)
    answered: asyncio.Event = field(default_factory=asyncio.Event)
    rng: random.Random = field(default_factory=lambda: random.Random(1))

    def on_sent(self, sent: Sent) -> None:
        queue = self.pending.get(sent.chat_id)
        if not queue:
            return  # warm-up replies
        self.latencies.append(sent.at - queue.popleft())
        waiter = self.waiters.get(sent.chat_id)
        if waiter is not None:
            waiter.set()
        if not any(self.pending.values()):
            self.answered.set()

    def send(self, chat: int) -> None:
        """One update asking for one reply: a question in the chat's language, or a topic button."""
        language = LANGS[chat % len(LANGS)]
        user = self.emulator.user(chat, language)
        self.pending[chat].append(time.monotonic())
        self.sent_updates[chat] += 1
        self.answered.clear()
        if self.rng.random() < 0.5:
            user.says(self.rng.choice(QUESTIONS[language]))
        else:
            user.presses(self.rng.choice(BUTTONS), message_id=1)


@dataclass
class Bot:
    """The bot process, for its CPU time."""

    pid: int

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _config(work: Path, sections: dict[str, dict[str, Any]]) -> Path:
    """config.yml with a private data folder and these keys per section."""
    lines = (
        (ROOT / "config.yml")
        .read_text(encoding="utf-8")
        .replace("data_dir: data", f"data_dir: {work / 'data'}")
        .splitlines()
    )
    for section, keys in sections.items():
        start = lines.index(f"{section}:")
        for key, value in keys.items():
            rendered = str(value).lower() if isinstance(value, bool) else str(value)
            index = next(i for i in range(start, len(lines)) if lines[i].startswith(f"  {key}:"))
            lines[index] = f"  {key}: {rendered}"
    path = work / "config.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@asynccontextmanager
async def bot_process(
    emulator: BotApiEmulator,
    database_url: str | None,
    telegram: dict[str, Any],
    per_person_limit: bool = False,
) -> AsyncIterator[Bot]:
    """`firststeps run` against the emulator, with these telegram settings, until the block ends.

    Throughput runs send far faster than a person may (closed loops): the per-person limit is off for
    them unless `per_person_limit`.
    """
    work = Path(tempfile.mkdtemp(prefix="firststeps-tg-bench-"))
    port = _free_port()
    if telegram.get("mode") == "webhook":
        telegram = {**telegram, "webhook_url": f"http://127.0.0.1:{port}/telegram/webhook"}
    abuse = {} if per_person_limit else {"max_messages": 10_000}
    env = {
        **os.environ,
        "FIRSTSTEPS_CONFIG": str(_config(work, {"telegram": telegram, "abuse": abuse})),
        "TELEGRAM_BOT_TOKEN": emulator.token,
        "TELEGRAM_API_URL": emulator.url,
    }
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    with (work / "bot.log").open("w") as log:
        process = await asyncio.create_subprocess_exec(
            str(ROOT / ".venv/bin/firststeps"), "run", "--port", str(port), cwd=ROOT, env=env, stderr=log
        )
        try:
            deadline = time.monotonic() + 120
            while not (emulator.calls_of("getUpdates") or emulator.webhook):
                if time.monotonic() > deadline or process.returncode is not None:
                    raise RuntimeError(f"the bot did not start; see {work / 'bot.log'}")
                await asyncio.sleep(0.1)
            yield Bot(process.pid)
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
                await asyncio.wait_for(process.wait(), 60)
    shutil.rmtree(work, ignore_errors=True)


async def warm_up(load: Load, chats: range) -> None:
    """Every chat chooses its language, then asks every question and presses every button once, so that
    nothing loaded on first use falls into the measurement; each update must get exactly one message."""
    emulator = load.emulator
    for chat in chats:
        emulator.user(chat, LANGS[chat % len(LANGS)]).presses(f"1|lang|{LANGS[chat % len(LANGS)]}")
    for chat in chats:
        await emulator.wait_for(chat, 3, within=120)
    for chat in chats:
        user = emulator.user(chat, LANGS[chat % len(LANGS)])
        for question in QUESTIONS[user.language_code or "en"]:
            user.says(question)
        for button in BUTTONS:
            user.presses(button, message_id=1)
    for chat in chats:
        await emulator.wait_for(chat, WARM_UP_MESSAGES, within=120)
    await emulator.settle(0.5, within=60)
    wrong = [chat for chat in chats if len(emulator.messages(chat)) != WARM_UP_MESSAGES]
    if wrong:
        raise RuntimeError(f"some updates did not get exactly one reply message: chats {wrong[:5]}")


async def closed_loop(load: Load, chats: range, seconds: float) -> int:
    """Each chat sends its next update when the previous reply arrived; returns the updates answered."""
    stop_at = time.monotonic() + seconds
    done = 0

    async def chat_loop(chat: int) -> None:
        nonlocal done
        waiter = load.waiters[chat] = asyncio.Event()
        while time.monotonic() < stop_at:
            waiter.clear()
            load.send(chat)
            await asyncio.wait_for(waiter.wait(), 60)
            done += 1

    await asyncio.gather(*(chat_loop(chat) for chat in chats))
    return done


async def steady(load: Load, chats: range, rate: float, seconds: float) -> int:
    """`rate` updates per second, chats in turn, then wait until every reply arrived."""
    began = time.monotonic()
    total = int(rate * seconds)
    for index in range(total):
        delay = began + index / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        load.send(chats[index % len(chats)])
    await asyncio.wait_for(load.answered.wait(), 120)
    return total


def row(
    name: str, engine: str, chats: int, load: Load, updates: int, elapsed: float, cpu: float
) -> dict[str, Any]:
    return {
        "run": name,
        "engine": engine,
        "chats": chats,
        "updates": updates,
        "per_second": updates / elapsed,
        "cpu_ms": cpu / updates * 1000,
        "p50": percentile(load.latencies, 0.5) * 1000,
        "p99": percentile(load.latencies, 0.99) * 1000,
        "max": max(load.latencies, default=float("nan")) * 1000,
        "load": os.getloadavg()[0],
    }


async def measure(
    name: str,
    engine: str,
    chats: range,
    seconds: float,
    telegram: dict[str, Any],
    rate: float | None = None,
    faults: bool = False,
) -> dict[str, Any]:
    """One run: a fresh database and bot process, warm-up, then the closed loop or a steady rate."""
    emulator = BotApiEmulator()
    await emulator.start()
    load = Load(emulator)
    emulator.on_sent = load.on_sent
    try:
        async with bot_process(emulator, await fresh(engine), telegram) as bot:
            await warm_up(load, chats)
            if faults:
                for kind, count in FAULTS.items():
                    for _ in range(count):
                        delay = 1.5 if kind == "late" else 4
                        emulator.fail("sendMessage", kind, chat_id=load.rng.choice(chats), delay=delay)
            cpu, began = bot.cpu_seconds(), time.monotonic()
            if rate is None:
                updates = await closed_loop(load, chats, seconds)
            else:
                updates = await steady(load, chats, rate, seconds)
            result = row(
                name, engine, len(chats), load, updates, time.monotonic() - began, bot.cpu_seconds() - cpu
            )
            if faults:
                await emulator.settle(1.0, within=60)
                result.update(fault_check(emulator, load, chats))
    finally:
        await emulator.close()
    print(result, flush=True)
    return result


def fault_check(emulator: BotApiEmulator, load: Load, chats: range) -> dict[str, Any]:
    """Exactly one reply per update in every chat, after the faults."""
    statuses: dict[int, int] = defaultdict(int)
    for call in emulator.calls_of("sendMessage"):
        statuses[call.status] += 1
    replies = {chat: len(emulator.messages(chat)) - WARM_UP_MESSAGES for chat in chats}
    return {
        "injected": sum(FAULTS.values()) - len(emulator.faults),
        "statuses": dict(sorted(statuses.items())),
        "lost": sum(max(0, load.sent_updates[chat] - count) for chat, count in replies.items()),
        "duplicated": sum(max(0, count - load.sent_updates[chat]) for chat, count in replies.items()),
    }


async def limiter_stall(limiter: BaseRateLimiter[Any], seconds: float = 4.0) -> dict[str, float]:
    """50 chats at 30 messages/s while chat 0 gets one 2-second flood wait: how long do the others wait?"""
    emulator = BotApiEmulator()
    await emulator.start()
    for chat in range(50):
        emulator.user(chat)
    base_url, base_file_url = api_urls(emulator.url)
    latencies: list[float] = []

    async def one(bot: ExtBot[Any], chat: int) -> None:
        began = time.monotonic()
        try:
            await bot.send_message(chat, "hello")
        except telegram.error.RetryAfter:
            return
        if chat != 0:
            latencies.append(time.monotonic() - began)

    try:
        bot: ExtBot[Any] = ExtBot(
            emulator.token, base_url=base_url, base_file_url=base_file_url, rate_limiter=limiter
        )
        async with bot:
            tasks = []
            for index in range(int(30 * seconds)):
                if index == 30:
                    emulator.fail("sendMessage", "429", chat_id=0, retry_after=2)
                    tasks.append(asyncio.create_task(one(bot, 0)))
                await asyncio.sleep(1 / 30)
                tasks.append(asyncio.create_task(one(bot, 1 + index % 49)))
            await asyncio.gather(*tasks)
    finally:
        await emulator.close()
    return {"p50": percentile(latencies, 0.5) * 1000, "max": max(latencies) * 1000}


async def breakdown(rounds: int = 300) -> dict[str, float]:
    """CPU ms of each part of an update's path, measured alone in this process, SQLite in a temporary folder.

    The Bot API calls go to an emulator in another process, so only PTB's and the transport's own work is
    counted: PTB's default (httpx) and the door's (aiohttp).
    """
    from bot.config import AbuseSettings, load_settings
    from bot.core.types import Incoming
    from bot.service import open_service
    from bot.storage.telegram_store import ReceivedUpdate, TelegramStore

    parts: dict[str, float] = {}
    work = Path(tempfile.mkdtemp(prefix="firststeps-tg-parts-"))
    settings = load_settings(env={"DATABASE_URL": f"sqlite+aiosqlite:///{work / 'parts.sqlite3'}"})
    # One person sends all of these in a row: past the per-person limit they would be held, not answered.
    settings = settings.model_copy(update={"abuse": AbuseSettings(max_messages=10_000)})
    service = await open_service(settings)
    try:
        await service.dialogue.handle(Incoming("telegram", "5", payload="1|lang|en"))
        for label, incoming in (
            ("core: a question (understanding + answer)", Incoming("telegram", "5", text=QUESTIONS["en"][0])),
            ("core: a topic button", Incoming("telegram", "5", payload=BUTTONS[0])),
        ):
            began = time.process_time()
            for _ in range(rounds):
                await service.dialogue.handle(incoming)
            parts[label] = (time.process_time() - began) / rounds * 1000
        store = TelegramStore.of(service.sessions, 1)
        body = {"update_id": 0, "message": {"message_id": 1, "date": 0, "text": QUESTIONS["en"][0]}}
        began = time.process_time()
        rows = []
        for index in range(rounds):
            await store.receive([ReceivedUpdate(index, 5, body)])
            rows += await store.answer(index, 5, [{"text": "x" * 2000, "preview": False}])
        for item in rows:
            await store.sent(item.id, 1, 1)
        parts["door storage: store update, write outbox, mark sent"] = (
            (time.process_time() - began) / rounds * 1000
        )
    finally:
        await service.close()
        shutil.rmtree(work, ignore_errors=True)
    parts.update(await _bot_api_costs(rounds))
    return parts


async def _time_calls(bot: ExtBot[Any], transport: str, rounds: int) -> dict[str, float]:
    calls: dict[str, Callable[[], Awaitable[object]]] = {
        f"PTB + {transport}: sendMessage (HTML)": lambda: bot.send_message(
            5, "<b>Answer</b> " + "text " * 300, parse_mode="HTML"
        ),
        f"PTB + {transport}: a small call (sendChatAction, like answerCallbackQuery)": lambda: (
            bot.send_chat_action(5, "typing")
        ),
        f"PTB + {transport}: getUpdates returning one update": lambda: bot.get_updates(timeout=0),
    }
    costs: dict[str, float] = {}
    for label, call in calls.items():
        began = time.process_time()
        for _ in range(rounds):
            await call()
        costs[label] = (time.process_time() - began) / rounds * 1000
    return costs


async def _bot_api_costs(rounds: int) -> dict[str, float]:
    port = _free_port()
    emulator = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.telegram.emulator",
        "--port",
        str(port),
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
    )
    assert emulator.stdout is not None
    await emulator.stdout.readline()
    costs: dict[str, float] = {}
    try:
        base_url, base_file_url = api_urls(f"http://127.0.0.1:{port}")
        async with aiohttp.ClientSession() as client:
            await client.post(f"http://127.0.0.1:{port}/_emulator/users/5/say", json={"text": "hi"})
        for transport, request in (("httpx", None), ("aiohttp", AiohttpRequest)):
            bot: ExtBot[Any] = ExtBot(
                "123456:TEST-token",
                base_url=base_url,
                base_file_url=base_file_url,
                request=request() if request else None,
                get_updates_request=request() if request else None,
            )
            async with bot:
                costs.update(await _time_calls(bot, transport, rounds))
    finally:
        emulator.terminate()
        await emulator.wait()
    return costs


async def postgres_url() -> str | None:
    """The benchmark database, created if missing and emptied; None without a PostgreSQL server."""
    import asyncpg  # type: ignore[import-untyped]

    url = os.environ.get("BENCH_DATABASE_URL", PG_DEFAULT)
    plain = url.replace("postgresql+asyncpg://", "postgresql://")
    server, _, name = plain.rpartition("/")
    try:
        connection = await asyncpg.connect(f"{server}/postgres")
    except OSError:
        return None
    try:
        if not await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            await connection.execute(f'CREATE DATABASE "{name}"')
        else:
            target = await asyncpg.connect(plain)
            await target.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
            await target.close()
        return url
    finally:
        await connection.close()


async def postgres_version() -> str:
    import asyncpg

    url = os.environ.get("BENCH_DATABASE_URL", PG_DEFAULT).replace("postgresql+asyncpg://", "postgresql://")
    connection = await asyncpg.connect(url)
    try:
        return str(await connection.fetchval("SHOW server_version")).split()[0]
    finally:
        await connection.close()


async def fresh(engine: str) -> str | None:
    """A new, empty database for one bot process: None (SQLite in its own folder) or a PostgreSQL URL."""
    return await postgres_url() if engine == "PostgreSQL" else None


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return (
        f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}, python-telegram-bot "
        f"{telegram.__version__}, SQLite {sqlite3.sqlite_version}"
    )


def report(
    rows: list[dict[str, Any]],
    stalls: dict[str, dict[str, float]],
    parts: dict[str, float],
    seconds: float,
    pg: str,
) -> str:
    lines = [
        "# Telegram end to end",
        "",
        f"Measured by `benchmarks/telegram_bench.py` on {machine()}{pg}.",
        "The bot is `firststeps run` (real guide, real understanding, PTB over HTTP, long polling unless",
        "noted) in its own process; the Bot API emulator and the simulated users run in another. Latency:",
        "from the update being available to the bot until the emulator holds the reply. Each run lasts",
        f"{seconds:g} s after a warm-up. `CPU ms` is the bot process's CPU time per update; `load` is the",
        "machine's 1-minute load average at the end of the run (other work on the machine competes for the",
        "same two cores).",
        "",
        "| run | database | chats | updates | updates/s | CPU ms | p50 ms | p99 ms | max ms | load |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for item in rows:
        lines.append(
            f"| {item['run']} | {item['engine']} | {item['chats']} | {item['updates']} | "
            f"{item['per_second']:.0f} | {item['cpu_ms']:.1f} | {item['p50']:.1f} | {item['p99']:.1f} | "
            f"{item['max']:.0f} | {item['load']:.1f} |"
        )
    lines += [
        "",
        "Reading the table: the bot is one Python process on one core, so closed-loop updates/s is about",
        "1000 / `CPU ms` when the machine is otherwise idle. With 50 chats in a closed loop every chat waits",
        "for all the others (latency ≈ chats / throughput): those rows measure capacity, not responsiveness.",
        "With Telegram's limits on, no bot sends more than 30 messages/s, so 30 updates/s (one reply each)",
        "is the most a real bot can be asked to carry; its latency is the responsiveness figure.",
    ]
    lines += ["", "## Faults", ""]
    kinds = ", ".join(f"{kind}×{count}" for kind, count in FAULTS.items())
    for item in rows:
        if "lost" in item:
            lines.append(
                f"- {item['engine']}: {item['injected']} sends failed on purpose ({kinds}); sendMessage "
                f"answers by status {item['statuses']}; "
                f"**lost {item['lost']}, duplicated {item['duplicated']}**."
            )
    lines += [
        "",
        "## Where the CPU goes",
        "",
        "Each part measured alone (CPU ms per call, SQLite), to read the totals above against:",
        "",
        "| part | CPU ms |",
        "|---|---|",
        *(f"| {name} | {value:.2f} |" for name, value in parts.items()),
    ]
    lines += [
        "",
        "## One chat's flood wait, and the other chats",
        "",
        "50 chats at 30 messages/s through a bare PTB bot; one chat gets a 2-second RetryAfter.",
        "",
        "| rate limiter | other chats p50 ms | other chats max ms |",
        "|---|---|---|",
        *(f"| {name} | {value['p50']:.1f} | {value['max']:.0f} |" for name, value in stalls.items()),
        "",
    ]
    return "\n".join(lines)


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="5-second runs")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument(
        "--only",
        choices=("throughput", "latency", "faults"),
        action="append",
        help="run only these (repeatable)",
    )
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "reports" / "telegram.md")
    args = parser.parse_args()
    only = set(args.only or ("throughput", "latency", "faults"))
    seconds = 5.0 if args.quick else 20.0
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    stalls = {
        "PTB AIORateLimiter(max_retries=1)": await limiter_stall(AIORateLimiter(max_retries=1)),
        "ChatRateLimiter (this door)": await limiter_stall(ChatRateLimiter(Limits())),
    }
    print(stalls, flush=True)
    parts = await breakdown()
    print(parts, flush=True)
    engines = ["SQLite"]
    if not args.no_postgres and await postgres_url():
        engines.append("PostgreSQL")
    rows: list[dict[str, Any]] = []
    faulty = {"send_timeout": 2, "retry_backoff": 0.2}
    for engine in engines:
        if "throughput" in only:
            rows.append(
                await measure("throughput, limits off", engine, range(1000, 1001), seconds, NO_LIMITS)
            )
            rows.append(
                await measure("throughput, limits off", engine, range(1000, 1050), seconds, NO_LIMITS)
            )
        if "throughput" in only and engine == "SQLite":
            webhook = {**NO_LIMITS, "mode": "webhook"}
            rows.append(
                await measure("throughput, limits off, webhook", engine, range(1000, 1050), seconds, webhook)
            )
        if "latency" in only:
            rows.append(
                await measure("30 updates/s, limits on", engine, range(2000, 2050), seconds, {}, rate=30)
            )
        if "faults" in only:
            rows.append(
                await measure(
                    "30 updates/s, limits on, faults", engine, range(3000, 3050), seconds, faulty, 30, True
                )
            )
    pg = f", PostgreSQL {await postgres_version()} on the same machine" if "PostgreSQL" in engines else ""
    text = report(rows, stalls, parts, seconds, pg)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
