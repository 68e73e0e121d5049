"""Grouping unanswered questions: across scripts and languages, by the classifier's leaning and the words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.editor.grouping import Question, group, similarity

NOW = datetime(2026, 11, 26, 12, tzinfo=UTC)


def q(
    number: int,
    text: str,
    language: str,
    ranking: tuple[tuple[str, float], ...] = (),
    documents: tuple[str, ...] = (),
) -> Question:
    return Question(number, text, language, NOW - timedelta(minutes=number), "unsure", ranking, documents)


PESEL_UK = q(1, "де отримати песель", "uk", (("legal.pesel", 0.97), ("out_of_scope", 0.02)), ("pesel",))
PESEL_PL = q(2, "gdzie dostać pesel", "pl", (("legal.pesel", 0.93), ("work.taxes", 0.04)), ("pesel",))
PESEL_RU = q(3, "где взять песель ребенку", "ru", (("out_of_scope", 0.5), ("legal.pesel", 0.3)), ("pesel",))
CAT_UK = q(4, "чи можна привезти кота", "uk", (("greet", 0.9), ("legal.pesel", 0.01)))
CAT_UK_AGAIN = q(
    5, "чи можна привезти кота в польщу", "uk", (("out_of_scope", 0.6), ("daily.transport", 0.2))
)
WEATHER = q(6, "яка завтра погода", "uk", (("out_of_scope", 0.95), ("greet", 0.03)))


def test_the_same_question_in_two_languages_is_close() -> None:
    assert similarity(PESEL_UK, PESEL_PL) > 0.8
    assert similarity(PESEL_UK, PESEL_RU) > 0.45, "the word and the document carry a weak ranking"
    assert similarity(CAT_UK, CAT_UK_AGAIN) > 0.6, "one word more, rankings apart: still the same question"
    assert similarity(PESEL_UK, CAT_UK) < 0.2
    assert similarity(WEATHER, CAT_UK) < 0.2, "agreeing on out_of_scope says nothing about the topic"


def test_groups_are_listed_by_size_with_what_the_editor_needs() -> None:
    groups = group([WEATHER, CAT_UK, PESEL_PL, CAT_UK_AGAIN, PESEL_UK, PESEL_RU])
    assert [sorted(question.id for question in g.questions) for g in groups] == [[1, 2, 3], [4, 5], [6]]
    pesel = groups[0]
    assert pesel.count == 3 and sorted(pesel.languages) == [("pl", 1), ("ru", 1), ("uk", 1)]
    assert pesel.suggestion == "legal.pesel" and pesel.key == "1"
    assert groups[2].suggestion is None, "only out-of-scope leaning: no topic to suggest"


def test_shared_question_words_alone_do_not_make_a_group() -> None:
    pesel = q(9, "як отримати песель", "uk", (("legal.pesel", 0.2), ("work.taxes", 0.1)))
    card = q(10, "як отримати карту побиту", "uk", (("legal.residence_card", 0.2), ("work.taxes", 0.1)))
    assert similarity(pesel, card) < 0.45


def test_scripts_and_diacritics_do_not_split_a_group() -> None:
    latin = q(7, "karta pobytu zgubiona", "pl")
    cyrillic = q(8, "карта побиту згубіона", "uk")
    assert similarity(latin, cyrillic) > 0.45
    assert len(group([latin, cyrillic])) == 1
