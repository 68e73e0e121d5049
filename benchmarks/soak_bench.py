"""Soak: many people talking to the bot for a long time. Throughput, latency and memory, minute by minute.

The real service (`firststeps run`: real guide, real understanding, real PTB, Telegram's message limits on as
in production, the production rate limit per person) runs in its own process against the Bot API emulator;
here, `--users` simulated people each ask a question or press a topic button, wait for the answer, read it
for a few seconds (uniformly 4-10 s, so nobody meets the per-person limit) and ask again, for `--minutes`.

Every minute the report records the updates answered, their latency (from the update being available to
the bot until the emulator holds the reply; p50, p99) and the bot process's resident memory (RSS, sampled
every 5 s). A leak shows as RSS that keeps growing after the first minutes; a backlog as latency that keeps
growing. At the end every person must have exactly one reply per update: nothing lost, nothing twice.

The pieces (the bot process, the emulator, the simulated users' load and warm-up) are those of
benchmarks/telegram_bench.py.

    .venv/bin/python benchmarks/soak_bench.py [--minutes 10] [--users 100] [--postgres] [--output FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from telegram_bench import (  # noqa: E402
    WARM_UP_MESSAGES,
    Bot,
    Load,
    bot_process,
    fresh,
    machine,
    percentile,
    postgres_version,
    warm_up,
)

from tests.telegram.emulator import BotApiEmulator, Sent  # noqa: E402

THINK = (4.0, 10.0)
SAMPLE_EVERY = 5.0


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@dataclass
class Minute:
    """What happened in one minute of the soak."""

    index: int
    latencies: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)
    cpu: float = 0.0
    load: float = 0.0


@dataclass
class Soak:
    """The load, with every reply's latency filed under the minute it arrived in."""

    load: Load
    length: int
    began: float = 0.0
    minutes: list[Minute] = field(default_factory=list)

    def minute(self, at: float) -> Minute:
        """The minute `at` falls in; the answers still arriving after the end count in the last one."""
        index = min(int((at - self.began) // 60), self.length - 1)
        while len(self.minutes) <= index:
            self.minutes.append(Minute(len(self.minutes)))
        return self.minutes[index]

    def on_sent(self, sent: Sent) -> None:
        before = len(self.load.latencies)
        self.load.on_sent(sent)
        if self.began and len(self.load.latencies) > before:
            self.minute(sent.at).latencies.append(self.load.latencies[-1])


async def person(soak: Soak, chat: int, stop_at: float, rng: random.Random) -> None:
    """Ask, wait for the answer, read it, ask again."""
    waiter = soak.load.waiters[chat] = asyncio.Event()
    await asyncio.sleep(rng.uniform(*THINK))
    while time.monotonic() < stop_at:
        waiter.clear()
        soak.load.send(chat)
        await asyncio.wait_for(waiter.wait(), 120)
        await asyncio.sleep(rng.uniform(*THINK))


async def sample(soak: Soak, bot: Bot, stop_at: float) -> None:
    """The bot's RSS every few seconds, and its CPU time and the machine's load per minute."""
    cpu = bot.cpu_seconds()
    current = 0
    while time.monotonic() < stop_at:
        now = time.monotonic()
        minute = soak.minute(now)
        minute.rss.append(rss_mb(bot.pid))
        if minute.index != current:
            soak.minutes[current].cpu, cpu = bot.cpu_seconds() - cpu, bot.cpu_seconds()
            soak.minutes[current].load = os.getloadavg()[0]
            current = minute.index
        await asyncio.sleep(SAMPLE_EVERY)
    soak.minutes[current].cpu = bot.cpu_seconds() - cpu
    soak.minutes[current].load = os.getloadavg()[0]


async def soak_run(users: int, minutes: float, engine: str) -> tuple[Soak, dict[str, Any]]:
    emulator = BotApiEmulator()
    await emulator.start()
    soak = Soak(Load(emulator), length=max(1, math.ceil(minutes)))
    emulator.on_sent = soak.on_sent
    chats = range(5000, 5000 + users)
    try:
        async with bot_process(emulator, await fresh(engine), {}, per_person_limit=True) as bot:
            started_rss = rss_mb(bot.pid)
            await warm_up(soak.load, chats)
            soak.began = time.monotonic()
            stop_at = soak.began + minutes * 60
            rngs = [random.Random(chat) for chat in chats]
            sampler = asyncio.create_task(sample(soak, bot, stop_at))
            await asyncio.gather(
                *(person(soak, chat, stop_at, rng) for chat, rng in zip(chats, rngs, strict=True))
            )
            await sampler
            await emulator.settle(1.0, within=120)
            replies = {chat: len(emulator.messages(chat)) - WARM_UP_MESSAGES for chat in chats}
            sent = soak.load.sent_updates
            check = {
                "updates": sum(sent[chat] for chat in chats),
                "lost": sum(max(0, sent[chat] - count) for chat, count in replies.items()),
                "duplicated": sum(max(0, count - sent[chat]) for chat, count in replies.items()),
                "rss_at_start": started_rss,
                "seconds": time.monotonic() - soak.began,
            }
    finally:
        await emulator.close()
    return soak, check


def report(soak: Soak, check: dict[str, Any], users: int, engine: str, pg: str) -> str:
    latencies = [value for minute in soak.minutes for value in minute.latencies]
    full = [minute for minute in soak.minutes if minute.rss]
    lines = [
        "# Soak: a long run with many people",
        "",
        f"Measured by `benchmarks/soak_bench.py` on {machine()}{pg}. {users} simulated people talk to",
        "`firststeps run` (real guide, understanding and PTB; Telegram's limits and the per-person limit",
        f"as in production; {engine}) through the Bot API emulator for {check['seconds'] / 60:.1f} minutes.",
        "Each asks a question or presses a topic button, waits for the answer, reads it for",
        f"{THINK[0]:g}-{THINK[1]:g} s and asks again. Latency: from the update being available to the bot",
        "until the emulator holds the reply. RSS: the bot process's resident memory, sampled every 5 s",
        "(the value at the end of the minute). `load`: the machine's 1-minute load average (other work",
        "shares its two cores).",
        "",
        "| minute | updates | updates/s | p50 ms | p99 ms | max ms | bot CPU s | RSS MB | load |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for minute in soak.minutes:
        values = minute.latencies
        # The last minute is partly the wait for the final answers after the people stopped asking.
        length = min(60.0, max(1.0, check["seconds"] - minute.index * 60))
        lines.append(
            f"| {minute.index + 1} | {len(values)} | {len(values) / length:.1f} | "
            f"{percentile(values, 0.5) * 1000:.0f} | {percentile(values, 0.99) * 1000:.0f} | "
            f"{max(values, default=float('nan')) * 1000:.0f} | {minute.cpu:.1f} | "
            f"{minute.rss[-1] if minute.rss else float('nan'):.0f} | {minute.load:.1f} |"
        )
    first, last = (full[1] if len(full) > 2 else full[0]), full[-1]
    lines += [
        "",
        f"- **Throughput**: {len(latencies)} updates answered in {check['seconds']:.0f} s, "
        f"{len(latencies) / check['seconds']:.1f} updates/s.",
        f"- **Latency** over the whole run: p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
        f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms.",
        f"- **Memory**: {check['rss_at_start']:.0f} MB after start-up, before the warm-up; minute "
        f"{first.index + 1} ended at {first.rss[-1]:.0f} MB, the last at {last.rss[-1]:.0f} MB "
        f"({last.rss[-1] - first.rss[-1]:+.0f} MB); range over the run {min(min(m.rss) for m in full):.0f}-"
        f"{max(max(m.rss) for m in full):.0f} MB.",
        f"- **Every update answered once**: {check['updates']} updates, lost {check['lost']}, "
        f"duplicated {check['duplicated']}.",
        "",
    ]
    return "\n".join(lines)


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument(
        "--postgres", action="store_true", help="PostgreSQL (BENCH_DATABASE_URL) instead of SQLite"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "reports" / "soak.md")
    args = parser.parse_args()
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    engine = "PostgreSQL" if args.postgres else "SQLite"
    soak, check = await soak_run(args.users, args.minutes, engine)
    pg = f", PostgreSQL {await postgres_version()} on the same machine" if args.postgres else ""
    text = report(soak, check, args.users, engine, pg)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0 if check["lost"] == check["duplicated"] == 0 else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
