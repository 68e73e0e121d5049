"""`firststeps demo-data` and `firststeps stats` as a script would use them, on both engines."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def firststeps(*args: str, config: Path, db_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FIRSTSTEPS_CONFIG": str(config), "DATABASE_URL": db_url}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_demo_data_then_stats_for_scripts(tmp_path: Path, db_url: str) -> None:
    config = tmp_path / "config.yml"
    config.write_text(f"data_dir: {tmp_path}\ndatabase:\n  auto_upgrade: true\n")
    made = firststeps("demo-data", "--events", "4000", "--days", "21", config=config, db_url=db_url)
    assert made.returncode == 0, made.stderr
    events = int(made.stdout.split(" events")[0].rsplit(" ", 1)[-1])
    assert 3000 < events < 5000 and "rolled up" in made.stdout
    again = firststeps("demo-data", config=config, db_url=db_url)
    assert again.returncode == 2 and "already has events" in again.stderr

    shown = firststeps(
        "stats", "--period", "custom", "--from", "2000-01-01", "--json", config=config, db_url=db_url
    )
    assert shown.returncode == 0, shown.stderr
    figures = json.loads(shown.stdout)
    summary = {row["figure"]: row for row in figures["tables"]["summary"]}
    assert 2000 < summary["questions"]["value"] < 3600, "about 70% of the events are counted questions"
    assert 0 < summary["unanswered_percent"]["value"] < 40
    assert len(figures["tables"]["districts"]) == 21, "the 20 districts and 'not known'"
    assert all(
        isinstance(row[lang], int) or row[lang] == "<5"
        for row in figures["tables"]["district_languages"]
        for lang in ("uk", "ru", "en", "pl")
    )

    text = firststeps("stats", "--period", "month", "--rebuild", config=config, db_url=db_url)
    assert text.returncode == 0 and "## summary" in text.stdout and "## escalations" in text.stdout
    assert f"questions {summary['questions']['value']}".split()[0] in text.stdout

    table = firststeps(
        "stats", "--period", "custom", "--from", "2000-01-01", "--csv", "topics", config=config, db_url=db_url
    )
    topics = list(csv.DictReader(io.StringIO(table.stdout)))
    assert (
        sum(int(row["questions"]) for row in topics if row["questions"] != "<5")
        <= summary["questions"]["value"]
    )

    rows = firststeps(
        "stats", "--period", "custom", "--from", "2000-01-01", "--conversations", config=config, db_url=db_url
    )
    conversations = list(csv.DictReader(io.StringIO(rows.stdout)))
    assert len(conversations) == summary["conversations"]["value"]

    wrong = firststeps("stats", "--period", "day", "--date", "tomorrow", config=config, db_url=db_url)
    assert wrong.returncode == 2 and "2026-11-26" in wrong.stderr and "Traceback" not in wrong.stderr
