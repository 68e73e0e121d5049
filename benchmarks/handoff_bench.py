"""Advisor handoff: relay latency both ways through the Bot API emulator, and simultaneous claims.

The Telegram door runs in this process against the emulator (real PTB, real storage, the fixture guide and
a scripted understanding: this measures the relay, not the understanding layer), with an advisors' forum
supergroup. Telegram's message limits are off (they would measure Telegram's pacing, not ours).

- person -> topic: `chats` people each open a case, then write `messages` messages one after another;
  latency from the moment the update is available to the bot until the message is in the case's topic;
- topic -> person: an advisor answers in each topic; latency until the person's chat has the answer;
- claims: `rounds` cases, each claimed by `claimers` advisors at the same moment from their own sessions
  (a barrier after each has opened its transaction); the rounds with exactly one winner are counted.

    .venv/bin/python benchmarks/handoff_bench.py [--postgres URL] [--chats 20] [--messages 5] [--rounds 200]

Writes benchmarks/reports/handoff.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pydantic import SecretStr
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PTB_TIMEDELTA", "true")

from bot.channels.telegram import TelegramDoor
from bot.config import HandoffSettings, TelegramSettings
from bot.core.dialogue import Dialogue
from bot.handoff.cases import Advisor, CaseBook
from bot.storage.engine import create_engine, sessionmaker, upgrade
from bot.storage.models import HandoffCase
from content.guide import Guide
from tests.support.understanding import ScriptedUnderstanding
from tests.telegram.emulator import BotApiEmulator

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "content"
REPORT = ROOT / "benchmarks" / "reports" / "handoff.md"


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"{statistics.median(ordered) * 1000:.1f} / {p95 * 1000:.1f} / {ordered[-1] * 1000:.1f}"


async def _reset(url: str) -> None:
    if url.startswith("postgresql"):
        engine = create_engine(url)
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
        await engine.dispose()


async def relay(url: str, chats: int, messages: int) -> dict[str, str]:
    await _reset(url)
    engine = create_engine(url)
    await upgrade(engine)
    sessions = sessionmaker(engine)
    guide = Guide.from_files(FIXTURES / "topics", FIXTURES / "domains.yml", FIXTURES / "directory")
    emulator = BotApiEmulator()
    await emulator.start()
    forum = emulator.forum()
    telegram = TelegramSettings(
        token=SecretStr(emulator.token),
        api_url=emulator.url,
        poll_timeout=1,
        messages_per_second=0,
        chat_messages_per_second=0,
        group_messages_per_minute=0,
        redeliver_every=1.0,
    )
    dialogue = Dialogue(guide, ScriptedUnderstanding(), sessions)  # type: ignore[arg-type]
    door = TelegramDoor(
        telegram, dialogue, sessions, handoff=HandoffSettings(advisor_chat_id=forum.id, topic_interval=0)
    )
    await door.start()
    await asyncio.wait_for(door.ready.wait(), 10)
    try:
        users = [emulator.user(10_000 + n, "uk") for n in range(chats)]
        for user in users:
            user.presses("1|lang|uk")
        for user in users:
            await emulator.wait_for(user.id, 3, within=60)
        for user in users:
            user.says("/advisor")
        deadline = time.monotonic() + 120
        while len(forum.topics) < chats and time.monotonic() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        threads = {int(name.split(" · ")[0][1:]): thread for thread, name in forum.topics.items()}
        async with sessions() as session:
            case_of = {
                int(external): case_id
                for case_id, external in (
                    await session.execute(
                        text(
                            "SELECT h.id, u.external_id FROM handoff_cases h JOIN users u ON u.id = h.user_id"
                        )
                    )
                ).all()
            }
        inward: list[float] = []
        for round_ in range(messages):
            started: dict[int, float] = {}
            for user in users:
                user.says(f"питання {round_} від {user.id}")
                started[user.id] = time.monotonic()
            for user in users:
                thread = threads[case_of[user.id]]
                wanted = f"питання {round_} від {user.id}"
                while not any(sent.text == wanted for sent in forum.in_topic(thread)):  # noqa: ASYNC110
                    await asyncio.sleep(0.002)
                arrived = next(sent.at for sent in forum.in_topic(thread) if sent.text == wanted)
                inward.append(arrived - started[user.id])
        outward: list[float] = []
        advisor = forum.member(501, "Olena")
        before = {user.id: len(emulator.chats[user.id]) for user in users}
        sent_at: dict[int, float] = {}
        for user in users:
            advisor.says(threads[case_of[user.id]], f"Відповідь для {user.id}")
            sent_at[user.id] = time.monotonic()
        for user in users:
            received = await emulator.wait_for(user.id, before[user.id] + 1, within=60)
            outward.append(received[-1].at - sent_at[user.id])
    finally:
        await door.stop()
        await emulator.close()
        await engine.dispose()
    return {"in": _ms(inward), "out": _ms(outward), "n_in": str(len(inward)), "n_out": str(len(outward))}


async def claims(url: str, rounds: int, claimers: int) -> tuple[int, float]:
    await _reset(url)
    engine = create_engine(url)
    await upgrade(engine)
    sessions = sessionmaker(engine)
    advisors = [Advisor(f"advisor-{n}", telegram_id=n + 1) for n in range(claimers)]
    exact, started = 0, time.perf_counter()
    for _ in range(rounds):
        async with sessions() as session:
            case = HandoffCase(reason="request", status="waiting")
            session.add(case)
            await session.commit()
        barrier = asyncio.Barrier(claimers)

        async def claim(advisor: Advisor, case_id: int = case.id, gate: asyncio.Barrier = barrier) -> bool:
            async with sessions() as session:
                await session.execute(text("SELECT 1"))
                await gate.wait()
                won = (await CaseBook(session).claim(case_id, advisor)).won
                await session.commit()
                return won

        winners = sum(await asyncio.gather(*(claim(advisor) for advisor in advisors)))
        exact += winners == 1
    elapsed = time.perf_counter() - started
    await engine.dispose()
    return exact, elapsed / rounds


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--postgres", default=os.environ.get("BENCH_DATABASE_URL"))
    parser.add_argument("--chats", type=int, default=20)
    parser.add_argument("--messages", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--claimers", type=int, default=4)
    args = parser.parse_args()
    engines = {"SQLite": f"sqlite+aiosqlite:///{tempfile.mkdtemp()}/bench.sqlite3"}
    if args.postgres:
        engines["PostgreSQL"] = args.postgres
    lines = [
        "# Advisor handoff: relay latency and simultaneous claims",
        "",
        f"`benchmarks/handoff_bench.py --chats {args.chats} --messages {args.messages} "
        f"--rounds {args.rounds}`, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"Python {platform.python_version()}, {os.cpu_count()} CPU cores, load average "
        f"{os.getloadavg()[0]:.1f} at the start (the machine is shared).",
        "",
        "Latency in ms as median / p95 / max, through real PTB and the Bot API emulator in one process. "
        "Every round, all people write at the same moment (and the advisor answers every topic at once), so "
        "the figures include queueing behind the others: the advisors' group is one chat, handled in order.",
        "",
        "| engine | person → topic | topic → person | claims: exactly one winner | time per round |",
        "|---|---|---|---|---|",
    ]
    for name, url in engines.items():
        relayed = await relay(url, args.chats, args.messages)
        exact, per_round = await claims(url, args.rounds, args.claimers)
        lines.append(
            f"| {name} | {relayed['in']} (n={relayed['n_in']}) | {relayed['out']} (n={relayed['n_out']}) | "
            f"{exact} of {args.rounds} rounds × {args.claimers} claimers | {per_round * 1000:.1f} ms |"
        )
        print(lines[-1], flush=True)
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {REPORT}")


if __name__ == "__main__":
    asyncio.run(main())
