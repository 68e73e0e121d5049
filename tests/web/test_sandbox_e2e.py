"""The README's promise: `firststeps run` brings the sandbox up and answers in each language, in a browser."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.browser import chromium

ROOT = Path(__file__).resolve().parents[2]
READY = re.compile(r"web chat at (http://\S+)")


@pytest.fixture
async def sandbox(tmp_path: Path) -> AsyncIterator[str]:
    """The real service on a free port with a fresh embedded database."""
    config = tmp_path / "config.yml"
    config.write_text((ROOT / "config.yml").read_text().replace("data_dir: data", f"data_dir: {tmp_path}"))
    env = {**os.environ, "FIRSTSTEPS_CONFIG": str(config)}
    env.pop("TELEGRAM_BOT_TOKEN", None)
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
        async with asyncio.timeout(240):
            while True:
                line = (await process.stderr.readline()).decode()
                assert line, "the service exited before it was ready"
                match = READY.search(line)
                if match:
                    break
        yield match.group(1)
    finally:
        process.send_signal(signal.SIGTERM)
        await process.wait()


QUESTIONS = [
    ("Українська", "як отримати песель", "Джерела:"),
    ("Русский", "как получить песель", "Источники:"),
    ("English", "how do I get a PESEL number", "Sources:"),
    ("Polski", "jak uzyskać numer PESEL", "Źródła:"),
]


async def test_the_sandbox_answers_in_each_language(sandbox: str) -> None:
    async with chromium() as browser:
        for button, question, sources in QUESTIONS:
            page = await (await browser.new_context()).new_page()
            await page.goto(sandbox)
            await page.get_by_role("button", name=re.compile(button)).click()
            await page.fill("#message", question)
            await page.press("#message", "Enter")
            answer = page.locator(".msg--bot", has_text=sources).last
            await answer.wait_for(timeout=30_000)
            assert "PESEL" in await answer.inner_text()
