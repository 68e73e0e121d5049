"""`firststeps content export|import`: the published guide and editors' questions to and from the files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.editor import training, workflow
from bot.editor.documents import LanguageEdit
from bot.editor.files import dump_topic, edit_examples, export_topics, export_training, import_topics
from bot.editor.runtime import EditorRuntime
from bot.editor.store import TopicStore
from bot.storage import content_store
from bot.storage.models import Staff
from content.guide import body_hash, load_topic_bodies
from nlu import TrainingExample
from nlu.training_data import read_directory
from tests.editor.conftest import NLU_FIXTURES

ROOT = Path(__file__).resolve().parents[2]
SOURCES = "gov.pl | https://www.gov.pl/web/gov"
NEW_EN = "You get a PESEL number at the town hall on the same day. **It is free.**"


def test_every_topic_file_reads_back_as_the_stored_document() -> None:
    for topic_id, body in load_topic_bodies(ROOT / "content" / "topics").items():
        again = json.loads(json.dumps(yaml.safe_load(dump_topic(body)), default=str))
        assert body_hash(again) == body_hash(body), topic_id


def test_the_layout_is_the_seed_files_layout() -> None:
    text = dump_topic(load_topic_bodies(ROOT / "content" / "topics")["legal.pesel"])
    assert text.startswith("id: legal.pesel\ndomain: legal\nescalate: never\nrelated: [housing.registration")
    assert "\n  - title: " in text and "\n    checked: 2026-" in text and "\n    text: |\n      PESEL" in text


async def test_exported_files_are_in_step_and_import_reports_editors_changes(
    runtime: EditorRuntime, anna: Staff, sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    edit = LanguageEdit("PESEL number", NEW_EN, "", "2026-11-26")
    await workflow.save_language(runtime, anna, "legal.pesel", "en", 1, edit, SOURCES, publish=True)
    async with sessions() as session:
        report = export_topics(await TopicStore(session).states(), tmp_path)
    assert len(report.written) == 5 and report.drafts == ()
    exported = load_topic_bodies(tmp_path)
    assert exported["legal.pesel"]["answers"]["en"]["text"] == NEW_EN + "\n"
    async with sessions() as session:
        again = await content_store.sync_from_files(session, exported)
    assert again.added == again.updated == again.conflicts == (), "the exported files are in step"

    draft = LanguageEdit("PESEL number", "A draft nobody has published yet, about PESEL.", "", "2026-11-26")
    await workflow.save_language(runtime, anna, "legal.pesel", "en", 2, draft, SOURCES, publish=False)
    exported["legal.pesel"]["answers"]["pl"]["text"] = "Zmiana w pliku, której redakcja jeszcze nie widziała."
    async with sessions() as session:
        imported = await import_topics(session, exported)
        await session.commit()
    assert imported.conflicts == {"legal.pesel": ["answers.en.text", "answers.pl.text"]}
    async with sessions() as session:
        forced = await import_topics(session, exported, force=["legal.pesel"])
        await session.commit()
        state = await TopicStore(session).state("legal.pesel")
        history = await TopicStore(session).history("legal.pesel")
    assert forced.updated == ("legal.pesel",) and not forced.conflicts
    assert state.published is not None and state.published["answers"]["pl"]["text"].startswith(
        "Zmiana w pliku"
    )
    assert [r.action for r in history] == ["import", "draft", "publish", "files"], (
        "the draft stays in history"
    )


def test_training_questions_go_into_their_intent_block_and_nothing_else_moves(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(NLU_FIXTURES / "data", data)
    before = (data / "uk" / "topics.yml").read_text(encoding="utf-8")
    changed = export_training(
        data,
        extra=[
            TrainingExample("як прописатися за адресою", "housing.registration", "uk"),
            TrainingExample("песель для дружини", "legal.pesel", "uk"),
        ],
        removals=[TrainingExample("хочу оформити песель", "legal.pesel", "uk")],
    )
    assert changed == [data / "uk" / "housing.yml", data / "uk" / "topics.yml"]
    after = (data / "uk" / "topics.yml").read_text(encoding="utf-8")
    assert after.replace("    - песель для дружини\n", "") == before.replace(
        "    - хочу оформити песель\n", ""
    )
    assert (data / "uk" / "housing.yml").read_text(encoding="utf-8") == (
        'version: "3.1"\nnlu:\n- intent: housing.registration\n'
        "  examples: |\n    - як прописатися за адресою\n"
    )
    examples = set(read_directory(data))
    assert TrainingExample("песель для дружини", "legal.pesel", "uk") in examples
    assert TrainingExample("хочу оформити песель", "legal.pesel", "uk") not in examples


def test_editing_examples_keeps_entity_markup_and_other_intents() -> None:
    other = "- intent: c.d\n  examples: |\n    - other\n"
    text = (
        'version: "3.1"\nnlu:\n- intent: a.b\n  examples: |\n    - [Gdynia](city) pesel\n    - keep\n' + other
    )
    assert edit_examples(text, "a.b", ["new one"], {"Gdynia pesel"}) == (
        'version: "3.1"\nnlu:\n- intent: a.b\n  examples: |\n    - keep\n    - new one\n' + other
    )


async def test_removing_a_file_question_waits_for_the_export(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(NLU_FIXTURES / "data", data)
    async with sessions() as session:
        assert await training.remove(session, data, "legal.pesel", "uk", "хочу оформити песель", "anna")
        assert not await training.remove(
            session, data, "legal.pesel", "uk", "not a question of this topic", "anna"
        )
        assert (
            await training.add(
                session, data, "legal.pesel", "uk", ["як отримати песель", "новий: 85010112345"], "anna"
            )
            == 1
        )
        await session.commit()
        shown = {
            e.text: (e.origin, e.removed)
            for e in await training.examples_for(session, data, "legal.pesel", "uk")
        }
        removals = await training.pending_removals(session, data)
        extra = await training.extra_examples(session, data)
    assert shown["хочу оформити песель"] == ("file", True)
    assert shown["новий:"] == ("editor", False), "personal data never becomes a training question"
    assert removals == [TrainingExample("хочу оформити песель", "legal.pesel", "uk")]
    export_training(data, extra, removals)
    async with sessions() as session:
        assert await training.pending_removals(session, data) == []
        assert await training.extra_examples(session, data) == [], "exported additions are file questions now"


def run(*args: str, config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "FIRSTSTEPS_CONFIG": str(config)},
    )


def test_the_commands_round_trip_the_real_guide(tmp_path: Path) -> None:
    config = tmp_path / "config.yml"
    config.write_text(f"data_dir: {tmp_path / 'data'}\ndatabase: {{auto_upgrade: true}}\n")
    first = run("content", "import", config=config)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[-1].endswith("updated, 0 conflicts")
    exported = run("content", "export", "--dir", str(tmp_path / "topics"), config=config)
    assert exported.returncode == 0, exported.stderr
    count = len(list((ROOT / "content" / "topics").glob("*.yml")))
    assert f"{count} topics written, 0 unchanged" in exported.stdout
    again = run("content", "import", "--dir", str(tmp_path / "topics"), config=config)
    assert again.returncode == 0 and "0 added, 0 updated, 0 conflicts" in again.stdout
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "legal.pesel.yml").write_text("id: legal.pesel\ndomain: work\n")
    refused = run("content", "import", "--dir", str(broken), config=config)
    assert refused.returncode == 2 and "legal.pesel" in refused.stderr and "Traceback" not in refused.stderr
