"""`firststeps run` with a token: the real service (real guide, real understanding) answers in Telegram."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.telegram.emulator import BotApiEmulator

ROOT = Path(__file__).resolve().parents[2]


async def test_the_service_answers_in_telegram_and_stops_cleanly(
    tmp_path: Path, emulator: BotApiEmulator
) -> None:
    config = tmp_path / "config.yml"
    text = (ROOT / "config.yml").read_text(encoding="utf-8")
    config.write_text(text.replace("data_dir: data", f"data_dir: {tmp_path / 'data'}"), encoding="utf-8")
    env = {
        **os.environ,
        "FIRSTSTEPS_CONFIG": str(config),
        "TELEGRAM_BOT_TOKEN": emulator.token,
        "TELEGRAM_API_URL": emulator.url,
    }
    env.pop("DATABASE_URL", None)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "run",
        "--port",
        "0",
        cwd=ROOT,
        env=env,
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stderr is not None
    try:
        user = emulator.user(801, "uk")
        user.says("/start")
        [picker] = await emulator.replies(801, within=60)
        assert picker.labels()[0] == "✓ Українська"
        user.press("Українська")
        await emulator.replies(801, 3)
        user.says("де зробити песель")
        [answer] = await emulator.replies(801)
        assert "PESEL" in answer.text and "<a href=" in answer.html
    finally:
        process.send_signal(signal.SIGTERM)
        log = (await asyncio.wait_for(process.stderr.read(), 30)).decode()
        await asyncio.wait_for(process.wait(), 30)
    assert process.returncode == 0, log
    assert "Telegram: @firststeps_test_bot is answering (polling)" in log
    assert "Telegram stopped" in log
    assert emulator.token.split(":")[1] not in log, "the token never reaches the log"
