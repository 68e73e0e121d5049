"""Understanding messages for Pierwsze Kroki: language, intent, entities and crisis signals.

    understanding = await load_understanding(settings.nlu)
    parse = await understanding.parse("як отримати карту побиту", LanguageHint(chosen="uk"))
    reply_in = reply_language(parse, chosen="uk")

See docs/NLU.md for how it works and how well.
"""

from nlu.loading import NLUError, build_understanding, load_understanding
from nlu.reply import reply_language
from nlu.settings import NLUSettings
from nlu.types import Entities, LanguageHint, Parse, TrainingExample
from nlu.understanding import Understanding

__all__ = [
    "Entities",
    "LanguageHint",
    "NLUError",
    "NLUSettings",
    "Parse",
    "TrainingExample",
    "Understanding",
    "build_understanding",
    "load_understanding",
    "reply_language",
]
