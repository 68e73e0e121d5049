"""What a user notices, on the model trained from the real nlu/data (cached across test runs).

These tests depend on the training data: a failure here means the data or the model got worse for
messages like these, not that the code is broken.
"""

from __future__ import annotations

import pytest

from nlu import LanguageHint, Understanding, reply_language


def test_ukrainian_with_polish_office_words_is_ukrainian_and_legal(real: Understanding) -> None:
    parse = real.parse_sync("як отримати карту побиту")
    assert parse.language == "uk"
    assert parse.intent.startswith("legal.")
    assert parse.entities.documents == ("karta_pobytu",)


def test_transliterated_russian_is_russian_and_pesel(real: Understanding) -> None:
    parse = real.parse_sync("kak poluchit pesel")
    assert parse.intent == "legal.pesel"
    assert parse.language == "ru"
    assert reply_language(parse, None) == "ru"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("zezwolenie na prace", "pl"),
        ("gdzie zrobić pesel dla dziecka", "pl"),
        ("hello", "en"),
        ("дякую", "uk"),
        ("спасибо большое", "ru"),
        ("yak otrymaty pesel dlia dytyny", "uk"),
        ("де зробити песель для дитини", "uk"),
        ("где сделать песель для ребенка", "ru"),
        ("where do I get a PESEL for my baby", "en"),
    ],
)
def test_language_of_short_and_mixed_messages(real: Understanding, text: str, language: str) -> None:
    assert real.parse_sync(text).language == language


def test_hint_decides_a_bare_office_word(real: Understanding) -> None:
    parse = real.parse_sync("PESEL", LanguageHint(chosen="uk", client="uk"))
    assert parse.language == "uk"
    assert reply_language(parse, "uk") == "uk"


def test_off_topic_is_not_answered_with_a_topic(real: Understanding) -> None:
    parse = real.parse_sync("what will the weather be like tomorrow")
    assert parse.intent == "out_of_scope" or parse.decision == "unsure"


def test_violence_inside_an_800_plus_question(real: Understanding) -> None:
    text = (
        "Добрий день, підкажіть, як подати на 800+ на двох дітей через ZUS, якщо я на карті побиту? "
        "Ще таке: чоловік мене бʼє, коли пʼяний, але я не знаю куди з цим іти."
    )
    parse = real.parse_sync(text)
    assert parse.crisis == "violence"
    assert parse.language == "uk"


def test_places_and_citizenship(real: Understanding) -> None:
    assert real.parse_sync("мешкаю w Gdyni").entities.district == "gdynia"
    assert real.parse_sync("я з Грузії, як отримати дозвіл на роботу").entities.citizenship == "ge"


@pytest.mark.parametrize(
    "text",
    [
        "як оформити соціальне житло у Відні",  # another country, the words of a real topic
        "what does the number on a polish id card mean historically",
        "kiedy zbudowano fontannę Neptuna",
        "напиши сочинение про осень",
    ],
)
def test_near_misses_are_out_of_scope(real: Understanding, text: str) -> None:
    parse = real.parse_sync(text)
    assert parse.intent == "out_of_scope" or parse.decision == "unsure"


def test_a_long_story_is_answered_by_its_question(real: Understanding) -> None:
    text = (
        "привіт. я з харкова, живу в гдині пів року. як мені продовжити легальне перебування, "
        "в мене статус укр"
    )
    parse = real.parse_sync(text)
    assert parse.intent.startswith("legal.")
    assert parse.intent != "work.ukr_notification"


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        ("не хочу больше жить, помогите", "self_harm"),
        ("rabotodatel zabral pasport i ne otdaet", "trafficking"),
        ("мій паспорт прострочений, що робити", None),  # the intent net needs a cue of coercion
        ("projekt szkolny o niebieskiej karcie", None),
    ],
)
def test_crisis_signal_on_the_real_model(real: Understanding, text: str, crisis: str | None) -> None:
    assert real.parse_sync(text).crisis == crisis


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("спасибі", "uk"),  # a letter only Ukrainian has
        ("щас", "ru"),
        ("horosho", "ru"),  # read back as "хорошо", a word only the Russian dictionary knows
        ("dyakuyu", "uk"),
    ],
)
def test_short_messages_without_a_hint(real: Understanding, text: str, language: str) -> None:
    assert real.parse_sync(text).language == language
