"""The `firststeps` command as a person or a script uses it: real process, real content, real model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.storage.engine import head_revision

ROOT = Path(__file__).resolve().parents[1]
FIRSTSTEPS = [sys.executable, "-m", "bot.cli"]


def run(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*FIRSTSTEPS, *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("firststeps ")


def test_a_bad_config_is_one_clear_line_not_a_traceback(tmp_path: Path) -> None:
    config = tmp_path / "config.yml"
    config.write_text("web: {port: -1}\n")
    result = run("db", "upgrade", env={"FIRSTSTEPS_CONFIG": str(config)})
    assert result.returncode == 2
    assert "web.port" in result.stderr and "Traceback" not in result.stderr


def test_db_upgrade_creates_the_embedded_database(tmp_path: Path) -> None:
    config = tmp_path / "config.yml"
    config.write_text(f"data_dir: {tmp_path / 'data'}\n")
    result = run("db", "upgrade", env={"FIRSTSTEPS_CONFIG": str(config)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "firststeps.sqlite3").exists()
    assert f"database schema is at {head_revision()}" in result.stdout


QUESTIONS = [
    ("uk", "де мені отримати номер песель?", "legal.pesel", "PESEL"),
    ("ru", "как получить номер песель в польше", "legal.pesel", "PESEL"),
    ("en", "how do i get a pesel number", "legal.pesel", "PESEL"),
    ("pl", "jak dostać numer pesel dla cudzoziemca", "legal.pesel", "PESEL"),
]


def test_ask_jsonl_answers_each_line_in_its_language_in_order() -> None:
    lines = [json.dumps({"text": text}, ensure_ascii=False) for _, text, _, _ in QUESTIONS]
    lines.insert(2, "this is not json")
    result = run("ask", "--jsonl", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5 and "error" in records[2]
    answers = records[:2] + records[3:]
    for (language, text, intent, word), record in zip(QUESTIONS, answers, strict=True):
        assert record["text"] == text
        assert record["language"] == language
        assert record["intent"] == intent, record
        assert record["answer_id"] == intent
        assert word in record["answer"]
        assert set(record) >= {"language", "intent", "confidence", "escalate", "answer_id", "answer"}


@pytest.mark.parametrize(
    ("text", "hint"),
    [("мене б'є чоловік, що робити", "uk"), ("I want to talk to a real person", "en")],
)
def test_ask_marks_messages_that_go_to_an_advisor(text: str, hint: str) -> None:
    result = run("ask", "--json", "--lang", hint, text)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["escalate"] is True


def test_user_add_reads_the_password_from_stdin_and_refuses_weak_ones(tmp_path: Path) -> None:
    config = tmp_path / "config.yml"
    config.write_text(f"data_dir: {tmp_path / 'data'}\ndatabase: {{auto_upgrade: true}}\n")
    env = {"FIRSTSTEPS_CONFIG": str(config)}
    added = run(
        "user",
        "add",
        "anna",
        "--role",
        "advisor",
        "--languages",
        "uk,ru",
        stdin="long enough pass\n",
        env=env,
    )
    assert added.returncode == 0, added.stderr
    assert "added anna (advisor)" in added.stdout
    again = run("user", "add", "anna", "--role", "editor", stdin="another long pass\n", env=env)
    assert again.returncode == 2 and "exists already" in again.stderr
    weak = run("user", "add", "bob", "--role", "editor", stdin="short\n", env=env)
    assert weak.returncode == 2 and "at least 10 characters" in weak.stderr
