"""Understanding end to end on the fixture model: parse, parse_sync, reload."""

from __future__ import annotations

import math

from nlu import LanguageHint, NLUSettings, TrainingExample, Understanding, load_understanding
from nlu.features import FeatureConfig, abroad, focus_text, question_sentence


def test_parse_fills_every_field(small: Understanding) -> None:
    parse = small.parse_sync("де отримати песель в Гдині, я з Грузії", LanguageHint(chosen="uk"))
    assert parse.language == "uk" and 0 < parse.language_confidence <= 1
    assert parse.intent == "legal.pesel"
    assert parse.ranking[0] == (parse.intent, parse.confidence)
    assert [p for _, p in parse.ranking] == sorted((p for _, p in parse.ranking), reverse=True)
    assert len(parse.ranking) <= 10
    assert parse.entities.district == "gdynia" and parse.entities.citizenship == "ge"
    assert parse.entities.documents == ("pesel",)
    assert parse.crisis is None


def test_probabilities_sum_to_one(small: Understanding) -> None:
    row = small.bundle.vectorizer.row(({}, {}))  # type: ignore[arg-type]
    assert math.isclose(float(small.bundle.intents.probabilities(row).sum()), 1.0, rel_tol=1e-6)


async def test_async_parse_equals_sync(small: Understanding) -> None:
    text = "where can i get pesel for my child"
    assert await small.parse(text) == small.parse_sync(text)


async def test_empty_and_symbol_messages_do_not_fail(small: Understanding) -> None:
    for text in ("", "???", "👍", "112"):
        parse = await small.parse(text, LanguageHint(client="ru-RU"))
        assert parse.language == "ru"
        assert parse.decision in ("confident", "ambiguous", "unsure")


async def test_load_understanding_and_reload_with_extra_examples(small_settings: NLUSettings) -> None:
    nlu = await load_understanding(small_settings)
    text = "хочу замовити піцу з ананасами"
    extra = [TrainingExample(f"{text} {n}", "thanks", "uk") for n in range(6)]
    before = nlu.bundle
    await nlu.reload(extra)
    assert nlu.bundle is not before and nlu.bundle.examples == before.examples + len(extra)
    assert nlu.parse_sync(text).intent == "thanks"
    await nlu.aclose()


def test_features_of_another_country_and_of_the_question() -> None:
    assert abroad("як отримати посвідку на проживання в Литві")
    assert abroad("praca w Holandii dla Ukraińców")
    assert not abroad("mąż z Niemiec, jak go zameldować w Gdańsku")  # Poland is the place of the matter
    assert not abroad("я з України, де зробити песель")  # a country people come from
    story = (
        "Привіт. Я з Харкова, живу в Гдині пів року з дітьми, працюю на складі через агенцію. "
        "Як мені продовжити легальне перебування?"
    )
    assert question_sentence(story) == "Як мені продовжити легальне перебування?"
    assert question_sentence("Привіт. Де песель?") is None  # not a story
    assert focus_text(story, FeatureConfig()).endswith("\nЯк мені продовжити легальне перебування?")
    assert focus_text(story, FeatureConfig(question_focus=False)) == story
