"""Topic documents as editors change them, the history's word diff, and the preview."""

from __future__ import annotations

from pathlib import Path

from bot.editor.diff import changed_fields, changes, word_diff
from bot.editor.documents import (
    LanguageEdit,
    apply_language_edit,
    changed_languages,
    normalize_text,
    parse_sources,
    sources_text,
    with_sources,
)
from bot.editor.preview import render
from content.guide import Guide, load_topic_bodies
from tests.editor.conftest import CONTENT

BODIES = load_topic_bodies(CONTENT / "topics")


def test_an_edit_changes_one_language_and_keeps_everything_else() -> None:
    body = {**BODIES["legal.pesel"], "variants": [{"when": {"citizenship": ["ua"]}, "answers": {}}]}
    edited = apply_language_edit(
        body, "uk", LanguageEdit(" Номер  PESEL ", "Новий\r\nтекст  \r\n\r\n", "", "2026-11-26")
    )
    assert edited["titles"]["uk"] == "Номер PESEL"
    assert edited["answers"]["uk"] == {"checked": "2026-11-26", "text": "Новий\nтекст\n"}
    assert edited["answers"]["ru"] == body["answers"]["ru"] and edited["variants"] == body["variants"]
    assert body["answers"]["uk"]["text"].startswith("Номер PESEL"), "the stored document is not touched"
    assert changed_languages(body, edited) == {"uk"}


def test_text_is_stored_as_the_seed_files_write_it() -> None:
    assert normalize_text("  \r\nfirst  \r\n\r\n- bullet\t\n\n\n") == "first\n\n- bullet\n"
    assert normalize_text(" \n \n") == ""


def test_sources_are_edited_as_lines() -> None:
    text = "gov.pl: PESEL | https://www.gov.pl/web/gov\n\nbroken line without a link\nZUS|https://www.zus.pl"
    sources, problems = parse_sources(text)
    assert sources == [
        {"title": "gov.pl: PESEL", "url": "https://www.gov.pl/web/gov"},
        {"title": "ZUS", "url": "https://www.zus.pl"},
    ]
    assert problems == ["broken line without a link"]
    body = BODIES["legal.pesel"]
    assert with_sources(body, parse_sources(sources_text(body))[0]) is body, (
        "unchanged sources keep the document"
    )


def test_the_diff_marks_words_and_names_fields() -> None:
    old, new = (
        BODIES["legal.pesel"],
        apply_language_edit(
            BODIES["legal.pesel"],
            "en",
            LanguageEdit(
                "PESEL number", "You get a PESEL number at the town hall. **It is free.**", "", "2026-11-26"
            ),
        ),
    )
    (text, checked, more) = changes(old, new, "en")
    assert (text.field, checked.field, more.field) == (
        "answers.en.text",
        "answers.en.checked",
        "answers.en.more",
    )
    assert [(p.op, p.text) for p in text.pieces if p.op != "same"] == [
        ("removed", "commune office (urząd gminy). "),
        ("added", "town hall. "),
    ]
    assert changes(old, new, "uk") == []
    assert changed_fields(old, new) == ["answers.en.text", "answers.en.more", "answers.en.checked"]
    assert [p.op for p in word_diff("a b", "a b")] == ["same"]


def test_the_preview_is_the_bots_telegram_reply(fixture_guide: Guide) -> None:
    body = apply_language_edit(
        BODIES["legal.pesel"],
        "uk",
        LanguageEdit("PESEL", "Текст <script> з **жирним** і [лінком](https://gov.pl)", "", "2026-11-26"),
    )
    shown = render(fixture_guide, body, "uk")
    assert shown.html.startswith('Текст &lt;script&gt; з <b>жирним</b> і <a href="https://gov.pl">лінком</a>')
    assert "Джерела:" in shown.html and "<script>" not in shown.html
    labels = [label for row in shown.buttons for label in row]
    assert "👍 Корисно" in labels and any("Прописка" in label for label in labels)
    broken = render(fixture_guide, {"id": "work.new", "answers": {"uk": {"text": "**незакрите"}}}, "uk")
    assert broken.html == "**незакрите" and broken.buttons == ()
    assert any("unclosed" in problem for problem in broken.problems)


def test_every_real_topic_survives_the_editor_unchanged() -> None:
    for topic_id, body in load_topic_bodies(Path("content/topics")).items():
        for language, answer in body["answers"].items():
            same = LanguageEdit(
                body["titles"][language], answer["text"], answer.get("more", ""), answer["checked"]
            )
            assert apply_language_edit(body, language, same) == body, (topic_id, language)
