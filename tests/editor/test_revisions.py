"""Drafts, publishing, history, rollback, locking and translation flags on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core import compose
from bot.editor import translations, workflow
from bot.editor.documents import LanguageEdit
from bot.editor.runtime import EditorRuntime
from bot.editor.store import EditConflict, TopicStore
from bot.i18n import translator
from bot.storage.models import AuditEntry, Base, ContentTopic, Staff

TABLES = ("content_reviews", "editor_examples", "inbox_items", "published_version", "'action'")
SOURCES = "gov.pl | https://www.gov.pl/web/gov"
NEW_UK = "Номер PESEL тепер видають в урзенді гміни за один день. **Безкоштовно.**"


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": False})
    return [diff for diff in compare_metadata(context, Base.metadata) if any(t in repr(diff) for t in TABLES)]


async def test_the_migration_creates_what_the_models_describe(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        assert await connection.run_sync(_differences) == []


def edit(text: str, title: str = "PESEL", checked: str = "2026-11-25") -> LanguageEdit:
    return LanguageEdit(title=title, text=text, more="", checked=checked)


async def _state(runtime: EditorRuntime, topic_id: str = "legal.pesel") -> Any:
    async with runtime.sessions() as session:
        return await TopicStore(session).state(topic_id)


def _uk_text(runtime: EditorRuntime) -> str:
    return runtime.guide.topics["legal.pesel"].answers["uk"].text


async def test_a_draft_is_a_revision_users_do_not_see_until_it_is_published(
    runtime: EditorRuntime, anna: Staff
) -> None:
    before = _uk_text(runtime)
    saved = await workflow.save_language(
        runtime, anna, "legal.pesel", "uk", 1, edit(NEW_UK), SOURCES, publish=False, note="new rule"
    )
    state = await _state(runtime)
    assert (saved.version, state.version, state.published_version) == (2, 2, 1)
    assert state.draft["answers"]["uk"]["text"] == NEW_UK + "\n"
    assert state.published["answers"]["uk"]["text"] == before and _uk_text(runtime) == before

    published = await workflow.publish_draft(runtime, anna, "legal.pesel", 2)
    assert published.published and published.version == 3
    assert _uk_text(runtime) == NEW_UK + "\n", "the running dialogue answers from the new guide"
    async with runtime.sessions() as session:
        history = await TopicStore(session).history("legal.pesel")
        audit = [entry.action for entry in await session.scalars(select(AuditEntry))]
    assert [(r.version, r.action, r.author) for r in history] == [
        (3, "publish", "anna"),
        (2, "draft", "anna"),
        (1, "files", "content-files"),
    ]
    assert history[1].note == "new rule"
    assert audit == ["content_draft", "content_publish"]


async def test_an_untouched_form_changes_nothing(runtime: EditorRuntime, anna: Staff) -> None:
    state = await _state(runtime)
    answer = state.draft["answers"]["uk"]
    same = LanguageEdit(
        "PESEL", answer["text"].replace("\n", "\r\n") + "  \r\n", answer.get("more", ""), answer["checked"]
    )
    result = await workflow.save_language(runtime, anna, "legal.pesel", "uk", 1, same, SOURCES, publish=False)
    assert result.unchanged and (await _state(runtime)).version == 1
    published = await workflow.save_language(
        runtime, anna, "legal.pesel", "uk", 1, same, SOURCES, publish=True
    )
    assert published.unchanged and not published.flagged


async def test_a_save_from_an_old_version_is_refused_and_shows_the_other_change(
    runtime: EditorRuntime, anna: Staff, borys: Staff
) -> None:
    await workflow.save_language(runtime, anna, "legal.pesel", "uk", 1, edit(NEW_UK), SOURCES, publish=False)
    with pytest.raises(EditConflict) as caught:
        await workflow.save_language(
            runtime,
            borys,
            "legal.pesel",
            "uk",
            1,
            edit("Borys's text that must not win silently."),
            SOURCES,
            publish=True,
        )
    conflict = caught.value
    assert (conflict.current.version, conflict.current.author) == (2, "anna")
    assert conflict.base is not None and conflict.base.version == 1
    assert conflict.current.body["answers"]["uk"]["text"] == NEW_UK + "\n"
    state = await _state(runtime)
    assert state.version == 2 and "Borys" not in str(state.draft) and "Borys" not in _uk_text(runtime)


async def test_of_two_simultaneous_saves_exactly_one_wins(
    runtime: EditorRuntime, anna: Staff, borys: Staff
) -> None:
    texts = {
        "anna": "Anna's version of the PESEL answer text.",
        "borys": "Borys's version of the PESEL answer text.",
    }
    results = await asyncio.gather(
        *(
            workflow.save_language(
                runtime, staff, "legal.pesel", "en", 1, edit(texts[staff.username]), SOURCES, publish=False
            )
            for staff in (anna, borys)
        ),
        return_exceptions=True,
    )
    conflicts = [r for r in results if isinstance(r, EditConflict)]
    saved = [r for r in results if isinstance(r, workflow.Result)]
    assert len(conflicts) == 1 and len(saved) == 1, results
    state = await _state(runtime)
    assert state.version == 2
    assert state.draft["answers"]["en"]["text"].strip() == texts[conflicts[0].current.author]


async def test_publishing_refuses_invalid_content_with_the_reason(
    runtime: EditorRuntime, anna: Staff
) -> None:
    cases = [
        ("x" * 1300, "text is 1300 characters as shown (at most 1200)"),
        ("Номер PESEL видають **безкоштовно в урзенді гміни.", "unclosed or empty **bold**"),
        ("Закоротко", "answers.uk.text: String should have at least 20 characters"),
    ]
    for text, reason in cases:
        with pytest.raises(workflow.PublishRefused) as refused:
            await workflow.save_language(
                runtime, anna, "legal.pesel", "uk", 1, edit(text), SOURCES, publish=True
            )
        assert any(reason in error for error in refused.value.report.errors), refused.value.report.errors
    with pytest.raises(workflow.PublishRefused) as refused:
        await workflow.save_language(
            runtime, anna, "legal.pesel", "uk", 1, edit(NEW_UK, checked="2099-01-01"), SOURCES, publish=True
        )
    assert "checked date 2099-01-01 is in the future" in str(refused.value)
    with pytest.raises(workflow.InvalidInput) as invalid:
        await workflow.save_language(
            runtime, anna, "legal.pesel", "uk", 1, edit(NEW_UK), "no url here", publish=True
        )
    assert invalid.value.code == "sources" and invalid.value.details == ["no url here"]
    assert (await _state(runtime)).version == 1, "nothing was saved"


async def test_rollback_publishes_an_old_version_again_as_a_new_revision(
    runtime: EditorRuntime, anna: Staff
) -> None:
    original = _uk_text(runtime)
    await workflow.save_language(runtime, anna, "legal.pesel", "uk", 1, edit(NEW_UK), SOURCES, publish=True)
    assert _uk_text(runtime) == NEW_UK + "\n"
    with pytest.raises(EditConflict):
        await workflow.rollback(runtime, anna, "legal.pesel", 1, base_version=1)
    result = await workflow.rollback(runtime, anna, "legal.pesel", 1, base_version=2)
    assert result.published and result.version == 3
    assert _uk_text(runtime) == original
    state = await _state(runtime)
    assert state.published_version == 3
    async with runtime.sessions() as session:
        latest = (await TopicStore(session).history("legal.pesel"))[0]
    assert (latest.action, latest.note) == ("rollback", "rolled back to version 1")


async def test_a_changed_language_flags_its_translations_until_reviewed(
    runtime: EditorRuntime, anna: Staff
) -> None:
    result = await workflow.save_language(
        runtime, anna, "legal.pesel", "uk", 1, edit(NEW_UK), SOURCES, publish=True
    )
    assert result.flagged == ["ru", "en", "pl"]
    async with runtime.sessions() as session:
        flags = (await translations.flags(session))["legal.pesel"]
    assert {code: (f.changed, f.since_version, f.version) for code, f in flags.items()} == {
        code: ("uk", 1, 2) for code in ("ru", "en", "pl")
    }
    # Updating the Russian version clears its flag (and flags nothing new for Ukrainian, already current).
    ru = LanguageEdit(
        "PESEL", "Номер PESEL теперь выдают в гмине за один день. **Бесплатно.**", "", "2026-11-26"
    )
    result = await workflow.save_language(runtime, anna, "legal.pesel", "ru", 2, ru, SOURCES, publish=True)
    assert result.flagged == ["uk", "en", "pl"]
    assert await workflow.confirm_translation(runtime, anna, "legal.pesel", "en")
    assert not await workflow.confirm_translation(runtime, anna, "legal.pesel", "en")
    async with runtime.sessions() as session:
        flags = (await translations.flags(session))["legal.pesel"]
    assert {code: f.changed for code, f in flags.items()} == {"uk": "ru", "pl": "uk,ru"}
    # A new checked date alone is no change of meaning: nobody is flagged.
    state = await _state(runtime)
    answer = state.draft["answers"]["pl"]
    recheck = LanguageEdit(state.draft["titles"]["pl"], answer["text"], answer.get("more", ""), "2026-11-26")
    result = await workflow.save_language(
        runtime, anna, "legal.pesel", "pl", state.version, recheck, SOURCES, publish=True
    )
    assert result.published and result.flagged == []


async def test_a_new_topic_reaches_the_bot_and_its_menu_only_once_published(
    runtime: EditorRuntime, anna: Staff
) -> None:
    titles = {"uk": "Блакитна карта", "ru": "Голубая карта", "en": "EU Blue Card", "pl": "Niebieska Karta UE"}
    with pytest.raises(workflow.InvalidInput, match="topic_id"):
        await workflow.create_topic(runtime, anna, "Legal Blue", "never", titles)
    with pytest.raises(workflow.InvalidInput, match="domain"):
        await workflow.create_topic(runtime, anna, "space.blue_card", "never", titles)
    await workflow.create_topic(runtime, anna, "work.blue_card", "never", titles)
    with pytest.raises(workflow.InvalidInput, match="exists"):
        await workflow.create_topic(runtime, anna, "work.blue_card", "never", titles)
    assert "work.blue_card" not in runtime.guide.topics

    with pytest.raises(workflow.PublishRefused) as refused:
        await workflow.publish_draft(runtime, anna, "work.blue_card", 1)
    assert "sources" in str(refused.value)
    version = 1
    texts = {
        "uk": "Блакитна карта ЄС — дозвіл для фахівців з вищою освітою.",
        "ru": "Голубая карта ЕС — разрешение для специалистов с высшим образованием.",
        "en": "The EU Blue Card is a permit for highly qualified specialists.",
        "pl": "Niebieska Karta UE to zezwolenie dla wysoko wykwalifikowanych specjalistów.",
    }
    for code, text in texts.items():
        result = await workflow.save_language(
            runtime, anna, "work.blue_card", code, version, edit(text, titles[code]), SOURCES, publish=False
        )
        assert result.version is not None
        version = result.version
    assert "work.blue_card" not in runtime.guide.topics
    result = await workflow.publish_draft(runtime, anna, "work.blue_card", version)
    assert result.published and "not in the topic catalogue" in " ".join(result.warnings)
    assert runtime.guide.topics["work.blue_card"].title("pl") == "Niebieska Karta UE"
    menu = compose.topic_menu(runtime.guide, "work", translator("uk"))
    assert "Блакитна карта" in [button.label for row in menu.buttons for button in row]
    async with runtime.sessions() as session:
        row = await session.get(ContentTopic, "work.blue_card")
        assert row is not None and row.published_version == version + 1
